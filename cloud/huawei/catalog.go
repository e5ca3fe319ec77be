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

import "tunnelwiz/cloud"

// API is the spec file's vendor key.
const API = "huawei"

// Where the rules come from. The seed is the vendor's API page kept in
// /work/shared/seeds; the SDK is the pinned Go SDK's request model, whose
// enum types document values the seed leaves blank.
const (
	seed    = "seed 002 (Huawei VPN v5 Creating a VPN Connection)"
	sdk     = "SDK huaweicloud-sdk-go-v3 v0.1.207 services/vpn/v5/model"
	checked = "checked 2026-11-22"
)

// p prefixes a member of the vpn_connection object.
func p(name string) string { return "vpn_connection." + name }

var catalog = &cloud.Catalog{
	API:    API,
	Title:  "Huawei Cloud VPN v5 CreateVpnConnection (POST /v5/{project_id}/vpn-connection)",
	Target: targetFields,
	Fields: concat(connectionFields, policyRuleFields, ikeFields, ipsecFields, tailFields, ipv6Fields),
	Checks: checks,
	// Huawei publishes no request rate for the VPN v5 API: its API gateway
	// answers APIGW.0308 when a per-user limit is reached, without saying
	// the limit, so the core's DefaultRate applies.
	RateLimit:  0,
	RateSource: "undocumented: the VPN v5 API reference (vpn_api_0067 error codes, Creating a VPN Connection) names no rate; throttling answers APIGW.0308 (HTTP 429) from the API gateway; " + checked,
}

func concat(lists ...[]cloud.Field) []cloud.Field {
	var out []cloud.Field
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}
