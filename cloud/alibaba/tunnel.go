package alibaba

import "tunnelwiz/cloud"

// Dual-tunnel mode: TunnelOptionsSpecification carries one active and one
// standby tunnel, each with its own customer gateway and IKE, IPsec and BGP
// settings. The SDK sends it as form fields (TunnelOptionsSpecification.1.*).
const tunnels = "TunnelOptionsSpecification"

func tunnelFields() []cloud.Field {
	const el = tunnels + "[]"
	p := func(name string) string { return el + "." + name }
	fs := []cloud.Field{
		{Path: tunnels, Export: cloud.TF("tunnel_options_specification"), Type: cloud.List, Len: &cloud.Range{Min: 2, Max: 2}, Step: cloud.StepGateways,
			Help:   "Dual-tunnel mode: the active and the standby tunnel, exactly one of each.",
			Source: src(sdk + " TunnelOptionsSpecification: \"you must add configurations of the active and standby tunnels ... only one active tunnel and one standby tunnel\"; absent from " + seed)},
		{Path: el, Type: cloud.Object, Step: cloud.StepGateways, Source: src(sdk + " CreateVpnConnectionRequestTunnelOptionsSpecification")},
		{Path: p("CustomerGatewayId"), Export: cloud.TF("customer_gateway_id"), Type: cloud.String, Required: true, Check: nonEmpty, Step: cloud.StepGateways, RegionBound: true,
			Help:   "ID of the customer gateway of this tunnel.",
			Source: src(sdk + " TunnelOptionsSpecification.CustomerGatewayId (required in dual-tunnel mode)")},
		{Path: p("Role"), Export: cloud.TF("role"), Type: cloud.String, Allowed: []string{"master", "slave"}, Step: cloud.StepGateways,
			Help:   "Role of the tunnel: master (active) or slave (standby).",
			Source: src(sdk + " TunnelOptionsSpecification.Role (master, slave)")},
		{Path: p("TunnelIkeConfig"), Export: cloud.TF("tunnel_ike_config"), Type: cloud.Object, Step: cloud.StepIKE,
			Help:   "Phase 1 (IKE) configuration of this tunnel.",
			Source: src(sdk + " TunnelOptionsSpecification.TunnelIkeConfig")},
	}
	fs = append(fs, doc.IkeFields(p("TunnelIkeConfig"), true)...)
	fs = append(fs,
		cloud.Field{Path: p("RemoteCaCertificate"), Type: cloud.String, Step: cloud.StepIKE,
			Help:   "CA certificate of the peer, required when the VPN gateway uses a ShangMi (SM) certificate.",
			Source: src(sdk + " TunnelOptionsSpecification.RemoteCaCertificate")},
		cloud.Field{Path: p("TunnelIpsecConfig"), Export: cloud.TF("tunnel_ipsec_config"), Type: cloud.Object, Step: cloud.StepIPsec,
			Help:   "Phase 2 (IPsec) configuration of this tunnel.",
			Source: src(sdk + " TunnelOptionsSpecification.TunnelIpsecConfig")},
	)
	fs = append(fs, doc.IpsecFields(p("TunnelIpsecConfig"))...)
	fs = append(fs,
		cloud.Field{Path: p("EnableDpd"), Export: cloud.TF("enable_dpd"), Type: cloud.Boolean, Default: "true", Step: cloud.StepExtras, Role: cloud.RoleDPD, Means: onOff,
			Help:   "Whether dead peer detection is on for this tunnel.",
			Source: src(sdk + " TunnelOptionsSpecification.EnableDpd (default true)")},
		cloud.Field{Path: p("EnableNatTraversal"), Export: cloud.TF("enable_nat_traversal"), Type: cloud.Boolean, Default: "true", Step: cloud.StepExtras, Role: cloud.RoleNATTraversal, Means: onOff,
			Help:   "Whether NAT traversal is on for this tunnel.",
			Source: src(sdk + " TunnelOptionsSpecification.EnableNatTraversal (default true)")},
		cloud.Field{Path: p("TunnelBgpConfig"), Export: cloud.TF("tunnel_bgp_config"), Type: cloud.Object, Step: cloud.StepExtras,
			Help:   "BGP configuration of this tunnel; used when EnableTunnelsBgp is true.",
			Source: src(sdk + " TunnelOptionsSpecification.TunnelBgpConfig")},
	)
	return append(fs, doc.TunnelBgpFields(p("TunnelBgpConfig"))...)
}
