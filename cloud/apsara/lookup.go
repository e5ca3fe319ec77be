package apsara

import (
	"context"
	"net/url"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// The look-ups go through the same gateway route as the create
// (/apsara/route/Vpc/<Action>, version 2016-01-01) with the parameters of
// the public VPC API, and answer in its JSON shapes.

// Inventory lists the region's VPCs, VPN gateways and customer gateways.
func (Driver) Inventory(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string) (*cloud.Inventory, error) {
	inv := &cloud.Inventory{}
	for _, l := range []struct {
		action string
		read   func(map[string]any) []cloud.Resource
		into   *[]cloud.Resource
	}{
		{"DescribeVpcs", aliyun.VPCs, &inv.VPCs},
		{"DescribeVpnGateways", aliyun.VPNGateways, &inv.VPNGateways},
		{"DescribeCustomerGateways", aliyun.CustomerGateways, &inv.CustomerGateways},
	} {
		err := aliyun.Paged(ctx, func(page int32) (map[string]any, error) {
			return call(ctx, base, cred, t, l.action, pageArgs(t, page))
		}, func(m map[string]any) int {
			got := l.read(m)
			*l.into = append(*l.into, got...)
			return len(got)
		})
		if err != nil {
			return nil, err
		}
	}
	return inv, nil
}

// Choices lists the deployment's regions for the region pick list:
// DescribeRegions through the gateway route, which needs the endpoint
// but no region.
func (Driver) Choices(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string, key string) ([]cloud.Resource, error) {
	if key != "region" {
		return nil, cloud.ErrNotListed
	}
	m, err := call(ctx, base, cred, t, "DescribeRegions", map[string]any{})
	if err != nil {
		return nil, err
	}
	return aliyun.Regions(m), nil
}

// Connections lists the region's connections that pass the filter.
func (Driver) Connections(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string, f cloud.Filter) ([]cloud.Connection, error) {
	var out []cloud.Connection
	err := aliyun.Paged(ctx, func(page int32) (map[string]any, error) {
		args := pageArgs(t, page)
		if f.VPNGatewayID != "" {
			args["VpnGatewayId"] = f.VPNGatewayID
		}
		if f.CustomerGatewayID != "" {
			args["CustomerGatewayId"] = f.CustomerGatewayID
		}
		return call(ctx, base, cred, t, "DescribeVpnConnections", args)
	}, aliyun.CollectNamed(catalog(), f.Name, &out))
	return out, err
}

// Connection reads one connection through DescribeVpnConnection.
func (Driver) Connection(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string, id string) (*cloud.Connection, error) {
	m, err := call(ctx, base, cred, t, "DescribeVpnConnection", map[string]any{"RegionId": t["region"], "VpnConnectionId": id})
	if err != nil {
		return nil, err
	}
	c := aliyun.Connection(catalog(), m)
	return &c, nil
}

func pageArgs(t map[string]string, page int32) map[string]any {
	return map[string]any{"RegionId": t["region"], "PageNumber": page, "PageSize": aliyun.PageSize}
}
