package huawei

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	vpc "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpc/v3"
	vpn "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpn/v5"

	"tunnelwiz/cloud"
)

// signer builds SDK credentials for a project, or with project "" for
// IAM's own calls, which name none. No SDK client here is given a region,
// so an empty project never sends the SDK looking for one. Empty keys are
// refused before the SDK sees them, because an SDK credential without AK
// and SK reads the ECS metadata service instead.
func signer(cred cloud.Credentials, project string) (*basic.Credentials, error) {
	if cred.ID == "" || cred.Secret == "" {
		return nil, errors.New("huawei: an access key id and secret are required")
	}
	b := basic.NewCredentialsBuilder().WithAk(cred.ID).WithSk(cred.Secret)
	if project != "" {
		b = b.WithProjectId(project)
	}
	if cred.Token != "" {
		b = b.WithSecurityToken(cred.Token)
	}
	creds, err := b.SafeBuild()
	if err != nil {
		return nil, fmt.Errorf("huawei: credentials: %w", err)
	}
	return creds, nil
}

// vpnClient is the VPN v5 client for base.
func vpnClient(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string) (*vpn.VpnClient, error) {
	hc, err := build(ctx, vpn.VpnClientBuilder(), sibling(base, "vpn"), cred, target["project_id"], true)
	if err != nil {
		return nil, err
	}
	return vpn.NewVpnClient(hc), nil
}

// vpcClient is the VPC v3 client, for the VPC pick list. VPCs live in
// another service with its own host (vpc.<region>.myhuaweicloud.com).
func vpcClient(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string) (*vpc.VpcClient, error) {
	hc, err := build(ctx, vpc.VpcClientBuilder(), sibling(base, "vpc"), cred, target["project_id"], true)
	if err != nil {
		return nil, err
	}
	return vpc.NewVpcClient(hc), nil
}

// build makes one service's HTTP client for endpoint, signing for
// project (or for none: IAM's calls name no project). It is built with
// WithEndpoints, never WithRegion: WithRegion replaces the endpoints and,
// without a project id, makes the SDK ask IAM for one, so requests would
// leave for hosts other than base.
func build(ctx context.Context, b *core.HcHttpClientBuilder, endpoint string, cred cloud.Credentials, project string, needProject bool) (*core.HcHttpClient, error) {
	if needProject && project == "" {
		return nil, errors.New("huawei: project_id is required")
	}
	creds, err := signer(cred, project)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	hc, err := b.WithEndpoints([]string{endpoint}).WithCredential(creds).WithHttpConfig(httpConfig(ctx)).SafeBuild()
	if err != nil {
		return nil, fmt.Errorf("huawei: client for %s: %w", endpoint, err)
	}
	return hc, nil
}

// sibling is another service's base beside a VPN base:
// <service>.<region>.myhuaweicloud.com for vpn.<region>.myhuaweicloud.com;
// any other base (an endpoint override, the sandbox) is used as it is.
func sibling(base *url.URL, service string) string {
	u := *base
	if rest, ok := strings.CutPrefix(u.Host, "vpn."); ok {
		u.Host = service + "." + rest
	}
	return strings.TrimSuffix(u.String(), "/")
}

// httpConfig never retries (Submission does, knowing when a create may
// be resent) and binds every request to ctx, which the SDK's API has no
// parameter for. It names its own User-Agent: without one the SDK makes
// up an application id, stores it in ~/.huaweicloud/application_id and
// sends it with the machine's OS and locale in every request, which a
// plan (that sends nothing anywhere) must not write and tunnelwiz has no
// reason to send.
func httpConfig(ctx context.Context) *config.HttpConfig {
	return config.DefaultHttpConfig().
		WithUserAgent(userAgent).
		WithRetries(0).
		WithHttpRoundTripper(ctxTransport{ctx: ctx, next: transport})
}

// userAgent is what every Huawei request says it comes from.
const userAgent = "tunnelwiz (huaweicloud-sdk-go-v3)"

// transport is shared by every call, as net/http intends, so previews
// reuse one connection to the recorder instead of leaving a socket in
// TIME_WAIT each. It has no proxy: nothing but base is ever dialled. A
// custom dialer keeps it on HTTP/1.1, as the SDK's own transport is.
// Tests replace it to tamper with signed requests.
var transport http.RoundTripper = &http.Transport{
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
