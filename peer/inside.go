package peer

import (
	"fmt"
	"net/netip"
	"strings"
)

// insideNet is a route-based tunnel's inside addressing as addresses: the
// customer's tunnel address, the cloud's (its BGP peer), and the tunnel's
// network. Devices that write an interface address and a BGP neighbour
// read it; strongSwan only names them in comments.
type insideNet struct {
	Customer, Cloud netip.Addr
	Net             netip.Prefix
}

// inside reads the Inside values; ok is false unless both addresses and
// the tunnel's prefix are known (see customerInside).
func inside(in Inside) (insideNet, bool) {
	cust, ok := customerInside(in)
	cloud, _ := addrBits(in.Cloud.Token)
	if !ok || !cloud.IsValid() {
		return insideNet{}, false
	}
	return insideNet{Customer: cust.Addr(), Cloud: cloud, Net: cust.Masked()}, true
}

// customerInside is this side's tunnel interface address with its prefix
// length: the spec's address (or the other host of a /30, insideCustomer)
// with its own prefix, else the tunnel CIDR's when that holds it, else the
// prefix the cloud's address carries. ok is false when the address or
// every prefix is unknown.
func customerInside(in Inside) (netip.Prefix, bool) {
	cust, bits := addrBits(insideCustomer(in))
	if !cust.IsValid() {
		return netip.Prefix{}, false
	}
	if c, err := netip.ParsePrefix(in.CIDR.Token); bits < 0 && err == nil && c.Contains(cust) {
		bits = c.Bits()
	}
	if _, cloudBits := addrBits(in.Cloud.Token); bits < 0 {
		bits = cloudBits
	}
	if bits < 0 {
		return netip.Prefix{}, false
	}
	return netip.PrefixFrom(cust, bits), true
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

// hostOf drops a prefix length: "169.254.0.1/30" -> "169.254.0.1".
func hostOf(s string) string { return strings.Split(s, "/")[0] }

// maskOf is a prefix length as a dotted mask, or as an IOS wildcard.
func maskOf(bits int, wildcard bool) string {
	m := uint32(0)
	if bits > 0 {
		m = ^uint32(0) << (32 - bits)
	}
	if wildcard {
		m = ^m
	}
	return fmt.Sprintf("%d.%d.%d.%d", m>>24, m>>16&0xff, m>>8&0xff, m&0xff)
}
