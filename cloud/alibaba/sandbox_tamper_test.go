package alibaba

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
	"tunnelwiz/cloud/sandbox"
)

// signatureStyles are the two ways a request reaches the sandbox signed.
var signatureStyles = []struct {
	name   string
	create func(context.Context, *url.URL, cloud.Credentials, map[string]string, cloud.Params) (string, error)
}{{"ACS3-HMAC-SHA256", acs3Create}, {"RPC-HMAC-SHA1", rpcCreate}}

// isCreate: the action is named in the query (RPC) or a header (ACS3).
func isCreate(query string, h http.Header) bool {
	q, _ := url.ParseQuery(query)
	return q.Get("Action") == "CreateVpnConnection" || h.Get("x-acs-action") == "CreateVpnConnection"
}

// TestSandboxSwappedBodyRefused: the dual-tunnel spec sends its tunnels
// in the form body; both signatures cover it (ACS3 through
// x-acs-content-sha256, RPC as parameters), so a body swapped under a
// valid signature is refused and makes nothing.
func TestSandboxSwappedBodyRefused(t *testing.T) {
	target, p := spec(t, "testdata/dual-tunnel.yaml")
	for _, style := range signatureStyles {
		t.Run(style.name, func(t *testing.T) {
			swapped := false
			srv, base := start(t, sandbox.Options{}, func(r *http.Request) {
				if isCreate(r.URL.RawQuery, r.Header) {
					swapped = drivertest.SwapBody(r, "tw-tunnel1-Kx81", "tw-attack1-Kx81") // the first tunnel's key
				}
			})
			_, err := style.create(context.Background(), base, sandbox.Keys, target, p)
			if !swapped {
				t.Fatal("the create body has no tunnel key to swap")
			}
			var e *cloud.APIError
			if !errors.As(err, &e) || e.VendorCode != "SignatureDoesNotMatch" || e.Code != cloud.CodeAuth {
				t.Errorf("want SignatureDoesNotMatch, got %v", err)
			}
			if n := len(srv.Backend().Connections(API, "cn-hangzhou", cloud.Filter{})); n != 0 {
				t.Errorf("the swapped body made %d connections", n)
			}
		})
	}
}

// TestSandboxReplayedNonceRefused: the exact signed create sent a second
// time inside the timestamp window is refused with Alibaba's
// SignatureNonceUsed (HTTP 400), for SignatureNonce (RPC) and
// x-acs-signature-nonce (ACS3) alike; one connection exists.
func TestSandboxReplayedNonceRefused(t *testing.T) {
	target, p := spec(t, "testdata/seed.yaml")
	for _, style := range signatureStyles {
		t.Run(style.name, func(t *testing.T) {
			rc := &drivertest.Recorder{}
			srv, base := start(t, sandbox.Options{}, rc.Wrap)
			if _, err := style.create(context.Background(), base, sandbox.Keys, target, p); err != nil {
				t.Fatal(err)
			}
			create := rc.Last(t, func(r drivertest.Recorded) bool {
				_, q, _ := strings.Cut(r.RequestURI, "?")
				return isCreate(q, r.Header)
			})
			status, body := drivertest.Resend(t, base, create)
			var m map[string]any
			json.Unmarshal(body, &m)
			if status != http.StatusBadRequest || m["Code"] != "SignatureNonceUsed" || m["Message"] == nil {
				t.Errorf("replayed create: HTTP %d %s, want 400 SignatureNonceUsed", status, body)
			}
			if n := len(srv.Backend().Connections(API, target["region"], cloud.Filter{})); n != 1 {
				t.Errorf("%d connections after the replay, want 1", n)
			}
		})
	}
}
