package huawei

import (
	"fmt"
	"net/netip"
	"strings"

	"tunnelwiz/cloud"
)

// checks are the rules that need more than one field. Each reports exact
// instance paths; each skips values the per-field rules already refuse.
var checks = []cloud.Check{
	{
		Name: "peer_subnets is required except for an ER-attached gateway in policy or bgp mode",
		Source: seed + " Table 3 (mandatory except when the gateway's association mode is er and style is policy or bgp); " +
			"the spec cannot show the gateway's attachment, so policy/bgp draw a warning only, unless the gateway was listed " +
			"(the wizard): then its attachment_type decides (vpc: an error; er: nothing); " + checked,
		Run:    checkPeerSubnetsPresent,
		Listed: checkPeerSubnetsListed,
	},
	{
		Name:   "peer_subnets avoid the reserved VPC blocks 100.64.0.0/10 and 214.0.0.0/8",
		Source: seed + " Table 3 (inside a reserved block: error); a block that only overlaps one draws a warning; " + checked,
		Run:    checkReserved,
	},
	{
		Name: "CIDR blocks have no host bits",
		Source: seed + " asks for CIDR blocks and its examples give network addresses, but no Huawei document says host bits are " +
			"refused; the core accepts them here, so this is a warning; " + checked,
		Run: checkHostBits,
	},
	{
		Name: "tunnel_local_address and tunnel_peer_address are two hosts of one /30, for static or bgp",
		Source: seed + " Table 3 (same CIDR block as each other); Table 10 (valid only when style is STATIC or BGP: " +
			"a warning otherwise); " + checked,
		Run: checkTunnelPair,
	},
	{
		Name:   "policy rules have unique rule_index and source",
		Source: seed + " Table 4 (errors for policy_rules; warnings for policy_rules_v6, which shares the type); " + checked,
		Run:    checkRulesUnique,
	},
	{
		Name:   "local_id and peer_id are used only with the fqdn identity type",
		Source: seed + " Table 12 (with type ip the cloud uses the gateway's or customer gateway's IP address): warning; " + checked,
		Run:    checkIDUse,
	},
	{
		Name: "tag keys are unique",
		Source: "Huawei Cloud's tag rule, as its SWR guide states it (https://support.huaweicloud.com/intl/th-th/usermanual2-swr/swr_02_0415.html: " +
			"'For each resource, their tag keys must be unique, and each tag key can have only one tag value'); " + seed +
			" Table 8 does not say it for VPN connections, so a warning; " + checked,
		Run: checkTagKeys,
	},
}

// conn returns the vpn_connection object (nil when absent or mistyped).
func conn(ps cloud.Params) cloud.Params { return ps.Obj("vpn_connection") }

// styleOf is the effective style, or "" when the value is not one the
// per-field rule accepts (mode-dependent checks then stay silent).
func styleOf(c cloud.Params) string {
	if !c.Has("style") {
		return "static"
	}
	switch s := c.Str("style"); s {
	case "static", "policy", "bgp":
		return s
	}
	return ""
}

func checkPeerSubnetsPresent(ps cloud.Params, _ map[string]string) cloud.Issues {
	return peerSubnetsRule(ps, nil)
}

// checkPeerSubnetsListed decides policy and bgp from the gateway's
// attachment where the gateway was listed with it.
func checkPeerSubnetsListed(ps cloud.Params, _ map[string]string, inv *cloud.Inventory) cloud.Issues {
	var gw *cloud.Resource
	for i, r := range inv.VPNGateways {
		if r.ID == conn(ps).Str("vgw_id") && r.Notes["attachment_type"] != "" {
			gw = &inv.VPNGateways[i]
		}
	}
	return peerSubnetsRule(ps, gw)
}

// peerSubnetsRule: peer_subnets is mandatory but for an ER-attached
// gateway in policy or bgp mode; gw is the gateway as listed, with its
// attachment_type, or nil when not seen (policy/bgp then warn).
func peerSubnetsRule(ps cloud.Params, gw *cloud.Resource) cloud.Issues {
	c := conn(ps)
	if c == nil || given(c, "peer_subnets") || given(c, "peer_subnets_v6") {
		return nil
	}
	switch styleOf(c) {
	case "static":
		return cloud.Issues{cloud.Errorf(p("peer_subnets"),
			"is required when style is static: give 1 to 50 customer IPv4 CIDR blocks (or peer_subnets_v6 on an IPv6 gateway)")}
	case "policy", "bgp":
		switch {
		case gw == nil:
			return cloud.Issues{cloud.Warnf(p("peer_subnets"),
				"is required unless the VPN gateway is attached to an enterprise router (attachment_type er); tunnelwiz cannot see the gateway, so check it: give 1 to 50 customer CIDR blocks otherwise")}
		case gw.Notes["attachment_type"] != "er":
			return cloud.Issues{cloud.Errorf(p("peer_subnets"),
				"is required: the VPN gateway %s has attachment_type %s, not er (an enterprise router): give 1 to 50 customer IPv4 CIDR blocks (or peer_subnets_v6 on an IPv6 gateway)",
				gatewayName(gw), gw.Notes["attachment_type"])}
		}
	}
	return nil
}

// gatewayName is a listed gateway as the pick list names it.
func gatewayName(r *cloud.Resource) string {
	if r.Name != "" {
		return r.Name + " (" + r.ID + ")"
	}
	return r.ID
}

// given reports a non-empty list, or a value of another type, which its
// own field rule reports.
func given(c cloud.Params, name string) bool {
	v, ok := c.Get(name)
	if l, isList := v.([]any); isList {
		return len(l) > 0
	}
	return ok
}

var reserved = []netip.Prefix{netip.MustParsePrefix("100.64.0.0/10"), netip.MustParsePrefix("214.0.0.0/8")}

func checkReserved(ps cloud.Params, _ map[string]string) cloud.Issues {
	var out cloud.Issues
	for i, s := range conn(ps).List("peer_subnets") {
		pfx, ok := cidr4(s)
		if !ok {
			continue
		}
		inst := fmt.Sprintf("%s[%d]", p("peer_subnets"), i)
		for _, r := range reserved {
			switch {
			case cloud.Within(pfx, r):
				out = append(out, cloud.Errorf(inst, "%s lies in the reserved VPC block %s: reserved blocks such as 100.64.0.0/10 and 214.0.0.0/8 cannot be customer subnets", pfx, r))
			case cloud.Overlaps(pfx, r):
				out = append(out, cloud.Warnf(inst, "%s contains the reserved VPC block %s (reserved blocks such as 100.64.0.0/10 and 214.0.0.0/8 cannot be customer subnets); the cloud may refuse it", pfx, r))
			}
		}
	}
	return out
}

// cidr4 parses a value the CIDR format rule accepted, else reports false.
func cidr4(v any) (netip.Prefix, bool) {
	s, ok := v.(string)
	if !ok || strings.TrimSpace(s) != s {
		return netip.Prefix{}, false
	}
	pfx, err := cloud.ParseNetwork(s, false)
	return pfx, err == nil
}

// cidrAny parses an IPv4 or IPv6 CIDR.
func cidrAny(v any) (netip.Prefix, bool) {
	if pfx, ok := cidr4(v); ok {
		return pfx, true
	}
	s, _ := v.(string)
	return parseIPv6CIDR(s)
}

func checkHostBits(ps cloud.Params, _ map[string]string) cloud.Issues {
	c := conn(ps)
	var out cloud.Issues
	warn := func(inst string, v any, v6 bool) {
		pfx, ok := cidr4(v)
		if v6 {
			s, _ := v.(string)
			pfx, ok = parseIPv6CIDR(s)
		}
		if ok && pfx.Masked() != pfx {
			out = append(out, cloud.Warnf(inst, "%s has host bits set: the network is %s; write the network address, or the cloud may refuse it", pfx, pfx.Masked()))
		}
	}
	for _, name := range []string{"peer_subnets", "peer_subnets_v6"} {
		for i, v := range c.List(name) {
			warn(fmt.Sprintf("%s[%d]", p(name), i), v, strings.HasSuffix(name, "_v6"))
		}
	}
	for _, name := range []string{"policy_rules", "policy_rules_v6"} {
		for i, r := range c.List(name) {
			rule, _ := r.(map[string]any)
			base := fmt.Sprintf("%s[%d]", p(name), i)
			v6 := strings.HasSuffix(name, "_v6")
			warn(base+".source", rule["source"], v6)
			for j, d := range cloud.Params(rule).List("destination") {
				warn(fmt.Sprintf("%s.destination[%d]", base, j), d, v6)
			}
		}
	}
	return out
}

func checkTunnelPair(ps cloud.Params, _ map[string]string) cloud.Issues {
	c := conn(ps)
	local, lok := tunnelAddr(c, "tunnel_local_address")
	peer, pok := tunnelAddr(c, "tunnel_peer_address")
	var out cloud.Issues
	if styleOf(c) == "policy" {
		for _, name := range []string{"tunnel_local_address", "tunnel_peer_address"} {
			if c.Has(name) {
				out = append(out, cloud.Warnf(p(name), "is used in route-based mode only (style static or bgp); with style policy the cloud ignores it"))
			}
		}
	}
	switch {
	case lok && pok:
		if local.Masked() != peer.Masked() {
			out = append(out, cloud.Errorf(p("tunnel_peer_address"), "%s must be in the same /30 as tunnel_local_address (%s): the two are the host addresses of one 169.254.x.x/30", peer, local.Masked()))
		} else if local.Addr() == peer.Addr() {
			out = append(out, cloud.Errorf(p("tunnel_peer_address"), "must differ from tunnel_local_address: use the other host address of %s", local.Masked()))
		}
	case lok && !c.Has("tunnel_peer_address"):
		out = append(out, cloud.Warnf(p("tunnel_peer_address"), "is not set: give the other host address of %s, which must be in the same /30 as tunnel_local_address", local.Masked()))
	case pok && !c.Has("tunnel_local_address"):
		out = append(out, cloud.Warnf(p("tunnel_local_address"), "is not set: give the other host address of %s, which must be in the same /30 as tunnel_peer_address", peer.Masked()))
	}
	return out
}

// tunnelAddr returns a tunnel address that passed its own field rules.
func tunnelAddr(c cloud.Params, name string) (netip.Prefix, bool) {
	s := c.Str(name)
	pfx, err := cloud.ParseInterfaceAddr(s)
	if err != nil || checkTunnelAddr(s) != "" {
		return netip.Prefix{}, false
	}
	return pfx, true
}

func checkRulesUnique(ps cloud.Params, _ map[string]string) cloud.Issues {
	c := conn(ps)
	out := uniqueRules(c, "policy_rules", cloud.Errorf)
	return append(out, uniqueRules(c, "policy_rules_v6", cloud.Warnf)...)
}

func uniqueRules(c cloud.Params, name string, report func(string, string, ...any) cloud.Issue) cloud.Issues {
	var out cloud.Issues
	indexes := map[int64]int{}
	sources := map[netip.Prefix]int{}
	for i, r := range c.List(name) {
		rule := cloud.Params(asMap(r))
		base := fmt.Sprintf("%s[%d]", p(name), i)
		if n, ok := rule.Int("rule_index"); ok && n >= 0 && n <= 50 {
			if j, dup := indexes[n]; dup {
				out = append(out, report(base+".rule_index", "%d is already used by %s[%d]: each rule_index (0 to 50) must be unique", n, name, j))
			} else {
				indexes[n] = i
			}
		}
		if src, ok := cidrAny(rule["source"]); ok {
			if j, dup := sources[src]; dup {
				out = append(out, report(base+".source", "%s is already the source of %s[%d]: each rule's source must be unique", src, name, j))
			} else {
				sources[src] = i
			}
		}
	}
	return out
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func checkIDUse(ps cloud.Params, _ map[string]string) cloud.Issues {
	ike := conn(ps).Obj("ikepolicy")
	var out cloud.Issues
	for _, side := range []struct{ id, typ, whose string }{
		{"local_id", "local_id_type", "VPN gateway's"},
		{"peer_id", "peer_id_type", "customer gateway's"},
	} {
		if !ike.Has(side.id) {
			continue
		}
		if t := ike.Str(side.typ); !ike.Has(side.typ) || t == "ip" {
			out = append(out, cloud.Warnf(ik(side.id), "is used only when %s is fqdn; with ip (the default) the cloud uses the %s IP address instead", side.typ, side.whose))
		}
	}
	return out
}

func checkTagKeys(ps cloud.Params, _ map[string]string) cloud.Issues {
	var out cloud.Issues
	seen := map[string]int{}
	for i, t := range conn(ps).List("tags") {
		key, ok := asMap(t)["key"].(string)
		if !ok {
			continue
		}
		if j, dup := seen[key]; dup {
			out = append(out, cloud.Warnf(fmt.Sprintf("%s[%d].key", p("tags"), i), "%q is already the key of tags[%d]: a key holds one value, so the cloud may refuse or merge them", key, j))
		} else {
			seen[key] = i
		}
	}
	return out
}
