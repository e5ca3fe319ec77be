package alibaba

import (
	"context"
	"net/url"

	"github.com/alibabacloud-go/tea/dara"
	vpc "github.com/alibabacloud-go/vpc-20160428/v7/client"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// Inventory lists the region's VPCs, VPN gateways and customer gateways
// through the SDK's DescribeVpcs, DescribeVpnGateways and
// DescribeCustomerGateways, every page of each.
func (Driver) Inventory(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string) (*cloud.Inventory, error) {
	client, err := aliyun.NewClient(base, cred, t["region"])
	if err != nil {
		return nil, err
	}
	rt, region := aliyun.Runtime(base), dara.String(t["region"])
	inv := &cloud.Inventory{}
	err = aliyun.Paged(ctx, func(page int32) (map[string]any, error) {
		r, err := client.DescribeVpcsWithContext(ctx, &vpc.DescribeVpcsRequest{RegionId: region, PageNumber: &page, PageSize: pageSize()}, rt)
		return body(r, err, func(r *vpc.DescribeVpcsResponse) any { return r.Body })
	}, func(m map[string]any) int {
		got := aliyun.VPCs(m)
		inv.VPCs = append(inv.VPCs, got...)
		return len(got)
	})
	if err != nil {
		return nil, err
	}
	err = aliyun.Paged(ctx, func(page int32) (map[string]any, error) {
		r, err := client.DescribeVpnGatewaysWithContext(ctx, &vpc.DescribeVpnGatewaysRequest{RegionId: region, PageNumber: &page, PageSize: pageSize()}, rt)
		return body(r, err, func(r *vpc.DescribeVpnGatewaysResponse) any { return r.Body })
	}, func(m map[string]any) int {
		got := aliyun.VPNGateways(m)
		inv.VPNGateways = append(inv.VPNGateways, got...)
		return len(got)
	})
	if err != nil {
		return nil, err
	}
	err = aliyun.Paged(ctx, func(page int32) (map[string]any, error) {
		r, err := client.DescribeCustomerGatewaysWithContext(ctx, &vpc.DescribeCustomerGatewaysRequest{RegionId: region, PageNumber: &page, PageSize: pageSize()}, rt)
		return body(r, err, func(r *vpc.DescribeCustomerGatewaysResponse) any { return r.Body })
	}, func(m map[string]any) int {
		got := aliyun.CustomerGateways(m)
		inv.CustomerGateways = append(inv.CustomerGateways, got...)
		return len(got)
	})
	if err != nil {
		return nil, err
	}
	return inv, nil
}

// Connections lists the region's IPsec-VPN connections through
// DescribeVpnConnections; the gateway filters go to the API, the name is
// matched here (the API has no name filter).
func (Driver) Connections(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string, f cloud.Filter) ([]cloud.Connection, error) {
	client, err := aliyun.NewClient(base, cred, t["region"])
	if err != nil {
		return nil, err
	}
	req := &vpc.DescribeVpnConnectionsRequest{RegionId: dara.String(t["region"]), PageSize: pageSize()}
	if f.VPNGatewayID != "" {
		req.VpnGatewayId = dara.String(f.VPNGatewayID)
	}
	if f.CustomerGatewayID != "" {
		req.CustomerGatewayId = dara.String(f.CustomerGatewayID)
	}
	var out []cloud.Connection
	err = aliyun.Paged(ctx, func(page int32) (map[string]any, error) {
		req.PageNumber = &page
		r, err := client.DescribeVpnConnectionsWithContext(ctx, req, aliyun.Runtime(base))
		return body(r, err, func(r *vpc.DescribeVpnConnectionsResponse) any { return r.Body })
	}, aliyun.CollectNamed(catalog(), f.Name, &out))
	return out, err
}

// Connection reads one connection through DescribeVpnConnection.
func (Driver) Connection(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string, id string) (*cloud.Connection, error) {
	client, err := aliyun.NewClient(base, cred, t["region"])
	if err != nil {
		return nil, err
	}
	r, err := client.DescribeVpnConnectionWithContext(ctx, &vpc.DescribeVpnConnectionRequest{
		RegionId: dara.String(t["region"]), VpnConnectionId: dara.String(id)}, aliyun.Runtime(base))
	m, err := body(r, err, func(r *vpc.DescribeVpnConnectionResponse) any { return r.Body })
	if err != nil {
		return nil, err
	}
	c := aliyun.Connection(catalog(), m)
	return &c, nil
}

func pageSize() *int32 { return dara.Int32(aliyun.PageSize) }

// body maps an SDK call's outcome: the error onto *cloud.APIError (or a
// wrapped transport error), the typed answer onto the JSON shape the
// shared decoders read.
func body[R any](r *R, err error, get func(*R) any) (map[string]any, error) {
	if err != nil {
		return nil, aliyun.FromSDK(API, err)
	}
	if r == nil {
		return map[string]any{}, nil
	}
	return aliyun.ToMap(get(r))
}
