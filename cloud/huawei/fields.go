package huawei

import "tunnelwiz/cloud"

// onlyStyle makes a vpn_connection member apply in the given styles.
func onlyStyle(styles ...string) *cloud.Cond { return &cloud.Cond{Path: "style", In: styles} }

// connectionFields are the vpn_connection object and its scalar members,
// in the seed's order (Table 3).
var connectionFields = []cloud.Field{
	{
		Path: "vpn_connection", Type: cloud.Object, Required: true, Step: cloud.StepGateways,
		Help:   "The VPN connection to create, connecting a VPN gateway to a customer gateway.",
		Source: seed + " Table 2 (vpn_connection, mandatory); " + checked,
	},
	{
		Path: p("name"), Export: cloud.TF("name"), Type: cloud.String, Len: &cloud.Range{Min: 1, Max: 64}, Chars: nameChars,
		Step: cloud.StepTags, Role: cloud.RoleName,
		Help:   "The connection's name; when absent the cloud generates one such as vpn-13be.",
		Source: seed + " Table 3 (1-64 letters, digits, _ - .); " + pageCN + " also allows 中文(\\u4e00 - \\u9fa5), kept as the wider set; " + checked,
	},
	{
		Path: p("vgw_id"), Export: cloud.TF("gateway_id"), Type: cloud.String, Format: cloud.UUID, Required: true, Step: cloud.StepGateways,
		Role:   cloud.RoleVPNGateway,
		Help:   "The VPN gateway's ID (36-character UUID), from the VPN gateway list.",
		Source: seed + " Table 3 (mandatory, 36-character UUID; the seed's own examples use non-hex demo ids, so only the shape is checked); " + checked,
	},
	{
		Path: p("vgw_ip"), Export: cloud.TF("gateway_ip"), Type: cloud.String, Format: cloud.UUIDOrIPv4, Required: true, Step: cloud.StepGateways, Role: cloud.RoleGatewayAddress,
		Help:   "The gateway's EIP ID when its network_type is public, or its private IP address when private.",
		Source: seed + " Table 3 (mandatory, 36-character UUID or dotted IPv4); " + checked,
	},
	{
		Path: p("style"), Export: cloud.TF("vpn_type"), Type: cloud.String, Allowed: []string{"static", "policy", "bgp"}, Default: "static",
		Step: cloud.StepGateways, Role: cloud.RoleRouting, Means: styleMeans,
		Help: "The connection mode: static (static routing), policy (policy-based) or bgp (BGP routing).",
		Source: sdkBody + " comment 允许范围[policy, static, bgp] (lower case; the answer echoes STATIC/POLICY/BGP); " +
			"the seed leaves it blank; default static from the seed's static example and " + pageCN + " ('默认值:static'); that page also lists " +
			"policy-template (策略模板模式), which the pinned SDK does not list: not offered; " + checked,
	},
	{
		Path: p("cgw_id"), Export: cloud.TF("customer_gateway_id"), Type: cloud.String, Format: cloud.UUID, Required: true, Step: cloud.StepGateways,
		Role:   cloud.RoleCustomerGateway,
		Help:   "The customer gateway's ID (36-character UUID).",
		Source: seed + " Table 3 (mandatory, 36-character UUID); " + checked,
	},
	{
		Path: p("peer_subnets"), Export: cloud.TF("peer_subnets"), Type: cloud.List, Len: &cloud.Range{Min: 0, Max: 50}, Step: cloud.StepSubnets, Role: cloud.RoleRemoteSubnet,
		Help:   "The customer-side subnets (IPv4 CIDR blocks, at most 50); not used when the gateway is attached to an enterprise router and style is policy or bgp.",
		Source: seed + " Table 3 (at most 50; mandatory except ER-attached gateways with policy/bgp; 100.64.0.0/10 and 214.0.0.0/8 reserved); " + checked,
	},
	{
		Path: p("peer_subnets[]"), Type: cloud.String, Format: cloud.CIDRLoose, Check: checkNoSpaces, Step: cloud.StepSubnets,
		Help:   "A customer subnet, such as 192.168.44.0/24.",
		Source: seed + " Table 3 and example requests; " + checked,
	},
	{
		Path: p("tunnel_local_address"), Export: cloud.TF("tunnel_local_address"), Type: cloud.String, Format: cloud.InterfaceAddr, Check: checkTunnelAddr,
		Step: cloud.StepExtras, Role: cloud.RoleTunnelLocal, Effective: onlyStyle("static", "bgp"),
		Help: "The tunnel interface address on the VPN gateway in route-based mode, such as 169.254.76.1/30.",
		Source: seed + " Table 3 (169.254.x.x, not 169.254.195.x, mask 30, host address, same block as tunnel_peer_address); " +
			"Table 10 (valid only for STATIC and BGP); " + checked,
	},
	{
		Path: p("tunnel_peer_address"), Export: cloud.TF("tunnel_peer_address"), Type: cloud.String, Format: cloud.InterfaceAddr, Check: checkTunnelAddr,
		Step: cloud.StepExtras, Role: cloud.RoleTunnelPeer, Effective: onlyStyle("static", "bgp"),
		Help: "The tunnel interface address on the customer gateway device in route-based mode, such as 169.254.76.2/30.",
		Source: seed + " Table 3 (169.254.x.x, not 169.254.195.x, mask 30, host address, same block as tunnel_local_address); " +
			"Table 10 (valid only for STATIC and BGP); " + checked,
	},
	{
		Path: p("enable_nqa"), Export: cloud.TF("enable_nqa"), Type: cloud.Boolean, Default: "false", OnlyWhen: onlyStyle("static"),
		Step:   cloud.StepExtras,
		Help:   "Enables network quality analysis (NQA) on the tunnel; static routing mode only.",
		Source: seed + " Table 3 (default false; set only when style is static); " + checked,
	},
	{
		Path: p("enable_hub"), Type: cloud.Boolean, Step: cloud.StepExtras,
		Help:   "Enables branch interconnection (hub) through this connection.",
		Source: sdkBody + " (EnableHub, comment 开启分支互联); not in the seed; " + checked,
	},
	{
		Path: p("enable_health_check"), Type: cloud.Boolean, Step: cloud.StepExtras,
		Help:   "Enables the connection's health check.",
		Source: sdkBody + " (EnableHealthCheck, comment 开启健康检查); not in the seed; " + checked,
	},
	{
		Path: p("psk"), Export: cloud.TF("psk"), Type: cloud.String, Secret: true, Len: &cloud.Range{Min: 8, Max: 128}, Check: checkPSK,
		Step: cloud.StepIKE, Role: cloud.RolePSK,
		Help:   "The pre-shared key: 8 to 128 characters with at least three of upper-case letters, lower-case letters, digits and special characters " + pskSpecials + ".",
		Source: seed + " Table 3; " + sdkBody + " comment on Psk (same character set); the seed's examples mask it as abcd****; " + checked,
	},
}

// policyRuleFields: policy-based mode's traffic selectors (Table 4).
var policyRuleFields = []cloud.Field{
	{
		Path: p("policy_rules"), Export: cloud.TF("policy_rules"), Type: cloud.List, Len: &cloud.Range{Min: 0, Max: 5}, OnlyWhen: onlyStyle("policy"),
		Step:   cloud.StepSubnets,
		Help:   "Policy rules (at most five), for policy-based mode only.",
		Source: seed + " Table 3 (at most five; only when style is policy); " + checked,
	},
	{
		Path: p("policy_rules[]"), Type: cloud.Object, Step: cloud.StepSubnets,
		Help:   "One policy rule: a source CIDR and its destination CIDRs.",
		Source: seed + " Table 4 (PolicyRule); " + checked,
	},
	{
		Path: p("policy_rules[].rule_index"), Export: cloud.TF("rule_index"), Type: cloud.Integer, Range: &cloud.Range{Min: 0, Max: 50},
		Step:   cloud.StepSubnets,
		Help:   "The rule's position; Huawei advises leaving it unset. Unique across rules.",
		Source: seed + " Table 4 (0-50, unique across rules); " + checked,
	},
	{
		Path: p("policy_rules[].source"), Export: cloud.TF("source"), Type: cloud.String, Format: cloud.CIDRLoose, Check: checkNoSpaces,
		Step: cloud.StepSubnets, Role: cloud.RolePolicyLocal,
		Help:   "The source CIDR block (cloud side); unique across rules.",
		Source: seed + " Table 4 (unique across rules); " + checked,
	},
	{
		Path: p("policy_rules[].destination"), Export: cloud.TF("destination"), Type: cloud.List, Len: &cloud.Range{Min: 0, Max: 50},
		Step: cloud.StepSubnets, Role: cloud.RoleRemoteSubnet,
		Help:   "The destination CIDR blocks (customer side), such as 192.168.52.0/24.",
		Source: seed + " Table 4; Table 11 (at most 50 destination CIDR blocks per rule); " + checked,
	},
	{
		Path: p("policy_rules[].destination[]"), Type: cloud.String, Format: cloud.CIDRLoose, Check: checkNoSpaces,
		Step:   cloud.StepSubnets,
		Help:   "A destination CIDR block.",
		Source: seed + " Table 4 and the policy example; " + checked,
	},
}

// tailFields: the HA role and tags (Table 3, Table 8).
var tailFields = []cloud.Field{
	{
		Path: p("ha_role"), Export: cloud.TF("ha_role"), Type: cloud.String, Allowed: []string{"master", "slave"}, Default: "master",
		Step:   cloud.StepGateways,
		Help:   "For an active-standby gateway, master is the active and slave the standby connection; in active-active mode use master for the first EIP or private IP and slave for the second.",
		Source: seed + " Table 3 (default master); " + sdkBody + " HaRole enum (master, slave); " + checked,
	},
	{
		Path: p("tags"), Export: cloud.TF("tags|map"), Type: cloud.List, Len: &cloud.Range{Min: 0, Max: 20}, Step: cloud.StepTags,
		Help:   "Tags for the connection (at most 20).",
		Source: seed + " Table 3 (at most 20); " + checked,
	},
	{
		Path: p("tags[]"), Type: cloud.Object, Step: cloud.StepTags,
		Help:   "One tag: a key and a value.",
		Source: seed + " Table 8 (VpnResourceTag); " + checked,
	},
	{
		Path: p("tags[].key"), Type: cloud.String, Required: true, Len: &cloud.Range{Min: 1, Max: 128},
		Chars: tagChars, Check: checkText, Step: cloud.StepTags,
		Help:   "The tag key: 1 to 128 letters, digits, spaces and _ . : = + - @.",
		Source: seed + " Table 8 (mandatory; Spanish and Portuguese letters allowed, taken as any Unicode letter); " + sdkTag + " VpnResourceTag.Key is not omitempty; " + checked,
	},
	{
		Path: p("tags[].value"), Type: cloud.String, Required: true, Len: &cloud.Range{Min: 0, Max: 255},
		Chars: tagChars, Check: checkText, Step: cloud.StepTags,
		Help:   "The tag value: 0 to 255 letters, digits, spaces and _ . : = + - @.",
		Source: seed + " Table 8 (mandatory, may be empty); " + sdkTag + " VpnResourceTag.Value is not omitempty; " + checked,
	},
}

// ipv6Fields are in the pinned SDK but not in the seed. Their only rules
// are the address family and, by analogy with the IPv4 fields, the mode.
var ipv6Fields = []cloud.Field{
	{
		Path: p("peer_subnets_v6"), Type: cloud.List, Step: cloud.StepSubnets,
		Help:   "IPv6 customer subnets, for an IPv6-enabled gateway.",
		Source: sdkBody + " (PeerSubnetsV6, comment 使能ipv6的对端子网); not in the seed; " + checked,
	},
	{
		Path: p("peer_subnets_v6[]"), Type: cloud.String, Check: checkIPv6CIDR, Step: cloud.StepSubnets,
		Help:   "An IPv6 customer subnet, such as 2001:db8:10::/64.",
		Source: sdkBody + " (PeerSubnetsV6 []string); " + checked,
	},
	{
		Path: p("policy_rules_v6"), Export: cloud.TF("-"), Type: cloud.List, OnlyWhen: onlyStyle("policy"), Step: cloud.StepSubnets,
		Help:   "IPv6 policy rules, for policy-based mode only.",
		Source: sdkBody + " (PolicyRulesV6, comment 策略模式的ipv6策略规则组: policy mode only); not in the seed; " + checked,
	},
	{
		Path: p("policy_rules_v6[]"), Type: cloud.Object, Step: cloud.StepSubnets,
		Help:   "One IPv6 policy rule.",
		Source: sdkBody + " (PolicyRulesV6 []PolicyRule, the type of policy_rules); " + checked,
	},
	{
		Path: p("policy_rules_v6[].rule_index"), Type: cloud.Integer, Range: &cloud.Range{Min: 0, Max: 50},
		Step:   cloud.StepSubnets,
		Help:   "The rule's position, as in policy_rules.",
		Source: sdkRule + " (PolicyRule.RuleIndex); range 0-50 from " + seed + " Table 4 for the same type; " + checked,
	},
	{
		Path: p("policy_rules_v6[].source"), Type: cloud.String, Check: checkIPv6CIDR, Step: cloud.StepSubnets,
		Help:   "The IPv6 source CIDR block (cloud side).",
		Source: sdkRule + " (PolicyRule.Source); " + checked,
	},
	{
		Path: p("policy_rules_v6[].destination"), Type: cloud.List, Step: cloud.StepSubnets,
		Help:   "The IPv6 destination CIDR blocks (customer side).",
		Source: sdkRule + " (PolicyRule.Destination); " + checked,
	},
	{
		Path: p("policy_rules_v6[].destination[]"), Type: cloud.String, Check: checkIPv6CIDR, Step: cloud.StepSubnets,
		Help:   "An IPv6 destination CIDR block.",
		Source: sdkRule + " (PolicyRule.Destination []string); " + checked,
	},
}
