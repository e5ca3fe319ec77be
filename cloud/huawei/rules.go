package huawei

import (
	"fmt"
	"net/netip"
	"strings"
	"unicode/utf8"

	"tunnelwiz/cloud"
)

// Character rules, in the vendor's words.
var (
	// The English page allows letters, digits, _ - and .; Huawei's Chinese
	// page for the same API also allows CJK ideographs \u4e00-\u9fa5. We keep
	// the union so that no name the cloud takes is refused.
	nameChars = cloud.NewCharset(`^[A-Za-z0-9_.\x{4e00}-\x{9fa5}-]+$`,
		"use letters, digits, underscores (_), hyphens (-), periods (.) or Chinese characters (U+4E00 to U+9FA5)")
	// IKE identities: any visible character except & < > [ ] \ and no spaces.
	idChars = cloud.NewCharset(`^[^\s\p{C}&<>\[\]\\]+$`,
		"letters, digits and special characters except & < > [ ] \\; spaces are not supported")
	// Tags: letters (Spanish and Portuguese ones included: any Unicode
	// letter), digits, spaces and _ . : = + - @.
	tagChars = cloud.NewCharset(`^[\p{L}\p{N} _.:=+\-@]*$`,
		"use letters, digits, spaces and the special characters _ . : = + - @")
)

// pskSpecials is the seed's special-character set. The seed and the SDK
// comment both print it as "~!@#$%^()-_+={ },./:;": whether the space in
// "{ }" is meant is unclear, so a space is accepted rather than refused.
const pskSpecials = "~!@#$%^()-_+={ },./:;"

// checkPSK applies the character-class rule. It never quotes the key.
func checkPSK(v string) string {
	var upper, lower, digit, special bool
	for _, r := range v {
		switch {
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= '0' && r <= '9':
			digit = true
		case strings.ContainsRune(pskSpecials, r):
			special = true
		default:
			return "may contain only letters, digits and the special characters " + pskSpecials
		}
	}
	n := 0
	for _, b := range []bool{upper, lower, digit, special} {
		if b {
			n++
		}
	}
	if n < 3 {
		return fmt.Sprintf("must contain at least three of: upper-case letters, lower-case letters, digits, special characters (%s)", pskSpecials)
	}
	return ""
}

// checkText refuses invalid UTF-8, which a JSON encoder would silently
// replace, so the cloud would see another value than the spec holds.
func checkText(v string) string {
	if !utf8.ValidString(v) {
		return "is not valid UTF-8 text"
	}
	return ""
}

// checkNoSpaces complements the core CIDR parser, which trims spaces
// before parsing while the SDK would send them.
func checkNoSpaces(v string) string {
	if strings.TrimSpace(v) != v {
		return "must not have leading or trailing spaces"
	}
	return ""
}

var (
	tunnelBlock   = cloud.LinkLocal
	tunnelBlocked = netip.MustParsePrefix("169.254.195.0/24")
)

// checkTunnelAddr holds the single-value rules of tunnel_local_address and
// tunnel_peer_address. The core's interface-address format has already
// refused non-addresses and the /30's network and broadcast addresses.
func checkTunnelAddr(v string) string {
	pfx, err := netip.ParsePrefix(v)
	if err != nil || !pfx.Addr().Is4() {
		return "" // the format rule reports it
	}
	switch {
	case pfx.Bits() != 30:
		return fmt.Sprintf("must have mask length 30, such as 169.254.76.1/30, not /%d", pfx.Bits())
	case !tunnelBlock.Contains(pfx.Addr()):
		return "must lie in 169.254.0.0/16 (the first 16 bits must be 169.254), such as 169.254.76.1/30"
	case tunnelBlocked.Contains(pfx.Addr()):
		return "cannot use 169.254.195.x: choose another /30 in 169.254.0.0/16"
	}
	return ""
}

// parseIPv6CIDR parses an IPv6 prefix (host bits tolerated).
func parseIPv6CIDR(v string) (netip.Prefix, bool) {
	pfx, err := netip.ParsePrefix(v)
	if err != nil || !pfx.Addr().Is6() || pfx.Addr().Is4In6() {
		return netip.Prefix{}, false
	}
	return pfx, true
}

func checkIPv6CIDR(v string) string {
	if _, ok := parseIPv6CIDR(v); !ok {
		return fmt.Sprintf("%q is not an IPv6 CIDR block such as 2001:db8:10::/64", v)
	}
	return ""
}
