package tencentv2

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"strconv"

	"tunnelwiz/cloud"
)

// The API 2.0 look-up actions, all on the same endpoint and signature as
// AddVpnConnEx. Their pages (vpc.api.qcloud.com, "DescribeVpcEx",
// "DescribeVpnGw", "DescribeUserGw", "DescribeVpnConn", checked 2026-11)
// document offset/limit paging with at most 50 rows, answers
// {"code":0,"totalCount":N,"data":[...]}, and every resource under two ids:
// the legacy one (gz_vpc_8849, 122) and the unified one (vpc-..., vpngw-...,
// cgw-..., vpnx-...), which tunnelwiz shows.
const (
	actionVpcs        = "DescribeVpcEx"
	actionGateways    = "DescribeVpnGw"
	actionCustomerGws = "DescribeUserGw"
	actionConns       = "DescribeVpnConn"
	// actionDelete deletes a connection. It is not in shared/seeds (the
	// seeds hold the create pages only); its page is Tencent's API 2.0
	// "删除VPN通道" / "DeleteVpnConn" (tencentyun/qcloud-documents,
	// api/计算与网络/私有网络/VPN网关相关接口/VPN通道相关接口/删除VPN通道.md and
	// its _en copy; also doc.fincloud.tencent.cn, checked 2026-11):
	// vpcId, vpnGwId and vpnConnId, all required, each the unified or
	// the legacy id; the answer is {"code":0,"data":{"vpnGwId",
	// "vpcConnId","taskId","state":4}}, the connection deleting
	// (vpcConnStatus 4) until it is gone; its codes are
	// InvalidVpc.NotFound, InvalidVpnGw.NotFound, InvalidVpnConnState and
	// InvalidVpnConn.NotFound.
	actionDelete = "DeleteVpnConn"
	// pageSize is the documented maximum of limit.
	pageSize = 50
	// maxPages bounds a listing that never ends (a server that ignores
	// offset), at 10 000 rows.
	maxPages = 200
)

// list pages through a Describe action and returns every row.
func list(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, action string, q url.Values) ([]map[string]any, error) {
	var all []map[string]any
	for page := 0; page < maxPages; page++ {
		params := url.Values{}
		for k, v := range q {
			params[k] = v
		}
		params.Set("offset", strconv.Itoa(len(all)))
		params.Set("limit", strconv.Itoa(pageSize))
		env, err := call(ctx, base, cred, target, request{action: action, params: params})
		if err != nil {
			return nil, err
		}
		rows := rowsOf(env.Data)
		all = append(all, rows...)
		total, terr := env.TotalCount.Int64()
		if len(rows) < pageSize || (terr == nil && int64(len(all)) >= total) {
			break
		}
	}
	return all, nil
}

// rowsOf reads data as a list of objects; any other shape holds no rows.
func rowsOf(raw json.RawMessage) []map[string]any {
	var rows []map[string]any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if err := d.Decode(&rows); err != nil {
		return nil
	}
	return rows
}

// unified returns a row's unified id, or its legacy id when it has none.
func unified(row map[string]any, un, legacy string) string {
	if id := text(row[un]); id != "" {
		return id
	}
	return text(row[legacy])
}

// asAsked reports an id in the form the caller asked for: a filter given
// the legacy id 122 must match the gateway listed as vpngw-nhg87nmg too.
func asAsked(row map[string]any, un, legacy, asked string) string {
	if asked != "" && (text(row[un]) == asked || text(row[legacy]) == asked) {
		return asked
	}
	return unified(row, un, legacy)
}

// Inventory lists the region's VPCs, VPN gateways (with their public IP)
// and customer gateways.
func (Driver) Inventory(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string) (*cloud.Inventory, error) {
	inv := &cloud.Inventory{}
	vpcs, err := list(ctx, base, cred, target, actionVpcs, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range vpcs {
		inv.VPCs = append(inv.VPCs, cloud.Resource{ID: unified(r, "unVpcId", "vpcId"), Name: text(r["vpcName"]),
			CIDR: text(r["cidrBlock"]), Notes: notes(r, "vpcId", "unVpcId", "isDefault", "createTime")})
	}
	gws, err := list(ctx, base, cred, target, actionGateways, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range gws {
		g := cloud.Resource{ID: unified(r, "unVpnGwId", "vpnGwId"), Name: text(r["vpnGwName"]),
			State: gatewayStatus[text(r["vpnGwStatus"])], VpcID: unified(r, "unVpcId", "vpcId"),
			Notes: notes(r, "vpnGwId", "unVpnGwId", "bandwidth", "expireTime", "isAutoRenewals")}
		if ip := text(r["vpnGwAddress"]); ip != "" {
			g.Addresses = []cloud.Address{{IP: ip}}
		}
		inv.VPNGateways = append(inv.VPNGateways, g)
	}
	cgws, err := list(ctx, base, cred, target, actionCustomerGws, nil)
	if err != nil {
		return nil, err
	}
	for _, r := range cgws {
		g := cloud.Resource{ID: unified(r, "unUserGwId", "userGwId"), Name: text(r["userGwName"]),
			Notes: notes(r, "userGwId", "unUserGwId", "vpnConnNum", "createTime")}
		if ip := text(r["userGwAddr"]); ip != "" {
			g.Addresses = []cloud.Address{{IP: ip}}
		}
		inv.CustomerGateways = append(inv.CustomerGateways, g)
	}
	return inv, nil
}

// gatewayStatus names DescribeVpnGw's vpnGwStatus codes.
var gatewayStatus = map[string]string{
	"0": "awaiting-payment", "1": "payment-failed", "2": "delivering", "3": "delivery-failed",
	"4": "destroying", "5": "destroy-failed", "6": "running",
}

// notes keeps a row's legacy id (under "legacy_id", when it differs from
// the unified one) and the other named facts that are set.
func notes(r map[string]any, legacy, un string, keys ...string) map[string]string {
	out := map[string]string{}
	if l := text(r[legacy]); l != "" && l != text(r[un]) && text(r[un]) != "" {
		out["legacy_id"] = l
	}
	for _, k := range keys {
		if v := text(r[k]); v != "" {
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Connections lists the region's connections that pass the filter.
// DescribeVpnConn filters by gateway and (fuzzily) by name; the customer
// gateway and the exact name are matched here.
func (Driver) Connections(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, f cloud.Filter) ([]cloud.Connection, error) {
	q := url.Values{}
	if f.VPNGatewayID != "" {
		q.Set("vpnGwId", f.VPNGatewayID)
	}
	if f.Name != "" {
		q.Set("vpnConnName", f.Name)
	}
	rows, err := list(ctx, base, cred, target, actionConns, q)
	if err != nil {
		return nil, err
	}
	var out []cloud.Connection
	for _, r := range rows {
		if c := toConnection(r, f); f.Matches(c) {
			out = append(out, c)
		}
	}
	return out, nil
}

// Connection reads one connection by its unified or legacy id.
func (Driver) Connection(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, id string) (*cloud.Connection, error) {
	rows, err := list(ctx, base, cred, target, actionConns, url.Values{"vpnConnId": {id}})
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if text(r["unVpnConnId"]) == id || text(r["vpnConnId"]) == id {
			c := toConnection(r, cloud.Filter{})
			c.ID = id
			return &c, nil
		}
	}
	return nil, &cloud.APIError{Vendor: Vendor, Code: cloud.CodeNotFound,
		Message: "DescribeVpnConn lists no connection " + id}
}
