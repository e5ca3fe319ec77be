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

// regions are the API 2.0 Region values a page a reader can open lists
// (regionsSource). Others draw a warning only: the vendor may accept them.
var regions = []string{
	// https://intl.cloud.tencent.com/document/product/214/11594 (2023-03-21):
	"gz", "sh", "bj", "cd", "cq", "hk", "sg", "th", "kr", "jp", "de", "in", "ca", "usw", "use",
	// https://intl.cloud.tencent.com/document/api/213/11650 (the API 2.0
	// CVM Common Parameters page): the ap-* names.
	"ap-beijing", "ap-guangzhou", "ap-shanghai", "ap-hongkong", "na-toronto", "na-siliconvalley",
	"ap-singapore", "ap-shanghai-fsi", "ap-shenzhen-fsi", "ap-guangzhou-open",
}

const regionsSource = "https://intl.cloud.tencent.com/document/product/214/11594 (API 2.0 Common Request Parameters, 2023-03-21): " +
	"'gz: Guangzhou; sh: Shanghai; bj: Beijing; cd: Chengdu; cq: Chongqing; hk: Hong Kong (China); sg: Singapore; th: Bangkok; " +
	"kr: Seoul; jp: Tokyo; de: Frankfurt; in: Mumbai; ca: Toronto; usw: Silicon Vally; use: Virginia'; " +
	"https://intl.cloud.tencent.com/document/api/213/11650 (API 2.0 CVM Common Parameters) lists the ap-* forms: ap-beijing, " +
	"ap-guangzhou, ap-shanghai, ap-hongkong, na-toronto, na-siliconvalley, ap-singapore, ap-shanghai-fsi, ap-shenzhen-fsi, " +
	"ap-guangzhou-open. Others warn only; checked 2026-11."

var targetFields = []cloud.Field{
	{
		Path: "region", Type: cloud.String, Required: true, Known: regions, Step: cloud.StepTarget,
		Help:   "Region of the VPC, sent as the Region common parameter (short names such as gz, sh, bj, hk, or ap-guangzhou style).",
		Source: regionsSource,
	},
	{
		Path: "endpoint", Type: cloud.String, Step: cloud.StepTarget, Check: cloud.CheckBaseURL(true),
		Help:   "Override of the API base URL (scheme and host), e.g. https://vpc.example.com; the request goes to <endpoint>/v2/index.php.",
		Source: "tunnelwiz's own key, as for every vendor; default https://vpc.api.qcloud.com (" + seed + ": 'Domain for API request: vpc.api.qcloud.com').",
	},
	{
		Path: "signature_method", Type: cloud.String, Step: cloud.StepTarget,
		Allowed: []string{HmacSHA256, HmacSHA1}, Default: HmacSHA256,
		Help: "Signature algorithm sent as SignatureMethod: HmacSHA256 (default here) or HmacSHA1.",
		Source: "https://cloud.tencent.com/document/product/215/1693 (API 2.0 Signature Method): HmacSHA256 when SignatureMethod is HmacSHA256, else HmacSHA1; " +
			"https://intl.cloud.tencent.com/document/product/651/18354 (API 2.0 Common Params): 'SignatureMethod ... Supported methods include " +
			"HmacSHA256 and HmacSHA1'. tunnelwiz defaults to the stronger HmacSHA256.",
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
