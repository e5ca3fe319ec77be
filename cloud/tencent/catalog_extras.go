package tencent

import "tunnelwiz/cloud"

var extraFields = []cloud.Field{
	{
		Path: "NegotiationType", Export: cloud.TF("negotiation_type"), Type: cloud.String, Allowed: []string{"active", "passive", "flowTrigger"},
		Default: "active", Step: cloud.StepExtras,
		Help:   "Negotiation type: active (default), passive, or flowTrigger (negotiate when traffic arrives).",
		Source: srcSDK + " comment (active, passive, flowTrigger; default active); " + checked,
	},
	{
		Path: "DpdEnable", Export: cloud.TF("dpd_enable"), Type: cloud.Integer, Allowed: []string{"0", "1"}, Default: "0",
		Role: cloud.RoleDPD, Means: map[string]string{"0": "off", "1": "on"}, Step: cloud.StepExtras,
		Help:   "Dead peer detection: 0 (off, default) or 1 (on).",
		Source: srcSDK + " comment (0 off, 1 on; default 0); " + checked,
	},
	{
		Path: "DpdTimeout", Export: cloud.TF("dpd_timeout|int"), Type: cloud.String, Format: cloud.Digits,
		Default: "30", Step: cloud.StepExtras, Effective: dpdOn, Role: cloud.RoleDPDTimeout,
		Help: "Seconds without an answer before the peer counts as gone, 30 to 60 (default 30), " +
			"sent as a string. Takes effect when DpdEnable is 1.",
		Source: srcSDK + " comment: string, default 30 seconds, effective when DpdEnable is 1 (no range); " +
			"range 30-60 from " + srcTF + " only (dpd_timeout ValidateIntegerInRange(30, 60)), so outside it is a warning " +
			"(check 'DPD timeout 30 to 60'); " + checked,
	},
	{
		Path: "DpdAction", Export: cloud.TF("dpd_action"), Type: cloud.String, Allowed: []string{"clear", "restart"}, Step: cloud.StepExtras, Effective: dpdOn,
		Role: cloud.RoleDPDAction, Means: map[string]string{"clear": "clear", "restart": "restart"},
		Help: "What to do after a DPD timeout: clear (disconnect) or restart (retry). Takes effect when " +
			"DpdEnable is 1.",
		Source: srcSDK + " comment (clear, restart; default clear); " + srcSDKNew + " says default restart, " +
			"so no default is recorded; " + checked,
	},
	{
		Path: "EnableHealthCheck", Export: cloud.TF("enable_health_check"), Type: cloud.Boolean, Default: "false", Step: cloud.StepExtras,
		Help: "Whether to run the in-tunnel health check (default false). Tencent recommends it on " +
			"route-based tunnels; SPD tunnels need an SPD rule for 0.0.0.0/0.",
		Source: srcSeed + "; " + srcSDK + " comment (default False); " + srcDocHC + ": 'We recommend you use a route-based " +
			"tunnel for health check. If you use an SPD policy-based tunnel, you need to configure an SPD policy for 0.0.0.0/0'; " + checked,
	},
	{
		Path: "HealthCheckLocalIp", Export: cloud.TF("health_check_local_ip"), Type: cloud.String, Format: cloud.IPv4, Step: cloud.StepExtras,
		Help: "Local (Tencent side) health check address. When absent Tencent picks one in 169.254.128.0/17.",
		Source: srcSeed + "; " + srcSDK + " comment: defaults to a random IP in 169.254.128.0/17 (so optional " +
			"even with EnableHealthCheck; no range is imposed: " + srcDocHC + " also allows 0.0.0.0 and 224.0.0.0-239.255.255.255 " +
			"addresses outside the VPC); " + checked,
	},
	{
		Path: "HealthCheckRemoteIp", Export: cloud.TF("health_check_remote_ip"), Type: cloud.String, Format: cloud.IPv4, Step: cloud.StepExtras,
		Help:   "Peer (customer side) health check address. When absent Tencent picks one in 169.254.128.0/17.",
		Source: srcSeed + "; " + srcSDK + " comment: defaults to a random IP in 169.254.128.0/17; " + checked,
	},
	{
		Path: "HealthCheckConfig", Export: cloud.TF("health_check_config"), Type: cloud.Object, Step: cloud.StepExtras,
		Help:   "Health check (NQA) probe settings.",
		Source: srcSDK + " CreateVpnConnectionRequest.HealthCheckConfig ('健康检查NQA配置', not in the seed); " + checked,
	},
	{
		Path: "HealthCheckConfig.ProbeType", Export: cloud.TF("probe_type"), Type: cloud.String, Allowed: []string{"NQA"}, Default: "NQA",
		Step:   cloud.StepExtras,
		Help:   "Probe mode; only NQA, the default, which cannot be changed.",
		Source: srcSDK + " HealthCheckConfig comment ('default NQA, cannot be modified'); " + checked,
	},
	{
		Path: "HealthCheckConfig.ProbeInterval", Export: cloud.TF("probe_interval"), Type: cloud.Integer, Range: &cloud.Range{Min: 1000, Max: 5000},
		Step:   cloud.StepExtras,
		Help:   "Milliseconds between two health checks, 1000 to 5000.",
		Source: srcSDK + " HealthCheckConfig comment (1000-5000 ms); " + checked,
	},
	{
		Path: "HealthCheckConfig.ProbeThreshold", Export: cloud.TF("probe_threshold"), Type: cloud.Integer, Range: &cloud.Range{Min: 3, Max: 8},
		Step:   cloud.StepExtras,
		Help:   "Consecutive failed checks before routes switch over, 3 to 8.",
		Source: srcSDK + " HealthCheckConfig comment (3-8); " + checked,
	},
	{
		Path: "HealthCheckConfig.ProbeTimeout", Export: cloud.TF("probe_timeout"), Type: cloud.Integer, Range: &cloud.Range{Min: 10, Max: 5000},
		Step:   cloud.StepExtras,
		Help:   "Probe timeout in milliseconds, 10 to 5000.",
		Source: srcSDK + " HealthCheckConfig comment (10-5000 ms); " + checked,
	},
	{
		Path: "BgpConfig", Export: cloud.TF("bgp_config"), Type: cloud.Object, Step: cloud.StepExtras,
		Help:   "BGP settings for a Bgp tunnel: the tunnel CIDR and both peers' BGP addresses inside it.",
		Source: srcSDK + " CreateVpnConnectionRequest.BgpConfig ('BGP配置', not in the seed); " + checked,
	},
	{
		Path: "BgpConfig.TunnelCidr", Export: cloud.TF("tunnel_cidr"), Type: cloud.String, Format: cloud.CIDRLoose, Required: true, Step: cloud.StepExtras,
		Role: cloud.RoleTunnelCIDR,
		Help: "The BGP tunnel CIDR, conventionally a /30 inside 169.254.0.0/16.",
		Source: srcSDK + " BgpConfig ('BGP tunnel CIDR'); required here as in " + srcTF + " (bgp_config.tunnel_cidr " +
			"Required); the /30 and 169.254.0.0/16 rules are warnings (see checks); " + checked,
	},
	{
		Path: "BgpConfig.LocalBgpIp", Export: cloud.TF("local_bgp_ip"), Type: cloud.String, Format: cloud.IPv4, Required: true, Step: cloud.StepExtras,
		Role:   cloud.RoleTunnelLocal,
		Help:   "Tencent-side BGP address; must be allocated from the BGP tunnel CIDR.",
		Source: srcSDK + " BgpConfig comment ('must be allocated from the BGP tunnel CIDR'); required as in " + srcTF + "; " + checked,
	},
	{
		Path: "BgpConfig.RemoteBgpIp", Export: cloud.TF("remote_bgp_ip"), Type: cloud.String, Format: cloud.IPv4, Required: true, Step: cloud.StepExtras,
		Role:   cloud.RoleTunnelPeer,
		Help:   "Customer-side BGP address; must be allocated from the BGP tunnel CIDR.",
		Source: srcSDK + " BgpConfig comment ('must be allocated from the BGP tunnel CIDR'); required as in " + srcTF + "; " + checked,
	},
	{
		Path: "Route", Export: cloud.TF("-"), Type: cloud.Object, Step: cloud.StepExtras,
		Deprecated: "routes on the VPN gateway's route table (CreateVpnGatewayRoutes)",
		Help:       "A route created with the tunnel: destination IDC CIDR and priority.",
		Source: srcSDK + " CreateVpnConnRoute (not in the seed); " + srcSDKNew + " marks Route deprecated and " +
			"adds Route.Description, which the pinned SDK cannot send; " + checked,
	},
	{
		Path: "Route.DestinationCidrBlock", Type: cloud.String, Format: cloud.CIDRLoose, Required: true,
		Step:   cloud.StepExtras,
		Help:   "The destination (IDC) CIDR block of the route.",
		Source: srcSDK + " CreateVpnConnRoute.DestinationCidrBlock (a route without it says nothing); " + checked,
	},
	{
		Path: "Route.Priority", Type: cloud.Integer, Allowed: []string{"0", "100"}, Step: cloud.StepExtras,
		Help:   "Route priority: 0 or 100.",
		Source: srcSDK + " CreateVpnConnRoute.Priority comment ('optional values 0, 100'); " + checked,
	},
}

var tagFields = []cloud.Field{
	{
		Path: "VpnConnectionName", Export: cloud.TF("name"), Type: cloud.String, Required: true, Len: &cloud.Range{Min: 1, Max: 60},
		Role: cloud.RoleName, Step: cloud.StepTags,
		Help:   "The tunnel's name: anything up to 60 characters.",
		Source: srcSeed + " (required, at most 60 characters); " + srcTF + " (1-60); " + checked,
	},
	{
		Path: "Tags", Export: cloud.TF("tags|map"), Type: cloud.List, Step: cloud.StepTags,
		Help:   "Tags to bind, such as [{\"Key\": \"city\", \"Value\": \"shanghai\"}].",
		Source: srcSeed + "; " + srcSDK + " Tag; " + checked,
	},
	{
		Path: "Tags[]", Type: cloud.Object, Step: cloud.StepTags,
		Source: srcSDK + " Tag; " + checked,
	},
	{
		Path: "Tags[].Key", Type: cloud.String, Required: true, Check: nonEmpty, Step: cloud.StepTags,
		Help:   "The tag key.",
		Source: srcSeed + " example city; a tag without a key is meaningless (" + srcErrs + ": InvalidParameterValue.TagInvalidKey, '标签键无效'); " + checked,
	},
	{
		Path: "Tags[].Value", Type: cloud.String, Step: cloud.StepTags,
		Help:   "The tag value.",
		Source: srcSeed + " example shanghai; " + srcSDK + " Tag.Value; " + checked,
	},
}

// dpdOn: the SDK says DpdTimeout and DpdAction are "effective when
// DpdEnable is 1", so they are ignored, not refused, otherwise (a warning,
// and the wizard hides them).
var dpdOn = &cloud.Cond{Path: "DpdEnable", In: []string{"1"}}
