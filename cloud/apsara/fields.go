package apsara

import (
	"strings"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// apiVersion is the version the seed documents and the gateway routes on.
const apiVersion = "2016-01-01"

// nonEmpty guards the ids: the seed's examples are masked ("****"), so no
// id format is enforced, only that one is given.
func nonEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return "must not be empty"
	}
	return ""
}

// nameChars is seed 001's Name rule: "must start with a letter or Chinese,
// and can contain numbers, periods, underscores and dashes, but you cannot
// use http:// or https:// start" (':' and '/' fall outside the set).
var nameChars = cloud.NewCharset(`^\p{L}[\p{L}\p{N}._-]*$`,
	"must start with a letter or Chinese character and hold only letters, digits, '.', '_' and '-' (so it cannot start with http:// or https://)")

var topFields = []cloud.Field{
	{Path: "RegionId", Export: cloud.TF("provider.region"), Type: cloud.String, Required: true, Chars: aliyun.RegionChars, Role: cloud.RoleRegion, Step: cloud.StepTarget,
		Help:   "Region of the IPsec connection (see DescribeRegions).",
		Source: src(seed + " RegionId (required, example cn-qingdao-env66-d01)")},
	{Path: "regionId", Export: cloud.TF("provider.region"), Type: cloud.String, Chars: aliyun.RegionChars, Role: cloud.RoleRegion, Step: cloud.StepTarget,
		Help:   "Region id as the API gateway reads it; when omitted tunnelwiz sends RegionId's value.",
		Source: src(seed + " lists regionId as required with no sample beside the required RegionId; tunnelwiz requires RegionId only (widest acceptance), sends regionId = RegionId when absent, and warns when they differ")},
	{Path: "version", Type: cloud.String, Known: []string{apiVersion}, Step: cloud.StepTarget,
		Help:   "API version: 2016-01-01.",
		Source: src(seed + " version (optional, example 2016-01-01); other values only warn")},

	{Path: "VpnGatewayId", Export: cloud.TF("vpn_gateway_id"), Type: cloud.String, Required: true, Check: nonEmpty, Step: cloud.StepGateways, Role: cloud.RoleVPNGateway,
		Help:   "ID of the VPN gateway.",
		Source: src(seed + " VpnGatewayId (required; its example vpn-bp1q8bgx4xnkm**** is masked, so no id format is enforced)")},
	{Path: "CustomerGatewayId", Export: cloud.TF("customer_gateway_id"), Type: cloud.String, Required: true, Check: nonEmpty, Step: cloud.StepGateways, Role: cloud.RoleCustomerGateway,
		Help:   "ID of the customer gateway.",
		Source: src(seed + " CustomerGatewayId (required; example masked)")},

	{Path: "LocalSubnet", Export: cloud.TF("local_subnet|split"), Type: cloud.String, Format: cloud.CIDRListLoose, Required: true, Step: cloud.StepSubnets, Role: cloud.RoleLocalSubnet,
		Help:   "CIDR blocks on the VPC side to connect to the data center, comma-separated; used in phase 2.",
		Source: src(seed + " LocalSubnet (required, comma-separated CIDR blocks)")},
	{Path: "RemoteSubnet", Export: cloud.TF("remote_subnet|split"), Type: cloud.String, Format: cloud.CIDRListLoose, Required: true, Step: cloud.StepSubnets, Role: cloud.RoleRemoteSubnet,
		Help:   "CIDR blocks of the data center, comma-separated; used in phase 2.",
		Source: src(seed + " RemoteSubnet (required, comma-separated CIDR blocks)")},

	{Path: "IkeConfig", Export: cloud.TF("ike_config"), Type: cloud.Object, Step: cloud.StepIKE,
		Help:   "Phase 1 (IKE) configuration, sent as a JSON string.",
		Source: src(seed + " IkeConfig (a string holding JSON)")},
	{Path: "IpsecConfig", Export: cloud.TF("ipsec_config"), Type: cloud.Object, Step: cloud.StepIPsec,
		Help:   "Phase 2 (IPsec) configuration, sent as a JSON string.",
		Source: src(seed + " IpsecConfig (a string holding JSON)")},
	{Path: "HealthCheckConfig", Export: cloud.TF("-"), Type: cloud.Object, Step: cloud.StepExtras,
		Help:   "Health check configuration, sent as a JSON string with lower-case keys.",
		Source: src(seed + " HealthCheckConfig (a string holding JSON)")},
	{Path: "AutoConfigRoute", Type: cloud.Boolean, Default: "false", Step: cloud.StepExtras,
		Help:   "Whether routes are configured automatically (default false on Apsara Stack).",
		Source: src(seed + " AutoConfigRoute (default false, unlike the public cloud's true)")},
	{Path: "EffectImmediately", Export: cloud.TF("effect_immediately"), Type: cloud.Boolean, Default: "false", Step: cloud.StepExtras,
		Help:   "true deletes the negotiated tunnel and negotiates at once; false (default) waits for traffic.",
		Source: src(seed + " EffectImmediately (default false)")},

	{Path: "Name", Export: cloud.TF("vpn_connection_name"), Type: cloud.String, Len: &cloud.Range{Min: 2, Max: 128}, Chars: nameChars, Step: cloud.StepTags, Role: cloud.RoleName,
		Help:   "Name of the IPsec connection: 2 to 128 characters, starting with a letter or Chinese character.",
		Source: src(seed + " Name (2-128 characters; starts with a letter or Chinese; digits, '.', '_', '-'; not http:// or https://); " + aliyun.ApsaraTF + " checks 2-128 only")},
	{Path: "ClientToken", Type: cloud.String, Len: &cloud.Range{Min: 1, Max: 64}, Chars: aliyun.ASCIIChars, Step: cloud.StepTags, Role: cloud.RoleClientToken,
		Help:   "Client token making the request idempotent: unique per request, at most 64 ASCII characters; keep it when retrying.",
		Source: src(seed + " ClientToken (at most 64 ASCII characters)")},
}
