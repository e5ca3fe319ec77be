package tencent

import (
	"fmt"
	"net/url"
	"strings"
)

// Endpoint returns the API base URL for a target: the endpoint override
// when given, else vpc.tencentcloudapi.com, or the finance region's own
// domain (vpc.<region>.tencentcloudapi.com) as the seed requires for -fsi
// regions.
func (Driver) Endpoint(target map[string]string) (*url.URL, error) {
	if e := target["endpoint"]; e != "" {
		if msg := checkEndpoint(e); msg != "" {
			return nil, fmt.Errorf("tencent: endpoint %s", msg)
		}
		u, _ := url.Parse(e)
		return &url.URL{Scheme: strings.ToLower(u.Scheme), Host: u.Host, Path: strings.TrimSuffix(u.Path, "/")}, nil
	}
	host := "vpc.tencentcloudapi.com"
	if r := target["region"]; strings.Contains(r, "-fsi") {
		host = "vpc." + r + ".tencentcloudapi.com"
	}
	return &url.URL{Scheme: "https", Host: host}, nil
}
