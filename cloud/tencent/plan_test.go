package tencent

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
)

// seedQuery is the example request of seed 000, copied verbatim (the
// common parameters it leaves out are added by the SDK).
const seedQuery = `https://vpc.tencentcloudapi.com/?Action=CreateVpnConnection
&VpcId=vpc-gapcv96p
&VpnGatewayId=vpngw-1w9tue3d
&CustomerGatewayId=cgw-qa9sxpy7
&VpnConnectionName=TEST_CONN
&PreShareKey=654321
&SecurityPolicyDatabases.0.LocalCidrBlock=10.8.4.0/24
&SecurityPolicyDatabases.0.RemoteCidrBlock.0=58.211.1.0/24
&IKEOptionsSpecification.DhGroupName=GROUP1
&IKEOptionsSpecification.ExchangeMode=MAIN
&IKEOptionsSpecification.IKEVersion=IKEV1
&IKEOptionsSpecification.LocalAddress=58.211.2.5
&IKEOptionsSpecification.LocalIdentity=ADDRESS
&IKEOptionsSpecification.PropoAuthenAlgorithm=MD5
&IKEOptionsSpecification.PropoEncryAlgorithm=3DES-CBC
&IKEOptionsSpecification.RemoteAddress=1.2.3.4
&IKEOptionsSpecification.RemoteIdentity=ADDRESS
&IPSECOptionsSpecification.EncryptAlgorithm=3DES-CBC
&IPSECOptionsSpecification.IntegrityAlgorith=MD5
&IPSECOptionsSpecification.PfsDhGroup=NULL
&Tags.0.Key=city
&Tags.0.Value=shanghai`

var indexSeg = regexp.MustCompile(`\.(\d+)`)

// seedBody turns the seed's indexed query keys (Tags.0.Key) into the
// nested JSON object API 3.0 takes in a POST body.
func seedBody(t *testing.T) map[string]any {
	t.Helper()
	body := cloud.Params{}
	_, query, _ := strings.Cut(strings.ReplaceAll(seedQuery, "\n", ""), "?")
	for _, kv := range strings.Split(query, "&") {
		k, v, _ := strings.Cut(kv, "=")
		if k == "Action" {
			continue // a common parameter: API 3.0 sends it as X-TC-Action
		}
		if err := body.Set(indexSeg.ReplaceAllString(k, "[$1]"), v); err != nil {
			t.Fatal(err)
		}
	}
	return body
}

func TestPlanReproducesSeed(t *testing.T) {
	s := drivertest.LoadSeed(t, "testdata/seed.yaml")
	req, issues, err := cloud.Plan(s, true)
	if err != nil {
		t.Fatalf("plan: %v (%v)", err, issues)
	}
	if req.Method != "POST" {
		t.Errorf("method %s, want POST", req.Method)
	}
	if req.URL != "https://vpc.tencentcloudapi.com/" {
		t.Errorf("url %s, want https://vpc.tencentcloudapi.com/", req.URL)
	}
	for k, want := range map[string]string{
		"X-Tc-Action":  "CreateVpnConnection",
		"X-Tc-Version": "2017-03-12",
		"X-Tc-Region":  "ap-guangzhou",
		"Content-Type": "application/json",
	} {
		if got := req.Headers[k]; got != want {
			t.Errorf("header %s = %q, want %q (headers %v)", k, got, want, req.Headers)
		}
	}
	var got map[string]any
	if err := json.Unmarshal(req.Raw, &got); err != nil {
		t.Fatalf("body is not JSON: %v: %s", err, req.Raw)
	}
	want := seedBody(t)
	if !reflect.DeepEqual(got, map[string]any(want)) {
		gj, _ := json.MarshalIndent(got, "", " ")
		wj, _ := json.MarshalIndent(want, "", " ")
		t.Errorf("body differs from the seed's example\n got: %s\nwant: %s", gj, wj)
	}
}

func TestPlanMasksSeedKey(t *testing.T) {
	req, _, err := cloud.Plan(drivertest.LoadSeed(t, "testdata/seed.yaml"), false)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(req.Raw), "654321") || !strings.Contains(string(req.Raw), `"PreShareKey":"********"`) {
		t.Errorf("pre-shared key not masked in place: %s", req.Raw)
	}
}

func TestPlanEndpoints(t *testing.T) {
	for _, c := range []struct{ region, endpoint, want string }{
		{"ap-shanghai-fsi", "", "https://vpc.ap-shanghai-fsi.tencentcloudapi.com/"},
		{"ap-shenzhen-fsi", "", "https://vpc.ap-shenzhen-fsi.tencentcloudapi.com/"},
		{"ap-singapore", "", "https://vpc.tencentcloudapi.com/"},
		{"ap-guangzhou", "https://vpc.internal.example.com", "https://vpc.internal.example.com/"},
		{"ap-guangzhou", "http://127.0.0.1:9000/proxy/", "http://127.0.0.1:9000/proxy/"},
	} {
		s := drivertest.LoadSeed(t, "testdata/seed.yaml")
		s.Target["region"] = c.region
		if c.endpoint != "" {
			s.Target["endpoint"] = c.endpoint
		}
		req, _, err := cloud.Plan(s, false)
		if err != nil {
			t.Fatalf("%v: %v", c, err)
		}
		if req.URL != c.want {
			t.Errorf("%s %s: url %s, want %s", c.region, c.endpoint, req.URL, c.want)
		}
		if req.Headers["X-Tc-Region"] != c.region {
			t.Errorf("%s: X-TC-Region %q", c.region, req.Headers["X-Tc-Region"])
		}
	}
}

// TestPlanBGP checks the newer SDK members reach the wire with their SDK
// types: DpdTimeout as a string, the lifetimes and probe settings as numbers.
func TestPlanBGP(t *testing.T) {
	req, _, err := cloud.Plan(drivertest.LoadSeed(t, "testdata/bgp.yaml"), false)
	if err != nil {
		t.Fatal(err)
	}
	raw := string(req.Raw)
	for _, want := range []string{
		`"RouteType":"Bgp"`, `"DpdTimeout":"45"`, `"DpdEnable":1`, `"EnableHealthCheck":true`,
		`"BgpConfig":{"TunnelCidr":"169.254.10.0/30","LocalBgpIp":"169.254.10.1","RemoteBgpIp":"169.254.10.2"}`,
		`"HealthCheckConfig":{"ProbeType":"NQA","ProbeInterval":2000,"ProbeThreshold":3,"ProbeTimeout":1000}`,
		`"IPSECSaLifetimeTraffic":4096000000`, `"IntegrityAlgorithm":"SHA-256"`, `"PfsDhGroup":"DH-GROUP20"`,
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("body lacks %s: %s", want, raw)
		}
	}
}
