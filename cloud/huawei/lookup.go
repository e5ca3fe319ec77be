package huawei

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	vpcmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpc/v3/model"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpn/v5/model"

	"tunnelwiz/cloud"
)

// pageSize is the limit asked for on each page of a listing (a variable
// for tests); maxPages bounds a listing whose markers never end.
var pageSize = 100

const maxPages = 100

// Inventory lists the project's VPCs (VPC v3 ListVpcs), VPN gateways
// (ListVgws, with each EIP's id and address: vgw_ip takes the id) and
// customer gateways (ListCgws).
func (Driver) Inventory(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string) (*cloud.Inventory, error) {
	c, err := vpnClient(ctx, base, cred, target)
	if err != nil {
		return nil, err
	}
	inv := &cloud.Inventory{VPCs: []cloud.Resource{}, VPNGateways: []cloud.Resource{}, CustomerGateways: []cloud.Resource{}}
	gws, err := c.ListVgws(&model.ListVgwsRequest{})
	if err != nil {
		return nil, mapError(err)
	}
	if gws.VpnGateways != nil {
		for _, g := range *gws.VpnGateways {
			inv.VPNGateways = append(inv.VPNGateways, gatewayResource(g))
		}
	}
	limit := int32(pageSize)
	var marker *string
	for page := 0; page < maxPages; page++ {
		cgws, err := c.ListCgws(&model.ListCgwsRequest{Limit: &limit, Marker: marker})
		if err != nil {
			return nil, mapError(err)
		}
		if cgws.CustomerGateways != nil {
			for _, g := range *cgws.CustomerGateways {
				inv.CustomerGateways = append(inv.CustomerGateways, customerGatewayResource(g))
			}
		}
		if marker = nextMarker(cgws.PageInfo, cgws.CustomerGateways == nil || len(*cgws.CustomerGateways) == 0); marker == nil {
			break
		}
	}
	vpcs, err := listVPCs(ctx, base, cred, target)
	if err != nil {
		return nil, err
	}
	inv.VPCs = vpcs
	return inv, nil
}

func nextMarker(pi *model.PageInfo, empty bool) *string {
	if empty || pi == nil || pi.NextMarker == nil || *pi.NextMarker == "" {
		return nil
	}
	return pi.NextMarker
}

func listVPCs(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string) ([]cloud.Resource, error) {
	c, err := vpcClient(ctx, base, cred, target)
	if err != nil {
		return nil, err
	}
	out := []cloud.Resource{}
	limit := int32(pageSize)
	var marker *string
	for page := 0; page < maxPages; page++ {
		resp, err := c.ListVpcs(&vpcmodel.ListVpcsRequest{Limit: &limit, Marker: marker})
		if err != nil {
			return nil, mapError(err)
		}
		if resp.Vpcs == nil || len(*resp.Vpcs) == 0 {
			break
		}
		for _, v := range *resp.Vpcs {
			r := cloud.Resource{ID: v.Id, Name: v.Name, State: v.Status, CIDR: v.Cidr}
			notes := map[string]string{}
			put(notes, "project_id", v.ProjectId)
			put(notes, "enterprise_project_id", v.EnterpriseProjectId)
			put(notes, "extend_cidrs", strings.Join(v.ExtendCidrs, ","))
			put(notes, "description", v.Description)
			if len(notes) > 0 {
				r.Notes = notes
			}
			out = append(out, r)
		}
		if resp.PageInfo == nil || resp.PageInfo.NextMarker == nil || *resp.PageInfo.NextMarker == "" {
			break
		}
		marker = resp.PageInfo.NextMarker
	}
	return out, nil
}

// gatewayResource keeps what the wizard needs from a gateway: its EIPs
// (id and address, labelled eip1/eip2, for vgw_ip on a public gateway) or
// its access private IPs (private1/private2, for vgw_ip on a private one),
// and, as notes, the attachment and network types that decide which
// fields apply.
func gatewayResource(g model.ResponseVpnGateway) cloud.Resource {
	r := cloud.Resource{ID: str(g.Id), Name: str(g.Name), State: str(g.Status), VpcID: str(g.VpcId)}
	for _, e := range []struct {
		eip   *model.ResponseEip
		label string
	}{{g.Eip1, "eip1"}, {g.Eip2, "eip2"}} {
		if e.eip != nil && (e.eip.Id != nil || e.eip.IpAddress != nil) {
			r.Addresses = append(r.Addresses, cloud.Address{ID: str(e.eip.Id), IP: str(e.eip.IpAddress), Label: e.label})
		}
	}
	if g.AccessPrivateIp1 != nil && *g.AccessPrivateIp1 != "" {
		r.Addresses = append(r.Addresses, cloud.Address{IP: *g.AccessPrivateIp1, Label: "private1"})
	}
	if g.AccessPrivateIp2 != nil && *g.AccessPrivateIp2 != "" {
		r.Addresses = append(r.Addresses, cloud.Address{IP: *g.AccessPrivateIp2, Label: "private2"})
	}
	notes := map[string]string{}
	if g.AttachmentType != nil {
		put(notes, "attachment_type", g.AttachmentType.Value())
	}
	if g.NetworkType != nil {
		put(notes, "network_type", g.NetworkType.Value())
	}
	if g.IpVersion != nil {
		put(notes, "ip_version", g.IpVersion.Value())
	}
	put(notes, "ha_mode", str(g.HaMode))
	put(notes, "flavor", str(g.Flavor))
	put(notes, "er_id", str(g.ErId))
	if g.LocalSubnets != nil {
		put(notes, "local_subnets", strings.Join(*g.LocalSubnets, ","))
	}
	if g.BgpAsn != nil {
		put(notes, "bgp_asn", strconv.FormatInt(*g.BgpAsn, 10))
	}
	if g.ConnectionNumber != nil {
		used := int32(0)
		if g.UsedConnectionNumber != nil {
			used = *g.UsedConnectionNumber
		}
		put(notes, "connections", strconv.Itoa(int(used))+"/"+strconv.Itoa(int(*g.ConnectionNumber)))
	}
	if len(notes) > 0 {
		r.Notes = notes
	}
	return r
}

// customerGatewayResource: Huawei's customer gateway has an identity
// (id_type ip or fqdn, id_value) rather than an address field; an ip
// identity is its public address.
func customerGatewayResource(g model.ResponseCustomerGateway) cloud.Resource {
	r := cloud.Resource{ID: str(g.Id), Name: str(g.Name)}
	if str(g.IdType) == "ip" && str(g.IdValue) != "" {
		r.Addresses = []cloud.Address{{IP: str(g.IdValue)}}
	}
	notes := map[string]string{}
	put(notes, "id_type", str(g.IdType))
	put(notes, "id_value", str(g.IdValue))
	if g.BgpAsn != nil {
		put(notes, "bgp_asn", strconv.FormatInt(*g.BgpAsn, 10))
	}
	if len(notes) > 0 {
		r.Notes = notes
	}
	return r
}

// Connections pages through ListVpnConnections. The gateway filter goes
// to the API (vgw_id); the customer gateway and name are filtered here,
// the API having no parameter for them.
func (Driver) Connections(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, f cloud.Filter) ([]cloud.Connection, error) {
	c, err := vpnClient(ctx, base, cred, target)
	if err != nil {
		return nil, err
	}
	out := []cloud.Connection{}
	req := &model.ListVpnConnectionsRequest{}
	if f.VPNGatewayID != "" {
		req.VgwId = &f.VPNGatewayID
	}
	limit := int32(pageSize)
	req.Limit = &limit
	for page := 0; page < maxPages; page++ {
		resp, err := c.ListVpnConnections(req)
		if err != nil {
			return nil, mapError(err)
		}
		if resp.VpnConnections != nil {
			for i := range *resp.VpnConnections {
				if cn := connection(&(*resp.VpnConnections)[i]); f.Matches(*cn) {
					out = append(out, *cn)
				}
			}
		}
		if req.Marker = nextMarker(resp.PageInfo, resp.VpnConnections == nil || len(*resp.VpnConnections) == 0); req.Marker == nil {
			break
		}
	}
	return out, nil
}

// Connection reads one connection (ShowVpnConnection).
func (Driver) Connection(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, id string) (*cloud.Connection, error) {
	c, err := vpnClient(ctx, base, cred, target)
	if err != nil {
		return nil, err
	}
	resp, err := c.ShowVpnConnection(&model.ShowVpnConnectionRequest{VpnConnectionId: id})
	if err != nil {
		return nil, mapError(err)
	}
	if resp.VpnConnection == nil {
		return nil, &cloud.APIError{Vendor: API, Code: cloud.CodeNotFound, Message: "the answer holds no vpn_connection", HTTPStatus: resp.HttpStatusCode}
	}
	return connection(resp.VpnConnection), nil
}

// Delete sends DeleteVpnConnection (DELETE
// /v5/{project_id}/vpn-connection/{vpn_connection_id}, answered 204). The
// connection is PENDING_DELETE, then gone.
func (Driver) Delete(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, id string) error {
	c, err := vpnClient(ctx, base, cred, target)
	if err != nil {
		return err
	}
	if _, err := c.DeleteVpnConnection(&model.DeleteVpnConnectionRequest{VpnConnectionId: id}); err != nil {
		return mapError(err)
	}
	return nil
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func put(m map[string]string, k, v string) {
	if v != "" {
		m[k] = v
	}
}
