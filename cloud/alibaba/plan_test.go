package alibaba

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
)

// TestPlanSeed: the preview of the seed is the document's sample request
//
//	http(s)://[Endpoint]/?Action=CreateVpnConnection&CustomerGatewayId=vpn-bp1q8bgx4xnk****
//	&LocalSubnet=1.1.1.0/24,1.1.2.0/24&RegionId=cn-shanghai&RemoteSubnet=1.1.1.0/24,1.1.2.0/24
//	&VpnGatewayId=vpn-bp1q8bgx4xnkm****
//
// as the v7 SDK sends it: ACS3 style, so Action and Version travel as
// x-acs-action / x-acs-version headers and the parameters as the query.
func TestPlanSeed(t *testing.T) {
	r, _, err := cloud.Plan(drivertest.LoadSeed(t, "testdata/seed.yaml"), false)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"CustomerGatewayId": "vpn-bp1q8bgx4xnk****",
		"LocalSubnet":       "1.1.1.0/24,1.1.2.0/24",
		"RegionId":          "cn-shanghai",
		"RemoteSubnet":      "1.1.1.0/24,1.1.2.0/24",
		"VpnGatewayId":      "vpn-bp1q8bgx4xnkm****",
	}
	if !reflect.DeepEqual(r.Body, want) {
		t.Errorf("body %v, want %v", r.Body, want)
	}
	q, err := url.ParseQuery(r.RawQuery)
	if err != nil || len(q) != len(want) {
		t.Errorf("query %q: want exactly the %d sample parameters", r.RawQuery, len(want))
	}
	for k, v := range want {
		if q.Get(k) != v {
			t.Errorf("query %s = %q, want %q", k, q.Get(k), v)
		}
	}
	if r.Method != "POST" {
		t.Errorf("method %s, want POST", r.Method)
	}
	// cn-shanghai is not in the SDK's EndpointMap: the regional rule applies.
	if r.URL != "https://vpc.cn-shanghai.aliyuncs.com/" {
		t.Errorf("url %s", r.URL)
	}
	for h, v := range map[string]string{"x-acs-action": "CreateVpnConnection", "x-acs-version": "2016-04-28"} {
		if got, _ := drivertest.Header(r, h); got != v {
			t.Errorf("header %s = %q, want %q (headers %v)", h, got, v, r.Headers)
		}
	}
	if len(r.Raw) != 0 {
		t.Errorf("the sample has no form body; got %q", r.Raw)
	}
}

// TestPlanJSONStrings: nested objects travel as JSON strings with members
// in the documents' order, so the seed's IkeConfig example comes out byte
// for byte, and the PSK is masked where it sits.
func TestPlanJSONStrings(t *testing.T) {
	s := drivertest.LoadSeed(t, "testdata/seed.yaml")
	s.Params["IkeConfig"] = map[string]any{
		"IkeLifetime": int64(86400), "IkePfs": "group2", "IkeAuthAlg": "sha1",
		"IkeEncAlg": "aes", "IkeMode": "main", "IkeVersion": "ikev1",
	}
	s.Params["IpsecConfig"] = map[string]any{"IpsecLifetime": int64(86400), "IpsecPfs": "group2", "IpsecAuthAlg": "sha1", "IpsecEncAlg": "aes"}
	s.Params["BgpConfig"] = map[string]any{"LocalBgpIp": "169.254.11.1", "TunnelCidr": "169.254.11.0/30", "LocalAsn": int64(10001), "EnableBgp": true}
	s.Params["HealthCheckConfig"] = map[string]any{"retry": int64(3), "interval": int64(3), "sip": "1.1.1.2", "dip": "1.1.2.2", "enable": true}
	r, _, err := cloud.Plan(s, false)
	if err != nil {
		t.Fatal(err)
	}
	body := r.Body.(map[string]string)
	for k, want := range map[string]string{
		// seed 004's own examples
		"IkeConfig":   `{"IkeVersion":"ikev1","IkeMode":"main","IkeEncAlg":"aes","IkeAuthAlg":"sha1","IkePfs":"group2","IkeLifetime":86400}`,
		"IpsecConfig": `{"IpsecEncAlg":"aes","IpsecAuthAlg":"sha1","IpsecPfs":"group2","IpsecLifetime":86400}`,
		"BgpConfig":   `{"EnableBgp":"true","LocalAsn":"10001","TunnelCidr":"169.254.11.0/30","LocalBgpIp":"169.254.11.1"}`,
		// lower-case keys, string values, as the seed's example (its IPs are masked there)
		"HealthCheckConfig": `{"enable":"true","dip":"1.1.2.2","sip":"1.1.1.2","interval":"3","retry":"3"}`,
	} {
		if body[k] != want {
			t.Errorf("%s = %s\nwant %s", k, body[k], want)
		}
	}

	s.Params["IkeConfig"].(map[string]any)["Psk"] = "tw-secret-9"
	masked, _, err := cloud.Plan(drivertest.Clone(s), false)
	if err != nil {
		t.Fatal(err)
	}
	if got := masked.Body.(map[string]string)["IkeConfig"]; !strings.HasPrefix(got, `{"Psk":"`+cloud.Mask+`",`) {
		t.Errorf("masked IkeConfig %s", got)
	}
	shown, _, _ := cloud.Plan(drivertest.Clone(s), true)
	if got := shown.Body.(map[string]string)["IkeConfig"]; !strings.HasPrefix(got, `{"Psk":"tw-secret-9",`) {
		t.Errorf("shown IkeConfig %s", got)
	}
}

// TestPlanDualTunnel: the SDK sends the tunnels as form fields and the rest
// as the query; the tunnel PSKs are masked in the form.
func TestPlanDualTunnel(t *testing.T) {
	r, _, err := cloud.Plan(drivertest.LoadSeed(t, "testdata/dual-tunnel.yaml"), false)
	if err != nil {
		t.Fatal(err)
	}
	form, err := url.ParseQuery(string(r.Raw))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{
		"TunnelOptionsSpecification.1.Role":                       "master",
		"TunnelOptionsSpecification.2.Role":                       "slave",
		"TunnelOptionsSpecification.1.TunnelIkeConfig.Psk":        cloud.Mask,
		"TunnelOptionsSpecification.2.TunnelIkeConfig.Psk":        cloud.Mask,
		"TunnelOptionsSpecification.1.TunnelBgpConfig.LocalAsn":   "65530",
		"TunnelOptionsSpecification.2.TunnelIpsecConfig.IpsecPfs": "disabled",
	} {
		if form.Get(k) != v {
			t.Errorf("form %s = %q, want %q", k, form.Get(k), v)
		}
	}
	q, _ := url.ParseQuery(r.RawQuery)
	if q.Get("EnableTunnelsBgp") != "true" || q.Get("Tags.1.Key") != "env" || q.Get("LocalSubnet") != "0.0.0.0/0" {
		t.Errorf("query %v", q)
	}
	if r.URL != "https://vpc.aliyuncs.com/" { // cn-hangzhou is in the SDK's EndpointMap
		t.Errorf("url %s", r.URL)
	}
}
