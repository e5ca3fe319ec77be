package tencent

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

// serve answers every request with body and counts the requests.
func serve(t *testing.T, body string, seen func(r *http.Request, b []byte)) (*url.URL, *int32) {
	t.Helper()
	var n int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt32(&n, 1)
		b, _ := io.ReadAll(r.Body)
		if seen != nil {
			seen(r, b)
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	return u, &n
}

func seedParams(t *testing.T) (map[string]string, cloud.Params) {
	s := drivertest.LoadSeed(t, "testdata/seed.yaml")
	p, issues := Driver{}.Catalog().Check(s)
	if issues.Errors() > 0 {
		t.Fatal(issues)
	}
	return s.Target, p
}

func TestCreateSuccess(t *testing.T) {
	target, p := seedParams(t)
	base, n := serve(t, `{"Response":{"VpnConnection":{"VpnConnectionId":"vpnx-12ds042","State":"PENDING"},`+
		`"RequestId":"74883e1b-5901-46de-ae1e-d6e2cf591c5b"}}`, func(r *http.Request, b []byte) {
		if r.Method != "POST" || r.URL.Path != "/" {
			t.Errorf("%s %s, want POST /", r.Method, r.URL.Path)
		}
		if a := r.Header.Get("Authorization"); !strings.HasPrefix(a, "TC3-HMAC-SHA256 Credential=AKID/") {
			t.Errorf("authorization %q", a)
		}
		if tok := r.Header.Get("X-TC-Token"); tok != "session-token" {
			t.Errorf("X-TC-Token %q", tok)
		}
		if !strings.Contains(string(b), `"PreShareKey":"654321"`) {
			t.Errorf("body lacks the key: %s", b)
		}
	})
	got, err := Driver{}.Create(context.Background(), base, cloud.Credentials{ID: "AKID", Secret: "s", Token: "session-token"}, target, p)
	if err != nil {
		t.Fatal(err)
	}
	want := cloud.Created{ID: "vpnx-12ds042", RequestID: "74883e1b-5901-46de-ae1e-d6e2cf591c5b", State: "PENDING"}
	if *got != want {
		t.Errorf("got %+v, want %+v", *got, want)
	}
	if *n != 1 {
		t.Errorf("%d requests, want 1", *n)
	}
}

func TestCreateErrorKeepsVendorFields(t *testing.T) {
	target, p := seedParams(t)
	for _, tc := range []struct {
		code  string
		want  cloud.Code
		field string
	}{
		{"InvalidParameterValue.VpnConnSpdCidrConflict", cloud.CodeConflict, "SecurityPolicyDatabases"},
		{"LimitExceeded", cloud.CodeQuota, ""},
		{"RequestLimitExceeded", cloud.CodeThrottled, ""},
	} {
		base, n := serve(t, `{"Response":{"Error":{"Code":"`+tc.code+`","Message":"no way"},"RequestId":"req-1"}}`, nil)
		_, err := Driver{}.Create(context.Background(), base, cloud.Credentials{ID: "AKID", Secret: "s"}, target, p)
		var e *cloud.APIError
		if !errors.As(err, &e) {
			t.Fatalf("%s: error %T %v, want *cloud.APIError", tc.code, err, err)
		}
		want := cloud.APIError{Vendor: "tencent", Code: tc.want, VendorCode: tc.code, Message: "no way",
			RequestID: "req-1", HTTPStatus: 200, Field: tc.field}
		if *e != want {
			t.Errorf("got %+v, want %+v", *e, want)
		}
		if !strings.Contains(e.Error(), tc.code) || !strings.Contains(e.Error(), "req-1") {
			t.Errorf("message %q", e.Error())
		}
		if *n != 1 {
			t.Errorf("%s: %d requests: a create must never be retried", tc.code, *n)
		}
	}
}

// TestCreateHTTPFailureIsUnavailable: a 5xx without Tencent's envelope (a
// proxy's error page) is the SDK's ClientError, mapped by its status.
func TestCreateHTTPFailureIsUnavailable(t *testing.T) {
	target, p := seedParams(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "bad gateway", http.StatusBadGateway)
	}))
	defer srv.Close()
	base, _ := url.Parse(srv.URL)
	_, err := Driver{}.Create(context.Background(), base, cloud.Credentials{ID: "a", Secret: "b"}, target, p)
	var e *cloud.APIError
	if !errors.As(err, &e) || !strings.HasPrefix(e.VendorCode, "ClientError.") || e.HTTPStatus != 502 ||
		e.Code != cloud.CodeUnavailable || !cloud.Lost(err) {
		t.Fatalf("got %#v", err)
	}
}

// TestCreateBasePath: a base with a path is requested at that path plus the
// "/" the SDK posts to, which is the URL Plan previews for such an endpoint.
func TestCreateBasePath(t *testing.T) {
	target, p := seedParams(t)
	var path string
	base, _ := serve(t, `{"Response":{"VpnConnection":{"VpnConnectionId":"vpnx-1"},"RequestId":"r"}}`, func(r *http.Request, _ []byte) { path = r.URL.Path })
	base.Path = "/proxy"
	if _, err := (Driver{}).Create(context.Background(), base, cloud.Credentials{ID: "a", Secret: "b"}, target, p); err != nil {
		t.Fatal(err)
	}
	if path != "/proxy/" {
		t.Errorf("path %q, want /proxy/", path)
	}
}

func TestBuildRequestRejectsUnknownNames(t *testing.T) {
	if _, err := buildRequest(cloud.Params{"NotAParameter": "x"}); err == nil {
		t.Fatal("unknown top-level name accepted by the SDK request")
	}
}

func TestEndpointRejectsBadOverride(t *testing.T) {
	if _, err := (Driver{}).Endpoint(map[string]string{"region": "ap-guangzhou", "endpoint": "ftp://x"}); err == nil {
		t.Fatal("ftp endpoint accepted")
	}
}
