package huawei

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
)

// The seed's answer to the static example (status 201).
const seedAnswer201 = `{ "vpn_connection": { "id": "98c5af8a-6ee2-4482-99a2-ae2280a6f4c3", "name": "vpn-b2cb", "vgw_id": "b32d91a4-demo-a8df-va86-e907174eb11d", "vgw_ip": "0c464dad-demo-a8df-va86-c22bb0eb0bde", "style": "STATIC", "cgw_id": "5247ae10-demo-a8df-va86-dd36659a7f5d", "peer_subnets": ["192.168.44.0/24"], "tunnel_local_address": "169.254.56.225/30", "tunnel_peer_address": "169.254.56.226/30", "enable_nqa": false, "ikepolicy": { "ike_version": "v2", "authentication_algorithm": "sha2-256", "encryption_algorithm": "aes-128", "dh_group": "group15", "authentication_method": "pre-share", "lifetime_seconds": 86400, "local_id_type": "ip", "local_id": "10.***.***.134", "peer_id_type": "ip", "peer_id": "88.***.***.164", "dpd": { "timeout": 15, "interval": 30, "msg": "seq-hash-notify" } }, "ipsecpolicy": { "authentication_algorithm": "sha2-256", "encryption_algorithm": "aes-128", "pfs": "group15", "transform_protocol": "esp", "lifetime_seconds": 3600, "encapsulation_mode": "tunnel" }, "created_at": "2022-11-26T13:41:34.626Z", "updated_at": "2022-11-26T13:41:34.626Z", "enterprise_project_id": "0", "ha_role":"master" }, "request_id": "f91082d4-6d49-479c-ad1d-4e552a9f5cae" }`

var testCred = cloud.Credentials{ID: "TESTAKID", Secret: "test-secret-key"}

// fakeVPN answers every request with status and body, counting requests.
func fakeVPN(t *testing.T, status int, body string, check func(r *http.Request, body []byte)) (*url.URL, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		b, _ := io.ReadAll(r.Body)
		if check != nil {
			check(r, b)
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", "req-0001")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	return u, &n
}

func seedParams(t *testing.T) (*cloud.Spec, cloud.Params) {
	spec := drivertest.LoadSeed(t, "testdata/seed.yaml")
	ps, issues := catalog().Check(drivertest.Clone(spec))
	if issues.Errors() > 0 {
		t.Fatal(issues)
	}
	return spec, ps
}

func TestCreateSendsThroughSDK(t *testing.T) {
	spec, ps := seedParams(t)
	base, n := fakeVPN(t, http.StatusCreated, seedAnswer201, func(r *http.Request, body []byte) {
		if r.Method != http.MethodPost || r.URL.Path != "/v5/"+testProject+"/vpn-connection" {
			t.Errorf("%s %s", r.Method, r.URL.Path)
		}
		if r.Header.Get("X-Project-Id") != testProject {
			t.Errorf("X-Project-Id %q", r.Header.Get("X-Project-Id"))
		}
		if a := r.Header.Get("Authorization"); !strings.HasPrefix(a, "SDK-HMAC-SHA256 Access=TESTAKID") {
			t.Errorf("Authorization %q", a)
		}
		if r.Header.Get("X-Sdk-Date") == "" {
			t.Error("no X-Sdk-Date")
		}
		if !strings.Contains(string(body), `"psk":"`+testPSK+`"`) {
			t.Errorf("body without the key: %s", body)
		}
	})
	got, err := Driver{}.Create(context.Background(), base, testCred, spec.Target, ps)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "98c5af8a-6ee2-4482-99a2-ae2280a6f4c3" || got.RequestID != "f91082d4-6d49-479c-ad1d-4e552a9f5cae" {
		t.Errorf("created %+v", got)
	}
	if n.Load() != 1 {
		t.Errorf("%d requests", n.Load())
	}
}

func TestCreateMapsErrorsAndNeverRetries(t *testing.T) {
	spec, ps := seedParams(t)
	for status, want := range map[int]cloud.Code{
		400: cloud.CodeNotFound, // VPN.0001 whose message says "not found"
		409: cloud.CodeConflict,
		500: cloud.CodeUnavailable,
		503: cloud.CodeUnavailable,
	} {
		base, n := fakeVPN(t, status, `{"error_code":"VPN.0001","error_msg":"invalid request: vgw not found"}`, nil)
		_, err := Driver{}.Create(context.Background(), base, testCred, spec.Target, ps)
		var e *cloud.APIError
		if !errors.As(err, &e) {
			t.Fatalf("%d: error %T %v, want *cloud.APIError", status, err, err)
		}
		if e.HTTPStatus != status || e.VendorCode != "VPN.0001" || e.Message != "invalid request: vgw not found" ||
			e.RequestID != "req-0001" || e.Code != want || e.Vendor != "huawei" {
			t.Errorf("%d: %+v", status, e)
		}
		for _, part := range []string{"VPN.0001", "vgw not found", "req-0001"} {
			if !strings.Contains(e.Error(), part) {
				t.Errorf("%q lacks %q", e.Error(), part)
			}
		}
		if n.Load() != 1 {
			t.Errorf("%d: %d requests: a create must not be retried", status, n.Load())
		}
	}
}

func TestCreateRefusesBeforeSending(t *testing.T) {
	spec, ps := seedParams(t)
	base, n := fakeVPN(t, http.StatusCreated, seedAnswer201, nil)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	noProject := map[string]string{"region": "cn-north-4"}
	for name, call := range map[string]func() error{
		"no keys": func() error {
			_, err := Driver{}.Create(context.Background(), base, cloud.Credentials{}, spec.Target, ps)
			return err
		},
		"no secret": func() error {
			_, err := Driver{}.Create(context.Background(), base, cloud.Credentials{ID: "x"}, spec.Target, ps)
			return err
		},
		"no project": func() error {
			_, err := Driver{}.Create(context.Background(), base, testCred, noProject, ps)
			return err
		},
		"no body": func() error {
			_, err := Driver{}.Create(context.Background(), base, testCred, spec.Target, cloud.Params{})
			return err
		},
		"cancelled": func() error { _, err := Driver{}.Create(cancelled, base, testCred, spec.Target, ps); return err },
	} {
		if call() == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if n.Load() != 0 {
		t.Errorf("%d requests sent", n.Load())
	}
}

func TestEndpoint(t *testing.T) {
	for _, tc := range []struct {
		target map[string]string
		want   string
	}{
		{map[string]string{"region": "ap-southeast-1"}, "https://vpn.ap-southeast-1.myhuaweicloud.com"},
		{map[string]string{"region": "cn-north-4", "endpoint": "http://127.0.0.1:8080/"}, "http://127.0.0.1:8080"},
		{map[string]string{"region": "x/y"}, ""},
		{map[string]string{"region": ""}, ""},
		{map[string]string{"region": "cn-north-4", "endpoint": "https://vpn.example.com/v5"}, ""},
	} {
		u, err := Driver{}.Endpoint(tc.target)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("%v: want an error, got %s", tc.target, u)
		case tc.want != "" && (err != nil || u.String() != tc.want):
			t.Errorf("%v: got %v %v, want %s", tc.target, u, err, tc.want)
		}
	}
}
