package peer

import "strconv"

// Value is one setting of the tunnel: its vocabulary term (cloud/algo.go),
// a mode term, or a number, with the vendor token and the parameter it came
// from.
type Value struct {
	// Term is the vendor-neutral meaning: "aes-cbc-256", "ikev2", "on",
	// "policy", or a number for lifetimes and timers. Empty when the token
	// has no term (or nothing was found).
	Term string
	// Token is the vendor's own word as the spec has it, or the default.
	Token string
	// Field is the catalog path of the parameter ("IKEOptionsSpecification.DhGroupName").
	Field string
	// Default: the spec left it unset, so this is the vendor's documented
	// default, and Source is the rule's evidence.
	Default bool
	Source  string
}

// Known reports whether the value was found (given or defaulted).
func (v Value) Known() bool { return v.Token != "" }

// Int is the value as a number (0 when it is not one).
func (v Value) Int() int64 {
	n, _ := strconv.ParseInt(v.Term, 10, 64)
	return n
}

// Proposal is one phase's algorithms. For IPsec, Group is the PFS group
// ("none" for no PFS).
type Proposal struct {
	Encryption, Integrity, Group Value
}

// Identity is one end's IKE identity.
type Identity struct {
	// Type is "address" or "fqdn".
	Type string
	// ID is the address or the name.
	ID string
	// Field is where the identity is set; empty when it is the vendor's
	// default, the gateway's own address.
	Field string
	// Note says where it comes from, for a comment.
	Note string
}

// End is one gateway of the tunnel.
type End struct {
	// IP is the public address the IKE packets use.
	IP string
	// From says where IP came from: a parameter path, a flag, a look-up.
	From string
	ID   Identity
}

// Child is one pair of traffic selectors (one CHILD_SA / IPsec SA).
type Child struct {
	// Cloud and Customer are the CIDR blocks on each side.
	Cloud, Customer []string
	// CloudField and CustomerField are the parameters (instance paths)
	// they come from.
	CloudField, CustomerField string
}

// Inside is a route-based tunnel's own addressing: the tunnel interface
// addresses and, with BGP, the peers' addresses and the cloud's ASN.
type Inside struct {
	Cloud, Customer, CIDR, CloudASN Value
}

// Tunnel is the whole customer-side view of one cloud connection.
type Tunnel struct {
	// Vendor is the spec's vendor key, Title the API's title, Name the
	// connection's name (or "tunnelwiz").
	Vendor, Title, Name string

	Version, Mode Value
	IKE           Proposal
	IKELifetime   Value
	ESP           Proposal
	ESPLifetime   Value
	// ESPLifeKB is the IPsec SA's traffic lifetime in kilobytes.
	ESPLifeKB Value

	DPD, DPDTimeout, DPDInterval, DPDAction Value
	NATT                                    Value

	// Cloud is the VPN gateway, Customer the device being configured.
	Cloud, Customer End

	// Routing is policy, route or bgp.
	Routing Value
	// Children are the traffic selectors (route-based: one 0.0.0.0/0 pair).
	Children []Child
	// Routes are customer-side subnets named for a route-based tunnel
	// (routed into it rather than negotiated).
	Routes []string
	Inside Inside

	// PSK is the pre-shared key (Token) and its field (named even when
	// the spec leaves it out). KeyFrom says where to read the key the cloud
	// makes up when the spec sends none.
	PSK     Value
	KeyFrom string

	// Warnings are what the spec leaves unknown or the model cannot carry.
	Warnings []Warning

	// Parts are the tunnels of a connection that has several (Alibaba's
	// dual-tunnel mode), each complete; the whole then holds only the
	// names, the first key and the warnings that concern both. PartsField
	// is the list they come from.
	Parts      []*Tunnel
	PartsField string
}

// Warning is something the configuration cannot say as the cloud has it,
// naming the spec's field.
type Warning struct {
	Field   string
	Message string
}

func (w Warning) String() string {
	if w.Field == "" {
		return w.Message
	}
	return w.Field + ": " + w.Message
}

func (t *Tunnel) warn(field, format string, args ...any) {
	t.Warnings = append(t.Warnings, Warning{Field: field, Message: sprintf(format, args...)})
}
