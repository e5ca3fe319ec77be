package apsara

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
	"tunnelwiz/cloud/sandbox"
)

// TestSandboxSwappedBodyRefused: ACS3 covers the JSON body through
// x-acs-content-sha256, so a body swapped under a valid signature is
// refused even when the swapper leaves the header as signed, and nothing
// is made.
func TestSandboxSwappedBodyRefused(t *testing.T) {
	target, p := spec(t, "testdata/with-psk.yaml")
	swapped := false
	srv, base := start(t, sandbox.Options{}, func(r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/CreateVpnConnection") {
			swapped = drivertest.SwapBody(r, "10.10.1.0/24", "10.66.0.0/16")
		}
	})
	_, err := Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
	if !swapped {
		t.Fatal("the create body has no remote subnet to swap")
	}
	var e *cloud.APIError
	if !errors.As(err, &e) || e.VendorCode != "SignatureDoesNotMatch" || e.Code != cloud.CodeAuth {
		t.Errorf("want SignatureDoesNotMatch, got %v", err)
	}
	if n := len(srv.Backend().Connections(API, region, cloud.Filter{})); n != 0 {
		t.Errorf("the swapped body made %d connections", n)
	}
}

// TestSandboxReplayedNonceRefused: the exact signed create sent a second
// time inside the x-acs-date window is refused by the gateway with
// SignatureNonceUsed (HTTP 400); one connection exists.
func TestSandboxReplayedNonceRefused(t *testing.T) {
	target, p := spec(t, "testdata/with-psk.yaml")
	rc := &drivertest.Recorder{}
	srv, base := start(t, sandbox.Options{}, rc.Wrap)
	if _, err := (Driver{}).Create(context.Background(), base, sandbox.Keys, target, p); err != nil {
		t.Fatal(err)
	}
	status, body := drivertest.Resend(t, base, rc.Last(t, drivertest.IsPost("/CreateVpnConnection")))
	var m map[string]any
	json.Unmarshal(body, &m)
	if status != http.StatusBadRequest || m["asapiErrorCode"] != "SignatureNonceUsed" || m["asapiSuccess"] != false {
		t.Errorf("replayed create: HTTP %d %s, want 400 SignatureNonceUsed", status, body)
	}
	if n := len(srv.Backend().Connections(API, region, cloud.Filter{})); n != 1 {
		t.Errorf("%d connections after the replay, want 1", n)
	}
}
