// Package alibaba is the Alibaba Cloud (public cloud) driver: VPC API
// 2016-04-28 CreateVpnConnection, sent through the official v7 SDK
// (github.com/alibabacloud-go/vpc-20160428/v7).
package alibaba

import (
	"sync"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// API is the spec file's vendor key.
const API = "alibaba"

// catalog is built on first use, not at the program's start: every
// vendor is linked into every command, and most commands use one.
var catalog = sync.OnceValue(func() *cloud.Catalog {
	return &cloud.Catalog{
		API:     API,
		CLI:     "aliyun",
		Signing: "ACS3-HMAC-SHA256: an Authorization header, with x-acs-date, x-acs-signature-nonce and x-acs-content-sha256 (the aliyun CLI or the SDK computes it)",
		Terraform: cloud.TerraformResource{Provider: "alicloud", Source: "aliyun/alicloud", Resource: "alicloud_vpn_connection", Version: "1.289.0",
			Schema: "github.com/aliyun/terraform-provider-alicloud@81c43b6727a09e9da37b3d88818c3ba5fa17fa14 (v1.289.0+8) alicloud/resource_alicloud_vpn_connection.go"},
		Title: "Alibaba Cloud VPC 2016-04-28 CreateVpnConnection",
		Target: []cloud.Field{
			{Path: "region", Export: cloud.TF("provider.region"), Type: cloud.String, Required: true, Chars: aliyun.RegionChars, Known: knownRegions, Step: cloud.StepTarget,
				Help: "Region whose VPC endpoint receives the request; usually the same as RegionId.",
				Source: src("Known: the keys of client.EndpointMap in " + aliyun.SDKClient + " plus the public region ids DescribeRegions answers (" + seed + ": 'You " +
					"can call the DescribeRegions operation to query region IDs'); a region outside them only warns; the endpoint is EndpointMap[region] or vpc.<region>.aliyuncs.com (the same file's GetEndpoint with EndpointRule \"regional\")")},
			{Path: "endpoint", Type: cloud.String, Check: aliyun.CheckBaseURL, Step: cloud.StepTarget,
				Help: "Optional base URL that replaces the region's endpoint, such as https://vpc.example.com.",
				Source: src("tunnelwiz's own key, as for every vendor: github.com/alibabacloud-go/darabonba-openapi/v2@v2.1.14 models/model.go " +
					"takes it as Config.Endpoint (host[:port]) and Config.Protocol")},
		},
		Fields: fields(),
		Checks: checks(),
		// Zero: cloud.DefaultRate applies.
		RateSource: src("not documented: " + seed + " and " + sdk + " give no request rate for the VPN operations; cloud.DefaultRate applies"),
	}
})

// fields places each nested table right after the object that holds it.
func fields() []cloud.Field {
	var out []cloud.Field
	for _, f := range topFields {
		out = append(out, f)
		switch f.Path {
		case "CustomerGatewayId":
			out = append(out, tunnelFields()...)
		case "IkeConfig":
			out = append(out, doc.IkeFields("IkeConfig", false)...)
		case "IpsecConfig":
			out = append(out, doc.IpsecFields("IpsecConfig")...)
		case "HealthCheckConfig":
			out = append(out, doc.HealthCheckFields("HealthCheckConfig")...)
		case "BgpConfig":
			out = append(out, doc.BgpFields("BgpConfig")...)
		}
	}
	return out
}
