package aliyun

import (
	"net/netip"
	"strconv"
	"strings"

	"tunnelwiz/cloud"
)

// reservedTunnelCIDRs are the /30 blocks the SDK v7 comments exclude from
// BGP tunnel CIDRs (the gateway uses them itself).
var reservedTunnelCIDRs = []netip.Prefix{
	netip.MustParsePrefix("169.254.0.0/30"), netip.MustParsePrefix("169.254.1.0/30"),
	netip.MustParsePrefix("169.254.2.0/30"), netip.MustParsePrefix("169.254.3.0/30"),
	netip.MustParsePrefix("169.254.4.0/30"), netip.MustParsePrefix("169.254.5.0/30"),
	netip.MustParsePrefix("169.254.6.0/30"), netip.MustParsePrefix("169.254.169.252/30"),
}

const tunnelCIDRRule = "must be a /30 inside 169.254.0.0/16, other than 169.254.0.0/30 to 169.254.6.0/30 and 169.254.169.252/30"

// CheckTunnelCIDR is the BGP tunnel CIDR rule. Unparsable text is left to
// the CIDR format check, which reports it already.
func CheckTunnelCIDR(s string) string {
	p, err := cloud.ParseNetwork(s, false)
	if err != nil {
		return ""
	}
	if p.Bits() != 30 || !cloud.Within(p, cloud.LinkLocal) {
		return s + " " + tunnelCIDRRule
	}
	for _, r := range reservedTunnelCIDRs {
		if p.Masked() == r {
			return s + " is reserved by the VPN gateway: it " + tunnelCIDRRule
		}
	}
	return ""
}

// CheckASN accepts 1 to 4294967295, or the dotted form "high.low" of two
// 16-bit halves (123.456 = 123*65536+456), as the SDK v7 comment describes.
func CheckASN(s string) string {
	const rule = "must be an ASN from 1 to 4294967295, or two numbers from 0 to 65535 joined by a period (123.456)"
	if hi, lo, dotted := strings.Cut(s, "."); dotted {
		h, err1 := strconv.ParseUint(hi, 10, 16)
		l, err2 := strconv.ParseUint(lo, 10, 16)
		if err1 != nil || err2 != nil || !digitsOnly(hi) || !digitsOnly(lo) || h<<16|l == 0 {
			return strconv.Quote(s) + " " + rule
		}
		return ""
	}
	n, err := strconv.ParseUint(s, 10, 32)
	if err != nil || !digitsOnly(s) || n == 0 {
		return strconv.Quote(s) + " " + rule
	}
	return ""
}

func digitsOnly(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
