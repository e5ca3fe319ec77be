package tencent

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
	vpc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc/v20170312"

	"tunnelwiz/cloud"
)

// Driver implements cloud.Driver for Tencent Cloud API 3.0 CreateVpnConnection.
type Driver struct{}

func init() { cloud.Register(API, Driver{}) }

// Catalog returns the rule table.
func (Driver) Catalog() *cloud.Catalog { return catalog() }

// Create sends CreateVpnConnection to base through the SDK. The request is
// the SDK's own type, filled from the params' JSON, so that the SDK decides
// the wire shape and the preview shows exactly what it sends.
func (d Driver) Create(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, p cloud.Params) (*cloud.Created, error) {
	req, err := buildRequest(p)
	if err != nil {
		return nil, err
	}
	c, err := newClient(base, cred, target)
	if err != nil {
		return nil, err
	}
	resp, err := c.CreateVpnConnectionWithContext(ctx, req)
	if err != nil {
		return nil, toError(ctx, "CreateVpnConnection", err, c.status(), p)
	}
	out := &cloud.Created{}
	if r := resp.Response; r != nil {
		out.RequestID = str(r.RequestId)
		if vc := r.VpnConnection; vc != nil {
			out.ID, out.State = str(vc.VpnConnectionId), str(vc.State)
		}
	}
	if out.ID == "" {
		// The create is asynchronous; an answer without the tunnel's id
		// is followed by a look-up of the tunnel it made.
		id, state, err := d.createdID(ctx, base, cred, target, p)
		if err != nil {
			return nil, fmt.Errorf("tencent: created (request id %s) but its id could not be read back: %w", out.RequestID, err)
		}
		out.ID, out.State = id, state
	}
	return out, nil
}

// createdID finds the newest connection that matches the create's
// gateway, customer gateway and name.
func (d Driver) createdID(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, p cloud.Params) (string, string, error) {
	if err := cloud.Pace(ctx, catalog()); err != nil {
		return "", "", err
	}
	conns, err := d.Connections(ctx, base, cred, target, cloud.Filter{
		VPNGatewayID: p.Str("VpnGatewayId"), CustomerGatewayID: p.Str("CustomerGatewayId"), Name: p.Str("VpnConnectionName"),
	})
	if err != nil {
		return "", "", err
	}
	if len(conns) == 0 {
		return "", "", errors.New("no matching connection listed")
	}
	newest := conns[0]
	for _, c := range conns[1:] {
		if c.Created.After(newest.Created) {
			newest = c
		}
	}
	return newest.ID, newest.State, nil
}

// buildRequest fills the SDK request from validated params. The params
// spell every name as the API does, so their JSON is the request's JSON;
// FromJsonString refuses unknown top-level names, a last guard against a
// catalog that drifted from the SDK.
func buildRequest(p cloud.Params) (*vpc.CreateVpnConnectionRequest, error) {
	b, err := json.Marshal(map[string]any(p))
	if err != nil {
		return nil, fmt.Errorf("tencent: encode params: %w", err)
	}
	req := vpc.NewCreateVpnConnectionRequest()
	if err := req.FromJsonString(string(b)); err != nil {
		return nil, fmt.Errorf("tencent: params do not fit the SDK request: %w", err)
	}
	return req, nil
}

func credential(c cloud.Credentials) *common.Credential {
	if c.Token != "" {
		return common.NewTokenCredential(c.ID, c.Secret, c.Token)
	}
	return common.NewCredential(c.ID, c.Secret)
}

// client is an SDK client for one call, with the HTTP status of its last
// answer (the SDK keeps only the error code).
type client struct {
	*vpc.Client
	rec *statusRecorder
}

func (c *client) status() int { return c.rec.last.Load().(int) }

// newClient makes a client for base. Every client shares one transport,
// so connections are pooled across calls (a transport per client would
// leave each one's idle connections open until they time out).
func newClient(base *url.URL, cred cloud.Credentials, target map[string]string) (*client, error) {
	c, err := vpc.NewClient(credential(cred), target["region"], clientProfile(base))
	if err != nil {
		return nil, fmt.Errorf("tencent: client: %w", err)
	}
	rec := &statusRecorder{next: transport}
	rec.last.Store(0)
	c.WithHttpTransport(rec)
	return &client{Client: c, rec: rec}, nil
}

var transport http.RoundTripper = func() http.RoundTripper {
	if t, ok := http.DefaultTransport.(*http.Transport); ok {
		t = t.Clone()
		t.IdleConnTimeout = 30 * time.Second
		return t
	}
	return http.DefaultTransport
}()

// statusRecorder notes the HTTP status of each answer.
type statusRecorder struct {
	next http.RoundTripper
	last atomic.Value // int
}

func (s *statusRecorder) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := s.next.RoundTrip(r)
	if resp != nil {
		s.last.Store(resp.StatusCode)
	}
	return resp, err
}

// clientProfile points the SDK at base: Endpoint takes host[:port][/path]
// without a scheme, Scheme takes the scheme. The path keeps a trailing "/"
// so that a base with a path gets the same request path that Plan shows
// (base path + the "/" the SDK sends to). Retries and the region circuit
// breaker (which may switch to a backup domain) stay off: a create must be
// sent once, to base only.
func clientProfile(base *url.URL) *profile.ClientProfile {
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Scheme = strings.ToUpper(base.Scheme)
	cpf.HttpProfile.Endpoint = base.Host + strings.TrimSuffix(base.Path, "/") + "/"
	cpf.Language = "en-US" // English error messages
	cpf.DisableRegionBreaker = true
	cpf.NetworkFailureMaxRetries = 0
	cpf.RateLimitExceededMaxRetries = 0
	return cpf
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Delete sends DeleteVpnConnection through the SDK. The call names the
// tunnel's VPN gateway as well as the tunnel, so the tunnel is read first
// (DescribeVpnConnections): the gateway id is the one it reports.
func (d Driver) Delete(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, id string) error {
	conn, err := d.Connection(ctx, base, cred, target, id)
	if err != nil {
		return err
	}
	if err := cloud.Pace(ctx, catalog()); err != nil {
		return err
	}
	c, err := newClient(base, cred, target)
	if err != nil {
		return err
	}
	req := vpc.NewDeleteVpnConnectionRequest()
	req.VpnGatewayId, req.VpnConnectionId = ptr(conn.VPNGatewayID), ptr(id)
	if _, err := c.DeleteVpnConnectionWithContext(ctx, req); err != nil {
		return toError(ctx, "DeleteVpnConnection", err, c.status(), nil)
	}
	return nil
}
