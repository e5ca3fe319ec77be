package aliyun

import (
	"bytes"
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"tunnelwiz/cloud"
)

// The look-ups of both drivers read the VPC API's JSON shapes: the
// Alibaba driver turns the SDK's typed answer back into JSON (ToMap), the
// Apsara driver gets the gateway's JSON from CallApi, and both decode it
// here, once.

// ToMap turns an SDK response body (or any JSON-shaped value) into nested
// maps, numbers kept exact as json.Number.
func ToMap(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var m map[string]any
	err = d.Decode(&m)
	return m, err
}

// PageSize is the look-ups' page size: the largest the VPC API takes.
const PageSize = 50

// maxPages bounds a listing: 50 pages of 50 is more than any region holds,
// and a server that never reports a total cannot loop for ever.
const maxPages = 50

// Paged fetches pages 1, 2, ... until TotalCount items have been read, a
// page comes back short or empty, or maxPages is reached. items returns
// how many entries a page held.
func Paged(ctx context.Context, fetch func(page int32) (map[string]any, error), items func(map[string]any) int) error {
	seen := 0
	for page := int32(1); page <= maxPages; page++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		m, err := fetch(page)
		if err != nil {
			return err
		}
		n := items(m)
		seen += n
		total, hasTotal := intOf(m["TotalCount"])
		if n < PageSize || (hasTotal && int64(seen) >= total) {
			return nil
		}
	}
	return nil
}

// list returns m[outer][inner] as objects: the API wraps every list so
// ({"VpnGateways":{"VpnGateway":[...]}}).
func list(m map[string]any, outer, inner string) []map[string]any {
	o, _ := m[outer].(map[string]any)
	l, _ := o[inner].([]any)
	out := make([]map[string]any, 0, len(l))
	for _, e := range l {
		if em, ok := e.(map[string]any); ok {
			out = append(out, em)
		}
	}
	return out
}

// Regions reads a DescribeRegions answer.
func Regions(m map[string]any) []cloud.Resource {
	var out []cloud.Resource
	for _, r := range list(m, "Regions", "Region") {
		out = append(out, cloud.Resource{ID: First(r, "RegionId"), Name: First(r, "LocalName")})
	}
	return out
}

// VPCs reads a DescribeVpcs answer.
func VPCs(m map[string]any) []cloud.Resource {
	var out []cloud.Resource
	for _, v := range list(m, "Vpcs", "Vpc") {
		out = append(out, cloud.Resource{ID: First(v, "VpcId"), Name: First(v, "VpcName"),
			State: First(v, "Status"), CIDR: First(v, "CidrBlock")})
	}
	return out
}

// VPNGateways reads a DescribeVpnGateways answer: InternetIp, and for a
// dual-tunnel gateway DisasterRecoveryInternetIp, are the addresses a
// customer gateway connects to.
func VPNGateways(m map[string]any) []cloud.Resource {
	var out []cloud.Resource
	for _, g := range list(m, "VpnGateways", "VpnGateway") {
		r := cloud.Resource{ID: First(g, "VpnGatewayId"), Name: First(g, "Name"), State: First(g, "Status"), VpcID: First(g, "VpcId")}
		if ip := First(g, "InternetIp"); ip != "" {
			r.Addresses = append(r.Addresses, cloud.Address{IP: ip, Label: "internet"})
		}
		if ip := First(g, "DisasterRecoveryInternetIp"); ip != "" {
			r.Addresses = append(r.Addresses, cloud.Address{IP: ip, Label: "disaster-recovery"})
		}
		r.Notes = notes(g, "Spec", "NetworkType", "GatewayType", "VpnType", "IpsecVpn", "BusinessStatus")
		out = append(out, r)
	}
	return out
}

// CustomerGateways reads a DescribeCustomerGateways answer.
func CustomerGateways(m map[string]any) []cloud.Resource {
	var out []cloud.Resource
	for _, g := range list(m, "CustomerGateways", "CustomerGateway") {
		r := cloud.Resource{ID: First(g, "CustomerGatewayId"), Name: First(g, "Name")}
		if ip := First(g, "IpAddress"); ip != "" {
			r.Addresses = []cloud.Address{{IP: ip}}
		}
		r.Notes = notes(g, "Asn", "Description")
		out = append(out, r)
	}
	return out
}

func notes(m map[string]any, keys ...string) map[string]string {
	out := map[string]string{}
	for _, k := range keys {
		if v := First(m, k); v != "" {
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Connections reads a DescribeVpnConnections answer.
func Connections(c *cloud.Catalog, m map[string]any) []cloud.Connection {
	var out []cloud.Connection
	for _, v := range list(m, "VpnConnections", "VpnConnection") {
		out = append(out, Connection(c, v))
	}
	return out
}

// Connection reads one connection as DescribeVpnConnection(s) report it.
func Connection(c *cloud.Catalog, m map[string]any) cloud.Connection {
	state := First(m, "State")
	cn := cloud.Connection{
		ID: First(m, "VpnConnectionId"), Name: First(m, "Name"),
		VPNGatewayID: First(m, "VpnGatewayId"), CustomerGatewayID: First(m, "CustomerGatewayId"),
		State: state, Phase: PhaseOf(state),
		LocalSubnets: split(First(m, "LocalSubnet")), RemoteSubnets: split(First(m, "RemoteSubnet")),
		Settings: Settings(c, m),
	}
	cn.Tunnel, cn.TunnelState = TunnelOf(m)
	if cn.CustomerGatewayID == "" {
		if t := masterTunnel(m); t != nil {
			cn.CustomerGatewayID = First(t, "CustomerGatewayId")
		}
	}
	if ms, ok := intOf(m["CreateTime"]); ok && ms > 0 {
		cn.Created = time.UnixMilli(ms).UTC()
	}
	return cn
}

// PhaseOf maps the State the API reports onto a Phase (states from the SDK
// v7 DescribeVpnConnection comment). An IPsec-VPN connection bound to a
// VPN gateway is "active" once configured; "attached" is the same for one
// bound to a transit router.
func PhaseOf(state string) cloud.Phase {
	switch strings.ToLower(state) {
	case "active", "attached", "available":
		return cloud.PhaseAvailable
	case "init", "provisioning", "updating", "attaching", "upgrading", "pending":
		return cloud.PhasePending
	case "deleting", "detaching", "deleted":
		return cloud.PhaseDeleting
	case "financiallocked", "failed", "error":
		return cloud.PhaseFailed
	}
	return cloud.PhaseUnknown
}

// TunnelOf reads a connection's negotiation state: its Status, and for a
// dual-tunnel connection each tunnel's (TunnelOptionsSpecification's
// Status, the vendor's words listed tunnel by tunnel). The SDK v7 comment
// names ike_sa_not_established (phase 1 failed), ike_sa_established
// (phase 1 succeeded), ipsec_sa_not_established (phase 2 failed) and
// ipsec_sa_established (phase 2 succeeded). A dual-tunnel connection is
// up when one of its tunnels is: traffic then flows.
func TunnelOf(m map[string]any) (cloud.Tunnel, string) {
	var words []string
	best := cloud.TunnelUnknown
	rank := map[cloud.Tunnel]int{cloud.TunnelUnknown: 0, cloud.TunnelDown: 1, cloud.TunnelNegotiating: 2, cloud.TunnelUp: 3}
	for _, t := range list(m, "TunnelOptionsSpecification", "TunnelOptions") {
		w := First(t, "Status")
		if w == "" {
			continue
		}
		words = append(words, w)
		if tu := tunnelWord(w); rank[tu] > rank[best] {
			best = tu
		}
	}
	if len(words) == 0 {
		w := First(m, "Status")
		return tunnelWord(w), w
	}
	return best, strings.Join(words, ", ")
}

func tunnelWord(status string) cloud.Tunnel {
	switch strings.ToLower(status) {
	case "ipsec_sa_established":
		return cloud.TunnelUp
	case "ike_sa_established":
		return cloud.TunnelNegotiating
	case "ike_sa_not_established", "ipsec_sa_not_established":
		return cloud.TunnelDown
	}
	return cloud.TunnelUnknown
}

// Settings are the reported values of the catalog's role fields, read at
// the same paths (the describe answers spell IkeConfig.IkeEncAlg, EnableDpd,
// Name ... as the create does). A dual-tunnel connection reports its phase
// 1 and 2 settings per tunnel: the active tunnel's stand in for IkeConfig
// and IpsecConfig. Pre-shared keys are never copied.
func Settings(c *cloud.Catalog, m map[string]any) map[cloud.Role]string {
	out := map[cloud.Role]string{}
	tunnel := masterTunnel(m)
	for i := range c.Fields {
		f := &c.Fields[i]
		if f.Role == "" || f.Role == cloud.RolePSK || f.Role == cloud.RoleClientToken || strings.Contains(f.Path, "[]") {
			continue
		}
		if _, done := out[f.Role]; done {
			continue
		}
		v, ok := at(m, f.Path)
		if !ok && tunnel != nil {
			p := strings.Replace(strings.Replace(f.Path, "IkeConfig.", "TunnelIkeConfig.", 1), "IpsecConfig.", "TunnelIpsecConfig.", 1)
			v, ok = at(tunnel, p)
		}
		if s := scalar(v); ok && s != "" {
			out[f.Role] = s
		}
	}
	return out
}

func at(m map[string]any, path string) (any, bool) {
	var cur any = m
	for _, part := range strings.Split(path, ".") {
		mm, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = mm[part]; !ok || cur == nil {
			return nil, false
		}
	}
	return cur, true
}

// masterTunnel is the active tunnel of a dual-tunnel connection (the
// first one when no role is reported), or nil.
func masterTunnel(m map[string]any) map[string]any {
	ts := list(m, "TunnelOptionsSpecification", "TunnelOptions")
	for _, t := range ts {
		if First(t, "Role") == "master" {
			return t
		}
	}
	if len(ts) > 0 {
		return ts[0]
	}
	return nil
}

func split(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func intOf(v any) (int64, bool) {
	n, err := strconv.ParseInt(scalar(v), 10, 64)
	return n, err == nil
}

// FindCreated picks, among listed connections, the newest one that fits a
// create's parameters (gateway, customer gateway, name and subnets): how a
// driver learns the id of a connection whose create answer named none.
func FindCreated(conns []cloud.Connection, p cloud.Params) *cloud.Connection {
	var best *cloud.Connection
	for i := range conns {
		cn := &conns[i]
		if cn.VPNGatewayID != p.Str("VpnGatewayId") ||
			(p.Str("CustomerGatewayId") != "" && cn.CustomerGatewayID != p.Str("CustomerGatewayId")) ||
			(p.Str("Name") != "" && cn.Name != p.Str("Name")) ||
			strings.Join(cn.LocalSubnets, ",") != strings.Join(split(p.Str("LocalSubnet")), ",") ||
			strings.Join(cn.RemoteSubnets, ",") != strings.Join(split(p.Str("RemoteSubnet")), ",") {
			continue
		}
		if best == nil || cn.Created.After(best.Created) {
			best = cn
		}
	}
	return best
}

// CollectNamed is the per-page step of a connection listing: it decodes
// the page, keeps the connections with the given name ("" keeps all) and
// returns how many the page held. The API filters by gateway (which also
// matches a standby tunnel's customer gateway) but has no name filter.
func CollectNamed(c *cloud.Catalog, name string, out *[]cloud.Connection) func(map[string]any) int {
	return func(m map[string]any) int {
		got := Connections(c, m)
		for _, conn := range got {
			if name == "" || conn.Name == name {
				*out = append(*out, conn)
			}
		}
		return len(got)
	}
}
