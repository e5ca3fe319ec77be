package tencentv2

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
	"tunnelwiz/cloud/sandbox"
)

// startSandbox serves a fresh sandbox on loopback.
func startSandbox(t *testing.T, o sandbox.Options) (*sandbox.Server, *url.URL) {
	t.Helper()
	return drivertest.StartSandbox(t, o, nil)
}

// nonces makes each signed request's Nonce its own: the sandbox refuses
// a Nonce used before (4500).
var nonces atomic.Int64

// signed builds DescribeVpcEx's common parameters, signed as the API 2.0
// recipe says for method and host.
func signed(t *testing.T, method, host, sigMethod string, cred cloud.Credentials, ts time.Time) url.Values {
	t.Helper()
	q := url.Values{"Action": {"DescribeVpcEx"}, "Region": {"gz"}, "SecretId": {cred.ID}, "SignatureMethod": {sigMethod},
		"Timestamp": {strconv.FormatInt(ts.Unix(), 10)}, "Nonce": {strconv.FormatInt(48151623+nonces.Add(1), 10)}, "vpcId": {"vpc-amhnnao5"}}
	sig, err := Sign(method, host, Path, q, cred.Secret, sigMethod)
	if err != nil {
		t.Fatal(err)
	}
	q.Set(SignatureParam, sig)
	return q
}

type answer struct {
	Status   int
	Code     json.Number `json:"code"`
	CodeDesc string      `json:"codeDesc"`
	Message  string      `json:"message"`
}

// send posts (or gets) the parameters and reads the envelope.
func send(t *testing.T, base *url.URL, method string, q url.Values) answer {
	t.Helper()
	u := *base
	u.Path = Path
	var req *http.Request
	if method == http.MethodGet {
		u.RawQuery = q.Encode()
		req, _ = http.NewRequest(method, u.String(), nil)
	} else {
		req, _ = http.NewRequest(method, u.String(), strings.NewReader(q.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var a answer
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatalf("not an API 2.0 envelope: %s", b)
	}
	if resp.Header.Get(sandbox.Header) == "" {
		t.Error("answer not labelled as the sandbox's")
	}
	a.Status = resp.StatusCode
	return a
}

// TestSandboxSignature: the frontend accepts a correct signature (both
// methods, POST and GET) and refuses a tampered one, a tampered parameter,
// another host's signature, an expired or future timestamp, an unknown key
// id and a wrong secret, each with API 2.0's own code.
func TestSandboxSignature(t *testing.T) {
	now := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)
	_, base := startSandbox(t, sandbox.Options{Now: func() time.Time { return now }})
	keys := sandbox.Keys
	for _, m := range []string{HmacSHA256, HmacSHA1} {
		for _, verb := range []string{http.MethodPost, http.MethodGet} {
			if a := send(t, base, verb, signed(t, verb, base.Host, m, keys, now)); a.Code != "0" || a.CodeDesc != "Success" {
				t.Errorf("%s %s: correct signature refused: %+v", verb, m, a)
			}
		}
	}
	cases := []struct {
		name     string
		q        func() url.Values
		code     string
		codeDesc string
	}{
		{"tampered signature", func() url.Values {
			q := signed(t, "POST", base.Host, HmacSHA256, keys, now)
			sig := []byte(q.Get(SignatureParam))
			sig[3] ^= 1
			q.Set(SignatureParam, string(sig))
			return q
		}, "4100", "AuthFailure.SignatureFailure"},
		{"tampered parameter", func() url.Values {
			q := signed(t, "POST", base.Host, HmacSHA256, keys, now)
			q.Set("vpcId", "vpc-03vihbk9")
			return q
		}, "4100", "AuthFailure.SignatureFailure"},
		{"signed as GET, sent as POST", func() url.Values { return signed(t, "GET", base.Host, HmacSHA256, keys, now) }, "4100", "AuthFailure.SignatureFailure"},
		{"signed for the real host", func() url.Values { return signed(t, "POST", Host, HmacSHA1, keys, now) }, "4100", "AuthFailure.SignatureFailure"},
		{"wrong secret", func() url.Values {
			return signed(t, "POST", base.Host, HmacSHA256, cloud.Credentials{ID: keys.ID, Secret: "not-it"}, now)
		}, "4100", "AuthFailure.SignatureFailure"},
		{"unknown key id", func() url.Values {
			return signed(t, "POST", base.Host, HmacSHA256, cloud.Credentials{ID: "AKIDsomeoneelse", Secret: keys.Secret}, now)
		}, "4104", "AuthFailure.SecretIdNotFound"},
		{"expired timestamp", func() url.Values { return signed(t, "POST", base.Host, HmacSHA256, keys, now.Add(-16*time.Minute)) }, "4500", "AuthFailure.SignatureExpire"},
		{"future timestamp", func() url.Values { return signed(t, "POST", base.Host, HmacSHA256, keys, now.Add(16*time.Minute)) }, "4500", "AuthFailure.SignatureExpire"},
		{"no signature", func() url.Values {
			q := signed(t, "POST", base.Host, HmacSHA256, keys, now)
			q.Del(SignatureParam)
			return q
		}, "4000", "InvalidParameter"},
		{"unknown signature method", func() url.Values {
			q := signed(t, "POST", base.Host, HmacSHA256, keys, now)
			q.Set("SignatureMethod", "HmacMD5")
			return q
		}, "4000", "InvalidParameter"},
	}
	for _, c := range cases {
		a := send(t, base, http.MethodPost, c.q())
		if string(a.Code) != c.code || a.CodeDesc != c.codeDesc || a.Status != 200 || a.Message == "" {
			t.Errorf("%s: got %+v, want code %s %s", c.name, a, c.code, c.codeDesc)
		}
	}
	// Within the window is fine.
	if a := send(t, base, http.MethodPost, signed(t, "POST", base.Host, HmacSHA256, keys, now.Add(-14*time.Minute))); a.Code != "0" {
		t.Errorf("a 14-minute-old timestamp refused: %+v", a)
	}
}

// TestSandboxAuthThroughDriver: the driver maps each auth refusal of the
// sandbox onto cloud.CodeAuth, and a clock 20 minutes off is refused.
func TestSandboxAuthThroughDriver(t *testing.T) {
	_, base := startSandbox(t, sandbox.Options{Now: func() time.Time { return time.Now().Add(20 * time.Minute) }})
	target, p := seedParams(t)
	_, err := Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
	var ae *cloud.APIError
	if !errors.As(err, &ae) || ae.Code != cloud.CodeAuth || ae.VendorCode != "AuthFailure.SignatureExpire" || !strings.Contains(ae.Message, "code 4500") {
		t.Errorf("skewed clock: %#v", err)
	}
	_, base = startSandbox(t, sandbox.Options{})
	for _, cred := range []cloud.Credentials{{ID: "AKIDother", Secret: sandbox.Keys.Secret}, {ID: sandbox.Keys.ID, Secret: "wrong"}} {
		_, err := Driver{}.Inventory(context.Background(), base, cred, target)
		if cloud.CodeOf(err) != cloud.CodeAuth {
			t.Errorf("%s: %v", cred.ID, err)
		}
	}
}
