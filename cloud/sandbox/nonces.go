package sandbox

import (
	"container/heap"
	"sync"
	"time"
)

// Replay protection. Tencent API 2.0 (Nonce) and Alibaba (RPC
// SignatureNonce, ACS3 x-acs-signature-nonce) sign a random nonce beside
// the timestamp and refuse a nonce seen before, so that a request copied
// off the wire cannot be sent again while its timestamp is still good.
// Once the timestamp has left the clock window, the timestamp check alone
// refuses the copy: a nonce need be remembered only until then. Tencent
// API 3.0 and Huawei sign no nonce; their frontends rely on the timestamp
// alone, as the clouds do.

// maxNonces caps the memory whatever a client sends. When full, the
// nonce closest to leaving its window is forgotten first: a replay of
// that one request would then pass, which a stand-in for the clouds can
// afford, while a sandbox that grows without bound cannot. tunnelwiz
// sends a few requests a second at most, far below 65,536 in a window.
const maxNonces = 1 << 16

// nonceBook remembers the nonces seen, each until its window closes.
// The zero value is ready to use.
type nonceBook struct {
	mu    sync.Mutex
	until map[string]time.Time
	order nonceHeap // the same keys, the soonest to close first
}

// use records key and reports whether it is new. until is when the
// request's timestamp leaves the clock window; now is the sandbox clock.
func (n *nonceBook) use(key string, until, now time.Time) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.until == nil {
		n.until = map[string]time.Time{}
	}
	for len(n.order) > 0 && n.order[0].until.Before(now) {
		delete(n.until, heap.Pop(&n.order).(nonce).key)
	}
	if _, seen := n.until[key]; seen {
		return false
	}
	for len(n.order) >= maxNonces {
		delete(n.until, heap.Pop(&n.order).(nonce).key)
	}
	n.until[key] = until
	heap.Push(&n.order, nonce{key, until})
	return true
}

func (n *nonceBook) len() int {
	n.mu.Lock()
	defer n.mu.Unlock()
	return len(n.until)
}

func (n *nonceBook) clear() {
	n.mu.Lock()
	n.until, n.order = nil, nil
	n.mu.Unlock()
}

type nonce struct {
	key   string
	until time.Time
}

// nonceHeap is a min-heap on until (container/heap).
type nonceHeap []nonce

func (h nonceHeap) Len() int           { return len(h) }
func (h nonceHeap) Less(i, j int) bool { return h[i].until.Before(h[j].until) }
func (h nonceHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *nonceHeap) Push(x any)        { *h = append(*h, x.(nonce)) }
func (h *nonceHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// FirstUse records a signature nonce of vendor's API and reports whether
// it is new: false when a request signed with the same nonce came before
// and its timestamp is still inside window. signedAt is the request's
// signed timestamp. Frontends call it only once the signature checks
// out, so that no one can use up the nonce of a request still to come
// with an unsigned copy.
func (b *Backend) FirstUse(vendor, nonce string, signedAt time.Time, window time.Duration) bool {
	return b.s.nonces.use(vendor+"\x00"+nonce, signedAt.Add(window), b.s.now())
}
