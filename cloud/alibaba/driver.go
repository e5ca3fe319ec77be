package alibaba

import (
	"context"
	"errors"
	"net/url"

	"github.com/alibabacloud-go/tea/dara"
	vpc "github.com/alibabacloud-go/vpc-20160428/v7/client"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// Driver implements cloud.Driver for Alibaba Cloud.
type Driver struct{}

func init() { cloud.Register(API, Driver{}) }

// Catalog returns the rule table.
func (Driver) Catalog() *cloud.Catalog { return catalog() }

// Endpoint returns the target's endpoint override, or the region's endpoint
// as the pinned SDK computes it: its EndpointMap entry, else
// vpc.<region>.aliyuncs.com. The SDK works it out itself here (no network),
// so the preview names the host a real call would reach. The SDK's
// operations are declared HTTPS.
func (Driver) Endpoint(t map[string]string) (*url.URL, error) {
	if e := t["endpoint"]; e != "" {
		return aliyun.ParseBase(e)
	}
	region := t["region"]
	if region == "" {
		return nil, errors.New("alibaba: no region: set region (or endpoint)")
	}
	host, err := aliyun.RegionalHost(region)
	if err != nil {
		return nil, err
	}
	return aliyun.ParseBase("https://" + host)
}

// Create sends CreateVpnConnection to base through the SDK, once: it never
// retries (the ClientToken Submission fills makes its retries safe).
// Refusals are *cloud.APIError; a lost answer wraps the transport error.
func (d Driver) Create(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string, p cloud.Params) (*cloud.Created, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	client, err := aliyun.NewClient(base, cred, t["region"])
	if err != nil {
		return nil, err
	}
	req, err := buildRequest(p)
	if err != nil {
		return nil, err
	}
	resp, err := client.CreateVpnConnectionWithContext(ctx, req, aliyun.Runtime(base))
	if err != nil {
		return nil, aliyun.FromSDK(API, err)
	}
	out := &cloud.Created{}
	if resp != nil && resp.Body != nil {
		out.ID = dara.StringValue(resp.Body.VpnConnectionId)
		out.RequestID = dara.StringValue(resp.Body.RequestId)
	}
	if out.ID != "" {
		return out, nil
	}
	// The documented answer always names the connection; should one not,
	// the listing does (the newest that fits).
	if err := cloud.Pace(ctx, catalog()); err != nil {
		return nil, err
	}
	conns, err := d.Connections(ctx, base, cred, t, cloud.Filter{VPNGatewayID: p.Str("VpnGatewayId")})
	if err != nil {
		return nil, &cloud.CreatedNoIDError{Vendor: API, RequestID: out.RequestID, Err: err}
	}
	if cn := aliyun.FindCreated(conns, p); cn != nil {
		out.ID, out.State = cn.ID, cn.State
		return out, nil
	}
	return nil, &cloud.APIError{Vendor: API, Code: cloud.CodeUnknown, Message: "the create answer names no VpnConnectionId and no fitting connection is listed", RequestID: out.RequestID}
}

// Delete sends DeleteVpnConnection through the SDK. The operation is
// asynchronous: the connection is gone once DescribeVpnConnection no
// longer finds it.
func (Driver) Delete(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string, id string) error {
	client, err := aliyun.NewClient(base, cred, t["region"])
	if err != nil {
		return err
	}
	_, err = client.DeleteVpnConnectionWithContext(ctx, &vpc.DeleteVpnConnectionRequest{
		RegionId: dara.String(t["region"]), VpnConnectionId: dara.String(id)}, aliyun.Runtime(base))
	return aliyun.FromSDK(API, err)
}
