package tencent

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	vpc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc/v20170312"

	"tunnelwiz/cloud"
)

// pageSize is the largest Limit the Describe calls take ("最大值为100").
const pageSize = 100

// Inventory lists the region's VPCs (DescribeVpcs), VPN gateways with their
// public IPs (DescribeVpnGateways) and customer gateways
// (DescribeCustomerGateways), each page by page.
func (Driver) Inventory(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string) (*cloud.Inventory, error) {
	c, err := newClient(base, cred, target)
	if err != nil {
		return nil, err
	}
	inv := &cloud.Inventory{}
	for offset := 0; ; {
		req := vpc.NewDescribeVpcsRequest()
		// This SDK types DescribeVpcs' Offset and Limit as strings.
		req.Offset, req.Limit = ptr(strconv.Itoa(offset)), ptr(strconv.Itoa(pageSize))
		resp, err := c.DescribeVpcsWithContext(ctx, req)
		if err != nil {
			return nil, toError(ctx, "DescribeVpcs", err, c.status(), nil)
		}
		for _, v := range resp.Response.VpcSet {
			r := cloud.Resource{ID: str(v.VpcId), Name: str(v.VpcName), CIDR: str(v.CidrBlock)}
			if v.IsDefault != nil && *v.IsDefault {
				r.Notes = map[string]string{"default": "true"}
			}
			inv.VPCs = append(inv.VPCs, r)
		}
		offset += len(resp.Response.VpcSet)
		if len(resp.Response.VpcSet) == 0 || uint64(offset) >= u64(resp.Response.TotalCount) {
			break
		}
	}
	for offset := uint64(0); ; {
		req := vpc.NewDescribeVpnGatewaysRequest()
		req.Offset, req.Limit = ptr(offset), ptr(uint64(pageSize))
		resp, err := c.DescribeVpnGatewaysWithContext(ctx, req)
		if err != nil {
			return nil, toError(ctx, "DescribeVpnGateways", err, c.status(), nil)
		}
		for _, g := range resp.Response.VpnGatewaySet {
			inv.VPNGateways = append(inv.VPNGateways, gatewayResource(g))
		}
		offset += uint64(len(resp.Response.VpnGatewaySet))
		if len(resp.Response.VpnGatewaySet) == 0 || offset >= u64(resp.Response.TotalCount) {
			break
		}
	}
	for offset := uint64(0); ; {
		req := vpc.NewDescribeCustomerGatewaysRequest()
		req.Offset, req.Limit = ptr(offset), ptr(uint64(pageSize))
		resp, err := c.DescribeCustomerGatewaysWithContext(ctx, req)
		if err != nil {
			return nil, toError(ctx, "DescribeCustomerGateways", err, c.status(), nil)
		}
		for _, g := range resp.Response.CustomerGatewaySet {
			r := cloud.Resource{ID: str(g.CustomerGatewayId), Name: str(g.CustomerGatewayName)}
			if ip := str(g.IpAddress); ip != "" {
				r.Addresses = []cloud.Address{{IP: ip}}
			}
			if g.BgpAsn != nil && *g.BgpAsn != 0 {
				r.Notes = map[string]string{"bgp_asn": strconv.FormatUint(*g.BgpAsn, 10)}
			}
			inv.CustomerGateways = append(inv.CustomerGateways, r)
		}
		offset += uint64(len(resp.Response.CustomerGatewaySet))
		if len(resp.Response.CustomerGatewaySet) == 0 || offset >= u64(resp.Response.TotalCount) {
			break
		}
	}
	return inv, nil
}

func gatewayResource(g *vpc.VpnGateway) cloud.Resource {
	r := cloud.Resource{ID: str(g.VpnGatewayId), Name: str(g.VpnGatewayName), State: str(g.State), VpcID: str(g.VpcId)}
	if ip := str(g.PublicIpAddress); ip != "" {
		r.Addresses = []cloud.Address{{IP: ip, Label: "public"}}
	}
	notes := map[string]string{}
	for k, v := range map[string]string{
		"type": str(g.Type), "version": str(g.Version), "zone": str(g.Zone),
		"ccn": str(g.NetworkInstanceId), "charge": str(g.InstanceChargeType),
	} {
		if v != "" {
			notes[k] = v
		}
	}
	if g.InternetMaxBandwidthOut != nil {
		notes["bandwidth_mbps"] = strconv.FormatUint(*g.InternetMaxBandwidthOut, 10)
	}
	if len(notes) > 0 {
		r.Notes = notes
	}
	return r
}

// Connections lists the region's tunnels through DescribeVpnConnections,
// narrowed on the server by the vpn-gateway-id, customer-gateway-id and
// vpn-connection-name filters, and again here (a name filter may match
// loosely).
func (Driver) Connections(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, f cloud.Filter) ([]cloud.Connection, error) {
	c, err := newClient(base, cred, target)
	if err != nil {
		return nil, err
	}
	var filters []*vpc.Filter
	for name, v := range map[string]string{
		"vpn-gateway-id": f.VPNGatewayID, "customer-gateway-id": f.CustomerGatewayID, "vpn-connection-name": f.Name,
	} {
		if v != "" {
			filters = append(filters, &vpc.Filter{Name: ptr(name), Values: []*string{ptr(v)}})
		}
	}
	// A stable order keeps the request the same from run to run.
	slices.SortFunc(filters, func(a, b *vpc.Filter) int { return strings.Compare(*a.Name, *b.Name) })
	var out []cloud.Connection
	for offset := uint64(0); ; {
		req := vpc.NewDescribeVpnConnectionsRequest()
		req.Filters, req.Offset, req.Limit = filters, ptr(offset), ptr(uint64(pageSize))
		resp, err := c.DescribeVpnConnectionsWithContext(ctx, req)
		if err != nil {
			return nil, toError(ctx, "DescribeVpnConnections", err, c.status(), nil)
		}
		for _, v := range resp.Response.VpnConnectionSet {
			cn, err := toConnection(v)
			if err != nil {
				return nil, err
			}
			if f.Matches(cn) {
				out = append(out, cn)
			}
		}
		offset += uint64(len(resp.Response.VpnConnectionSet))
		if len(resp.Response.VpnConnectionSet) == 0 || offset >= u64(resp.Response.TotalCount) {
			break
		}
	}
	return out, nil
}

// Connection reads one tunnel by id (DescribeVpnConnections with
// VpnConnectionIds). An answer without it is a not-found error, as is the
// ResourceNotFound the API answers for an unknown id.
func (Driver) Connection(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, id string) (*cloud.Connection, error) {
	v, err := describeOne(ctx, base, cred, target, id)
	if err != nil {
		return nil, err
	}
	cn, err := toConnection(v)
	if err != nil {
		return nil, err
	}
	return &cn, nil
}

// describeOne reads one tunnel as the SDK answers it
// (DescribeVpnConnections with its id).
func describeOne(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, id string) (*vpc.VpnConnection, error) {
	c, err := newClient(base, cred, target)
	if err != nil {
		return nil, err
	}
	req := vpc.NewDescribeVpnConnectionsRequest()
	req.VpnConnectionIds = []*string{ptr(id)}
	resp, err := c.DescribeVpnConnectionsWithContext(ctx, req)
	if err != nil {
		return nil, toError(ctx, "DescribeVpnConnections", err, c.status(), nil)
	}
	for _, v := range resp.Response.VpnConnectionSet {
		if v != nil && str(v.VpnConnectionId) == id {
			return v, nil
		}
	}
	return nil, &cloud.APIError{Vendor: API, Code: cloud.CodeNotFound, RequestID: str(resp.Response.RequestId),
		Message: fmt.Sprintf("DescribeVpnConnections answered without connection %s", id)}
}

// beijing is the zone of the API's CreatedTime ("2020-09-22 00:00:00"):
// Tencent reports times in China Standard Time, without a zone.
var beijing = time.FixedZone("CST", 8*3600)

// toConnection maps a described tunnel onto cloud.Connection. Settings are
// read from the answer's JSON with the catalog's own paths, so every role
// field the create can send is compared by the same name.
func toConnection(v *vpc.VpnConnection) (cloud.Connection, error) {
	state := str(v.State)
	c := cloud.Connection{
		ID: str(v.VpnConnectionId), Name: str(v.VpnConnectionName),
		VPNGatewayID: str(v.VpnGatewayId), CustomerGatewayID: str(v.CustomerGatewayId),
		State: state, Phase: phase(state),
		TunnelState: str(v.NetStatus), Tunnel: tunnel(str(v.NetStatus)),
	}
	if t, err := time.ParseInLocation(time.DateTime, str(v.CreatedTime), beijing); err == nil {
		c.Created = t
	}
	for _, s := range v.SecurityPolicyDatabaseSet {
		if s == nil {
			continue
		}
		if l := str(s.LocalCidrBlock); l != "" {
			c.LocalSubnets = append(c.LocalSubnets, l)
		}
		for _, r := range s.RemoteCidrBlock {
			if r != nil && !slices.Contains(c.RemoteSubnets, *r) {
				c.RemoteSubnets = append(c.RemoteSubnets, *r)
			}
		}
	}
	b, err := json.Marshal(v)
	if err != nil {
		return c, fmt.Errorf("tencent: read connection %s: %w", c.ID, err)
	}
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		return c, fmt.Errorf("tencent: read connection %s: %w", c.ID, err)
	}
	c.Settings = settings(cloud.Params(m))
	return c, nil
}

// settings are the role fields' values in a described tunnel, as vendor
// tokens. Secrets are left out (the API echoes the pre-shared key). The
// current spelling of a setting wins over a deprecated one
// (IntegrityAlgorithm over IntegrityAlgorith); the old one fills in when
// only it is reported.
func settings(p cloud.Params) map[cloud.Role]string {
	out := map[cloud.Role]string{}
	for _, deprecated := range []bool{false, true} {
		for i := range catalog().Fields {
			f := &catalog().Fields[i]
			if f.Role == "" || f.Secret || f.Role == cloud.RolePSK || (f.Deprecated != "") != deprecated ||
				strings.Contains(f.Path, "[]") {
				continue
			}
			if _, done := out[f.Role]; done {
				continue
			}
			v, _ := p.Get(f.Path)
			if s := scalarText(v); s != "" {
				out[f.Role] = s
			}
		}
	}
	return out
}

func scalarText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	}
	return ""
}

// phase maps the tunnel's production state ("通道的生产状态": PENDING,
// AVAILABLE, DELETING). NetStatus (whether IKE is up) is not the create's
// outcome: a tunnel is available before its peer answers.
func phase(state string) cloud.Phase {
	switch state {
	case "PENDING", "PENGDING": // the seed's example answer spells it PENGDING
		return cloud.PhasePending
	case "AVAILABLE":
		return cloud.PhaseAvailable
	case "DELETING":
		return cloud.PhaseDeleting
	}
	if strings.HasSuffix(state, "_ERROR") || state == "FAILED" {
		return cloud.PhaseFailed
	}
	return cloud.PhaseUnknown
}

// tunnel maps NetStatus, "通道连接状态" (the tunnel's connection state):
// the SDK documents AVAILABLE ("已连接", connected); its other value is
// UNAVAILABLE, as API 2.0's netStatus (available / unavailable, "已连通 /
// 未连通") and HealthCheckStatus have it.
func tunnel(netStatus string) cloud.Tunnel {
	switch strings.ToUpper(netStatus) {
	case "AVAILABLE":
		return cloud.TunnelUp
	case "UNAVAILABLE":
		return cloud.TunnelDown
	}
	return cloud.TunnelUnknown
}

func ptr[T any](v T) *T { return &v }

func u64(p *uint64) uint64 {
	if p == nil {
		return 0
	}
	return *p
}
