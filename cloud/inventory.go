package cloud

import "time"

// Address is one address of a gateway: a public IP, and for Huawei the
// EIP's id, which is what vgw_ip takes.
type Address struct {
	ID    string `json:"id,omitempty" yaml:"id,omitempty"`
	IP    string `json:"ip" yaml:"ip"`
	Label string `json:"label,omitempty" yaml:"label,omitempty"` // e.g. "eip1", "private"
}

// Resource is a VPC, VPN gateway or customer gateway, as the pick lists
// show it.
type Resource struct {
	ID        string    `json:"id" yaml:"id"`
	Name      string    `json:"name,omitempty" yaml:"name,omitempty"`
	State     string    `json:"state,omitempty" yaml:"state,omitempty"` // the vendor's own word
	VpcID     string    `json:"vpc_id,omitempty" yaml:"vpc_id,omitempty"`
	CIDR      string    `json:"cidr,omitempty" yaml:"cidr,omitempty"`
	Addresses []Address `json:"addresses,omitempty" yaml:"addresses,omitempty"`
	// Notes are vendor facts worth showing (gateway type, HA mode, ...).
	Notes map[string]string `json:"notes,omitempty" yaml:"notes,omitempty"`
}

// Inventory is what a region holds that a connection can refer to.
type Inventory struct {
	VPCs             []Resource `json:"vpcs"`
	VPNGateways      []Resource `json:"vpn_gateways"`
	CustomerGateways []Resource `json:"customer_gateways"`
}

// Phase is a connection's lifecycle in vendor-neutral terms.
type Phase string

const (
	PhasePending   Phase = "pending"
	PhaseAvailable Phase = "available"
	PhaseFailed    Phase = "failed"
	PhaseDeleting  Phase = "deleting"
	PhaseUnknown   Phase = "unknown"
)

// Tunnel is whether a connection's tunnel is negotiated with the peer, in
// vendor-neutral terms. It is not the resource's lifecycle (Phase): a
// connection is available as soon as the vendor has made it, and its
// tunnel comes up only once the customer gateway negotiates with it.
type Tunnel string

const (
	// TunnelUp: IKE and IPsec are negotiated; traffic can flow.
	TunnelUp Tunnel = "up"
	// TunnelNegotiating: phase 1 (IKE) is up, phase 2 (IPsec) not yet.
	TunnelNegotiating Tunnel = "negotiating"
	// TunnelDown: not negotiated (no peer yet, or negotiation failed).
	TunnelDown Tunnel = "down"
	// TunnelUnknown: the vendor does not say (yet).
	TunnelUnknown Tunnel = "unknown"
)

// Connection is an existing VPN connection as a vendor reports it.
type Connection struct {
	ID                string `json:"id"`
	Name              string `json:"name,omitempty"`
	VPNGatewayID      string `json:"vpn_gateway_id,omitempty"`
	CustomerGatewayID string `json:"customer_gateway_id,omitempty"`
	State             string `json:"state"` // the vendor's own word
	Phase             Phase  `json:"phase"`
	// Tunnel is the tunnel's negotiation state, TunnelState the vendor's
	// own word for it (Tencent NetStatus, Tencent API 2.0 netStatus,
	// Alibaba Status, Huawei status: Huawei has one word for both).
	Tunnel      Tunnel `json:"tunnel"`
	TunnelState string `json:"tunnel_state,omitempty"`
	// StateIsTunnel: State and TunnelState are the vendor's one status
	// (Huawei's), which speaks of the tunnel: said once, beside it.
	StateIsTunnel bool      `json:"-"`
	Created       time.Time `json:"created,omitzero"`
	// Settings are what the vendor reports for the role fields (name,
	// algorithms, lifetimes, ...), as vendor tokens: a read-back to
	// compare with what was sent.
	Settings map[Role]string `json:"settings,omitempty"`
	// Subnets are the local and remote CIDR blocks the vendor reports.
	LocalSubnets  []string `json:"local_subnets,omitempty"`
	RemoteSubnets []string `json:"remote_subnets,omitempty"`
}

// inUTC puts the created time in UTC, to the second: the vendors answer
// in their own offsets (Tencent's +08:00) and precisions (Alibaba's and
// Huawei's milliseconds), and every output (show, list, status, text or
// JSON) says the same instant the same way, RFC 3339 with Z.
func (c *Connection) inUTC() {
	if !c.Created.IsZero() {
		c.Created = c.Created.UTC().Truncate(time.Second)
	}
}

// Filter narrows a connection listing. Empty fields match anything.
type Filter struct {
	VPNGatewayID      string
	CustomerGatewayID string
	Name              string
}

// Matches reports whether c passes the filter.
func (f Filter) Matches(c Connection) bool {
	return (f.VPNGatewayID == "" || f.VPNGatewayID == c.VPNGatewayID) &&
		(f.CustomerGatewayID == "" || f.CustomerGatewayID == c.CustomerGatewayID) &&
		(f.Name == "" || f.Name == c.Name)
}

// Status is what a connection reports about itself, resource and tunnel,
// in vendor-neutral words and the vendor's own: two readings with the
// same Status say the same thing.
type Status struct {
	Phase       Phase
	State       string
	Tunnel      Tunnel
	TunnelState string
}

// Status returns c's status; an unset tunnel reads as unknown.
func (c *Connection) Status() Status {
	t := c.Tunnel
	if t == "" {
		t = TunnelUnknown
	}
	return Status{Phase: c.Phase, State: c.State, Tunnel: t, TunnelState: c.TunnelState}
}
