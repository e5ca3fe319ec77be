package aliyun

import (
	"strconv"
	"strings"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// The sandbox's answers to the look-ups, in the VPC API's JSON shapes
// (the v7 SDK's DescribeVpnConnection(s), DescribeVpnGateways,
// DescribeCustomerGateways and DescribeVpcs response models): the SDK
// converts them into its typed structs, so every number that the model
// types as an integer is sent as a JSON number, and every string as a
// string.

// Connection states the sandbox reports (the SDK v7 comment lists active,
// init, provisioning, updating, attaching, attached, detaching,
// financialLocked, Upgrading and deleted).
const (
	StatePending   = "provisioning"
	StateAvailable = "active"
	// StateDeleted is a connection whose delete was accepted, until it
	// is gone.
	StateDeleted = "deleted"
)

// Negotiation states the sandbox reports (Status: the SDK v7 comment
// lists ike_sa_not_established, ike_sa_established,
// ipsec_sa_not_established and ipsec_sa_established): phase 2 is up once
// the peer side has connected (POST /_sandbox/connect), else phase 1 is
// not.
const (
	StatusDown = "ike_sa_not_established"
	StatusUp   = "ipsec_sa_established"
)

// DescribeConnection renders a stored connection as DescribeVpnConnection
// answers it (list false) or as one element of DescribeVpnConnections
// (list true: the tags sit under Tag there, not Tags). Settings the create
// left out are reported with the catalog's defaults, as the service
// reports what it applied.
func DescribeConnection(c *cloud.Catalog, conn *sandbox.Conn, b *sandbox.Backend, list bool) map[string]any {
	p := conn.Params
	state := StatePending
	switch b.Phase(conn) {
	case cloud.PhaseAvailable:
		state = StateAvailable
	case cloud.PhaseDeleting:
		state = StateDeleted
	}
	status, health := StatusDown, "failed"
	if b.Up(conn) {
		status, health = StatusUp, "success"
	}
	out := map[string]any{
		"VpnConnectionId": conn.ID,
		"VpnGatewayId":    conn.VPNGatewayID,
		"LocalSubnet":     p.Str("LocalSubnet"),
		"RemoteSubnet":    p.Str("RemoteSubnet"),
		"CreateTime":      conn.Created.UnixMilli(),
		"State":           state,
		"Status":          status,
	}
	if conn.Name != "" {
		out["Name"] = conn.Name
	}
	if conn.CustomerGatewayID != "" {
		out["CustomerGatewayId"] = conn.CustomerGatewayID
	}
	for _, k := range []string{"EffectImmediately", "EnableDpd", "EnableNatTraversal", "EnableTunnelsBgp", "AutoConfigRoute"} {
		if v, ok := typed(c, p, k); ok {
			out[k] = v
		}
	}
	if v := p.Str("RemoteCaCertificate"); v != "" {
		out["RemoteCaCertificate"] = v
	}
	tunnels := p.List("TunnelOptionsSpecification")
	if len(tunnels) == 0 {
		out["IkeConfig"] = members(c, p, "IkeConfig", false)
		out["IpsecConfig"] = members(c, p, "IpsecConfig", false)
	} else {
		var opts []any
		for i, t := range tunnels {
			opts = append(opts, describeTunnel(c, conn.ID, i, asParams(t), state, status))
		}
		out["TunnelOptionsSpecification"] = map[string]any{"TunnelOptions": opts}
	}
	if hc := p.Obj("HealthCheckConfig"); hc != nil {
		out["VcoHealthCheck"] = map[string]any{
			"Enable": hc.Str("enable"), "Dip": hc.Str("dip"), "Sip": hc.Str("sip"),
			"Interval": number(hc.Str("interval")), "Retry": number(hc.Str("retry")), "Status": health,
		}
	}
	if bgp := p.Obj("BgpConfig"); bgp != nil {
		vb := map[string]any{"TunnelCidr": bgp.Str("TunnelCidr"), "LocalBgpIp": bgp.Str("LocalBgpIp")}
		if asn, ok := ASNumber(bgp.Str("LocalAsn")); ok {
			vb["LocalAsn"] = asn
		}
		if !list {
			vb["EnableBgp"] = bgp.Str("EnableBgp")
		}
		out["VpnBgpConfig"] = vb
	}
	var tags []any
	for _, t := range p.List("Tags") {
		tp := asParams(t)
		tags = append(tags, map[string]any{"Key": tp.Str("Key"), "Value": tp.Str("Value")})
	}
	if tags != nil {
		key := "Tags"
		if list {
			key = "Tag"
		}
		out[key] = map[string]any{"Tag": tags}
	}
	return out
}

// describeTunnel renders one tunnel: every member is a string there, even
// lifetimes and the ASN, as the SDK's tunnel models declare them.
func describeTunnel(c *cloud.Catalog, id string, i int, t cloud.Params, state, status string) map[string]any {
	const el = "TunnelOptionsSpecification[]"
	out := map[string]any{
		"TunnelIndex":       i + 1,
		"TunnelId":          "tun-" + strings.TrimPrefix(id, "vco-") + strconv.Itoa(i+1),
		"CustomerGatewayId": t.Str("CustomerGatewayId"),
		"State":             state,
		"Status":            status,
	}
	if v := t.Str("Role"); v != "" {
		out["Role"] = v
	}
	for _, k := range []string{"EnableDpd", "EnableNatTraversal"} {
		if v, ok := typed(c, t, k, el); ok {
			out[k] = scalar(v)
		}
	}
	out["TunnelIkeConfig"] = members(c, t, "TunnelIkeConfig", true, el)
	out["TunnelIpsecConfig"] = members(c, t, "TunnelIpsecConfig", true, el)
	if bgp := t.Obj("TunnelBgpConfig"); bgp != nil {
		m := map[string]any{}
		for k, v := range bgp {
			m[k] = scalar(v)
		}
		out["TunnelBgpConfig"] = m
	}
	return out
}

// members renders a configuration object: each member the catalog lists,
// as sent or else its default. asText renders every value as a string.
func members(c *cloud.Catalog, p cloud.Params, obj string, asText bool, parent ...string) map[string]any {
	pat := obj
	if len(parent) > 0 {
		pat = parent[0] + "." + obj
	}
	m := p.Obj(obj)
	out := map[string]any{}
	for _, name := range c.Children(pat) {
		v, ok := typed(c, m, name, pat)
		if !ok {
			continue
		}
		if name == "LocalIdIPsec" {
			name = "LocalId" // the describe models know the member as LocalId only
			if _, dup := out[name]; dup {
				continue
			}
		}
		if asText {
			v = scalar(v)
		}
		out[name] = v
	}
	return out
}

// typed returns a member as sent, else the catalog default in the
// field's type; ok is false when there is neither.
func typed(c *cloud.Catalog, p cloud.Params, name string, parent ...string) (any, bool) {
	path := name
	if len(parent) > 0 && parent[0] != "" {
		path = parent[0] + "." + name
	}
	if v, ok := p.Get(name); ok {
		return v, true
	}
	f := c.Field(path)
	if f == nil || f.Default == "" {
		return nil, false
	}
	switch f.Type {
	case cloud.Integer:
		n, err := strconv.ParseInt(f.Default, 10, 64)
		return n, err == nil
	case cloud.Boolean:
		b, err := strconv.ParseBool(f.Default)
		return b, err == nil
	}
	return f.Default, true
}

// ASNumber reads an ASN, plain or dotted (123.456 = 123*65536+456).
func ASNumber(s string) (int64, bool) {
	if hi, lo, ok := strings.Cut(s, "."); ok {
		h, err1 := strconv.ParseInt(hi, 10, 64)
		l, err2 := strconv.ParseInt(lo, 10, 64)
		return h<<16 | l, err1 == nil && err2 == nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

func number(s string) any {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return nil
}

func asParams(v any) cloud.Params {
	m, _ := v.(map[string]any)
	return m
}

// DescribeGateway renders a fixture VPN gateway as DescribeVpnGateways
// lists it: the first address is InternetIp, a second one the
// disaster-recovery address of a dual-tunnel gateway.
func DescribeGateway(g cloud.Resource) map[string]any {
	out := map[string]any{"VpnGatewayId": g.ID, "Name": g.Name, "VpcId": g.VpcID, "Status": state(g.State, "active"),
		"BusinessStatus": "Normal", "IpsecVpn": "enable", "SslVpn": "disable", "NetworkType": "public"}
	if len(g.Addresses) > 0 {
		out["InternetIp"] = g.Addresses[0].IP
	}
	if len(g.Addresses) > 1 {
		out["DisasterRecoveryInternetIp"] = g.Addresses[1].IP
	}
	// Notes may add the model's string fields only: a number or boolean
	// written as text would not convert into the SDK's typed answer.
	for _, k := range []string{"Spec", "GatewayType", "VpnType", "Description", "NetworkType", "Tag"} {
		if v := g.Notes[k]; v != "" {
			out[k] = v
		}
	}
	return out
}

// DescribeCustomerGateway renders a fixture customer gateway.
func DescribeCustomerGateway(g cloud.Resource) map[string]any {
	out := map[string]any{"CustomerGatewayId": g.ID, "Name": g.Name}
	if len(g.Addresses) > 0 {
		out["IpAddress"] = g.Addresses[0].IP
	}
	if asn, ok := ASNumber(g.Notes["Asn"]); ok {
		out["Asn"] = asn
	}
	if d := g.Notes["Description"]; d != "" {
		out["Description"] = d
	}
	return out
}

// DescribeVpc renders a fixture VPC.
func DescribeVpc(v cloud.Resource, region string) map[string]any {
	return map[string]any{"VpcId": v.ID, "VpcName": v.Name, "CidrBlock": v.CIDR, "Status": state(v.State, "Available"), "RegionId": region}
}

func state(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
