package tencent

import (
	"net/netip"

	"tunnelwiz/cloud"
)

// checkBGP checks BgpConfig's addresses against its tunnel CIDR. The SDK
// states that both BGP addresses come from the tunnel CIDR, so an address
// outside it is an error; the /30 mask and 169.254.0.0/16 rules rest on an
// error code and a convention, so they only warn.
func checkBGP(p cloud.Params, _ map[string]string) cloud.Issues {
	bgp := p.Obj("BgpConfig")
	if bgp == nil {
		return nil
	}
	cidrText := bgp.Str("TunnelCidr")
	tunnel, err := cloud.ParseNetwork(cidrText, false)
	if err != nil {
		return nil // the field rule reports the format
	}
	var out cloud.Issues
	network := tunnel.Masked()
	if network != tunnel {
		out = append(out, cloud.Warnf("BgpConfig.TunnelCidr",
			"%s has host bits set: the tunnel network is %s", cidrText, network))
	}
	if tunnel.Bits() != 30 {
		out = append(out, cloud.Warnf("BgpConfig.TunnelCidr",
			"%s is a /%d: the BGP tunnel CIDR must be a /30 (Tencent answers "+
				"InvalidParameterValue.VpnConnBgpTunnelCidrMask)", cidrText, tunnel.Bits()))
	}
	if !cloud.Within(network, cloud.LinkLocal) {
		out = append(out, cloud.Warnf("BgpConfig.TunnelCidr",
			"%s is outside %s: BGP tunnel addresses are conventionally link-local", cidrText, cloud.LinkLocal))
	}
	addrs := map[string]netip.Addr{}
	for _, k := range []string{"LocalBgpIp", "RemoteBgpIp"} {
		ip, err := cloud.ParseIPv4(bgp.Str(k))
		if err != nil {
			continue // absent or malformed: the field rules report it
		}
		addrs[k] = ip
		path := "BgpConfig." + k
		switch {
		case !network.Contains(ip):
			out = append(out, cloud.Errorf(path,
				"%s is outside the BGP tunnel CIDR %s: both BGP addresses must be allocated from TunnelCidr", ip, network))
		case network.Bits() < 31 && (ip == network.Addr() || ip == broadcast(network)):
			out = append(out, cloud.Warnf(path,
				"%s is the network or broadcast address of %s: use a host address of the tunnel CIDR", ip, network))
		}
	}
	if l, ok := addrs["LocalBgpIp"]; ok && l == addrs["RemoteBgpIp"] {
		out = append(out, cloud.Warnf("BgpConfig.RemoteBgpIp",
			"equals LocalBgpIp %s: the two ends of the BGP session need different addresses", l))
	}
	return out
}

// broadcast is the last address of an IPv4 prefix.
func broadcast(p netip.Prefix) netip.Addr {
	a := p.Masked().Addr().As4()
	v := uint32(a[0])<<24 | uint32(a[1])<<16 | uint32(a[2])<<8 | uint32(a[3])
	v |= 1<<(32-p.Bits()) - 1
	return netip.AddrFrom4([4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)})
}
