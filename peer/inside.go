package peer

import (
	"net/netip"
	"strings"
)

// insideAddr is this side's tunnel interface address and prefix length:
// the spec's address with its own prefix or the tunnel CIDR's, or the
// other host of a /30 (insideCustomer). ok is false when neither is known.
func insideAddr(in Inside) (addr string, bits int, ok bool) {
	s := insideCustomer(in)
	if p, err := netip.ParsePrefix(s); err == nil {
		return p.Addr().String(), p.Bits(), true
	}
	a, err := netip.ParseAddr(s)
	if c, err2 := netip.ParsePrefix(in.CIDR.Token); err == nil && err2 == nil && c.Contains(a) {
		return a.String(), c.Bits(), true
	}
	return "", 0, false
}

// hostOf drops a prefix length: "169.254.0.1/30" -> "169.254.0.1".
func hostOf(s string) string { return strings.Split(s, "/")[0] }
