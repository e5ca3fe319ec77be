package huawei

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpn/v5/model"

	"tunnelwiz/cloud"
)

// Driver implements cloud.Driver for Huawei Cloud VPN v5.
type Driver struct{}

func init() { cloud.Register(API, Driver{}) }

// Catalog returns the rule table.
func (Driver) Catalog() *cloud.Catalog { return catalog() }

// Endpoint is https://vpn.<region>.myhuaweicloud.com (the pattern of every
// region in the SDK's region table), or the target's endpoint override.
func (Driver) Endpoint(t map[string]string) (*url.URL, error) {
	if e := t["endpoint"]; e != "" {
		u, err := cloud.ParseBaseURL(e, false)
		if err != nil {
			return nil, fmt.Errorf("huawei: endpoint %w", err)
		}
		return u, nil
	}
	r := t["region"]
	if !regionChars.Match(r) {
		return nil, fmt.Errorf("huawei: region %q: %s", r, regionChars.Describe)
	}
	return &url.URL{Scheme: "https", Host: "vpn." + r + ".myhuaweicloud.com"}, nil
}

// Create sends CreateVpnConnection to base through the SDK (see
// vpnClient for why the client never takes a region).
func (Driver) Create(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, ps cloud.Params) (*cloud.Created, error) {
	body, err := requestBody(ps)
	if err != nil {
		return nil, err
	}
	c, err := vpnClient(ctx, base, cred, target)
	if err != nil {
		return nil, err
	}
	resp, err := c.CreateVpnConnection(&model.CreateVpnConnectionRequest{Body: body})
	if err != nil {
		return nil, mapError(err)
	}
	out := &cloud.Created{}
	if resp.RequestId != nil {
		out.RequestID = *resp.RequestId
	}
	// The create answer carries no status (State stays empty): a new
	// connection is PENDING_CREATE until ShowVpnConnection reports ACTIVE
	// or DOWN.
	if v := resp.VpnConnection; v != nil && v.Id != nil {
		out.ID = *v.Id
	}
	if out.ID == "" {
		// An answer without the id (a proxy that strips the body, say):
		// the connection is the newest one of this identity.
		if err := cloud.Pace(ctx, catalog()); err != nil {
			return nil, err
		}
		id, err := newest(ctx, base, cred, target, ps)
		if err != nil {
			return nil, fmt.Errorf("huawei: the create answer has no connection id and looking it up failed: %w", err)
		}
		out.ID = id
	}
	return out, nil
}

// newest finds the most recently created connection with the identity of
// ps (gateway, customer gateway, name).
func newest(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, ps cloud.Params) (string, error) {
	f := cloud.Filter{
		VPNGatewayID:      ps.Str(p("vgw_id")),
		CustomerGatewayID: ps.Str(p("cgw_id")),
		Name:              ps.Str(p("name")),
	}
	conns, err := Driver{}.Connections(ctx, base, cred, target, f)
	if err != nil {
		return "", err
	}
	var best *cloud.Connection
	for i := range conns {
		if best == nil || !conns[i].Created.Before(best.Created) {
			best = &conns[i]
		}
	}
	if best == nil {
		return "", errors.New("no connection of that gateway, customer gateway and name exists")
	}
	return best.ID, nil
}

// requestBody decodes the spec's params (already the request body's
// shape) into the SDK's request type, refusing any member the SDK lacks so
// that nothing is silently dropped.
func requestBody(ps cloud.Params) (*model.CreateVpnConnectionRequestBody, error) {
	if ps.Obj("vpn_connection") == nil {
		return nil, errors.New("huawei: params need a vpn_connection object")
	}
	raw, err := json.Marshal(ps)
	if err != nil {
		return nil, fmt.Errorf("huawei: encode params: %w", err)
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.DisallowUnknownFields()
	var body model.CreateVpnConnectionRequestBody
	if err := d.Decode(&body); err != nil {
		return nil, fmt.Errorf("huawei: params do not fit the SDK request: %w", err)
	}
	return &body, nil
}
