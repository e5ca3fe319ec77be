package sandbox

import (
	"fmt"
	"sync"

	"tunnelwiz/cloud"
)

// The sandbox's STS: a frontend answering a vendor's AssumeRole (signed
// with the account's keys) issues temporary keys with IssueTemporary; the
// vendor APIs then accept them, with their token, through KeysFor. Every
// request whose signature passed is noted by key id (Signed), so a test
// can see which identity signed a create.

// stsBook holds the temporary keys issued and the key ids seen.
type stsBook struct {
	mu     sync.Mutex
	issued map[string]Temporary
	signed []Signature
}

// Temporary is a set of temporary keys and the role they stand for.
type Temporary struct {
	cloud.Credentials
	Role string
}

// Signature is one request the sandbox accepted: who signed it, for what.
type Signature struct {
	Vendor, Action, KeyID string
}

// IssueTemporary makes temporary keys for a role, as an STS does.
func (b *Backend) IssueTemporary(role string) Temporary {
	b.s.mu.Lock()
	n := b.s.rng.Uint64()
	m := b.s.rng.Uint64()
	b.s.mu.Unlock()
	t := Temporary{Credentials: cloud.Credentials{
		ID:     fmt.Sprintf("STS.sandbox%016x", n),
		Secret: fmt.Sprintf("sandbox-temporary-secret-%016x", m),
		Token:  fmt.Sprintf("sandbox-token-%016x%016x", n, m),
	}, Role: role}
	bk := &b.s.sts
	bk.mu.Lock()
	defer bk.mu.Unlock()
	if bk.issued == nil {
		bk.issued = map[string]Temporary{}
	}
	bk.issued[t.ID] = t
	return t
}

// KeysFor is the account a request's key id names: the sandbox's keys, or
// temporary keys it issued (with their token, which must come along). An
// unknown id gets the sandbox's keys, so that the frontend refuses it as
// the vendor does (a wrong key id).
func (b *Backend) KeysFor(id string) cloud.Credentials {
	bk := &b.s.sts
	bk.mu.Lock()
	defer bk.mu.Unlock()
	if t, ok := bk.issued[id]; ok {
		return t.Credentials
	}
	return Keys
}

// Signed notes that a request signed with keyID passed the check.
func (b *Backend) Signed(vendor, action, keyID string) {
	bk := &b.s.sts
	bk.mu.Lock()
	defer bk.mu.Unlock()
	bk.signed = append(bk.signed, Signature{vendor, action, keyID})
	if len(bk.signed) > maxSignatures {
		// A long-running sandbox keeps the recent ones only.
		bk.signed = append([]Signature(nil), bk.signed[len(bk.signed)-maxSignatures/2:]...)
	}
}

// maxSignatures bounds the signers kept.
const maxSignatures = 4096

// Signatures lists the accepted requests' signers, oldest first (the
// most recent few thousand).
func (s *Server) Signatures() []Signature {
	s.sts.mu.Lock()
	defer s.sts.mu.Unlock()
	return append([]Signature(nil), s.sts.signed...)
}
