package aliyun

import (
	"errors"
	"net/url"
	"testing"

	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"

	"tunnelwiz/cloud"
)

var testDoc = Doc{Seed: "seed 004"}

func testCatalog() *cloud.Catalog {
	fs := []cloud.Field{{Path: "IkeConfig", Type: cloud.Object, Help: "x", Source: "x", Step: cloud.StepIKE}}
	return &cloud.Catalog{API: "t", Title: "t", Fields: append(fs, testDoc.IkeFields("IkeConfig", false)...)}
}

func TestJSONStringOrder(t *testing.T) {
	obj := map[string]any{"IkeLifetime": int64(86400), "Zeta": "z", "IkeVersion": "ikev1", "Psk": "a<b&c", "Alpha": true}
	got := JSONString(testCatalog(), "IkeConfig", obj)
	// Catalog order; members the table does not know never reach the wire.
	want := `{"Psk":"a<b&c","IkeVersion":"ikev1","IkeLifetime":86400}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestFromSDK(t *testing.T) {
	se := tea.NewSDKError(map[string]interface{}{
		"code":    "Resource.QuotaFull",
		"message": "code: 400, The quota of resource is full request id: R-1",
		"data":    map[string]interface{}{"Code": "Resource.QuotaFull", "Message": "The quota of resource is full", "RequestId": "R-1"},
	})
	var e *cloud.APIError
	if !errors.As(FromSDK("alibaba", se), &e) {
		t.Fatal("not an APIError")
	}
	if e.VendorCode != "Resource.QuotaFull" || e.Code != cloud.CodeQuota || e.Message != "The quota of resource is full" || e.RequestID != "R-1" {
		t.Errorf("%+v", e)
	}
	other := errors.New("dial tcp: refused")
	if got := FromSDK("alibaba", other); !errors.Is(got, other) {
		t.Error("a network error must stay visible through the wrapping")
	}
}

func TestFromBody(t *testing.T) {
	if e := FromBody("apsara", map[string]any{"RequestID": "x"}); e != nil {
		t.Errorf("success read as failure: %v", e)
	}
	if e := FromBody("apsara", map[string]any{"resultCode": float64(0), "RequestID": "x"}); e != nil {
		t.Errorf("resultCode 0 read as failure: %v", e)
	}
	e := FromBody("apsara", map[string]any{"success": false, "code": "Forbidden", "message": "no", "requestId": "R"})
	if e == nil || e.VendorCode != "Forbidden" || e.Code != cloud.CodeAuth || e.Message != "no" || e.RequestID != "R" {
		t.Errorf("%+v", e)
	}
}

func TestCheckASN(t *testing.T) {
	for s, ok := range map[string]bool{
		"1": true, "45104": true, "4294967295": true, "123.456": true, "0.1": true,
		"0": false, "4294967296": false, "-1": false, "+5": false, "1.2.3": false, "65536.1": false, "0.0": false, "": false, "a": false, ".5": false,
	} {
		if got := CheckASN(s) == ""; got != ok {
			t.Errorf("%q: ok=%v, want %v (%s)", s, got, ok, CheckASN(s))
		}
	}
}

func TestCheckTunnelCIDR(t *testing.T) {
	for s, ok := range map[string]bool{
		"169.254.11.0/30": true, "169.254.7.0/30": true, "169.254.255.252/30": true,
		"169.254.6.0/30": false, "169.254.169.252/30": false, "169.254.11.0/29": false, "10.0.0.0/30": false,
		"garbage": true, // left to the CIDR format rule
	} {
		if got := CheckTunnelCIDR(s) == ""; got != ok {
			t.Errorf("%q: ok=%v, want %v (%s)", s, got, ok, CheckTunnelCIDR(s))
		}
	}
}

func TestBgpAddrIssues(t *testing.T) {
	is := BgpAddrIssues("BgpConfig", cloud.Params{"TunnelCidr": "169.254.11.0/30", "LocalBgpIp": "169.254.11.9"})
	if len(is) != 1 || is[0].Field != "BgpConfig.LocalBgpIp" || is[0].Severity != cloud.Error {
		t.Errorf("%v", is)
	}
	if is := BgpAddrIssues("BgpConfig", cloud.Params{"TunnelCidr": "169.254.11.0/30", "LocalBgpIp": "169.254.11.2"}); len(is) != 0 {
		t.Errorf("%v", is)
	}
}

func TestParseBase(t *testing.T) {
	for s, want := range map[string]string{
		"https://vpc.example.com":   "https://vpc.example.com",
		"https://vpc.example.com/":  "https://vpc.example.com",
		"http://127.0.0.1:8080":     "http://127.0.0.1:8080",
		"http://[::1]:80":           "http://[::1]:80",
		"ftp://x":                   "",
		"https://x/path":            "",
		"https://u:p@x":             "",
		"https://x?q=1":             "",
		"vpc.example.com":           "",
		"https://:80":               "",
		"https://vpc.example.com:x": "",
	} {
		u, err := ParseBase(s)
		got := ""
		if err == nil {
			got = u.String()
		}
		if got != want {
			t.Errorf("%q: %q %v, want %q", s, got, err, want)
		}
	}
}

func TestRuntimeNeverRetriesAndSkipsProxyForLoopback(t *testing.T) {
	lo := Runtime(&url.URL{Scheme: "http", Host: "127.0.0.1:9"})
	if dara.BoolValue(lo.Autoretry) || dara.IntValue(lo.MaxAttempts) != 0 || dara.StringValue(lo.NoProxy) != "127.0.0.1:9" {
		t.Errorf("%+v", lo)
	}
	if far := Runtime(&url.URL{Scheme: "https", Host: "vpc.aliyuncs.com"}); far.NoProxy != nil {
		t.Error("a real endpoint must keep the user's proxy settings")
	}
}

func TestRegionalHost(t *testing.T) {
	for region, want := range map[string]string{"cn-shanghai": "vpc.cn-shanghai.aliyuncs.com", "cn-hangzhou": "vpc.aliyuncs.com"} {
		if got, err := RegionalHost(region); err != nil || got != want {
			t.Errorf("%s: %s %v, want %s", region, got, err, want)
		}
	}
}

func TestFieldsWellFormed(t *testing.T) {
	for _, d := range []Doc{testDoc, {Seed: "seed 001", Apsara: true}} {
		var fs []cloud.Field
		fs = append(fs, d.IkeFields("IkeConfig", false)...)
		fs = append(fs, d.IpsecFields("IpsecConfig")...)
		fs = append(fs, d.HealthCheckFields("HealthCheckConfig")...)
		fs = append(fs, d.BgpFields("BgpConfig")...)
		fs = append(fs, d.TunnelBgpFields("T")...)
		for _, f := range fs {
			if f.Step == "" || f.Help == "" || f.Source == "" {
				t.Errorf("%s: Step, Help and Source are required", f.Path)
			}
			for tok := range f.Means {
				_, found := f.Tolerated[tok]
				for _, a := range f.Allowed {
					found = found || a == tok
				}
				if !found {
					t.Errorf("%s: Means key %s neither allowed nor tolerated", f.Path, tok)
				}
			}
			if len(f.Allowed) > 0 && f.Role != "" && len(f.Means) != len(f.Allowed)+len(f.Tolerated) {
				t.Errorf("%s: every allowed or tolerated value should map to a term", f.Path)
			}
		}
		psk := fs[0]
		if psk.Path != "IkeConfig.Psk" || !psk.Secret {
			t.Errorf("Psk must be secret: %+v", psk)
		}
		if (psk.Chars == nil) != d.Apsara {
			t.Errorf("%s: Psk character rule is an error for Alibaba only", d.Seed)
		}
	}
}
