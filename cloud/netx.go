package cloud

import (
	"fmt"
	"net/netip"
	"strings"
)

// ParseNetwork parses an IPv4 CIDR. With strict, host bits must be zero
// (10.0.0.0/24, not 10.0.0.1/24). The error text is meant for users.
func ParseNetwork(s string, strict bool) (netip.Prefix, error) {
	if strings.TrimSpace(s) != s {
		return netip.Prefix{}, fmt.Errorf("%q has spaces around it: remove them", s)
	}
	p, err := netip.ParsePrefix(s)
	if err != nil || !p.Addr().Is4() {
		return netip.Prefix{}, fmt.Errorf("%q is not an IPv4 CIDR block such as 10.0.0.0/24", s)
	}
	if strict && p.Masked() != p {
		return netip.Prefix{}, fmt.Errorf("%q has host bits set: the network is %s", s, p.Masked())
	}
	return p, nil
}

// ParseCIDRList parses Alibaba's comma-separated CIDR list.
func ParseCIDRList(s string) ([]netip.Prefix, error) { return parseCIDRList(s, true) }

// ParseCIDRListLoose parses a comma-separated CIDR list, host bits allowed.
func ParseCIDRListLoose(s string) ([]netip.Prefix, error) { return parseCIDRList(s, false) }

func parseCIDRList(s string, strict bool) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, part := range strings.Split(s, ",") {
		p, err := ParseNetwork(part, strict)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// ParseIPv4 parses a dotted-quad host address.
func ParseIPv4(s string) (netip.Addr, error) {
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is4() {
		return netip.Addr{}, fmt.Errorf("%q is not an IPv4 address such as 192.0.2.10", s)
	}
	return a, nil
}

// ParseInterfaceAddr parses a host address with its prefix (169.254.76.1/30)
// and rejects the network and broadcast addresses of that prefix.
func ParseInterfaceAddr(s string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil || !p.Addr().Is4() {
		return netip.Prefix{}, fmt.Errorf("%q is not an interface address such as 169.254.76.1/30", s)
	}
	if p.Bits() < 31 && (p.Addr() == p.Masked().Addr() || p.Addr() == lastAddr(p)) {
		return netip.Prefix{}, fmt.Errorf("%q is the network or broadcast address of %s, not a host address", s, p.Masked())
	}
	return p, nil
}

// lastAddr is the broadcast address of an IPv4 prefix.
func lastAddr(p netip.Prefix) netip.Addr {
	b := p.Masked().Addr().As4()
	host := 32 - p.Bits()
	v := uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
	v |= (1<<host - 1)
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}

// Overlaps reports whether two prefixes share any address.
func Overlaps(a, b netip.Prefix) bool { return a.Overlaps(b) }

// Within reports whether inner lies entirely inside outer.
func Within(inner, outer netip.Prefix) bool {
	return outer.Bits() <= inner.Bits() && outer.Contains(inner.Masked().Addr())
}

// LinkLocal is 169.254.0.0/16, where BGP tunnel addresses live.
var LinkLocal = netip.MustParsePrefix("169.254.0.0/16")
