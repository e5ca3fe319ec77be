package tencent

import "tunnelwiz/cloud"

// Route types. STATIC is the legacy default and, like Policy, selects SPD
// (policy-based) tunnels: the seed's STATIC example carries an SPD, and the
// Terraform provider reads the SPD back for every type but StaticRoute.
const (
	rtStatic      = "STATIC"
	rtStaticRoute = "StaticRoute"
	rtPolicy      = "Policy"
	rtBgp         = "Bgp"
)

var (
	routeTypes   = []string{rtStatic, rtStaticRoute, rtPolicy, rtBgp}
	spdRouteType = []string{rtStatic, rtPolicy}
)

var gatewayFields = []cloud.Field{
	{
		Path: "VpcId", Export: cloud.TF("vpc_id"), Type: cloud.String, Step: cloud.StepGateways, Check: nonEmpty, Role: cloud.RoleVPC,
		Help: "VPC instance ID (VpcId from DescribeVpcs). A tunnel on a CCN-type VPN gateway may omit it.",
		Source: srcSeed + " marks it required; " + srcSDK + " comment: 'CCN VPN 形的通道 可以不传VPCID' (CCN tunnels need not " +
			"pass VpcId), and " + srcSDKNew + ": 'CCN类型网关传空值即可' (pass empty for CCN gateways) -> optional here, with a " +
			"warning when absent (" + srcErrs + ": UnsupportedOperation.VpnGwVpcIdMustHave); " + checked,
	},
	{
		Path: "VpnGatewayId", Export: cloud.TF("vpn_gateway_id"), Type: cloud.String, Required: true, Step: cloud.StepGateways, Check: nonEmpty,
		Role:   cloud.RoleVPNGateway,
		Help:   "The ID of the VPN gateway instance, such as vpngw-1w9tue3d.",
		Source: srcSeed + " (required); " + srcSDK + "; " + checked,
	},
	{
		Path: "CustomerGatewayId", Export: cloud.TF("customer_gateway_id"), Type: cloud.String, Required: true, Step: cloud.StepGateways, Check: nonEmpty,
		Role:   cloud.RoleCustomerGateway,
		Help:   "The ID of the customer gateway, such as cgw-2wqq41m9 (see DescribeCustomerGateways).",
		Source: srcSeed + " (required); " + srcSDK + "; " + checked,
	},
	{
		Path: "RouteType", Export: cloud.TF("route_type"), Type: cloud.String, Allowed: routeTypes, Default: rtStatic, Step: cloud.StepGateways,
		Role: cloud.RoleRouting, Means: map[string]string{rtStatic: "policy", rtPolicy: "policy", rtStaticRoute: "route", rtBgp: "bgp"},
		Help: "Tunnel type: STATIC or Policy (SPD policy-based), StaticRoute (destination routes) or Bgp " +
			"(BGP routing). Default STATIC.",
		Source: srcSDK + " comment: 'e.g. [\"STATIC\", \"StaticRoute\", \"Policy\"]'; " + srcSDKNew +
			" adds Bgp and 默认值：STATIC (default STATIC); " + srcTF + " validates STATIC, StaticRoute, Policy, Bgp; " + checked,
	},
}

var subnetFields = []cloud.Field{
	{
		Path: "SecurityPolicyDatabases", Export: cloud.TF("security_group_policy"), Type: cloud.List, Step: cloud.StepSubnets,
		RequiredWhen: &cloud.Cond{Path: "RouteType", In: spdRouteType},
		Help: "The SPD policy group: each rule maps a VPC-side CIDR to the IDC CIDRs it may talk to, " +
			"such as {\"10.0.0.5/24\":[\"172.123.10.5/16\"]}.",
		Source: srcSeed + " marks it required (Yes) for the only type it knew (STATIC); " + srcSDK +
			" makes it optional and " + srcSDKNew + " names Policy the SPD type, so it is required only for " +
			"RouteType STATIC or Policy (the widest rule); at most 200: " + srcDocTunnel + " says 'All SPD rules under the " +
			"same VPN gateway can form up to 200 mappings', a quota, not an API rule: a warning (check 'SPD sizes'); " + checked,
	},
	{
		Path: "SecurityPolicyDatabases[]", Type: cloud.Object, Step: cloud.StepSubnets,
		Source: srcSDK + " SecurityPolicyDatabase; " + checked,
	},
	{
		Path: "SecurityPolicyDatabases[].LocalCidrBlock", Export: cloud.TF("local_cidr_block"), Type: cloud.String, Format: cloud.CIDRLoose,
		Required: true, Step: cloud.StepSubnets, Role: cloud.RoleLocalSubnet,
		Help: "The local (VPC or CCN side) CIDR block of this SPD rule.",
		Source: srcSeed + " example 10.8.4.0/24; " + srcSDK + " SecurityPolicyDatabase.LocalCidrBlock; host bits " +
			"are tolerated because the seed's own SecurityPolicyDatabases example is {\"10.0.0.5/24\":[\"172.123.10.5/16\"]}; " + checked,
	},
	{
		Path: "SecurityPolicyDatabases[].RemoteCidrBlock", Export: cloud.TF("remote_cidr_block"), Type: cloud.List, Required: true,
		Step: cloud.StepSubnets, Role: cloud.RoleRemoteSubnet,
		Help: "The peer (IDC side) CIDR blocks this rule's local CIDR may communicate with.",
		Source: srcSeed + " example [58.211.1.0/24]; " + srcSDK + "; each remote block is one SPD mapping, " +
			"of which a gateway has at most 200 (" + srcDocTunnel + "): a warning (check 'SPD sizes'); " + checked,
	},
	{
		Path: "SecurityPolicyDatabases[].RemoteCidrBlock[]", Type: cloud.String, Format: cloud.CIDRLoose,
		Step:   cloud.StepSubnets,
		Source: srcSeed + "; " + srcSDK + " (example 172.123.10.5/16 has host bits, so they are tolerated); " + checked,
	},
}
