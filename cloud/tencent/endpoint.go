package tencent

import (
	"fmt"
	"net/url"
	"strings"

	"tunnelwiz/cloud"
)

// Endpoint returns the API base URL for a target: the endpoint override
// when given, else vpc.tencentcloudapi.com, or the finance region's own
// domain (vpc.<region>.tencentcloudapi.com) as the seed requires for -fsi
// regions.
func (Driver) Endpoint(target map[string]string) (*url.URL, error) {
	if e := target["endpoint"]; e != "" {
		u, err := cloud.ParseBaseURL(e, true)
		if err != nil {
			return nil, fmt.Errorf("tencent: endpoint %w", err)
		}
		u.Path = strings.TrimSuffix(u.Path, "/")
		return u, nil
	}
	host := "vpc.tencentcloudapi.com"
	if r := target["region"]; strings.Contains(r, "-fsi") {
		host = "vpc." + r + ".tencentcloudapi.com"
	}
	return &url.URL{Scheme: "https", Host: host}, nil
}
