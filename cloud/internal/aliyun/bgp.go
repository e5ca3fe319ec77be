package aliyun

import (
	"net/netip"

	"tunnelwiz/cloud"
)

// BgpAddrIssues checks one BGP configuration object at path: LocalBgpIp must
// lie inside TunnelCidr (both seeds and the SDK v7 comments say so: an
// error), and should not be the block's network or broadcast address (a
// convention only: a warning).
func BgpAddrIssues(path string, m cloud.Params) cloud.Issues {
	cidr, ip := m.Str("TunnelCidr"), m.Str("LocalBgpIp")
	if cidr == "" || ip == "" {
		return nil
	}
	n, err1 := cloud.ParseNetwork(cidr, true)
	a, err2 := cloud.ParseIPv4(ip)
	if err1 != nil || err2 != nil {
		return nil // the fields' own format rules report these
	}
	if !n.Contains(a) {
		return cloud.Issues{cloud.Errorf(path+".LocalBgpIp", "%s is outside TunnelCidr %s: LocalBgpIp must be an address inside the tunnel CIDR block (%s)", ip, cidr, hostRange(n))}
	}
	if n.Bits() < 31 && (a == n.Addr() || a == last(n)) {
		return cloud.Issues{cloud.Warnf(path+".LocalBgpIp", "%s is the network or broadcast address of %s: use a host address (%s)", ip, cidr, hostRange(n))}
	}
	return nil
}

// hostRange names a block's usable host addresses for messages.
func hostRange(n netip.Prefix) string {
	if n.Bits() >= 31 {
		return n.Masked().Addr().String() + " to " + last(n).String()
	}
	return n.Masked().Addr().Next().String() + " to " + last(n).Prev().String()
}

// last is the block's broadcast address.
func last(n netip.Prefix) netip.Addr {
	b := n.Masked().Addr().As4()
	v := uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
	v |= uint32(1)<<(32-n.Bits()) - 1
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}
