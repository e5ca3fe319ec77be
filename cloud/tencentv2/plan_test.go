package tencentv2

import (
	"net/url"
	"reflect"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
)

// TestPlanReproducesSeed: the seed's example request, previewed, is a form
// POST to the real endpoint whose parameters, less the ones the preview
// strips (SecretId, Timestamp, Nonce, Signature) and the two common ones
// the seed hides behind "<Common request parameters>" (Region,
// SignatureMethod), are exactly the seed's query parameters.
func TestPlanReproducesSeed(t *testing.T) {
	spec := drivertest.LoadSeed(t, "testdata/seed.yaml")
	req, issues, err := cloud.Plan(spec, true)
	if err != nil {
		t.Fatalf("plan: %v (%v)", err, issues)
	}
	if req.Method != "POST" || req.URL != "https://vpc.api.qcloud.com/v2/index.php" {
		t.Errorf("got %s %s, want POST https://vpc.api.qcloud.com/v2/index.php", req.Method, req.URL)
	}
	if ct := req.Headers["Content-Type"]; ct != "application/x-www-form-urlencoded" {
		t.Errorf("Content-Type %q", ct)
	}
	if req.RawQuery != "" {
		t.Errorf("nothing may travel in the URL, got query %q", req.RawQuery)
	}
	body, ok := req.Body.(map[string]string)
	if !ok {
		t.Fatalf("body is %T, want form parameters", req.Body)
	}
	if body["Region"] != "gz" || body["SignatureMethod"] != "HmacSHA256" {
		t.Errorf("common parameters: Region=%q SignatureMethod=%q", body["Region"], body["SignatureMethod"])
	}
	got := map[string]string{}
	for k, v := range body {
		if k != "Region" && k != "SignatureMethod" {
			got[k] = v
		}
	}
	want := map[string]string{ // seed 003, section 5, verbatim
		"Action":            "AddVpnConnEx",
		"vpcId":             "vpc-amhnnao5",
		"userGwId":          "cgw-e098slul",
		"vpnGwId":           "vpngw-dystbrkv",
		"userGwCidrBlock.0": "10.56.20.1/24",
		"preSharedKey":      "dgdgd33",
		// ... plus the name the seed's table requires and its example leaves out.
		"vpnConnName": "seed-example-conn",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("form parameters:\n got %v\nwant %v", got, want)
	}
	// The seed's example validates, with the documented host-bits warning.
	if issues.Errors() != 0 || len(issues) != 1 || len(issues.For("userGwCidrBlock[0]")) != 1 {
		t.Errorf("issues: %v", issues)
	}
}

func TestPlanMasksPSKInBody(t *testing.T) {
	req, _, err := cloud.Plan(drivertest.LoadSeed(t, "testdata/seed.yaml"), false)
	if err != nil {
		t.Fatal(err)
	}
	if got := req.Body.(map[string]string)["preSharedKey"]; got != cloud.Mask {
		t.Errorf("preSharedKey = %q, want the mask", got)
	}
}

// TestPlanNestedEncoding: objects become name.member keys, lists indexed
// keys, the spdAcl map one compact JSON string.
func TestPlanNestedEncoding(t *testing.T) {
	req, _, err := cloud.Plan(drivertest.LoadSeed(t, "testdata/spdacl.yaml"), true)
	if err != nil {
		t.Fatal(err)
	}
	body := req.Body.(map[string]string)
	want := map[string]string{
		"Action": "AddVpnConnEx", "Region": "ap-guangzhou", "SignatureMethod": "HmacSHA1",
		"vpcId": "vpc-03vihbk9", "vpnGwId": "vpngw-kfldykuz", "userGwId": "cgw-e098slul",
		"vpnConnName": "office-idc", "preSharedKey": "s3cret&key=1",
		"spdAcl":                          `{"10.0.0.5/24":["172.123.10.5/16"],"10.0.1.0/24":["172.123.10.0/24","192.168.8.0/24"]}`,
		"IKESet.propoEncryAlgorithm":      "aes-cbc-256",
		"IKESet.propoAuthenAlgorithm":     "sha",
		"IKESet.exchangeMode":             "main",
		"IKESet.localIdentity":            "fqdn",
		"IKESet.localFqdnName":            "vpc.example.com",
		"IKESet.remoteIdentity":           "fqdn",
		"IKESet.remoteFqdnName":           "idc.example.com",
		"IKESet.dhGroupName":              "group14",
		"IKESet.ikeSaLifetimeSeconds":     "86400",
		"IKESet.encryptAlgorithm":         "aes-cbc-256",
		"IPsecSet.integrityAlgorith":      "sha",
		"IPsecSet.ipsecSaLifetimeSeconds": "3600",
		"IPsecSet.ipsecSaLifetimeTraffic": "102400",
		"IPsecSet.pfsDhGroup":             "dh-group14",
	}
	if !reflect.DeepEqual(body, want) {
		t.Errorf("form parameters:\n got %v\nwant %v", body, want)
	}
	raw, err := url.ParseQuery(string(req.Raw))
	if err != nil || raw.Get("preSharedKey") != "s3cret&key=1" {
		t.Errorf("raw body does not round-trip the PSK: %q", req.Raw)
	}
}

func TestPlanListIndexes(t *testing.T) {
	req, _, err := cloud.Plan(drivertest.LoadSeed(t, "testdata/address.yaml"), true)
	if err != nil {
		t.Fatal(err)
	}
	body := req.Body.(map[string]string)
	if body["userGwCidrBlock.0"] != "10.100.25.0/24" || body["userGwCidrBlock.1"] != "192.168.0.0/16" || body["IPsecSet.pfsDhGroup"] != "null" {
		t.Errorf("body %v", body)
	}
}

func TestEndpoint(t *testing.T) {
	d := Driver{}
	u, err := d.Endpoint(map[string]string{"region": "hk"})
	if err != nil || u.String() != "https://vpc.api.qcloud.com" {
		t.Errorf("default endpoint: %v %v", u, err)
	}
	u, err = d.Endpoint(map[string]string{"region": "hk", "endpoint": "http://127.0.0.1:9000"})
	if err != nil || u.String() != "http://127.0.0.1:9000" {
		t.Errorf("override: %v %v", u, err)
	}
	if _, err := d.Endpoint(map[string]string{"endpoint": "vpc.example.com"}); err == nil {
		t.Error("endpoint without scheme accepted")
	}
}
