package tencent

import (
	"tunnelwiz/cloud"
)

// regions are the SDK's region constants (common v1.3.209 regions/regions.go).
// The list only drives a warning: Tencent opens regions faster than SDKs ship.
var regions = []string{
	"ap-bangkok", "ap-beijing", "ap-chengdu", "ap-chongqing", "ap-guangzhou",
	"ap-guangzhou-open", "ap-hongkong", "ap-jakarta", "ap-mumbai", "ap-nanjing",
	"ap-seoul", "ap-shanghai", "ap-shanghai-fsi", "ap-shenzhen-fsi", "ap-singapore",
	"ap-tokyo", "eu-frankfurt", "eu-moscow", "na-ashburn", "na-siliconvalley",
	"na-toronto", "sa-saopaulo",
}

var targetFields = []cloud.Field{
	{
		Path: "region", Export: cloud.TF("provider.region"), Type: cloud.String, Required: true, Known: regions, Step: cloud.StepTarget,
		Check: nonEmpty,
		Help: "Common parameter Region: the region of the VPN gateway. Finance regions (-fsi) " +
			"use their own domain, vpc.<region>.tencentcloudapi.com.",
		Source: srcSeed + " (Region is a required common parameter; finance-region domain note); " +
			"known values: " + srcCommon + " regions/regions.go; " + checked,
	},
	{
		Path: "endpoint", Type: cloud.String, Step: cloud.StepTarget, Check: cloud.CheckBaseURL(true),
		Help: "Optional API base URL that replaces the region's endpoint, such as " +
			"https://vpc.tencentcloudapi.com (scheme and host, optionally a path).",
		Source: "tunnelwiz's own key, as for every vendor: " + srcCommon + " profile/http_profile.go takes it as " +
			"HttpProfile.Endpoint (host[/path]) and HttpProfile.Scheme; " + checked,
	},
}
