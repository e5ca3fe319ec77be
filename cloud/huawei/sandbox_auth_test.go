package huawei

import (
	"bytes"
	"context"
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
	"tunnelwiz/cloud/sandbox"
)

// newSandbox starts a sandbox on loopback; now, when set, pins its clock.
func newSandbox(t *testing.T, now func() time.Time) (*sandbox.Server, *url.URL) {
	t.Helper()
	return drivertest.StartSandbox(t, sandbox.Options{Seed: 7, Now: now}, nil)
}

// tamper makes the driver's requests pass through change after the SDK
// signed them.
func tamper(t *testing.T, change func(r *http.Request)) {
	t.Helper()
	orig := transport
	transport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
		change(r)
		return orig.RoundTrip(r)
	})
	t.Cleanup(func() { transport = orig })
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func wantAuthRefusal(t *testing.T, err error, msgPart string) {
	t.Helper()
	var ae *cloud.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("want *cloud.APIError, got %T %v", err, err)
	}
	if ae.Code != cloud.CodeAuth || ae.VendorCode != "APIGW.0301" || ae.HTTPStatus != http.StatusUnauthorized ||
		ae.RequestID == "" || !strings.Contains(ae.Message, "Incorrect IAM authentication information") || !strings.Contains(ae.Message, msgPart) {
		t.Errorf("refusal %+v, want APIGW.0301 401 with %q", ae, msgPart)
	}
}

func TestSandboxSignature(t *testing.T) {
	spec, ps := seedParams(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		cred    cloud.Credentials
		clock   func() time.Time
		change  func(r *http.Request)
		msgPart string
	}{
		{name: "wrong key id", cred: cloud.Credentials{ID: "SOMEONEELSE", Secret: sandbox.Keys.Secret}, msgPart: "ak:SOMEONEELSE,err:ak not exist"},
		{name: "wrong secret", cred: cloud.Credentials{ID: sandbox.Keys.ID, Secret: "not-the-secret"}, msgPart: "verify aksk signature fail"},
		{name: "clock 16 minutes ahead", cred: sandbox.Keys, clock: func() time.Time { return time.Now().Add(16 * time.Minute) }, msgPart: "signature expired"},
		{name: "clock 16 minutes behind", cred: sandbox.Keys, clock: func() time.Time { return time.Now().Add(-16 * time.Minute) }, msgPart: "signature expired"},
		{name: "body changed after signing", cred: sandbox.Keys, msgPart: "verify aksk signature fail", change: func(r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			b = bytes.Replace(b, []byte("192.168.44.0/24"), []byte("192.168.45.0/24"), 1)
			r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(b)), int64(len(b))
		}},
		{name: "trailing newline dropped", cred: sandbox.Keys, msgPart: "verify aksk signature fail", change: func(r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			b = bytes.TrimSuffix(b, []byte("\n"))
			r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(b)), int64(len(b))
		}},
		{name: "signed header changed", cred: sandbox.Keys, msgPart: "verify aksk signature fail", change: func(r *http.Request) {
			r.Header.Set("X-Project-Id", "ffffffffffffffffffffffffffffffff")
		}},
		{name: "date changed within the window", cred: sandbox.Keys, msgPart: "verify aksk signature fail", change: func(r *http.Request) {
			r.Header.Set("X-Sdk-Date", time.Now().UTC().Add(-time.Minute).Format(dateFormat))
		}},
		{name: "signature altered", cred: sandbox.Keys, msgPart: "verify aksk signature fail", change: func(r *http.Request) {
			a := r.Header.Get("Authorization")
			last := a[len(a)-1]
			r.Header.Set("Authorization", a[:len(a)-1]+map[bool]string{true: "1", false: "0"}[last == '0'])
		}},
		{name: "no authorization", cred: sandbox.Keys, msgPart: "Authorization header", change: func(r *http.Request) {
			r.Header.Del("Authorization")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, base := newSandbox(t, tc.clock)
			if tc.change != nil {
				tamper(t, tc.change)
			}
			_, err := Driver{}.Create(ctx, base, tc.cred, spec.Target, ps)
			wantAuthRefusal(t, err, tc.msgPart)
			if n := len(srv.Backend().Connections(API, "cn-north-4", cloud.Filter{})); n != 0 {
				t.Errorf("a refused request made %d connections", n)
			}
		})
	}
	t.Run("correct signature accepted", func(t *testing.T) {
		srv, base := newSandbox(t, func() time.Time { return time.Now().Add(14 * time.Minute) })
		got, err := Driver{}.Create(ctx, base, sandbox.Keys, spec.Target, ps)
		if err != nil || got.ID == "" || got.RequestID == "" {
			t.Fatalf("%+v %v", got, err)
		}
		if n := len(srv.Backend().Connections(API, "cn-north-4", cloud.Filter{})); n != 1 {
			t.Errorf("%d connections, want 1", n)
		}
	})
	t.Run("query string signed as the SDK signs it", func(t *testing.T) {
		_, base := newSandbox(t, nil)
		// Characters the canonical query escapes: the SDK and the sandbox
		// must agree on every one of them.
		odd := "a b/c:d+e&f=g~h.i_j-k%l"
		conns, err := Driver{}.Connections(ctx, base, sandbox.Keys, spec.Target, cloud.Filter{VPNGatewayID: odd})
		if err != nil || len(conns) != 0 {
			t.Errorf("%v %v", conns, err)
		}
	})
}

// TestSignMatchesSDKRecipe pins the recipe on a hand-made request: the
// canonical request's layout, including the URI's trailing slash and the
// body's trailing newline.
func TestSignMatchesSDKRecipe(t *testing.T) {
	body := []byte("{\"a\":1}\n")
	r := httptest.NewRequest(http.MethodPost, "http://vpn.cn-north-4.myhuaweicloud.com/v5/p1/vpn-connection?b=2&a=1", bytes.NewReader(body))
	r.Header.Set("X-Sdk-Date", "20261122T010203Z")
	r.Header.Set("X-Project-Id", "p1")
	got := canonicalRequest(r, hexSHA256(body), []string{"x-project-id", "x-sdk-date"})
	want := "POST\n/v5/p1/vpn-connection/\na=1&b=2\nx-project-id:p1\nx-sdk-date:20261122T010203Z\n\nx-project-id;x-sdk-date\n" + hexSHA256(body)
	if got != want {
		t.Errorf("canonical request\n%q\nwant\n%q", got, want)
	}
	if s := sign(want, "20261122T010203Z", "k"); len(s) != 64 || s == sign(want, "20261122T010203Z", "k2") {
		t.Errorf("signature %q", s)
	}
}
