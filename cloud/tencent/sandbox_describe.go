package tencent

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// The sandbox's Describe answers, shaped as vpc 2017-03-12 documents them
// (SDK models.go VpnConnection, Vpc, VpnGateway, CustomerGateway).

// listing is the common part of the Describe requests: ids or filters
// (never both: InvalidParameter.Coexist), Offset and Limit. DescribeVpcs
// sends Offset and Limit as strings, the others as numbers: both are read.
type listing struct {
	ids     []string
	filters map[string][]string
	offset  int
	limit   int
}

func readListing(body []byte, idsName string, filterNames ...string) (*listing, *failure) {
	m, f := decodeBody(body)
	if f != nil {
		return nil, f
	}
	l := &listing{filters: map[string][]string{}, limit: 20}
	p := cloud.Params(m)
	l.ids = p.Strings(idsName)
	for i, raw := range p.List("Filters") {
		fm, _ := raw.(map[string]any)
		name := cloud.Params(fm).Str("Name")
		if !slices.Contains(filterNames, name) {
			return nil, &failure{"InvalidParameter.FilterInvalidKey", fmt.Sprintf(
				"The filter name `%s` (Filters.%d.Name) is not supported; supported: %s.", name, i, strings.Join(filterNames, ", "))}
		}
		l.filters[name] = append(l.filters[name], cloud.Params(fm).Strings("Values")...)
	}
	if len(l.ids) > 0 && len(l.filters) > 0 {
		return nil, &failure{"InvalidParameter.Coexist", fmt.Sprintf("The parameters `%s` and `Filters` cannot be specified at the same time.", idsName)}
	}
	for _, n := range []struct {
		name string
		dst  *int
		max  int
	}{{"Offset", &l.offset, 1 << 31}, {"Limit", &l.limit, 100}} {
		v, ok := m[n.name]
		if !ok {
			continue
		}
		i, err := strconv.Atoi(strings.TrimSpace(scalarOf(v)))
		if err != nil || i < 0 {
			return nil, &failure{"InvalidParameterValue.Malformed", fmt.Sprintf("The value of parameter `%s` is not a non-negative integer.", n.name)}
		}
		if i > n.max {
			return nil, &failure{"InvalidParameterValue.LimitExceeded", fmt.Sprintf("The value of parameter `%s` exceeds %d.", n.name, n.max)}
		}
		*n.dst = i
	}
	return l, nil
}

func scalarOf(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	}
	return "x"
}

// match reports whether a resource passes the filters: values of one
// filter are ORed, filters are ANDed. get reads a filter's field.
func (l *listing) match(get func(name string) string) bool {
	for name, values := range l.filters {
		if !slices.Contains(values, get(name)) {
			return false
		}
	}
	return true
}

// page cuts a listing to Offset and Limit.
func page[T any](l *listing, all []T) []T {
	if l.offset >= len(all) {
		return []T{}
	}
	return all[l.offset:min(len(all), l.offset+l.limit)]
}

// created is the CreatedTime of a fixture: its "created" note, or a fixed
// date (fixtures are older than anything the sandbox makes).
func created(r cloud.Resource) string {
	if c := r.Notes["created"]; c != "" {
		return c
	}
	return "2026-01-05 10:00:00"
}

func describeVpcs(b *sandbox.Backend, region string, body []byte) (map[string]any, *failure) {
	l, f := readListing(body, "VpcIds", "vpc-id", "vpc-name", "cidr-block", "is-default")
	if f != nil {
		return nil, f
	}
	var set []map[string]any
	for _, v := range b.Inventory(catalog().API, region).VPCs {
		def := strconv.FormatBool(v.Notes["default"] == "true")
		if len(l.ids) > 0 && !slices.Contains(l.ids, v.ID) {
			continue
		}
		if !l.match(func(n string) string {
			return map[string]string{"vpc-id": v.ID, "vpc-name": v.Name, "cidr-block": v.CIDR, "is-default": strings.ToUpper(def)}[n]
		}) {
			continue
		}
		set = append(set, map[string]any{
			"VpcId": v.ID, "VpcName": v.Name, "CidrBlock": v.CIDR, "IsDefault": def == "true",
			"EnableMulticast": false, "CreatedTime": created(v), "EnableDhcp": true,
			"DnsServerSet": []string{"183.60.83.19", "183.60.82.98"}, "TagSet": []any{}, "AssistantCidrSet": []any{},
		})
	}
	if f := missing(l.ids, len(set), "VPC"); f != nil {
		return nil, f
	}
	return map[string]any{"TotalCount": len(set), "VpcSet": page(l, orEmpty(set))}, nil
}

func describeGateways(b *sandbox.Backend, region string, body []byte) (map[string]any, *failure) {
	l, f := readListing(body, "VpnGatewayIds", "vpc-id", "vpn-gateway-id", "vpn-gateway-name", "type", "public-ip-address", "zone", "renew-flag")
	if f != nil {
		return nil, f
	}
	for _, id := range l.ids {
		if !strings.HasPrefix(id, "vpngw-") {
			return nil, &failure{"InvalidVpnGatewayId.Malformed", fmt.Sprintf("The VPN gateway id `%s` is malformed: it starts with vpngw-.", id)}
		}
	}
	var set []map[string]any
	for _, g := range b.Inventory(catalog().API, region).VPNGateways {
		if len(l.ids) > 0 && !slices.Contains(l.ids, g.ID) {
			continue
		}
		n := g.Notes
		gwType, ip := or(n["type"], "IPSEC"), ""
		if len(g.Addresses) > 0 {
			ip = g.Addresses[0].IP
		}
		if !l.match(func(f string) string {
			return map[string]string{"vpc-id": g.VpcID, "vpn-gateway-id": g.ID, "vpn-gateway-name": g.Name, "type": gwType,
				"public-ip-address": ip, "zone": n["zone"], "renew-flag": "NOTIFY_AND_MANUAL_RENEW"}[f]
		}) {
			continue
		}
		bw, _ := strconv.Atoi(or(n["bandwidth_mbps"], "5"))
		set = append(set, map[string]any{
			"VpnGatewayId": g.ID, "VpcId": g.VpcID, "VpnGatewayName": g.Name, "Type": gwType,
			"State": or(g.State, "AVAILABLE"), "PublicIpAddress": ip, "RenewFlag": "NOTIFY_AND_MANUAL_RENEW",
			"InstanceChargeType": or(n["charge"], "POSTPAID_BY_HOUR"), "InternetMaxBandwidthOut": bw,
			"CreatedTime": created(g), "ExpiredTime": "0000-00-00 00:00:00", "IsAddressBlocked": false,
			"NewPurchasePlan": "", "RestrictState": "NORMAL", "Zone": n["zone"], "VpnGatewayQuotaSet": []any{},
			"Version": or(n["version"], "2.0"), "NetworkInstanceId": n["ccn"], "CdcId": "", "MaxConnection": 0,
		})
	}
	if len(l.ids) > 0 && len(set) < len(l.ids) {
		return nil, &failure{"InvalidVpnGatewayId.NotFound", fmt.Sprintf("The VPN gateway `%s` does not exist in %s.", strings.Join(l.ids, ", "), region)}
	}
	return map[string]any{"TotalCount": len(set), "VpnGatewaySet": page(l, orEmpty(set))}, nil
}

func describeCustomerGateways(b *sandbox.Backend, region string, body []byte) (map[string]any, *failure) {
	l, f := readListing(body, "CustomerGatewayIds", "customer-gateway-id", "customer-gateway-name", "ip-address")
	if f != nil {
		return nil, f
	}
	var set []map[string]any
	for _, g := range b.Inventory(catalog().API, region).CustomerGateways {
		if len(l.ids) > 0 && !slices.Contains(l.ids, g.ID) {
			continue
		}
		ip := ""
		if len(g.Addresses) > 0 {
			ip = g.Addresses[0].IP
		}
		if !l.match(func(f string) string {
			return map[string]string{"customer-gateway-id": g.ID, "customer-gateway-name": g.Name, "ip-address": ip}[f]
		}) {
			continue
		}
		cg := map[string]any{"CustomerGatewayId": g.ID, "CustomerGatewayName": g.Name, "IpAddress": ip, "CreatedTime": created(g)}
		if asn, err := strconv.ParseUint(g.Notes["bgp_asn"], 10, 64); err == nil {
			cg["BgpAsn"] = asn
		}
		set = append(set, cg)
	}
	if f := missing(l.ids, len(set), "customer gateway"); f != nil {
		return nil, f
	}
	return map[string]any{"TotalCount": len(set), "CustomerGatewaySet": page(l, orEmpty(set))}, nil
}

// describeConnections answers DescribeVpnConnections from the Backend.
func describeConnections(b *sandbox.Backend, region string, body []byte) (map[string]any, *failure) {
	l, f := readListing(body, "VpnConnectionIds", "vpc-id", "vpn-gateway-id", "customer-gateway-id", "vpn-connection-name", "vpn-connection-id")
	if f != nil {
		return nil, f
	}
	var set []map[string]any
	for _, c := range b.Connections(catalog().API, region, cloud.Filter{}) {
		if len(l.ids) > 0 && !slices.Contains(l.ids, c.ID) {
			continue
		}
		if !l.match(func(f string) string {
			return map[string]string{"vpc-id": c.VpcID, "vpn-gateway-id": c.VPNGatewayID, "customer-gateway-id": c.CustomerGatewayID,
				"vpn-connection-name": c.Name, "vpn-connection-id": c.ID}[f]
		}) {
			continue
		}
		set = append(set, describeConn(b, &c))
	}
	if f := missing(l.ids, len(set), "VPN connection"); f != nil {
		return nil, f
	}
	return map[string]any{"TotalCount": len(set), "VpnConnectionSet": page(l, orEmpty(set))}, nil
}

// missing refuses a listing by ids that found fewer than asked, as the
// API's ResourceNotFound.
func missing(ids []string, found int, what string) *failure {
	if len(ids) > 0 && found < len(ids) {
		return &failure{"ResourceNotFound", fmt.Sprintf("The resource does not exist: %s `%s`.", what, strings.Join(ids, "`, `"))}
	}
	return nil
}

// describeConn is a VpnConnection as DescribeVpnConnections and
// CreateVpnConnection answer it: what was created, under the answer's
// names (SecurityPolicyDatabaseSet, TagSet), with its state.
func describeConn(b *sandbox.Backend, c *sandbox.Conn) map[string]any {
	p := c.Params
	state, net := "PENDING", "UNAVAILABLE"
	switch b.Phase(c) {
	case cloud.PhaseAvailable:
		state = "AVAILABLE"
	case cloud.PhaseDeleting:
		state = "DELETING"
	}
	if b.Up(c) {
		// NetStatus says whether the tunnel is connected: once the peer
		// side has (POST /_sandbox/connect).
		net = "AVAILABLE"
	}
	out := map[string]any{
		"VpnConnectionId": c.ID, "VpnConnectionName": c.Name, "VpcId": c.VpcID,
		"VpnGatewayId": c.VPNGatewayID, "CustomerGatewayId": c.CustomerGatewayID,
		"PreShareKey": p.Str("PreShareKey"), "VpnProto": "IPSEC", "EncryptProto": "IKE",
		"RouteType": or(p.Str("RouteType"), rtStatic), "CreatedTime": c.Created.In(beijing).Format(time.DateTime),
		"State": state, "NetStatus": net, "SecurityPolicyDatabaseSet": orList(p.List("SecurityPolicyDatabases")),
		"IKEOptionsSpecification": orObject(p.Obj("IKEOptionsSpecification")), "IPSECOptionsSpecification": orObject(p.Obj("IPSECOptionsSpecification")),
		"EnableHealthCheck": p.Bool("EnableHealthCheck"), "HealthCheckLocalIp": p.Str("HealthCheckLocalIp"),
		"HealthCheckRemoteIp": p.Str("HealthCheckRemoteIp"), "TagSet": orList(p.List("Tags")),
		"NegotiationType": or(p.Str("NegotiationType"), "active"),
	}
	if p.Bool("EnableHealthCheck") {
		out["HealthCheckStatus"] = net // the health check answers through the tunnel
	}
	for _, k := range []string{"DpdEnable", "DpdTimeout", "DpdAction", "HealthCheckConfig"} {
		if v, ok := p.Get(k); ok {
			out[k] = v
		}
	}
	if bgp := p.Obj("BgpConfig"); bgp != nil {
		out["BgpConfig"] = map[string]any{"TunnelCidr": bgp.Str("TunnelCidr"), "LocalBgpIp": bgp.Str("LocalBgpIp"), "RemoteBgpIp": bgp.Str("RemoteBgpIp")}
	}
	return out
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func orList(l []any) []any {
	if l == nil {
		return []any{}
	}
	return l
}

func orObject(m cloud.Params) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

func orEmpty(s []map[string]any) []map[string]any {
	if s == nil {
		return []map[string]any{}
	}
	return s
}
