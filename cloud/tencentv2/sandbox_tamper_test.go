package tencentv2

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

// isCreate: every call is a form POST to one path; the create is the one
// whose Action is AddVpnConnEx.
func isCreate(body []byte) bool {
	form, err := url.ParseQuery(string(body))
	return err == nil && form.Get("Action") == Action
}

// TestSandboxSwappedBodyRefused: the API 2.0 signature covers every
// parameter, the form body's included, so a body swapped under a valid
// signature is refused with 4100 and makes nothing.
func TestSandboxSwappedBodyRefused(t *testing.T) {
	target, p := seedParams(t)
	swapped := false
	srv, base := drivertest.StartSandbox(t, sandbox.Options{}, func(r *http.Request) {
		if isCreate(drivertest.PeekBody(r)) {
			swapped = drivertest.SwapBody(r, "10.56.20.1%2F24", "10.66.0.0%2F16")
		}
	})
	_, err := Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
	if !swapped {
		t.Fatal("the create body has no customer CIDR to swap")
	}
	var ae *cloud.APIError
	if !errors.As(err, &ae) || ae.Code != cloud.CodeAuth || !strings.Contains(ae.Message, "code 4100") {
		t.Errorf("want code 4100 (auth), got %v", err)
	}
	if n := len(srv.Backend().Connections(catalog().API, "gz", cloud.Filter{})); n != 0 {
		t.Errorf("the swapped body made %d connections", n)
	}
}

// TestSandboxReplayedNonceRefused: the exact signed create sent a second
// time, inside the Timestamp window, is refused with API 2.0's replay
// code 4500, and the sandbox still holds one connection.
func TestSandboxReplayedNonceRefused(t *testing.T) {
	target, p := seedParams(t)
	rc := &drivertest.Recorder{}
	srv, base := drivertest.StartSandbox(t, sandbox.Options{}, rc.Wrap)
	if _, err := (Driver{}).Create(context.Background(), base, sandbox.Keys, target, p); err != nil {
		t.Fatal(err)
	}
	status, body := drivertest.Resend(t, base, rc.Last(t, func(r drivertest.Recorded) bool { return isCreate(r.Body) }))
	var a answer
	if err := json.Unmarshal(body, &a); err != nil {
		t.Fatalf("not an API 2.0 envelope: %s", body)
	}
	if status != http.StatusOK || a.Code != "4500" || a.CodeDesc != "InvalidRequest.ReplayAttack" || !strings.Contains(a.Message, "Nonce") {
		t.Errorf("replayed create: HTTP %d %+v, want code 4500 InvalidRequest.ReplayAttack", status, a)
	}
	if n := len(srv.Backend().Connections(catalog().API, "gz", cloud.Filter{})); n != 1 {
		t.Errorf("%d connections after the replay, want 1", n)
	}
}
