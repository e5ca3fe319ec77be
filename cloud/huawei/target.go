package huawei

import (
	"tunnelwiz/cloud"
)

// regions are the VPN regions the pinned SDK lists
// (services/vpn/v5/region/region.go). Others only warn: Huawei opens
// regions faster than SDK releases.
var regions = []string{
	"cn-north-4", "cn-north-1", "cn-east-2", "cn-east-3", "cn-south-1",
	"ap-southeast-2", "ap-southeast-3", "ap-southeast-1", "ap-southeast-4",
	"sa-brazil-1", "la-south-2", "la-north-2", "cn-north-9", "cn-southwest-2",
	"ae-ad-1", "eu-west-101", "tr-west-1", "na-mexico-1", "me-east-1",
	"cn-east-5", "af-south-1", "ru-moscow-1", "cn-south-4", "cn-north-12",
	"cn-east-4", "cn-southwest-3", "cn-south-2", "cn-north-2", "cn-north-11",
	"ap-southeast-5", "af-north-1",
}

// The region becomes a host name label and the project id a URL path
// segment, so both are held to characters that cannot change the URL.
var (
	regionChars = cloud.NewCharset(`^[a-z0-9]+(-[a-z0-9]+)*$`,
		"a region id is lower-case letters and digits joined by hyphens, such as cn-north-4")
	projectChars = cloud.NewCharset(`^[0-9A-Za-z_-]+$`,
		"a project id is letters, digits, hyphens and underscores (Huawei's are 32 hexadecimal characters)")
)

var targetFields = []cloud.Field{
	{
		Path: "region", Export: cloud.TF("region"), Type: cloud.String, Required: true, Len: &cloud.Range{Min: 1, Max: 64},
		Chars: regionChars, Known: regions, Step: cloud.StepTarget,
		Help:   "The region that hosts the VPN gateway; the request goes to https://vpn.<region>.myhuaweicloud.com.",
		Source: sdkModule + " services/vpn/v5/region/region.go (region ids and endpoint pattern); " + checked,
	},
	{
		Path: "project_id", Export: cloud.TF("provider.project_id"), Type: cloud.String, Required: true, Len: &cloud.Range{Min: 1, Max: 64},
		Chars: projectChars, Step: cloud.StepTarget, ListedAfter: []string{"region"}, RegionBound: true,
		Help:   "The project ID in the region (path parameter project_id, also sent as X-Project-Id); the wizard lists the region's project (IAM KeystoneListProjects).",
		Source: seed + " Table 1 (project_id path parameter, mandatory); the look-up is the SDK's own (" + sdkModule + " core/auth/basic_credentials.go); " + checked,
	},
	{
		Path: "endpoint", Type: cloud.String, Check: cloud.CheckBaseURL(false), Step: cloud.StepTarget,
		Help:   "Overrides the API base URL (scheme and host, such as https://vpn.example.com), e.g. for a dedicated cloud.",
		Source: "tunnelwiz's own key, as for every vendor: " + sdkModule + " core/hc_http_client_builder.go takes it through WithEndpoints; " + checked,
	},
}
