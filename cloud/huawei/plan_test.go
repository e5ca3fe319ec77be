package huawei

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
)

// The seed's three example bodies, verbatim. Their psk "abcd****" is the
// vendor's mask; the spec files carry testPSK instead.
const (
	seedStatic = `{ "vpn_connection": { "vgw_id": "b32d91a4-demo-a8df-va86-e907174eb11d", "vgw_ip": "0c464dad-demo-a8df-va86-c22bb0eb0bde", "cgw_id": "5247ae10-demo-a8df-va86-dd36659a7f5d", "peer_subnets": [ "192.168.44.0/24" ], "psk": "abcd****" } }`
	seedPolicy = `{ "vpn_connection": { "vgw_id": "b32d91a4-demo-a8df-va86-e907174eb11d", "vgw_ip": "0c464dad-demo-a8df-va86-c22bb0eb0bde", "style": "policy", "cgw_id": "5247ae10-demo-a8df-va86-dd36659a7f5d", "peer_subnets": [ "192.168.44.0/24" ], "psk": "abcd****", "policy_rules": [{ "rule_index": 1, "source": "10.0.0.0/24", "destination": [ "192.168.0.0/24" ] }] } }`
	seedBGP    = `{ "vpn_connection": { "name": "vpn-1655", "vgw_id": "b32d91a4-demo-a8df-va86-e907174eb11d", "vgw_ip": "0c464dad-demo-a8df-va86-c22bb0eb0bde", "style": "bgp", "cgw_id": "5247ae10-demo-a8df-va86-dd36659a7f5d", "peer_subnets": [ "192.168.44.0/24" ], "tunnel_local_address": "169.254.56.225/30", "tunnel_peer_address": "169.254.56.226/30", "psk": "abcd****", "ikepolicy": { "ike_version": "v2", "authentication_algorithm": "sha2-512", "encryption_algorithm": "aes-256", "dh_group": "group16", "lifetime_seconds": 172800, "local_id_type": "fqdn", "local_id": "123***", "peer_id_type": "fqdn", "peer_id": "456***", "dpd": { "timeout": 30, "interval": 60, "msg": "seq-notify-hash" } }, "ipsecpolicy": { "authentication_algorithm": "sha2-512", "encryption_algorithm": "aes-256", "pfs": "group16", "transform_protocol": "esp", "lifetime_seconds": 7200, "encapsulation_mode": "tunnel" } } }`

	testPSK     = "Tunnelwiz-PSK-2026"
	testProject = "0123456789abcdef0123456789abcdef"
)

func decodeJSON(t *testing.T, s string) any {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("decode %s: %v", s, err)
	}
	return v
}

// TestPlanReproducesSeed: the preview of each example is the seed's own
// request: method, real URL, X-Project-Id and the exact JSON body.
func TestPlanReproducesSeed(t *testing.T) {
	for _, tc := range []struct{ file, body string }{
		{"testdata/seed.yaml", seedStatic},
		{"testdata/policy.yaml", seedPolicy},
		{"testdata/bgp.yaml", seedBGP},
	} {
		t.Run(tc.file, func(t *testing.T) {
			spec := drivertest.LoadSeed(t, tc.file)
			req, issues, err := cloud.Plan(spec, true)
			if err != nil {
				t.Fatalf("plan: %v (%v)", err, issues)
			}
			if req.Method != "POST" {
				t.Errorf("method %s, want POST", req.Method)
			}
			wantURL := "https://vpn.cn-north-4.myhuaweicloud.com/v5/" + testProject + "/vpn-connection"
			if req.URL != wantURL {
				t.Errorf("url %s, want %s", req.URL, wantURL)
			}
			if got := req.Headers["X-Project-Id"]; got != testProject {
				t.Errorf("X-Project-Id %q, want %q", got, testProject)
			}
			if got := req.Headers["Content-Type"]; !strings.HasPrefix(got, "application/json") {
				t.Errorf("Content-Type %q", got)
			}
			want := decodeJSON(t, strings.Replace(tc.body, "abcd****", testPSK, 1))
			got := decodeJSON(t, string(req.Raw))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("body differs from the seed's example:\n got %s\nwant %s", req.Raw, tc.body)
			}
			if !bytes.HasSuffix(req.Raw, []byte("\n")) {
				t.Errorf("the SDK's body ends with a newline; the recorded one does not: %q", req.Raw)
			}
		})
	}
}

// TestPlanMasksPSK: without --show-secrets the key's place holds the mask.
func TestPlanMasksPSK(t *testing.T) {
	req, _, err := cloud.Plan(drivertest.LoadSeed(t, "testdata/bgp.yaml"), false)
	if err != nil {
		t.Fatal(err)
	}
	body := decodeJSON(t, string(req.Raw)).(map[string]any)["vpn_connection"].(map[string]any)
	if body["psk"] != cloud.Mask || strings.Contains(string(req.Raw), testPSK) {
		t.Errorf("psk not masked: %s", req.Raw)
	}
}

// TestPlanEndpointOverride: the target's endpoint replaces the region's.
func TestPlanEndpointOverride(t *testing.T) {
	spec := drivertest.LoadSeed(t, "testdata/seed.yaml")
	spec.Target["endpoint"] = "https://vpn.example.com/"
	req, _, err := cloud.Plan(spec, false)
	if err != nil {
		t.Fatal(err)
	}
	if want := "https://vpn.example.com/v5/" + testProject + "/vpn-connection"; req.URL != want {
		t.Errorf("url %s, want %s", req.URL, want)
	}
}
