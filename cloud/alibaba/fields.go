package alibaba

import (
	"strings"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

const (
	seed = aliyun.Seed004
	sdk  = aliyun.SDK
	// sdkModel is the same file, cited for a struct field without a comment.
	sdkModel = aliyun.SDKModule + " client/create_vpn_connection_request_model.go"
	checked  = aliyun.Checked
)

var doc = aliyun.Doc{Seed: seed}

// onOff maps the switches onto the preset vocabulary (cloud.ModeTerms).
var onOff = map[string]string{"true": "on", "false": "off"}

func src(s string) string { return s + "; " + checked }

// nonEmpty guards the ids: the vendor masks its example ids ("****"), so no
// id format is enforced, only that one is given.
func nonEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return "must not be empty"
	}
	return ""
}

// nameRule is the SDK v7 rule for Name; the seed's stricter rule only warns
// (checks.go).
func nameRule(s string) string {
	l := strings.ToLower(s)
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return "must not start with http:// or https://"
	}
	return ""
}

// tagRule is the SDK v7 rule for tag keys and values.
func tagRule(s string) string {
	l := strings.ToLower(s)
	switch {
	case strings.HasPrefix(l, "aliyun"), strings.HasPrefix(l, "acs:"):
		return "must not start with aliyun or acs:"
	case strings.Contains(l, "http://"), strings.Contains(l, "https://"):
		return "must not contain http:// or https://"
	}
	return ""
}

// topFields are the request's own parameters, in wizard order; nested
// tables come from the shared package.
var topFields = []cloud.Field{
	{Path: "RegionId", Export: cloud.TF("provider.region"), Type: cloud.String, Required: true, Chars: aliyun.RegionChars, Role: cloud.RoleRegion, Known: knownRegions, Step: cloud.StepTarget,
		Help:   "Region of the IPsec-VPN connection (see DescribeRegions).",
		Source: src(seed + " RegionId (required, example cn-shanghai); Known: the region list of the target key region; others warn")},
	{Path: "OwnerId", Type: cloud.Integer, Step: cloud.StepTarget,
		Help:   "Alibaba Cloud internal owner parameter; leave unset.",
		Source: src(sdkModel + " CreateVpnConnectionRequest.OwnerId (int64, undocumented; absent from " + seed + ")")},
	{Path: "OwnerAccount", Type: cloud.String, Step: cloud.StepTarget,
		Help:   "Alibaba Cloud internal owner account parameter; leave unset.",
		Source: src(sdkModel + " CreateVpnConnectionRequest.OwnerAccount (undocumented; absent from " + seed + ")")},
	{Path: "ResourceOwnerId", Type: cloud.Integer, Step: cloud.StepTarget,
		Help:   "Alibaba Cloud internal resource owner parameter; leave unset.",
		Source: src(sdkModel + " CreateVpnConnectionRequest.ResourceOwnerId (int64, undocumented; absent from " + seed + ")")},
	{Path: "ResourceOwnerAccount", Type: cloud.String, Step: cloud.StepTarget,
		Help:   "Alibaba Cloud internal resource owner account parameter; leave unset.",
		Source: src(sdkModel + " CreateVpnConnectionRequest.ResourceOwnerAccount (undocumented; absent from " + seed + ")")},

	{Path: "VpnGatewayId", Export: cloud.TF("vpn_gateway_id"), Type: cloud.String, Required: true, Check: nonEmpty, Step: cloud.StepGateways, Role: cloud.RoleVPNGateway,
		Help:   "ID of the VPN gateway.",
		Source: src(seed + " VpnGatewayId (required; its example vpn-bp1q8bgx4xnkm**** is masked, so no id format is enforced)")},
	{Path: "CustomerGatewayId", Export: cloud.TF("customer_gateway_id"), Type: cloud.String, Check: nonEmpty, Step: cloud.StepGateways, Role: cloud.RoleCustomerGateway,
		Help:   "ID of the customer gateway; required in single-tunnel mode, replaced by each tunnel's CustomerGatewayId in dual-tunnel mode.",
		Source: src(seed + " CustomerGatewayId (required); " + sdk + ": \"When you create an IPsec-VPN connection in single-tunnel mode, this parameter is required\" (checks.go)")},

	{Path: "LocalSubnet", Export: cloud.TF("local_subnet|split"), Type: cloud.String, Format: cloud.CIDRListLoose, Required: true, Step: cloud.StepSubnets, Role: cloud.RoleLocalSubnet,
		Help:   "CIDR blocks on the VPC side, comma-separated, used in phase 2; 0.0.0.0/0 on both sides selects destination-routing mode.",
		Source: src(seed + " LocalSubnet (required, comma-separated CIDR blocks); " + sdk + " adds the 0.0.0.0/0 routing modes")},
	{Path: "RemoteSubnet", Export: cloud.TF("remote_subnet|split"), Type: cloud.String, Format: cloud.CIDRListLoose, Required: true, Step: cloud.StepSubnets, Role: cloud.RoleRemoteSubnet,
		Help:   "CIDR blocks on the data-center side, comma-separated, used in phase 2.",
		Source: src(seed + " RemoteSubnet (required, comma-separated CIDR blocks); " + sdk + " adds the 0.0.0.0/0 routing modes")},

	{Path: "IkeConfig", Export: cloud.TF("ike_config"), Type: cloud.Object, Step: cloud.StepIKE,
		Help:   "Phase 1 (IKE) configuration; single-tunnel mode only. Sent as a JSON string.",
		Source: src(seed + " IkeConfig (a JSON string); " + sdk + ": single-tunnel mode only")},
	{Path: "RemoteCaCertificate", Type: cloud.String, Step: cloud.StepIKE,
		Help:   "CA certificate of the peer, required for ShangMi (China Certification) VPN gateways and left empty for standard ones; single-tunnel mode only.",
		Source: src(seed + " RemoteCaCertificate; " + sdk + ": single-tunnel mode only")},
	{Path: "IpsecConfig", Export: cloud.TF("ipsec_config"), Type: cloud.Object, Step: cloud.StepIPsec,
		Help:   "Phase 2 (IPsec) configuration; single-tunnel mode only. Sent as a JSON string.",
		Source: src(seed + " IpsecConfig (a JSON string); " + sdk + ": single-tunnel mode only")},

	{Path: "EnableDpd", Export: cloud.TF("enable_dpd"), Type: cloud.Boolean, Default: "true", Step: cloud.StepExtras, Role: cloud.RoleDPD, Means: onOff,
		Help:   "Whether dead peer detection is on: without answers the SAs and the tunnel are deleted.",
		Source: src(seed + " EnableDpd (default true); " + sdk + ": single-tunnel mode only")},
	{Path: "EnableNatTraversal", Export: cloud.TF("enable_nat_traversal"), Type: cloud.Boolean, Default: "true", Step: cloud.StepExtras, Role: cloud.RoleNATTraversal, Means: onOff,
		Help:   "Whether NAT traversal is on, so NAT devices on the path are discovered.",
		Source: src(seed + " EnableNatTraversal (default true); " + sdk + ": single-tunnel mode only")},
	{Path: "HealthCheckConfig", Export: cloud.TF("health_check_config"), Type: cloud.Object, Step: cloud.StepExtras,
		Help:   "Health check configuration; single-tunnel mode only. Sent as a JSON string with lower-case keys.",
		Source: src(seed + " HealthCheckConfig (a JSON string); " + sdk + ": single-tunnel mode only")},
	{Path: "BgpConfig", Export: cloud.TF("bgp_config"), Type: cloud.Object, Step: cloud.StepExtras,
		Help:   "BGP configuration; single-tunnel mode only. Sent as a JSON string.",
		Source: src(seed + " BgpConfig (a JSON string); " + sdk + ": single-tunnel mode only")},
	{Path: "EnableTunnelsBgp", Export: cloud.TF("enable_tunnels_bgp"), Type: cloud.Boolean, Default: "false", Step: cloud.StepExtras,
		Help:   "Whether BGP is enabled on the tunnels; dual-tunnel mode only.",
		Source: src(sdk + " EnableTunnelsBgp (default false): dual-tunnel mode only; absent from " + seed)},
	{Path: "AutoConfigRoute", Export: cloud.TF("auto_config_route"), Type: cloud.Boolean, Default: "true", Step: cloud.StepExtras,
		Help:   "Whether routes are configured automatically.",
		Source: src(seed + " AutoConfigRoute (default true); " + sdk + " agrees")},
	{Path: "EffectImmediately", Export: cloud.TF("effect_immediately"), Type: cloud.Boolean, Default: "false", Step: cloud.StepExtras,
		Help:   "true starts negotiations at once; false (default) waits for traffic.",
		Source: src(seed + " EffectImmediately (default false); " + sdk + " agrees")},
	{Path: "DryRun", Type: cloud.Boolean, Step: cloud.StepExtras,
		Help:   "Checks the request without creating the connection (Alibaba's usual DryRun; undocumented for this operation).",
		Source: src(sdkModel + " CreateVpnConnectionRequest.DryRun (bool, no comment); absent from " + seed)},

	{Path: "Name", Export: cloud.TF("vpn_connection_name"), Type: cloud.String, Len: &cloud.Range{Min: 1, Max: 128}, Check: nameRule, Step: cloud.StepTags, Role: cloud.RoleName,
		Help:   "Name of the IPsec-VPN connection; it must not start with http:// or https://.",
		Source: src(seed + " Name (2-128 characters, starting with a letter, then digits, '.', '_', '-'); " + sdk + " says 1-100 characters, not starting with http:// or https://: widest kept (1-128, no character rule); the seed's rule only warns (checks.go)")},
	{Path: "Tags", Export: cloud.TF("tags|map"), Type: cloud.List, Len: &cloud.Range{Min: 1, Max: 20}, Step: cloud.StepTags,
		Help:   "Tags for the connection, up to 20.",
		Source: src(sdk + " Tags (up to 20); absent from " + seed)},
	{Path: "Tags[]", Type: cloud.Object, Step: cloud.StepTags, Source: src(sdk + " CreateVpnConnectionRequestTags")},
	{Path: "Tags[].Key", Type: cloud.String, Required: true, Len: &cloud.Range{Min: 1, Max: 64}, Check: tagRule, Step: cloud.StepTags,
		Help:   "Tag key: 1 to 64 characters, not starting with aliyun or acs:, without http:// or https://.",
		Source: src(sdk + " Tags.Key")},
	{Path: "Tags[].Value", Type: cloud.String, Len: &cloud.Range{Min: 0, Max: 128}, Check: tagRule, Step: cloud.StepTags,
		Help:   "Tag value: up to 128 characters, may be empty, not starting with aliyun or acs:, without http:// or https://.",
		Source: src(sdk + " Tags.Value")},
	{Path: "ClientToken", Type: cloud.String, Len: &cloud.Range{Min: 1, Max: 64}, Chars: aliyun.ASCIIChars, Step: cloud.StepTags, Role: cloud.RoleClientToken,
		Help:   "Client token making the request idempotent: unique per request, ASCII only; keep the same token when retrying.",
		Source: src(seed + " ClientToken (ASCII, at most 64 characters); " + sdk + " agrees on ASCII and adds that the request id is used when omitted")},
}
