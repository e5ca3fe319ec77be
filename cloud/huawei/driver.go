package huawei

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	vpn "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpn/v5"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpn/v5/model"

	"tunnelwiz/cloud"
)

// Driver implements cloud.Driver for Huawei Cloud VPN v5.
type Driver struct{}

func init() { cloud.Register(Driver{}) }

// Catalog returns the rule table.
func (Driver) Catalog() *cloud.Catalog { return catalog }

// Endpoint is https://vpn.<region>.myhuaweicloud.com (the pattern of every
// region in the SDK's region table), or the target's endpoint override.
func (Driver) Endpoint(t map[string]string) (*url.URL, error) {
	if e := t["endpoint"]; e != "" {
		if msg := checkEndpoint(e); msg != "" {
			return nil, fmt.Errorf("huawei: endpoint %s", msg)
		}
		u, _ := url.Parse(e)
		return &url.URL{Scheme: u.Scheme, Host: u.Host}, nil
	}
	r := t["region"]
	if !regionChars.Pattern.MatchString(r) {
		return nil, fmt.Errorf("huawei: region %q: %s", r, regionChars.Describe)
	}
	return &url.URL{Scheme: "https", Host: "vpn." + r + ".myhuaweicloud.com"}, nil
}

// Create sends CreateVpnConnection to base through the SDK.
//
// The client is built with WithEndpoints and credentials that carry the
// project id, never WithRegion: WithRegion replaces the endpoints and,
// without a project id, makes the SDK ask IAM for one, so requests would
// leave for hosts other than base. Empty keys are refused before the SDK
// sees them, because an SDK credential without AK and SK reads the ECS
// metadata service instead.
func (Driver) Create(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, ps cloud.Params) (*cloud.Created, error) {
	project := target["project_id"]
	if project == "" {
		return nil, errors.New("huawei: project_id is required")
	}
	if cred.ID == "" || cred.Secret == "" {
		return nil, errors.New("huawei: an access key id and secret are required")
	}
	body, err := requestBody(ps)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	b := basic.NewCredentialsBuilder().WithAk(cred.ID).WithSk(cred.Secret).WithProjectId(project)
	if cred.Token != "" {
		b = b.WithSecurityToken(cred.Token)
	}
	creds, err := b.SafeBuild()
	if err != nil {
		return nil, fmt.Errorf("huawei: credentials: %w", err)
	}
	hc, err := vpn.VpnClientBuilder().
		WithEndpoints([]string{strings.TrimSuffix(base.String(), "/")}).
		WithCredential(creds).
		WithHttpConfig(httpConfig(ctx)).
		SafeBuild()
	if err != nil {
		return nil, fmt.Errorf("huawei: client: %w", err)
	}
	resp, err := vpn.NewVpnClient(hc).CreateVpnConnection(&model.CreateVpnConnectionRequest{Body: body})
	if err != nil {
		return nil, mapError(err)
	}
	out := &cloud.Created{}
	if resp.RequestId != nil {
		out.RequestID = *resp.RequestId
	}
	// The create answer carries no status: a new connection is
	// PENDING_CREATE until ShowVpnConnection reports ACTIVE or DOWN.
	if c := resp.VpnConnection; c != nil && c.Id != nil {
		out.ID = *c.Id
	}
	return out, nil
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

// httpConfig never retries (a create is not idempotent) and binds every
// request to ctx, which the SDK's API has no parameter for.
func httpConfig(ctx context.Context) *config.HttpConfig {
	return config.DefaultHttpConfig().
		WithRetries(0).
		WithHttpRoundTripper(ctxTransport{ctx: ctx, next: transport})
}

// transport is shared by every call, as net/http intends, so previews
// reuse one connection to the recorder instead of leaving a socket in
// TIME_WAIT each. It has no proxy: nothing but base is ever dialled. A
// custom dialer keeps it on HTTP/1.1, as the SDK's own transport is.
var transport = &http.Transport{
	DialContext:         (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
	TLSClientConfig:     &tls.Config{MinVersion: tls.VersionTLS12},
	TLSHandshakeTimeout: 10 * time.Second,
	IdleConnTimeout:     90 * time.Second,
	MaxIdleConnsPerHost: 2,
}

type ctxTransport struct {
	ctx  context.Context
	next http.RoundTripper
}

func (t ctxTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return t.next.RoundTrip(r.WithContext(t.ctx))
}
