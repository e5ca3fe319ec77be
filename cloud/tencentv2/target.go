package tencentv2

import (
	"fmt"
	"net/url"

	"tunnelwiz/cloud"
)

// Host and Path are where every API 2.0 VPC action is served: one domain
// for all regions (the region travels in the Region parameter).
const (
	Host = "vpc.api.qcloud.com"
	Path = "/v2/index.php"
)

// regions are the API 2.0 Region values documented at the time of writing.
// The short names come first: they are what API 2.0's "Common Request
// Parameters" page lists; the ap-* names are accepted by the same
// endpoint (Tencent's API 2.0 signature example itself sends
// Region=ap-guangzhou to cvm.api.qcloud.com/v2/index.php).
var regions = []string{
	// intl.cloud.tencent.com/document/product/214/11594 (2023-03):
	"gz", "sh", "bj", "cd", "cq", "hk", "sg", "th", "kr", "jp", "de", "in", "ca", "usw", "use",
	// console region tables of the API 2.0 era: finance zones, Guangzhou
	// Open, Nanjing, Moscow.
	"shjr", "szjr", "gzopen", "nj", "ru",
	// API 3.0 style names.
	"ap-guangzhou", "ap-shanghai", "ap-beijing", "ap-chengdu", "ap-chongqing", "ap-nanjing",
	"ap-hongkong", "ap-singapore", "ap-bangkok", "ap-seoul", "ap-tokyo", "ap-mumbai",
	"ap-shanghai-fsi", "ap-shenzhen-fsi", "eu-frankfurt", "eu-moscow",
	"na-siliconvalley", "na-ashburn", "na-toronto",
}

var targetFields = []cloud.Field{
	{
		Path: "region", Type: cloud.String, Required: true, Known: regions, Step: cloud.StepTarget,
		Help: "Region of the VPC, sent as the Region common parameter (short names such as gz, sh, bj, hk, or ap-guangzhou style).",
		Source: "Tencent API 2.0 Common Request Parameters (intl doc 214/11594, 2023-03: gz, sh, bj, cd, cq, hk, sg, th, kr, jp, de, in, ca, usw, use); " +
			"shjr/szjr/gzopen/nj/ru from the API 2.0 console region tables; ap-* names from the API 2.0 signature example (Region=ap-guangzhou). Others warn only.",
	},
	{
		Path: "endpoint", Type: cloud.String, Step: cloud.StepTarget, Check: cloud.CheckBaseURL(true),
		Help:   "Override of the API base URL (scheme and host), e.g. https://vpc.example.com; the request goes to <endpoint>/v2/index.php.",
		Source: "tunnelwiz convention for every vendor; default https://vpc.api.qcloud.com (seed 003: \"Domain for API request: vpc.api.qcloud.com\").",
	},
	{
		Path: "signature_method", Type: cloud.String, Step: cloud.StepTarget,
		Allowed: []string{HmacSHA256, HmacSHA1}, Default: HmacSHA256,
		Help: "Signature algorithm sent as SignatureMethod: HmacSHA256 (default here) or HmacSHA1.",
		Source: "Tencent API 2.0 Signature page (cloud.tencent.com/document/product/215/1693): HmacSHA256 when SignatureMethod is HmacSHA256, else HmacSHA1. " +
			"tunnelwiz defaults to the stronger HmacSHA256.",
	},
}

// Endpoint returns https://vpc.api.qcloud.com, or the endpoint override.
func (Driver) Endpoint(target map[string]string) (*url.URL, error) {
	if e := target["endpoint"]; e != "" {
		u, err := cloud.ParseBaseURL(e, true)
		if err != nil {
			return nil, fmt.Errorf("tencentv2: endpoint %w", err)
		}
		return u, nil
	}
	return &url.URL{Scheme: "https", Host: Host}, nil
}

func signatureMethod(target map[string]string) string {
	if m := target["signature_method"]; m != "" {
		return m
	}
	return HmacSHA256
}
