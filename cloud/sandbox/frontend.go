package sandbox

import (
	"net/http"
	"sort"
	"sync"

	"tunnelwiz/cloud"
)

// Op is what a request asks for, in vendor-neutral terms, so that faults
// can be aimed at one kind of call.
type Op string

const (
	OpCreate      Op = "create"
	OpConnections Op = "connections" // list connections
	OpConnection  Op = "connection"  // read one connection
	OpInventory   Op = "inventory"   // VPCs, gateways, customer gateways
	OpDelete      Op = "delete"      // delete one connection
	OpOther       Op = "other"
)

// Frontend speaks one vendor API's wire protocol.
type Frontend interface {
	// Vendor is the catalog API key.
	Vendor() string
	// Match claims a request by its shape (path, headers); it must not
	// consume the body.
	Match(r *http.Request) bool
	// Op names the operation of a matched request.
	Op(r *http.Request, body []byte) Op
	// Serve answers a request: check the signature with b.Keys(), decode,
	// act on the Backend, answer in the vendor's envelope.
	Serve(w http.ResponseWriter, r *http.Request, body []byte, b *Backend)
	// Fail answers with the vendor's error for a refusal: used for the
	// Backend's refusals and for injected faults (throttling, 5xx).
	Fail(w http.ResponseWriter, r *http.Request, ref *Refusal)
}

// Refusal is the Backend saying no, in vendor-neutral terms.
type Refusal struct {
	Code cloud.Code
	// Reason is a stable word the frontend maps to a vendor code.
	Reason  Reason
	Message string
}

func (r *Refusal) Error() string { return string(r.Reason) + ": " + r.Message }

// Reason names why the Backend refused.
type Reason string

const (
	ReasonNoVPNGateway      Reason = "vpn-gateway-not-found"
	ReasonNoCustomerGateway Reason = "customer-gateway-not-found"
	ReasonNoVPC             Reason = "vpc-not-found"
	ReasonNoConnection      Reason = "connection-not-found"
	ReasonDuplicateName     Reason = "duplicate-name"
	ReasonCIDRConflict      Reason = "cidr-conflict"
	ReasonQuota             Reason = "quota"
	ReasonInvalidState      Reason = "invalid-state"     // e.g. deleting a connection being deleted
	ReasonInvalid           Reason = "invalid-parameter" // the catalog found an error
	ReasonAuth              Reason = "auth"              // bad signature, wrong key
	ReasonExpired           Reason = "expired"           // timestamp too old
	ReasonThrottled         Reason = "throttled"
	ReasonInternal          Reason = "internal"
)

var (
	frontendsMu sync.RWMutex
	frontends   = map[string]Frontend{}
)

// Register adds a vendor's frontend; vendor packages call it from init.
func Register(f Frontend) {
	frontendsMu.Lock()
	defer frontendsMu.Unlock()
	frontends[f.Vendor()] = f
}

func registered() []Frontend {
	frontendsMu.RLock()
	defer frontendsMu.RUnlock()
	out := make([]Frontend, 0, len(frontends))
	for _, f := range frontends {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Vendor() < out[j].Vendor() })
	return out
}
