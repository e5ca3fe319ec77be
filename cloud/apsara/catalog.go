// Package apsara is the Alibaba Apsara Stack (private cloud) driver:
// POST /apsara/route/Vpc/CreateVpnConnection, version 2016-01-01, on the
// deployment's own API gateway. There is no SDK model for it, so the
// official v7 client's generic CallApiWithCtx sends it and the look-ups
// (ROA style, JSON body, ACS3 signature).
package apsara

import (
	"sync"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// API is the spec file's vendor key.
const API = "apsara"

const (
	seed    = aliyun.Seed001
	checked = aliyun.Checked
	// headersSource is the evidence for the gateway headers.
	headersSource = aliyun.ApsaraTFClient + " defaultHeaders sends x-acs-organizationid, x-acs-resourcegroupid, x-acs-regionid, " +
		"x-acs-request-version: v1 and x-acs-asapi-product (the product code, Vpc here) with every Apsara call"
)

var doc = aliyun.Doc{Seed: seed, Apsara: true}

func src(s string) string { return s + "; " + checked }

// catalog is built on first use, not at the program's start: every
// vendor is linked into every command, and most commands use one.
var catalog = sync.OnceValue(func() *cloud.Catalog {
	return &cloud.Catalog{
		API:     API,
		Signing: "ACS3-HMAC-SHA256: an Authorization header, with x-acs-date, x-acs-signature-nonce and x-acs-content-sha256 (the SDK computes it)",
		Terraform: cloud.TerraformResource{Provider: "alibabacloudstack", Source: "aliyun/alibabacloudstack", Resource: "alibabacloudstack_vpn_connection", Version: "3.16.12",
			Schema: "github.com/aliyun/terraform-provider-alibabacloudstack@98051880f85841e5087cf74917835da72918da95 (v3.16.12) alibabacloudstack/resource_apsarastack_vpngateway_vpnconnection.go"},
		Title: "Alibaba Apsara Stack VPC 2016-01-01 CreateVpnConnection",
		Target: []cloud.Field{
			{Path: "endpoint", Type: cloud.String, Required: true, Check: aliyun.CheckBaseURL, Step: cloud.StepTarget,
				Help:   "Base URL of the deployment's API gateway, such as https://asapi.example.internal; a private cloud has no public endpoint.",
				Source: src(seed + " gives only the path /apsara/route/Vpc/CreateVpnConnection; the host is the deployment's")},
			{Path: "region", Export: cloud.TF("provider.region"), Type: cloud.String, Required: true, Chars: aliyun.RegionChars, Step: cloud.StepTarget, ListedAfter: []string{"endpoint"},
				Help:   "Region of the Apsara Stack deployment, such as cn-qingdao-env66-d01; sent as the x-acs-regionid header; the wizard lists the deployment's regions (DescribeRegions).",
				Source: src(seed + " RegionId example; " + headersSource + ". Each deployment names its own regions, so there is no Known list: the wizard asks the deployment (VPC DescribeRegions, which " + seed + "'s RegionId help points to: 'You can obtain the region ID by calling the DescribeRegions interface')")},
			{Path: "organization_id", Export: cloud.TF("provider.department"), Type: cloud.String, Chars: aliyun.HeaderChars, Step: cloud.StepTarget,
				Help:   "ID of the organization (department) the connection belongs to; sent as x-acs-organizationid.",
				Source: src(headersSource + "; no document found says what the gateway does without it, so its absence is a warning")},
			{Path: "resource_group_id", Export: cloud.TF("provider.resource_group"), Type: cloud.String, Chars: aliyun.HeaderChars, Step: cloud.StepTarget,
				Help:   "ID of the resource set the connection belongs to; sent as x-acs-resourcegroupid.",
				Source: src(headersSource + "; no document found says what the gateway does without it, so its absence is a warning")},
		},
		Fields: fields(),
		Checks: checks(),
		// Zero: cloud.DefaultRate applies.
		RateSource: src("not documented: " + seed + " gives no request rate; cloud.DefaultRate applies"),
	}
})

// fields places each nested table right after the object that holds it.
func fields() []cloud.Field {
	var out []cloud.Field
	for _, f := range topFields {
		out = append(out, f)
		switch f.Path {
		case "IkeConfig":
			out = append(out, doc.IkeFields("IkeConfig", false)...)
		case "IpsecConfig":
			out = append(out, doc.IpsecFields("IpsecConfig")...)
		case "HealthCheckConfig":
			out = append(out, doc.HealthCheckFields("HealthCheckConfig")...)
		}
	}
	return out
}
