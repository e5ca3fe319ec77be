package alibaba

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	vpc "github.com/alibabacloud-go/vpc-20160428/v7/client"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
	"tunnelwiz/cloud/internal/aliyun"
	"tunnelwiz/cloud/sandbox"
)

// start runs a sandbox on loopback; wrap may change each request before
// the sandbox sees it (to tamper with a signed request).
func start(t *testing.T, o sandbox.Options, wrap func(r *http.Request)) (*sandbox.Server, *url.URL) {
	t.Helper()
	if o.Seed == 0 {
		o.Seed = 7
	}
	return drivertest.StartSandbox(t, o, wrap)
}

func spec(t *testing.T, path string) (map[string]string, cloud.Params) {
	t.Helper()
	return drivertest.ValidParams(t, catalog(), path)
}

// rpcCreate sends the create signed the older RPC way: the v7 client with
// SignatureAlgorithm "v2" puts Action, Timestamp, SignatureNonce,
// SignatureMethod HMAC-SHA1 and Signature in the query.
func rpcCreate(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string, p cloud.Params) (string, error) {
	c, err := vpc.NewClient(&openapiutil.Config{
		AccessKeyId: dara.String(cred.ID), AccessKeySecret: dara.String(cred.Secret), RegionId: dara.String(t["region"]),
		Endpoint: dara.String(base.Host), Protocol: dara.String("HTTP"), SignatureAlgorithm: dara.String("v2"),
	})
	if err != nil {
		return "", err
	}
	req, err := buildRequest(p)
	if err != nil {
		return "", err
	}
	r, err := c.CreateVpnConnectionWithContext(ctx, req, aliyun.Runtime(base))
	if err != nil {
		return "", aliyun.FromSDK(API, err)
	}
	return dara.StringValue(r.Body.VpnConnectionId), nil
}

func acs3Create(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string, p cloud.Params) (string, error) {
	c, err := Driver{}.Create(ctx, base, cred, t, p)
	if err != nil {
		return "", err
	}
	return c.ID, nil
}

// TestSandboxSignatures: both signatures the sandbox takes are checked,
// through the real SDK: a correct request creates; a tampered one, an
// expired one, a wrong secret and a wrong key id are each refused with
// Alibaba's own code and create nothing. The dual-tunnel spec puts its
// tunnels in the form body, so the body is covered by both signatures.
func TestSandboxSignatures(t *testing.T) {
	target, p := spec(t, "testdata/dual-tunnel.yaml")
	for _, style := range []struct {
		name   string
		create func(context.Context, *url.URL, cloud.Credentials, map[string]string, cloud.Params) (string, error)
	}{{"ACS3-HMAC-SHA256", acs3Create}, {"RPC-HMAC-SHA1", rpcCreate}} {
		for _, c := range []struct {
			name   string
			cred   cloud.Credentials
			opts   sandbox.Options
			tamper func(r *http.Request)
			code   string
			status int
		}{
			{name: "correct", cred: sandbox.Keys},
			{name: "tampered", cred: sandbox.Keys, code: "SignatureDoesNotMatch", status: 400,
				tamper: func(r *http.Request) {
					r.URL.RawQuery = strings.Replace(r.URL.RawQuery, "Name=dual-tunnel", "Name=evil-twin", 1)
				}},
			{name: "expired", cred: sandbox.Keys, code: "InvalidTimeStamp.Expired", status: 400,
				opts: sandbox.Options{Now: func() time.Time { return time.Now().Add(16 * time.Minute) }}},
			{name: "wrong secret", cred: cloud.Credentials{ID: sandbox.Keys.ID, Secret: "not-the-secret"}, code: "SignatureDoesNotMatch", status: 400},
			{name: "wrong key", cred: cloud.Credentials{ID: "LTAI5tNotTheSandbox", Secret: sandbox.Keys.Secret}, code: "InvalidAccessKeyId.NotFound", status: 404},
		} {
			t.Run(style.name+"/"+c.name, func(t *testing.T) {
				srv, base := start(t, c.opts, c.tamper)
				id, err := style.create(context.Background(), base, c.cred, target, p)
				n := len(srv.Backend().Connections(API, "cn-hangzhou", cloud.Filter{}))
				if c.code == "" {
					if err != nil || id == "" || n != 1 {
						t.Fatalf("id %q, err %v, %d connections", id, err, n)
					}
					return
				}
				var e *cloud.APIError
				if !errors.As(err, &e) || e.VendorCode != c.code || e.Code != cloud.CodeAuth || e.HTTPStatus != c.status || e.RequestID == "" || e.Message == "" {
					t.Fatalf("got %#v (%v), want %s", e, err, c.code)
				}
				if n != 0 {
					t.Errorf("a refused request made %d connections", n)
				}
			})
		}
	}
}

// TestClientTokenMakesRetriesSafe: a second create with the same
// ClientToken answers the connection the first made; the same token with
// other parameters is refused.
func TestClientTokenMakesRetriesSafe(t *testing.T) {
	srv, base := start(t, sandbox.Options{}, nil)
	target, p := spec(t, "testdata/seed.yaml")
	p.Set("ClientToken", "tw-7f3c")
	first, err := Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
	if err != nil || again.ID != first.ID {
		t.Fatalf("retry: %+v %v, want %s", again, err, first.ID)
	}
	if n := len(srv.Backend().Connections(API, "cn-shanghai", cloud.Filter{})); n != 1 {
		t.Fatalf("%d connections", n)
	}
	q := p.Clone()
	q.Set("Name", "other")
	_, err = Driver{}.Create(context.Background(), base, sandbox.Keys, target, q)
	var e *cloud.APIError
	if !errors.As(err, &e) || e.VendorCode != "IdempotentParameterMismatch" || e.Code != cloud.CodeConflict || e.Field != "ClientToken" {
		t.Errorf("reused token with other parameters: %v", err)
	}
}

// TestSandboxRefusals: the sandbox runs the catalog on what arrives and
// answers as Alibaba does, naming the parameter; the Backend's refusals
// map onto Alibaba's codes.
func TestSandboxRefusals(t *testing.T) {
	for _, c := range []struct {
		name  string
		spec  string
		edit  func(p cloud.Params)
		code  string
		kind  cloud.Code
		field string
		msg   string
	}{
		{"bad LocalSubnet", "testdata/seed.yaml", func(p cloud.Params) { p.Set("LocalSubnet", "1.1.1.0/33") }, "IllegalParam.LocalSubnet", cloud.CodeInvalid, "LocalSubnet", "LocalSubnet"},
		{"bad IKE cipher", "testdata/single-tunnel.yaml", func(p cloud.Params) { p.Set("IkeConfig.IkeEncAlg", "rot13") }, "IllegalParam.IkeConfig", cloud.CodeInvalid, "IkeConfig", "aes256"},
		{"unknown gateway", "testdata/seed.yaml", func(p cloud.Params) { p.Set("VpnGatewayId", "vpn-nope") }, "InvalidVpnGatewayInstanceId.NotFound", cloud.CodeNotFound, "VpnGatewayId", "vpn-nope"},
		{"unknown customer gateway", "testdata/seed.yaml", func(p cloud.Params) { p.Set("CustomerGatewayId", "cgw-nope") }, "InvalidCustomerGatewayInstanceId.NotFound", cloud.CodeNotFound, "CustomerGatewayId", "cgw-nope"},
		{"unknown standby customer gateway", "testdata/dual-tunnel.yaml", func(p cloud.Params) {
			p.List("TunnelOptionsSpecification")[1].(map[string]any)["CustomerGatewayId"] = "cgw-nope"
		}, "InvalidCustomerGatewayInstanceId.NotFound", cloud.CodeNotFound, "CustomerGatewayId", "TunnelOptionsSpecification[1]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, base := start(t, sandbox.Options{}, nil)
			target, p := spec(t, c.spec)
			c.edit(p)
			_, err := Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
			var e *cloud.APIError
			if !errors.As(err, &e) || e.VendorCode != c.code || e.Code != c.kind || e.Field != c.field || !strings.Contains(e.Message, c.msg) {
				t.Fatalf("got %v (%#v)", err, e)
			}
		})
	}
}

func TestSandboxQuota(t *testing.T) {
	_, base := start(t, sandbox.Options{}, nil)
	target, p := spec(t, "../../examples/alibaba.yaml")
	p.Set("VpnGatewayId", "vpn-uf6small0quota1x2y3z4") // max_connections: 1
	if _, err := (Driver{}).Create(context.Background(), base, sandbox.Keys, target, p); err != nil {
		t.Fatal(err)
	}
	p.Set("Name", "second")
	p.Set("RemoteSubnet", "192.168.99.0/24")
	_, err := Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
	var e *cloud.APIError
	if !errors.As(err, &e) || e.VendorCode != "Resource.QuotaFull" || e.Code != cloud.CodeQuota {
		t.Errorf("%v", err)
	}
}

// TestSandboxReadBack: a connection reads back with what was sent, the
// defaults for what was not (as the service reports what it applied), and
// its state; a dual-tunnel one reports the active tunnel's settings.
func TestSandboxReadBack(t *testing.T) {
	_, base := start(t, sandbox.Options{Settle: time.Hour}, nil)
	target, p := spec(t, "testdata/seed.yaml")
	c, err := Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Driver{}.Connection(context.Background(), base, sandbox.Keys, target, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Phase != cloud.PhasePending || got.State != "provisioning" || got.VPNGatewayID != "vpn-bp1q8bgx4xnkm****" ||
		strings.Join(got.RemoteSubnets, ",") != "1.1.1.0/24,1.1.2.0/24" || got.Created.IsZero() {
		t.Errorf("%+v", got)
	}
	for r, v := range map[cloud.Role]string{cloud.RoleIKEVersion: "ikev1", cloud.RoleIKEEncryption: "aes", cloud.RoleIKELifetime: "86400",
		cloud.RoleIPsecPFS: "group2", cloud.RoleDPD: "true", cloud.RoleCustomerGateway: "vpn-bp1q8bgx4xnk****"} {
		if got.Settings[r] != v {
			t.Errorf("%s: %q, want %q", r, got.Settings[r], v)
		}
	}
	if _, leaked := got.Settings[cloud.RolePSK]; leaked {
		t.Error("the PSK is in Settings")
	}

	target, p = spec(t, "testdata/dual-tunnel.yaml")
	c, err = Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
	if err != nil {
		t.Fatal(err)
	}
	got, err = Driver{}.Connection(context.Background(), base, sandbox.Keys, target, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.CustomerGatewayID != "cgw-p0wy363lucf1uyae8****" || got.Settings[cloud.RoleIKEVersion] != "ikev2" || got.Settings[cloud.RoleIPsecPFS] != "group14" {
		t.Errorf("dual tunnel: %+v", got)
	}
	list, err := Driver{}.Connections(context.Background(), base, sandbox.Keys, target, cloud.Filter{CustomerGatewayID: "cgw-p0wy363lucf1uyae9****"})
	if err != nil || len(list) != 1 || list[0].ID != c.ID {
		t.Errorf("listing by the standby tunnel's customer gateway: %+v %v", list, err)
	}
	if _, err := (Driver{}).Connection(context.Background(), base, sandbox.Keys, target, "vco-nope"); cloud.CodeOf(err) != cloud.CodeNotFound {
		t.Errorf("unknown connection: %v", err)
	}
}

func TestSandboxInventory(t *testing.T) {
	_, base := start(t, sandbox.Options{}, nil)
	inv, err := Driver{}.Inventory(context.Background(), base, sandbox.Keys, map[string]string{"region": "cn-shanghai"})
	if err != nil {
		t.Fatal(err)
	}
	if len(inv.VPCs) != 3 || len(inv.VPNGateways) != 3 || len(inv.CustomerGateways) != 3 {
		t.Fatalf("%+v", inv)
	}
	var gw cloud.Resource
	for _, g := range inv.VPNGateways {
		if g.ID == "vpn-uf6r2k1bq1c3g3k0a1b2c" {
			gw = g
		}
	}
	if gw.VpcID != "vpc-uf6f7l4fg90oxm2a3b4c5" || len(gw.Addresses) != 2 || gw.Addresses[0].IP != "203.0.113.10" || gw.Notes["Spec"] != "200M" {
		t.Errorf("%+v", gw)
	}
}

// TestSandboxEnvelope: what a client without the SDK sees: Alibaba's error
// body and status, the sandbox label, and the operations classified for
// fault injection.
func TestSandboxEnvelope(t *testing.T) {
	_, base := start(t, sandbox.Options{}, nil)
	resp, err := http.Post(base.String()+"/?Action=DescribeVpcs&RegionId=cn-shanghai", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s", b)
	}
	if resp.StatusCode != 400 || m["Code"] != "IncompleteSignature" || m["RequestId"] == "" || m["HostId"] != base.Host || resp.Header.Get(sandbox.Header) != "true" {
		t.Errorf("%d %s", resp.StatusCode, b)
	}
	f := aliyun.NewFrontend(rpc{})
	for action, op := range map[string]sandbox.Op{
		"CreateVpnConnection": sandbox.OpCreate, "DescribeVpnConnections": sandbox.OpConnections,
		"DescribeVpnConnection": sandbox.OpConnection, "DescribeVpnGateways": sandbox.OpInventory,
		"DescribeCustomerGateways": sandbox.OpInventory, "DescribeVpcs": sandbox.OpInventory, "DeleteVpnConnection": sandbox.OpDelete,
		"ModifyVpnConnectionAttribute": sandbox.OpOther,
	} {
		r := httptest.NewRequest("POST", "/?RegionId=cn-shanghai", nil)
		r.Header.Set("x-acs-action", action)
		if !f.Match(r) || f.Op(r, nil) != op {
			t.Errorf("%s: match %v, op %s", action, f.Match(r), f.Op(r, nil))
		}
	}
	for _, other := range []*http.Request{
		httptest.NewRequest("POST", "/", nil),                                     // Tencent 3.0 posts to / with X-TC-Action
		httptest.NewRequest("GET", "/v2/index.php?Action=AddVpnConnEx", nil),      // Tencent 2.0
		httptest.NewRequest("POST", "/apsara/route/Vpc/CreateVpnConnection", nil), // Apsara
	} {
		if f.Match(other) {
			t.Errorf("claims %s", other.URL)
		}
	}
}

// TestContextCancelsInFlight: the SDK's WithContext calls stop when the
// caller's context ends, even while the server is still thinking.
func TestContextCancelsInFlight(t *testing.T) {
	srv, base := start(t, sandbox.Options{}, nil)
	if err := srv.Inject(sandbox.Fault{Kind: sandbox.Latency, Delay: time.Minute, Count: 2}); err != nil {
		t.Fatal(err)
	}
	target, p := spec(t, "testdata/seed.yaml")
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	began := time.Now()
	_, err := Driver{}.Create(ctx, base, sandbox.Keys, target, p)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(began) > 10*time.Second {
		t.Errorf("create: %v after %v", err, time.Since(began))
	}
	_, err = Driver{}.Inventory(ctx, base, sandbox.Keys, target)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("inventory: %v", err)
	}
}
