package alibaba

import (
	"context"
	"errors"
	"net/url"

	"github.com/alibabacloud-go/tea/dara"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// Driver implements cloud.Driver for Alibaba Cloud.
type Driver struct{}

// Error is a refusal by Alibaba Cloud: its error code, message and request
// id, read from the SDK's *tea.SDKError.
type Error = aliyun.APIError

func init() { cloud.Register(Driver{}) }

// Catalog returns the rule table.
func (Driver) Catalog() *cloud.Catalog { return catalog }

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
// retries (a ClientToken makes a retry by the caller safe).
func (Driver) Create(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string, p cloud.Params) (*cloud.Created, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	client, err := aliyun.NewClient(base, cred, t["region"])
	if err != nil {
		return nil, err
	}
	// CreateVpnConnectionWithOptions takes no context; the runtime's fixed
	// timeouts bound the call instead.
	resp, err := client.CreateVpnConnectionWithOptions(buildRequest(p), aliyun.Runtime(base))
	if err != nil {
		return nil, aliyun.FromSDK(API, err)
	}
	out := &cloud.Created{}
	if resp != nil && resp.Body != nil {
		out.ID = dara.StringValue(resp.Body.VpnConnectionId)
		out.RequestID = dara.StringValue(resp.Body.RequestId)
	}
	if out.ID == "" {
		return out, &Error{Vendor: API, Message: "the answer names no VpnConnectionId", RequestID: out.RequestID}
	}
	return out, nil
}
