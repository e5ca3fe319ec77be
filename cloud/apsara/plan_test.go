package apsara

import (
	"encoding/json"
	"reflect"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
)

// TestPlanSeed: the preview of the seed holds the seed's sample values as
// the JSON body (nested configurations as JSON strings in the seed's own
// member order), POSTed to <endpoint>/apsara/route/Vpc/CreateVpnConnection
// with the Apsara gateway headers.
func TestPlanSeed(t *testing.T) {
	r, issues, err := cloud.Plan(drivertest.LoadSeed(t, "testdata/seed.yaml"), false)
	if err != nil {
		t.Fatal(err)
	}
	if len(issues) != 0 {
		t.Errorf("the seed draws issues: %v", issues)
	}
	want := map[string]any{
		"LocalSubnet":       "10.1.1.0/24,10.1.2.0/24",
		"CustomerGatewayId": "vpn-bp1q8bgx4xnk****",
		"AutoConfigRoute":   true,
		"version":           "2016-01-01",
		"Name":              "IPsec",
		"EffectImmediately": false,
		"RemoteSubnet":      "10.10.1.0/24,10.10.2.0/24",
		"VpnGatewayId":      "vpn-bp1q8bgx4xnkm****",
		"regionId":          "cn-qingdao-env66-d01",
		"IpsecConfig":       `{"IpsecEncAlg":"aes","IpsecAuthAlg":"sha1","IpsecPfs":"group2","IpsecLifetime":86400}`,
		"RegionId":          "cn-qingdao-env66-d01",
		"HealthCheckConfig": `{"enable":"true","dip":"10.10.1.2","sip":"10.1.1.2","interval":"3","retry":"3"}`,
		"ClientToken":       "02fb3da4-130e-11e9-8e44-001****",
		"IkeConfig":         `{"IkeVersion":"ikev1","IkeMode":"main","IkeEncAlg":"aes","IkeAuthAlg":"sha1","IkePfs":"group2","IkeLifetime":86400}`,
	}
	var got map[string]any
	if err := json.Unmarshal(r.Raw, &got); err != nil {
		t.Fatalf("body is not JSON: %v: %s", err, r.Raw)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("body\n%v\nwant\n%v", got, want)
	}
	if r.Method != "POST" {
		t.Errorf("method %s", r.Method)
	}
	if r.URL != "https://asapi.cn-qingdao-env66-d01.example.internal/apsara/route/Vpc/CreateVpnConnection" {
		t.Errorf("url %s", r.URL)
	}
	for h, v := range map[string]string{
		"x-acs-organizationid":  "1",
		"x-acs-resourcegroupid": "1",
		"x-acs-regionid":        "cn-qingdao-env66-d01",
		"x-acs-request-version": "v1",
		"x-acs-asapi-product":   "Vpc",
		"x-acs-action":          "CreateVpnConnection",
		"x-acs-version":         "2016-01-01",
		"content-type":          "application/json; charset=utf-8",
	} {
		if got, _ := drivertest.Header(r, h); got != v {
			t.Errorf("header %s = %q, want %q (all %v)", h, got, v, r.Headers)
		}
	}
}

// TestPlanFillsRegionID: regionId, required by the seed without a sample,
// is sent with RegionId's value when the spec leaves it out; without an
// organization the header is not sent (and a warning says so).
func TestPlanFillsRegionID(t *testing.T) {
	s := drivertest.LoadSeed(t, "testdata/seed.yaml")
	delete(s.Params, "regionId")
	delete(s.Params, "version")
	delete(s.Target, "organization_id")
	r, issues, err := cloud.Plan(s, false)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	json.Unmarshal(r.Raw, &got)
	if got["regionId"] != "cn-qingdao-env66-d01" {
		t.Errorf("regionId %v", got["regionId"])
	}
	if _, ok := got["version"]; ok {
		t.Error("version sent although not given")
	}
	if _, ok := drivertest.Header(r, "x-acs-organizationid"); ok {
		t.Error("empty organization header sent")
	}
	if len(issues.For("organization_id")) != 1 || issues.For("organization_id")[0].Severity != cloud.Warning {
		t.Errorf("issues %v", issues)
	}
}

func TestPlanMasksPsk(t *testing.T) {
	r, _, err := cloud.Plan(drivertest.LoadSeed(t, "testdata/with-psk.yaml"), false)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	json.Unmarshal(r.Raw, &got)
	want := `{"Psk":"********","IkeVersion":"ikev2","IkeEncAlg":"aes256","IkeAuthAlg":"sha256","IkePfs":"group14","LocalIdIPsec":"203.0.113.10","RemoteId":"198.51.100.20"}`
	if got["IkeConfig"] != want {
		t.Errorf("IkeConfig %v\nwant %s", got["IkeConfig"], want)
	}
}
