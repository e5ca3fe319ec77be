package peer

import (
	"net/netip"
	"strings"
)

// insideNet is a route-based tunnel's inside addressing as addresses: the
// customer's tunnel address, the cloud's (its BGP peer), and the tunnel's
// network. Devices that write an interface address and a BGP neighbour
// (fortigate, mikrotik) read it; strongSwan only names them in comments.
type insideNet struct {
	Customer, Cloud netip.Addr
	Net             netip.Prefix
}

// inside reads the Inside values: the customer's address is the spec's or
// the other host of a /30 (insideCustomer); the network is the tunnel CIDR,
// else the prefix either address carries. ok is false when either address
// is unknown or no prefix is given.
func inside(in Inside) (insideNet, bool) {
	cloud, cloudBits := addrBits(in.Cloud.Token)
	cust, custBits := addrBits(insideCustomer(in))
	if !cloud.IsValid() || !cust.IsValid() {
		return insideNet{}, false
	}
	bits := custBits
	if bits < 0 {
		bits = cloudBits
	}
	if p, err := netip.ParsePrefix(in.CIDR.Token); err == nil {
		bits = p.Bits()
	}
	if bits < 0 {
		return insideNet{}, false
	}
	return insideNet{Customer: cust, Cloud: cloud, Net: netip.PrefixFrom(cust, bits).Masked()}, true
}

// addrBits parses "a.b.c.d" (bits -1) or "a.b.c.d/n".
func addrBits(s string) (netip.Addr, int) {
	if strings.Contains(s, "/") {
		p, err := netip.ParsePrefix(s)
		if err != nil || !p.Addr().Is4() {
			return netip.Addr{}, -1
		}
		return p.Addr(), p.Bits()
	}
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is4() {
		return netip.Addr{}, -1
	}
	return a, -1
}
