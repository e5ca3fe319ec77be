package tencent

import (
	"encoding/json"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
	"tunnelwiz/cloud/sandbox"
)

// FuzzSandboxBody: the sandbox's handlers take any body without panicking
// and answer either a result or a Tencent error.
func FuzzSandboxBody(f *testing.F) {
	for _, b := range []string{
		`{}`, `{"VpnConnectionIds":["vpnx-1"]}`, `{"Filters":[{"Name":"vpn-gateway-id","Values":["vpngw-1w9tue3d"]}],"Offset":1,"Limit":"2"}`,
		`{"Filters":[7,{"Name":null}]}`, `{"SecurityPolicyDatabases":[1,{"RemoteCidrBlock":"x"}]}`, `[]`, `{"Limit":-1}`,
	} {
		f.Add(b, uint8(0))
	}
	for _, s := range drivertest.Seeds("testdata/seed.yaml", "testdata/bgp.yaml") {
		sp, err := cloud.ParseSpec(s)
		if err != nil {
			f.Fatal(err)
		}
		b, _ := json.Marshal(sp.Params)
		f.Add(string(b), uint8(0))
	}
	srv, err := sandbox.New(sandbox.Options{Seed: 1})
	if err != nil {
		f.Fatal(err)
	}
	b := srv.Backend()
	actions := []string{"CreateVpnConnection", "DescribeVpnConnections", "DescribeVpcs", "DescribeVpnGateways", "DescribeCustomerGateways"}
	f.Fuzz(func(t *testing.T, body string, which uint8) {
		out, fail := handlers[actions[int(which)%len(actions)]](b, "ap-guangzhou", []byte(body))
		if (out == nil) == (fail == nil) {
			t.Fatalf("answer %v and failure %v", out, fail)
		}
		if _, err := json.Marshal(out); err != nil {
			t.Fatalf("answer does not encode: %v", err)
		}
	})
}
