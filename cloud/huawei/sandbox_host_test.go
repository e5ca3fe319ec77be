package huawei

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"testing"

	"tunnelwiz/cloud/sandbox"
)

// TestSandboxHostNames: the sandbox refuses a Host that is not loopback
// (DNS rebinding), except Huawei's own API host names on Huawei's paths,
// which carry the region (vpn.<region>.myhuaweicloud.com): no rebinding
// page can use them, as their zone is Huawei's. The driver reaches the
// sandbox under such a name through a dialer that only dials loopback.
func TestSandboxHostNames(t *testing.T) {
	srv, base := newSandbox(t, nil)
	orig := transport
	t.Cleanup(func() { transport = orig })
	transport = &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, base.Host) // loopback, whatever the URL names
	}}
	_, port, _ := net.SplitHostPort(base.Host)
	unbound := map[string]string{"region": "cn-north-4", "project_id": "99999999999999999999999999999999"}

	huawei := &url.URL{Scheme: "http", Host: "vpn.cn-north-4.myhuaweicloud.com:" + port}
	inv, err := Driver{}.Inventory(context.Background(), huawei, sandbox.Keys, unbound)
	if err != nil || len(inv.VPNGateways) == 0 {
		t.Errorf("through Huawei's host name (the region from the host): %+v %v", inv, err)
	}

	for _, tc := range []struct{ host, path string }{
		{"evil.example:" + port, "/v5/" + testProject + "/vpn-gateways"},
		{"vpn.cn-north-4.myhuaweicloud.com.evil.example:" + port, "/v5/" + testProject + "/vpn-gateways"},
		{"vpn.cn-north-4.myhuaweicloud.com:" + port, "/_sandbox/info"}, // the keys only for loopback
	} {
		req, _ := http.NewRequest("GET", "http://"+tc.host+tc.path, nil)
		resp, err := transport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var e struct{ Error string }
		if resp.StatusCode != http.StatusForbidden || json.Unmarshal(b, &e) != nil || e.Error == "" {
			t.Errorf("GET %s for Host %s: %d %s, want the sandbox's 403", tc.path, tc.host, resp.StatusCode, b)
		}
	}
	if n := srv.Requests(); n < 4 {
		t.Errorf("the sandbox saw %d requests: the dialer missed it", n)
	}
}
