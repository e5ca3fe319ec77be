package tencent

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

// newSandbox starts a sandbox on loopback; now pins its clock when given.
func newSandbox(t *testing.T, o sandbox.Options) (*sandbox.Server, *url.URL) {
	t.Helper()
	return drivertest.StartSandbox(t, o, nil)
}

// tamper makes every SDK request go through f after the SDK signed it.
func tamper(t *testing.T, f func(r *http.Request)) {
	t.Helper()
	orig := transport
	transport = roundTripper(func(r *http.Request) (*http.Response, error) {
		f(r)
		return orig.RoundTrip(r)
	})
	t.Cleanup(func() { transport = orig })
}

type roundTripper func(*http.Request) (*http.Response, error)

func (f roundTripper) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestSandboxSignature: the sandbox accepts what the SDK signs and refuses
// a tampered body, a tampered signature, a timestamp outside Tencent's
// five minutes, a wrong key id, a wrong secret and a stray token, each
// with Tencent's own code, and makes nothing for a refused request.
func TestSandboxSignature(t *testing.T) {
	target, p := seedParams(t)
	cases := []struct {
		name    string
		cred    cloud.Credentials
		skew    time.Duration // the sandbox's clock minus the client's
		tamper  func(r *http.Request)
		want    string // vendor code; "" means accepted
		message string
	}{
		{name: "correct", cred: sandbox.Keys},
		{name: "four minutes skew is inside the window", cred: sandbox.Keys, skew: 4 * time.Minute},
		{name: "body changed after signing", cred: sandbox.Keys, want: "AuthFailure.SignatureFailure", message: "could not be validated",
			tamper: func(r *http.Request) {
				b, _ := io.ReadAll(r.Body)
				b = bytes.Replace(b, []byte("TEST_CONN"), []byte("TEST_CONM"), 1)
				r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(b)), int64(len(b))
			}},
		{name: "signature changed", cred: sandbox.Keys, want: "AuthFailure.SignatureFailure", message: "could not be validated",
			tamper: func(r *http.Request) {
				a := r.Header.Get("Authorization")
				last := a[len(a)-1]
				flip := byte('0')
				if last == '0' {
					flip = '1'
				}
				r.Header.Set("Authorization", a[:len(a)-1]+string(flip))
			}},
		{name: "header the signature covers changed", cred: sandbox.Keys, want: "AuthFailure.SignatureFailure",
			tamper: func(r *http.Request) { r.Header.Set("Content-Type", "application/json; charset=utf-8") }},
		{name: "timestamp six minutes old", cred: sandbox.Keys, skew: 6 * time.Minute, want: "AuthFailure.SignatureExpire", message: "five minutes"},
		{name: "timestamp sixteen minutes old", cred: sandbox.Keys, skew: 16 * time.Minute, want: "AuthFailure.SignatureExpire"},
		{name: "timestamp six minutes ahead", cred: sandbox.Keys, skew: -6 * time.Minute, want: "AuthFailure.SignatureExpire"},
		{name: "wrong key id", cred: cloud.Credentials{ID: "AKIDnotthesandboxkey", Secret: sandbox.Keys.Secret}, want: "AuthFailure.SecretIdNotFound"},
		{name: "wrong secret", cred: cloud.Credentials{ID: sandbox.Keys.ID, Secret: "wrong"}, want: "AuthFailure.SignatureFailure"},
		{name: "token on a permanent key", cred: cloud.Credentials{ID: sandbox.Keys.ID, Secret: sandbox.Keys.Secret, Token: "t"}, want: "AuthFailure.TokenFailure"},
		{name: "no authorization", cred: sandbox.Keys, want: "AuthFailure.InvalidAuthorization",
			tamper: func(r *http.Request) { r.Header.Del("Authorization") }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			skew := tc.skew
			srv, base := newSandbox(t, sandbox.Options{Now: func() time.Time { return time.Now().Add(skew) }})
			if tc.tamper != nil {
				tamper(t, tc.tamper)
			}
			created, err := Driver{}.Create(context.Background(), base, tc.cred, target, p)
			n := len(srv.Backend().Connections("tencent", "ap-guangzhou", cloud.Filter{}))
			if tc.want == "" {
				if err != nil || created.ID == "" || n != 1 {
					t.Fatalf("refused a correct signature: %v (%d connections)", err, n)
				}
				return
			}
			var ae *cloud.APIError
			if !errors.As(err, &ae) || ae.VendorCode != tc.want || ae.Code != cloud.CodeAuth || ae.HTTPStatus != 200 || ae.RequestID == "" {
				t.Fatalf("want %s (auth, HTTP 200, a request id), got %#v", tc.want, err)
			}
			if !strings.Contains(ae.Message, tc.message) {
				t.Errorf("message %q lacks %q", ae.Message, tc.message)
			}
			if n != 0 {
				t.Errorf("a refused request made %d connections", n)
			}
		})
	}
}

// TestTC3KnownAnswer checks the sandbox's verifier against the worked
// example of Tencent's "Signature v3" document (DescribeInstances on cvm,
// timestamp 1551113065): the canonical request hash 5ffe6a04... and the
// signature 72e494ea... are the document's, not computed by the SDK.
func TestTC3KnownAnswer(t *testing.T) {
	body := `{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`
	r := httptest.NewRequest("POST", "https://cvm.tencentcloudapi.com/", strings.NewReader(body))
	r.Host = "cvm.tencentcloudapi.com"
	r.Header.Set("Content-Type", "application/json; charset=utf-8")
	r.Header.Set("X-TC-Timestamp", "1551113065")
	h, ok := parseTC3("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, " +
		"SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168")
	if !ok {
		t.Fatal("the document's Authorization header does not parse")
	}
	toSign := stringToSign(r, sha256Hex([]byte(body)), h)
	if want := "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031"; toSign != want {
		t.Fatalf("string to sign:\n%s\nwant\n%s", toSign, want)
	}
	if got := tc3Signature("Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", h.date, h.service, toSign); got != h.signature {
		t.Errorf("signature %s, want %s", got, h.signature)
	}
}

// TestSignedCreateIsTheSeedRequest: the sandbox decodes the SDK's body back
// into the params that were sent.
func TestSignedCreateIsTheSeedRequest(t *testing.T) {
	target, p := seedParams(t)
	srv, base := newSandbox(t, sandbox.Options{})
	created, err := Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
	if err != nil {
		t.Fatal(err)
	}
	c, ref := srv.Backend().Connection("tencent", "ap-guangzhou", created.ID)
	if ref != nil {
		t.Fatal(ref)
	}
	want := cloud.Params(drivertest.LoadSeed(t, "testdata/seed.yaml").Params)
	want, _ = catalog().Check(&cloud.Spec{Vendor: "tencent", Target: target, Params: want})
	for _, path := range []string{"VpnConnectionName", "PreShareKey", "IKEOptionsSpecification.DhGroupName",
		"IPSECOptionsSpecification.IntegrityAlgorith", "IPSECOptionsSpecification.PfsDhGroup", "Tags"} {
		g, _ := c.Params.Get(path)
		w, _ := want.Get(path)
		if !equalJSON(g, w) {
			t.Errorf("%s: sandbox holds %v, sent %v", path, g, w)
		}
	}
	if !strings.HasPrefix(c.ID, "vpnx-") || len(c.ID) != len("vpnx-")+8 {
		t.Errorf("id %q is not in Tencent's vpnx-xxxxxxxx style", c.ID)
	}
}
