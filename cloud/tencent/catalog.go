package tencent

import (
	"sync"

	"tunnelwiz/cloud"
)

// catalog is the whole rule set. Fields are listed in wizard order; the
// SDK's own order does not matter because the SDK marshals its struct.
// API is the spec file's vendor key.
const API = "tencent"

// catalog is built on first use, not at the program's start: every
// vendor is linked into every command, and most commands use one.
var catalog = sync.OnceValue(func() *cloud.Catalog {
	return &cloud.Catalog{
		API:     API,
		CLI:     "tccli",
		Signing: "TC3-HMAC-SHA256: an Authorization header over the canonical request, with X-TC-Timestamp (tccli or the SDK computes it)",
		Terraform: cloud.TerraformResource{Provider: "tencentcloud", Source: "tencentcloudstack/tencentcloud", Resource: "tencentcloud_vpn_connection", Version: "1.83.25",
			Schema: "github.com/tencentcloudstack/terraform-provider-tencentcloud@f6970a90038400958503a0edab62c6c463baa7b0 (v1.83.25) tencentcloud/services/vpn/resource_tc_vpn_connection.go"},
		Title:  "Tencent Cloud API 3.0 vpc CreateVpnConnection (2017-03-12)",
		Target: targetFields,
		Fields: concat(gatewayFields, subnetFields, ikeFields, ipsecFields, extraFields, tagFields),
		Checks: checks,
		// One limiter per vendor serves every call tunnelwiz makes (create and
		// the Describe look-ups), so the per-action limit is also the total.
		RateLimit:  100,
		RateSource: srcSeed + ": 'A maximum of 100 requests can be initiated per second for this API.'",
	}
})

func concat(parts ...[]cloud.Field) []cloud.Field {
	var out []cloud.Field
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// nonEmpty rejects an empty string where the vendor needs a value: Required
// only checks presence, and `Key: ""` is present.
func nonEmpty(v string) string {
	if v == "" {
		return "must not be empty"
	}
	return ""
}
