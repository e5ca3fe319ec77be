// Package huawei is tunnelwiz's driver for Huawei Cloud VPN v5
// CreateVpnConnection (POST /v5/{project_id}/vpn-connection), sent through
// the official huaweicloud-sdk-go-v3 services/vpn/v5 client, with the
// look-ups the wizard needs (ListVgws, ListCgws, ListVpnConnections,
// ShowVpnConnection, and VPC v3 ListVpcs) and the sandbox frontend that
// speaks the same protocol (sandbox.go).
//
// The spec's params are the request body exactly:
//
//	vendor: huawei
//	region: cn-north-4
//	project_id: 0123456789abcdef0123456789abcdef
//	params: {vpn_connection: {vgw_id: ..., vgw_ip: ..., cgw_id: ..., ...}}
package huawei

import (
	"sync"

	"tunnelwiz/cloud"
)

// API is the spec file's vendor key.
const API = "huawei"

// Where the rules come from. The seed is the vendor's API page kept in
// /work/shared/seeds; the SDK is the pinned Go SDK's request model, whose
// enum types document values the seed leaves blank.
const (
	seed      = "seed 002_a73dda56220d68d0.txt (Huawei VPN v5 Creating a VPN Connection)"
	sdkModule = "github.com/huaweicloud/huaweicloud-sdk-go-v3@v0.1.207"
	sdk       = sdkModule + " services/vpn/v5/model"
	// The model files the rules quote.
	sdkBody  = sdk + "/model_create_vpn_connection_request_body_content.go"
	sdkIke   = sdk + "/model_ike_policy.go"
	sdkIpsec = sdk + "/model_ipsec_policy.go"
	sdkDpd   = sdk + "/model_dpd.go"
	sdkRule  = sdk + "/model_policy_rule.go"
	sdkTag   = sdk + "/model_vpn_resource_tag.go"
	// pageCN is Huawei's Chinese API page for the same call.
	pageCN = "https://support.huaweicloud.com/api-vpn/vpn_api_0027.html (2024-01-26)"
	// tfDoc is the Huawei Terraform provider's resource page.
	tfDoc   = "huaweicloud/terraform-provider-huaweicloud@b1dddd64c48e docs/resources/vpn_connection.md"
	checked = "checked 2026-11-22"
)

// p prefixes a member of the vpn_connection object.
func p(name string) string { return "vpn_connection." + name }

// catalog is built on first use, not at the program's start: every
// vendor is linked into every command, and most commands use one.
var catalog = sync.OnceValue(func() *cloud.Catalog {
	return &cloud.Catalog{
		API:     API,
		CLI:     "hcloud",
		Signing: "SDK-HMAC-SHA256: an Authorization header, with X-Sdk-Date (hcloud or the SDK computes it)",
		Terraform: cloud.TerraformResource{Provider: "huaweicloud", Source: "huaweicloud/huaweicloud", Resource: "huaweicloud_vpn_connection", Version: "1.97.1",
			Schema: "github.com/huaweicloud/terraform-provider-huaweicloud@a0345b8dcc818aa80d932ec0802891222b0a22af (v1.97.1+21) huaweicloud/services/vpn/resource_huaweicloud_vpn_connection.go"},
		Title:  "Huawei Cloud VPN v5 CreateVpnConnection (POST /v5/{project_id}/vpn-connection)",
		Target: targetFields,
		Fields: concat(connectionFields, policyRuleFields, ikeFields, ipsecFields, tailFields, ipv6Fields),
		Checks: checks,
		// Huawei publishes no request rate for the VPN v5 API, so the core's
		// DefaultRate applies.
		RateLimit:  0,
		RateSource: "undocumented: " + seed + " and " + pageCN + " name no request rate; cloud.DefaultRate applies; " + checked,
	}
})

func concat(lists ...[]cloud.Field) []cloud.Field {
	var out []cloud.Field
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
