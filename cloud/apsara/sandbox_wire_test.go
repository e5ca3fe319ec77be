package apsara

import (
	"bytes"
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

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
	"tunnelwiz/cloud/internal/aliyun"
	"tunnelwiz/cloud/sandbox"
)

const region = "cn-qingdao-env66-d01"

// start runs a sandbox on loopback; wrap may change each request (and its
// body) before the sandbox sees it.
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

// TestSandboxSignatures: the gateway route checks the ACS3 signature the
// v7 client's generic call sends; a tampered body, an old timestamp, a
// wrong secret and a wrong key id are refused with the gateway's codes and
// create nothing.
func TestSandboxSignatures(t *testing.T) {
	target, p := spec(t, "testdata/with-psk.yaml")
	for _, c := range []struct {
		name   string
		cred   cloud.Credentials
		opts   sandbox.Options
		tamper func(r *http.Request)
		code   string
		status int
	}{
		{name: "correct", cred: sandbox.Keys},
		{name: "tampered body", cred: sandbox.Keys, code: "SignatureDoesNotMatch", status: 400, tamper: func(r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			b = bytes.Replace(b, []byte(`"10.10.1.0/24"`), []byte(`"0.0.0.0/0"`), 1)
			r.Body = io.NopCloser(bytes.NewReader(b))
		}},
		{name: "tampered header", cred: sandbox.Keys, code: "SignatureDoesNotMatch", status: 400,
			tamper: func(r *http.Request) { r.Header.Set("x-acs-organizationid", "1") }},
		{name: "expired", cred: sandbox.Keys, code: "InvalidTimeStamp.Expired", status: 400,
			opts: sandbox.Options{Now: func() time.Time { return time.Now().Add(-16 * time.Minute) }}},
		{name: "wrong secret", cred: cloud.Credentials{ID: sandbox.Keys.ID, Secret: "nope"}, code: "SignatureDoesNotMatch", status: 400},
		{name: "wrong key", cred: cloud.Credentials{ID: "someone-else", Secret: sandbox.Keys.Secret}, code: "InvalidAccessKeyId.NotFound", status: 404},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv, base := start(t, c.opts, c.tamper)
			got, err := Driver{}.Create(context.Background(), base, c.cred, target, p)
			n := len(srv.Backend().Connections(API, region, cloud.Filter{}))
			if c.code == "" {
				if err != nil || got.ID == "" || n != 1 {
					t.Fatalf("%+v %v, %d connections", got, err, n)
				}
				return
			}
			var e *cloud.APIError
			if !errors.As(err, &e) || e.VendorCode != c.code || e.Code != cloud.CodeAuth || e.HTTPStatus != c.status || e.RequestID == "" {
				t.Fatalf("got %#v (%v), want %s", e, err, c.code)
			}
			if n != 0 {
				t.Errorf("a refused request made %d connections", n)
			}
		})
	}
}

// post sends a raw, unsigned or signed-by-nobody request and decodes the
// answer.
func post(t *testing.T, u string, body string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Post(u, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var m map[string]any
	b, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s", b)
	}
	if resp.Header.Get(sandbox.Header) != "true" {
		t.Error("answer not labelled as the sandbox's")
	}
	return resp.StatusCode, m
}

// TestSandboxEnvelope: the gateway's own refusals carry the asapi fields
// only; the VPC service's carry its Code and Message too; a success has
// seed 001's RequestID beside asapiSuccess; the create answer holds the
// request id only, and the driver still returns the new id.
func TestSandboxEnvelope(t *testing.T) {
	srv, base := start(t, sandbox.Options{}, nil)
	status, m := post(t, base.String()+Path, `{}`)
	if status != 400 || m["asapiSuccess"] != false || m["asapiErrorCode"] != "IncompleteSignature" || m["asapiRequestId"] == "" || m["Code"] != nil {
		t.Errorf("%d %v", status, m)
	}

	target, p := spec(t, "testdata/with-psk.yaml")
	var answer map[string]any
	got, err := Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
	if err != nil || !strings.HasPrefix(got.ID, "vco-") || got.RequestID == "" {
		t.Fatalf("%+v %v", got, err)
	}
	held := srv.Backend().Connections(API, region, cloud.Filter{})
	if len(held) != 1 || held[0].ID != got.ID {
		t.Fatalf("%+v", held)
	}
	// The raw create answer, as the gateway sends it.
	f := aliyun.NewFrontend(roa{})
	rec := httptest.NewRecorder()
	f.D.Answer(rec, httptest.NewRequest("POST", Path, nil), "R-1", f.D.Created(&held[0]))
	if err := json.Unmarshal(rec.Body.Bytes(), &answer); err != nil {
		t.Fatal(err)
	}
	if len(answer) != 3 || answer["RequestID"] != "R-1" || answer["asapiSuccess"] != true || answer["asapiRequestId"] != "R-1" {
		t.Errorf("create answer %v", answer)
	}

	_, err = Driver{}.Connection(context.Background(), base, sandbox.Keys, target, "vco-nope")
	var e *cloud.APIError
	if !errors.As(err, &e) || e.VendorCode != "InvalidVpnConnectionInstanceId.NotFound" || e.Code != cloud.CodeNotFound || e.HTTPStatus != 404 {
		t.Errorf("%v", err)
	}
	rec = httptest.NewRecorder()
	f.Fail(rec, httptest.NewRequest("POST", Path, nil), &sandbox.Refusal{Code: cloud.CodeUnavailable, Reason: sandbox.ReasonInternal, Message: "boom"})
	var fail map[string]any
	json.Unmarshal(rec.Body.Bytes(), &fail)
	if rec.Code != 500 || fail["resultCode"] != float64(-1) || fail["Code"] != "InternalError" || fail["asapiErrorCode"] != "InternalError" {
		t.Errorf("%d %v", rec.Code, fail)
	}
}

// TestSeedClientToken: seed 001 pins a ClientToken, so submitting it twice
// is one request sent twice: one connection, the same id.
func TestSeedClientToken(t *testing.T) {
	srv, base := start(t, sandbox.Options{}, nil)
	target, p := spec(t, "testdata/seed.yaml")
	a, err := Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
	if err != nil || b.ID != a.ID || len(srv.Backend().Connections(API, region, cloud.Filter{})) != 1 {
		t.Fatalf("%+v %+v %v", a, b, err)
	}
	q := p.Clone()
	q.Set("RemoteSubnet", "10.10.9.0/24")
	_, err = Driver{}.Create(context.Background(), base, sandbox.Keys, target, q)
	if cloud.CodeOf(err) != cloud.CodeConflict {
		t.Errorf("same token, other parameters: %v", err)
	}
}

func TestSandboxLookups(t *testing.T) {
	_, base := start(t, sandbox.Options{Settle: time.Hour}, nil)
	target, p := spec(t, "../../examples/apsara.yaml")
	inv, err := Driver{}.Inventory(context.Background(), base, sandbox.Keys, target)
	if err != nil || len(inv.VPCs) != 2 || len(inv.VPNGateways) != 3 || len(inv.CustomerGateways) != 3 {
		t.Fatalf("%+v %v", inv, err)
	}
	c, err := Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Driver{}.Connection(context.Background(), base, sandbox.Keys, target, c.ID)
	if err != nil || got.Phase != cloud.PhasePending || got.Name != "qd-to-dc1" || got.Settings[cloud.RoleIKEDHGroup] != "group14" ||
		got.Settings[cloud.RoleIPsecLifetime] != "3600" || got.Settings[cloud.RoleVPNGateway] != "vpn-bp1q8bgx4xnkm2k3l4m5" {
		t.Errorf("%+v %v", got, err)
	}
	list, err := Driver{}.Connections(context.Background(), base, sandbox.Keys, target, cloud.Filter{Name: "qd-to-dc1"})
	if err != nil || len(list) != 1 {
		t.Errorf("%+v %v", list, err)
	}
	list, err = Driver{}.Connections(context.Background(), base, sandbox.Keys, target, cloud.Filter{Name: "other"})
	if err != nil || len(list) != 0 {
		t.Errorf("%+v %v", list, err)
	}
}

// TestContextCancelsInFlight: CallApiWithCtx stops when the caller's
// context ends.
func TestContextCancelsInFlight(t *testing.T) {
	srv, base := start(t, sandbox.Options{}, nil)
	if err := srv.Inject(sandbox.Fault{Kind: sandbox.Latency, Delay: time.Minute}); err != nil {
		t.Fatal(err)
	}
	target, p := spec(t, "testdata/with-psk.yaml")
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	began := time.Now()
	if _, err := (Driver{}).Create(ctx, base, sandbox.Keys, target, p); !errors.Is(err, context.DeadlineExceeded) || time.Since(began) > 10*time.Second {
		t.Errorf("%v after %v", err, time.Since(began))
	}
}
