package tencentv2

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

var testCred = cloud.Credentials{ID: "AKIDtest", Secret: "test-secret-key"}

// server answers every request with answer and hands the parsed form to
// check; it counts requests so a test can assert there was no retry.
func server(t *testing.T, status int, answer string, check func(r *http.Request, form url.Values)) (*url.URL, *int32) {
	t.Helper()
	var n int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt32(&n, 1)
		b, _ := io.ReadAll(r.Body)
		form, err := url.ParseQuery(string(b))
		if err != nil {
			t.Errorf("body is not a form: %v", err)
		}
		if check != nil {
			check(r, form)
		}
		w.WriteHeader(status)
		io.WriteString(w, answer)
	}))
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	return u, &n
}

func seedParams(t *testing.T) (map[string]string, cloud.Params) {
	s := drivertest.LoadSeed(t, "testdata/seed.yaml")
	p, issues := catalog.Check(s)
	if issues.Errors() > 0 {
		t.Fatal(issues)
	}
	return s.Target, p
}

const seedAnswer = `{"code":0,"message":"","data":{"vpnGwId":"vpngw-dystbrkv","userGwId":"cgw-e098slul","vpnConnId":0,
"taskId":12613,"vpnConnStatus":0,"preSharedKey":"dgdgd33","userGwSubnetList":["10.56.20.1/24"]}}`

func TestCreateSendsSignedForm(t *testing.T) {
	target, p := seedParams(t)
	for _, method := range []string{HmacSHA256, HmacSHA1} {
		tg := map[string]string{"region": target["region"], "signature_method": method}
		base, n := server(t, 200, seedAnswer, func(r *http.Request, form url.Values) {
			if r.Method != "POST" || r.URL.Path != Path || r.URL.RawQuery != "" {
				t.Errorf("%s %s?%s", r.Method, r.URL.Path, r.URL.RawQuery)
			}
			if ct := r.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
				t.Errorf("Content-Type %q", ct)
			}
			for k, want := range map[string]string{"Action": Action, "Region": "gz", "SecretId": testCred.ID, "SignatureMethod": method,
				"preSharedKey": "dgdgd33", "userGwCidrBlock.0": "10.56.20.1/24"} {
				if got := form.Get(k); got != want {
					t.Errorf("%s = %q, want %q", k, got, want)
				}
			}
			if form.Get("Timestamp") == "" || form.Get("Nonce") == "" || strings.HasPrefix(form.Get("Nonce"), "-") || form.Has("Token") {
				t.Errorf("common parameters: %v", form)
			}
			if err := Verify(r.Method, r.Host, r.URL.Path, form, testCred.Secret); err != nil {
				t.Errorf("%s: server-side verification: %v", method, err)
			}
		})
		c, err := Driver{}.Create(context.Background(), base, testCred, tg, p)
		if err != nil {
			t.Fatal(err)
		}
		if c.TaskID != "12613" || c.ID != "" || c.State != "creating" {
			t.Errorf("created %+v", c)
		}
		if *n != 1 {
			t.Errorf("%d requests, want 1", *n)
		}
	}
}

func TestCreateToken(t *testing.T) {
	target, p := seedParams(t)
	cred := testCred
	cred.Token = "temp-token"
	base, _ := server(t, 200, seedAnswer, func(r *http.Request, form url.Values) {
		if form.Get("Token") != "temp-token" {
			t.Errorf("Token %q", form.Get("Token"))
		}
		if err := Verify(r.Method, r.Host, r.URL.Path, form, cred.Secret); err != nil {
			t.Error(err)
		}
	})
	if _, err := (Driver{}).Create(context.Background(), base, cred, target, p); err != nil {
		t.Fatal(err)
	}
}

func TestCreateReadsConnectionID(t *testing.T) {
	target, p := seedParams(t)
	base, _ := server(t, 200, `{"code":0,"message":"","data":{"vpnConnId":399,"unVpnConnId":"vpnx-ol6bcqp0","taskId":"77"}}`, nil)
	c, err := Driver{}.Create(context.Background(), base, testCred, target, p)
	if err != nil || c.ID != "vpnx-ol6bcqp0" || c.TaskID != "77" {
		t.Errorf("%+v %v", c, err)
	}
	base, _ = server(t, 200, `{"code":0,"data":{"vpnConnId":399,"taskId":1}}`, nil)
	c, err = Driver{}.Create(context.Background(), base, testCred, target, p)
	if err != nil || c.ID != "399" {
		t.Errorf("%+v %v", c, err)
	}
}

func TestCreateAPIError(t *testing.T) {
	target, p := seedParams(t)
	base, n := server(t, 200, `{"code":5100,"message":"vpn conn limit dgdgd33","codeDesc":"VpnConnLimitExceeded"}`, nil)
	_, err := Driver{}.Create(context.Background(), base, testCred, target, p)
	var ae *APIError
	if !errors.As(err, &ae) || ae.Code != 5100 || ae.CodeDesc != "VpnConnLimitExceeded" {
		t.Fatalf("got %v", err)
	}
	if strings.Contains(err.Error(), "dgdgd33") || !strings.Contains(err.Error(), "VpnConnLimitExceeded") {
		t.Errorf("message %q must keep the code and mask the PSK", err)
	}
	if *n != 1 {
		t.Errorf("%d requests: a failed create must not be retried", *n)
	}
}

func TestCreateHTTPError(t *testing.T) {
	target, p := seedParams(t)
	for _, c := range []struct {
		status int
		body   string
	}{
		{502, "<html>bad gateway, psk dgdgd33</html>"},
		{200, `{"message":"no code"}`},
		{400, `{"code":0}`},
		{200, `not json`},
	} {
		base, _ := server(t, c.status, c.body, nil)
		_, err := Driver{}.Create(context.Background(), base, testCred, target, p)
		var he *HTTPError
		if !errors.As(err, &he) || he.Status != c.status {
			t.Errorf("%d %s: got %v", c.status, c.body, err)
			continue
		}
		if strings.Contains(err.Error(), "dgdgd33") {
			t.Errorf("PSK echoed: %v", err)
		}
	}
}

func TestCreateDoesNotFollowRedirects(t *testing.T) {
	target, p := seedParams(t)
	var hits int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt32(&hits, 1)
		http.Redirect(w, r, "/elsewhere", http.StatusFound)
	}))
	defer srv.Close()
	base, _ := url.Parse(srv.URL)
	if _, err := (Driver{}).Create(context.Background(), base, testCred, target, p); err == nil {
		t.Error("redirect treated as success")
	}
	if hits != 1 {
		t.Errorf("%d requests, want 1", hits)
	}
}

func TestCreateHonoursContext(t *testing.T) {
	target, p := seedParams(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	base, n := server(t, 200, seedAnswer, nil)
	if _, err := (Driver{}).Create(ctx, base, testCred, target, p); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v", err)
	}
	if *n != 0 {
		t.Errorf("request sent despite a cancelled context")
	}
}
