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

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	vpc "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpc/v3"
	vpn "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpn/v5"

	"tunnelwiz/cloud"
)

// credentials builds the SDK credentials. They carry the project id, so
// the SDK never asks IAM for one. Empty keys are refused before the SDK
// sees them, because an SDK credential without AK and SK reads the ECS
// metadata service instead.
func credentials(cred cloud.Credentials, target map[string]string) (*basic.Credentials, error) {
	project := target["project_id"]
	if project == "" {
		return nil, errors.New("huawei: project_id is required")
	}
	if cred.ID == "" || cred.Secret == "" {
		return nil, errors.New("huawei: an access key id and secret are required")
	}
	b := basic.NewCredentialsBuilder().WithAk(cred.ID).WithSk(cred.Secret).WithProjectId(project)
	if cred.Token != "" {
		b = b.WithSecurityToken(cred.Token)
	}
	creds, err := b.SafeBuild()
	if err != nil {
		return nil, fmt.Errorf("huawei: credentials: %w", err)
	}
	return creds, nil
}

// vpnClient is the VPN v5 client for base. It is built with WithEndpoints,
// never WithRegion: WithRegion replaces the endpoints and, without a
// project id, makes the SDK ask IAM for one, so requests would leave for
// hosts other than base.
func vpnClient(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string) (*vpn.VpnClient, error) {
	creds, err := credentials(cred, target)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	hc, err := vpn.VpnClientBuilder().
		WithEndpoints([]string{strings.TrimSuffix(base.String(), "/")}).
		WithCredential(creds).
		WithHttpConfig(httpConfig(ctx)).
		SafeBuild()
	if err != nil {
		return nil, fmt.Errorf("huawei: client: %w", err)
	}
	return vpn.NewVpnClient(hc), nil
}

// vpcClient is the VPC v3 client, for the VPC pick list. VPCs live in
// another service with its own host (vpc.<region>.myhuaweicloud.com), so
// a VPN base whose host starts with "vpn." is turned into the VPC one;
// any other base (an endpoint override, the sandbox) is used as it is.
func vpcClient(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string) (*vpc.VpcClient, error) {
	creds, err := credentials(cred, target)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	hc, err := vpc.VpcClientBuilder().
		WithEndpoints([]string{strings.TrimSuffix(vpcBase(base).String(), "/")}).
		WithCredential(creds).
		WithHttpConfig(httpConfig(ctx)).
		SafeBuild()
	if err != nil {
		return nil, fmt.Errorf("huawei: VPC client: %w", err)
	}
	return vpc.NewVpcClient(hc), nil
}

func vpcBase(base *url.URL) *url.URL {
	u := *base
	if strings.HasPrefix(u.Host, "vpn.") {
		u.Host = "vpc." + strings.TrimPrefix(u.Host, "vpn.")
	}
	return &u
}

// httpConfig never retries (Submission does, knowing when a create may
// be resent) and binds every request to ctx, which the SDK's API has no
// parameter for.
func httpConfig(ctx context.Context) *config.HttpConfig {
	return config.DefaultHttpConfig().
		WithRetries(0).
		WithHttpRoundTripper(ctxTransport{ctx: ctx, next: transport})
}

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
