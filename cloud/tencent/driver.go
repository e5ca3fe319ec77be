package tencent

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
	vpc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc/v20170312"

	"tunnelwiz/cloud"
)

// Driver implements cloud.Driver for Tencent Cloud API 3.0 CreateVpnConnection.
type Driver struct{}

func init() { cloud.Register(Driver{}) }

// Catalog returns the rule table.
func (Driver) Catalog() *cloud.Catalog { return catalog }

// Create sends CreateVpnConnection to base through the SDK. The request is
// the SDK's own type, filled from the params' JSON, so that the SDK decides
// the wire shape and the preview shows exactly what it sends.
func (Driver) Create(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, p cloud.Params) (*cloud.Created, error) {
	req, err := buildRequest(p)
	if err != nil {
		return nil, err
	}
	client, err := vpc.NewClient(credential(cred), target["region"], clientProfile(base))
	if err != nil {
		return nil, fmt.Errorf("tencent: client: %w", err)
	}
	resp, err := client.CreateVpnConnectionWithContext(ctx, req)
	if err != nil {
		var se *tcerr.TencentCloudSDKError
		if errors.As(err, &se) {
			return nil, &Error{Code: se.Code, Message: se.Message, RequestID: se.RequestId}
		}
		return nil, fmt.Errorf("tencent: CreateVpnConnection: %w", err)
	}
	out := &cloud.Created{}
	if r := resp.Response; r != nil {
		out.RequestID = str(r.RequestId)
		if c := r.VpnConnection; c != nil {
			out.ID, out.State = str(c.VpnConnectionId), str(c.State)
		}
	}
	return out, nil
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
