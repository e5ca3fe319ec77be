package tencentv2

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
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
	p, issues := catalog().Check(s)
	if issues.Errors() > 0 {
		t.Fatal(issues)
	}
	return s.Target, p
}

const seedAnswer = `{"code":0,"message":"","data":{"vpnGwId":"vpngw-dystbrkv","userGwId":"cgw-e098slul","vpnConnId":0,
"taskId":12613,"vpnConnStatus":0,"preSharedKey":"dgdgd33","userGwSubnetList":["10.56.20.1/24"]}}`

// lookupAnswer is DescribeVpnConn listing the connection seedAnswer's
// task made, shaped like the documented example.
const lookupAnswer = `{"code":0,"message":"","totalCount":1,"data":[{"vpcId":"gz_vpc_8849","unVpcId":"vpc-amhnnao5",
"vpnGwId":122,"unVpnGwId":"vpngw-dystbrkv","vpnConnId":399,"unVpnConnId":"vpnx-ol6bcqp0","vpnConnName":"seed-example-conn",
"userGwId":315,"unUserGwId":"cgw-e098slul","vpcConnStatus":0,"preSharedKey":"dgdgd33",
"sourceCidr":["10.8.0.0/16"],"destinationCidr":["10.56.20.1/24"],"createTime":"2026-11-02 10:00:00"}]}`

// byAction answers each Action with its own body and records the forms.
func byAction(t *testing.T, answers map[string]string, check func(r *http.Request, form url.Values)) (*url.URL, *[]url.Values) {
	t.Helper()
	var mu sync.Mutex
	var forms []url.Values
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		form, err := url.ParseQuery(string(b))
		if err != nil {
			t.Errorf("body is not a form: %v", err)
		}
		mu.Lock()
		forms = append(forms, form)
		mu.Unlock()
		if check != nil {
			check(r, form)
		}
		a, ok := answers[form.Get("Action")]
		if !ok {
			t.Errorf("unexpected action %q", form.Get("Action"))
		}
		io.WriteString(w, a)
	}))
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	return u, &forms
}

func TestCreateSendsSignedForm(t *testing.T) {
	target, p := seedParams(t)
	for _, method := range []string{HmacSHA256, HmacSHA1} {
		tg := map[string]string{"region": target["region"], "signature_method": method}
		base, forms := byAction(t, map[string]string{Action: seedAnswer, "DescribeVpnConn": lookupAnswer}, func(r *http.Request, form url.Values) {
			if r.Method != "POST" || r.URL.Path != Path || r.URL.RawQuery != "" {
				t.Errorf("%s %s?%s", r.Method, r.URL.Path, r.URL.RawQuery)
			}
			if ct := r.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
				t.Errorf("Content-Type %q", ct)
			}
			if form.Get("Timestamp") == "" || form.Get("Nonce") == "" || strings.HasPrefix(form.Get("Nonce"), "-") || form.Has("Token") {
				t.Errorf("common parameters: %v", form)
			}
			if form.Get("Region") != "gz" || form.Get("SecretId") != testCred.ID || form.Get("SignatureMethod") != method {
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
		// The documented answer has a task id only: the id comes from the
		// DescribeVpnConn look-up that follows.
		if c.TaskID != "12613" || c.ID != "vpnx-ol6bcqp0" || c.State != "creating" {
			t.Errorf("created %+v", c)
		}
		if len(*forms) != 2 {
			t.Fatalf("%d requests, want the create and one look-up", len(*forms))
		}
		create, look := (*forms)[0], (*forms)[1]
		for k, want := range map[string]string{"Action": Action, "preSharedKey": "dgdgd33", "userGwCidrBlock.0": "10.56.20.1/24"} {
			if got := create.Get(k); got != want {
				t.Errorf("create %s = %q, want %q", k, got, want)
			}
		}
		if look.Get("Action") != "DescribeVpnConn" || look.Get("vpnGwId") != "vpngw-dystbrkv" || look.Get("vpnConnName") != "seed-example-conn" || look.Get("limit") != "50" {
			t.Errorf("look-up %v", look)
		}
	}
}

func TestCreateToken(t *testing.T) {
	target, p := seedParams(t)
	cred := testCred
	cred.Token = "temp-token"
	base, _ := server(t, 200, `{"code":0,"data":{"unVpnConnId":"vpnx-ol6bcqp0","taskId":1}}`, func(r *http.Request, form url.Values) {
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
	base, n := server(t, 200, `{"code":4000,"message":"vpn conn limit dgdgd33","codeDesc":"VpnConnLimitExceeded"}`, nil)
	_, err := Driver{}.Create(context.Background(), base, testCred, target, p)
	var ae *cloud.APIError
	if !errors.As(err, &ae) || ae.Code != cloud.CodeQuota || ae.VendorCode != "VpnConnLimitExceeded" || ae.Vendor != "tencent-v2" || ae.HTTPStatus != 200 {
		t.Fatalf("got %#v", err)
	}
	if strings.Contains(err.Error(), "dgdgd33") || !strings.Contains(err.Error(), "VpnConnLimitExceeded") || !strings.Contains(ae.Message, "code 4000") {
		t.Errorf("message %q must keep the codes and mask the PSK", err)
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
		want   cloud.Code
	}{
		{502, "<html>bad gateway, psk dgdgd33</html>", cloud.CodeUnavailable},
		{200, `{"message":"no code"}`, cloud.CodeUnavailable}, // a damaged answer: the create may have happened
		{400, `{"code":0}`, cloud.CodeUnknown},
		{200, `not json`, cloud.CodeUnavailable},
		{429, `slow down`, cloud.CodeThrottled},
		{403, `forbidden`, cloud.CodeAuth},
	} {
		base, _ := server(t, c.status, c.body, nil)
		_, err := Driver{}.Create(context.Background(), base, testCred, target, p)
		var ae *cloud.APIError
		if !errors.As(err, &ae) || ae.HTTPStatus != c.status || ae.Code != c.want || ae.VendorCode != fmt.Sprintf("HTTP %d", c.status) {
			t.Errorf("%d %s: got %#v", c.status, c.body, err)
			continue
		}
		if strings.Contains(err.Error(), "dgdgd33") {
			t.Errorf("PSK echoed: %v", err)
		}
	}
}

// TestCreateEnvelopeWith5xx: an internal error travels in the envelope
// even with a 5xx status; it is unavailable, so Submit looks up first.
func TestCreateEnvelopeWith5xx(t *testing.T) {
	target, p := seedParams(t)
	base, _ := server(t, 500, `{"code":6000,"message":"internal error","codeDesc":"InternalError"}`, nil)
	_, err := Driver{}.Create(context.Background(), base, testCred, target, p)
	var ae *cloud.APIError
	if !errors.As(err, &ae) || ae.Code != cloud.CodeUnavailable || ae.VendorCode != "InternalError" || !cloud.Lost(err) {
		t.Errorf("got %#v", err)
	}
}

// TestCreateLookupFailsSafely: when the create was accepted but the new
// connection cannot be found, the error must not look like a lost answer,
// or Submit would create a second connection.
func TestCreateLookupFailsSafely(t *testing.T) {
	target, p := seedParams(t)
	for name, look := range map[string]string{
		"not listed yet": `{"code":0,"totalCount":0,"data":[]}`,
		"look-up fails":  `{"code":6000,"message":"internal","codeDesc":"InternalError"}`,
	} {
		base, forms := byAction(t, map[string]string{Action: seedAnswer, "DescribeVpnConn": look}, nil)
		_, err := Driver{}.Create(context.Background(), base, testCred, target, p)
		if err == nil || cloud.Lost(err) || cloud.CodeOf(err) != cloud.CodeUnknown || !strings.Contains(err.Error(), "12613") {
			t.Errorf("%s: got %v (code %s)", name, err, cloud.CodeOf(err))
		}
		if len(*forms) != 2 {
			t.Errorf("%s: %d requests", name, len(*forms))
		}
	}
}

// TestCreateLookupPicksTheNewConnection: the look-up matches the customer
// gateway and, without a name, the remote subnets, then takes the newest.
func TestCreateLookupPicksTheNewConnection(t *testing.T) {
	target, p := seedParams(t)
	// The validator requires vpnConnName (seed 003's table); the look-up
	// still copes without one, for a caller that bypasses validation.
	p.Delete("vpnConnName")
	row := func(id, cgw, dst, created string) string {
		return fmt.Sprintf(`{"unVpnConnId":%q,"unVpnGwId":"vpngw-dystbrkv","unUserGwId":%q,"vpnConnName":"x","vpcConnStatus":6,
"destinationCidr":[%q],"createTime":%q}`, id, cgw, dst, created)
	}
	list := `{"code":0,"totalCount":4,"data":[` + strings.Join([]string{
		row("vpnx-othercgw", "cgw-zzzzzzzz", "10.56.20.0/24", "2026-11-02 12:00:00"),
		row("vpnx-othernet", "cgw-e098slul", "10.99.0.0/24", "2026-11-02 12:00:00"),
		row("vpnx-older000", "cgw-e098slul", "10.56.20.0/24", "2026-11-01 09:00:00"),
		row("vpnx-newest00", "cgw-e098slul", "10.56.20.0/24", "2026-11-02 11:00:00"),
	}, ",") + `]}`
	base, _ := byAction(t, map[string]string{Action: seedAnswer, "DescribeVpnConn": list}, nil)
	c, err := Driver{}.Create(context.Background(), base, testCred, target, p)
	if err != nil || c.ID != "vpnx-newest00" {
		t.Errorf("%+v %v", c, err)
	}
}

// TestCreateDroppedConnection: a connection closed without an answer is a
// lost answer (cloud.Lost), so Submit looks the connection up.
func TestCreateDroppedConnection(t *testing.T) {
	target, p := seedParams(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.ReadAll(r.Body)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer srv.Close()
	base, _ := url.Parse(srv.URL)
	_, err := Driver{}.Create(context.Background(), base, testCred, target, p)
	if !cloud.Lost(err) || cloud.CodeOf(err) != cloud.CodeUnavailable {
		t.Errorf("dropped connection: %v is not a lost answer", err)
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
