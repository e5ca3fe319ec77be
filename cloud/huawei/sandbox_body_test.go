package huawei

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
	"tunnelwiz/cloud/sandbox"
)

// TestSandboxHashesTheBodyItReceived: a body swapped under a valid
// signature is refused even when the swapper adds X-Sdk-Content-Sha256
// with the hash of the body the client signed (the header is not among
// the SDK's signed headers when the SDK did not send it), and no
// connection to the swapped-in subnet is made.
func TestSandboxHashesTheBodyItReceived(t *testing.T) {
	spec, ps := seedParams(t)
	swapped := false
	srv, base := drivertest.StartSandbox(t, sandbox.Options{Seed: 7}, func(r *http.Request) {
		if r.Method != http.MethodPost {
			return
		}
		b := drivertest.PeekBody(r)
		swapped = drivertest.SwapBody(r, "192.168.44.0/24", "10.66.0.0/16")
		r.Header.Set("X-Sdk-Content-Sha256", hexSHA256(b)) // the signed body's hash
	})
	_, err := Driver{}.Create(context.Background(), base, sandbox.Keys, spec.Target, ps)
	if !swapped {
		t.Fatal("the create body has no peer subnet to swap")
	}
	wantAuthRefusal(t, err, "X-Sdk-Content-Sha256")
	if n := len(srv.Backend().Connections(API, "cn-north-4", cloud.Filter{})); n != 0 {
		t.Errorf("the swapped body made %d connections", n)
	}
}

// TestUnsignedPayloadOnlyWithoutBody: UNSIGNED-PAYLOAD is what the SDK
// signs for a non-JSON body; tunnelwiz never sends one (every call is
// application/json), so the sandbox takes it only where there is no body
// to leave unsigned, and refuses it with a body even when the signature
// over the literal is right.
func TestUnsignedPayloadOnlyWithoutBody(t *testing.T) {
	now := time.Date(2026, 11, 22, 1, 2, 3, 0, time.UTC)
	date := now.Format(dateFormat)
	signedReq := func(method, body string) *http.Request {
		r := httptest.NewRequest(method, "http://127.0.0.1:1/v5/p1/vpn-connection", bytes.NewReader([]byte(body)))
		r.Header.Set("X-Sdk-Date", date)
		r.Header.Set("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD")
		canonical := method + "\n/v5/p1/vpn-connection/\n\nx-sdk-content-sha256:UNSIGNED-PAYLOAD\nx-sdk-date:" + date +
			"\n\nx-sdk-content-sha256;x-sdk-date\nUNSIGNED-PAYLOAD"
		r.Header.Set("Authorization", sigAlgorithm+" Access="+sandbox.Keys.ID+", SignedHeaders=x-sdk-content-sha256;x-sdk-date, Signature="+
			sign(canonical, date, sandbox.Keys.Secret))
		return r
	}
	if ref := verify(signedReq(http.MethodGet, ""), nil, sandbox.Keys, now); ref != nil {
		t.Errorf("UNSIGNED-PAYLOAD without a body refused: %v", ref)
	}
	body := `{"vpn_connection":{"name":"attacker"}}`
	ref := verify(signedReq(http.MethodPost, body), []byte(body), sandbox.Keys, now)
	if ref == nil || ref.Code != cloud.CodeAuth || ref.Reason != sandbox.ReasonAuth {
		t.Errorf("UNSIGNED-PAYLOAD with a body accepted: %v", ref)
	}
}
