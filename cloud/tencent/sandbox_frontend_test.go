package tencent

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
	"tunnelwiz/cloud/sandbox"
)

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// call sends any vpc action through the SDK's common client (signed by
// the SDK, not by the sandbox's own code) and returns the answer's body.
func call(t *testing.T, base *url.URL, region, action string, params map[string]any) (map[string]any, error) {
	t.Helper()
	c := common.NewCommonClient(credential(sandbox.Keys), region, clientProfile(base))
	req := tchttp.NewCommonRequest("vpc", apiVersion, action)
	if err := req.SetActionParameters(params); err != nil {
		t.Fatal(err)
	}
	resp := tchttp.NewCommonResponse()
	if err := c.Send(req, resp); err != nil {
		return nil, err
	}
	var m struct{ Response map[string]any }
	if err := json.Unmarshal(resp.GetBody(), &m); err != nil {
		t.Fatal(err)
	}
	return m.Response, nil
}

func spec(t *testing.T, path string) (*cloud.Spec, cloud.Params) {
	t.Helper()
	s := drivertest.LoadSeed(t, path)
	p, issues := catalog().Check(drivertest.Clone(s))
	if issues.Errors() > 0 {
		t.Fatal(issues)
	}
	return s, p
}

func TestSandboxOps(t *testing.T) {
	f := frontend{}
	for _, tc := range []struct {
		action, body string
		want         sandbox.Op
	}{
		{"CreateVpnConnection", `{}`, sandbox.OpCreate},
		{"DescribeVpnConnections", `{"VpnConnectionIds":["vpnx-1"]}`, sandbox.OpConnection},
		{"DescribeVpnConnections", `{"Filters":[{"Name":"vpn-gateway-id","Values":["vpngw-1"]}]}`, sandbox.OpConnections},
		{"DescribeVpcs", `{}`, sandbox.OpInventory},
		{"DescribeVpnGateways", `{}`, sandbox.OpInventory},
		{"DescribeCustomerGateways", `{}`, sandbox.OpInventory},
		{"DeleteVpnConnection", `{}`, sandbox.OpDelete},
		{"ModifyVpnConnectionAttribute", `{}`, sandbox.OpOther},
	} {
		r := httptest.NewRequest("POST", "/", strings.NewReader(tc.body))
		r.Header.Set("X-TC-Action", tc.action)
		if !f.Match(r) {
			t.Errorf("%s not matched", tc.action)
		}
		if got := f.Op(r, []byte(tc.body)); got != tc.want {
			t.Errorf("%s %s: op %s, want %s", tc.action, tc.body, got, tc.want)
		}
	}
	if f.Match(httptest.NewRequest("GET", "/v2/index.php?Action=AddVpnConnEx", nil)) {
		t.Error("an API 2.0 request matched the API 3.0 frontend")
	}
}

// TestSandboxRefusals: the sandbox refuses as Tencent does, and the driver
// maps each refusal onto a code and the field it points at.
func TestSandboxRefusals(t *testing.T) {
	target, seed := seedParams(t)
	with := func(path string, v any) cloud.Params {
		p := seed.Clone()
		if v == nil {
			p.Delete(path)
		} else {
			p.Set(path, v)
		}
		return p
	}
	cases := []struct {
		name  string
		first cloud.Params // created before, when set
		p     cloud.Params
		code  cloud.Code
		vcode string
		field string
	}{
		{name: "value the catalog refuses", p: with("IKEOptionsSpecification.DhGroupName", "GROUP3"),
			code: cloud.CodeInvalid, vcode: "InvalidParameterValue", field: "IKEOptionsSpecification.DhGroupName"},
		{name: "SPD element value", p: with("SecurityPolicyDatabases[0].RemoteCidrBlock[0]", "58.211.1.0/33"),
			code: cloud.CodeInvalid, vcode: "InvalidParameterValue", field: "SecurityPolicyDatabases[0].RemoteCidrBlock[0]"},
		{name: "name missing", p: with("VpnConnectionName", nil),
			code: cloud.CodeInvalid, vcode: "MissingParameter", field: "VpnConnectionName"},
		{name: "VPC gateway without VpcId", p: with("VpcId", nil),
			code: cloud.CodeInvalid, vcode: "UnsupportedOperation.VpnGwVpcIdMustHave", field: "VpcId"},
		{name: "unknown customer gateway", p: with("CustomerGatewayId", "cgw-00000000"),
			code: cloud.CodeNotFound, vcode: "ResourceNotFound", field: "CustomerGatewayId"},
		{name: "unknown VPC", p: with("VpcId", "vpc-00000000"),
			code: cloud.CodeNotFound, vcode: "ResourceNotFound", field: "VpcId"},
		{name: "same name twice", first: seed, p: with("SecurityPolicyDatabases[0].RemoteCidrBlock[0]", "58.212.0.0/24"),
			code: cloud.CodeConflict, vcode: "InvalidParameterValue.Duplicate", field: "VpnConnectionName"},
		{name: "remote CIDR overlaps another tunnel's", first: seed, p: with("VpnConnectionName", "other"),
			code: cloud.CodeConflict, vcode: "InvalidParameterValue.VpnConnCidrConflict", field: "SecurityPolicyDatabases"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv, base := newSandbox(t, sandbox.Options{})
			if tc.first != nil {
				if _, err := (Driver{}).Create(context.Background(), base, sandbox.Keys, target, tc.first); err != nil {
					t.Fatal(err)
				}
			}
			_, err := Driver{}.Create(context.Background(), base, sandbox.Keys, target, tc.p)
			var ae *cloud.APIError
			if !errors.As(err, &ae) {
				t.Fatalf("want an APIError, got %v", err)
			}
			if ae.Code != tc.code || ae.VendorCode != tc.vcode || ae.Field != tc.field || ae.Message == "" || ae.RequestID == "" {
				t.Errorf("got %+v, want code %s, vendor code %s, field %s", *ae, tc.code, tc.vcode, tc.field)
			}
			want := 0
			if tc.first != nil {
				want = 1
			}
			if n := len(srv.Backend().Connections("tencent", "ap-guangzhou", cloud.Filter{})); n != want {
				t.Errorf("%d connections, want %d", n, want)
			}
		})
	}
}

// TestSandboxQuota: a gateway's connection quota is LimitExceeded, quota.
func TestSandboxQuota(t *testing.T) {
	target, seed := seedParams(t)
	_, base := newSandbox(t, sandbox.Options{})
	var err error
	for i := 0; i < 3 && err == nil; i++ { // vpngw-7pnz3h2k allows 2
		p := seed.Clone()
		p.Set("VpcId", "vpc-2x8kq0mn")
		p.Set("VpnGatewayId", "vpngw-7pnz3h2k")
		p.Set("VpnConnectionName", fmt.Sprintf("t%d", i))
		p.Set("SecurityPolicyDatabases[0].RemoteCidrBlock[0]", fmt.Sprintf("192.168.%d.0/24", i))
		_, err = Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
	}
	var ae *cloud.APIError
	if !errors.As(err, &ae) || ae.Code != cloud.CodeQuota || ae.VendorCode != "LimitExceeded" {
		t.Fatalf("third tunnel on a gateway with quota 2: %v", err)
	}
}

// TestSandboxReadBack: what Connection reports for a BGP tunnel and a
// policy tunnel, and the pending-then-available states.
func TestSandboxReadBack(t *testing.T) {
	now := time.Now()
	_, base := newSandbox(t, sandbox.Options{Settle: 5 * time.Second, Now: func() time.Time { return now }})
	d := Driver{}
	s, p := spec(t, "testdata/bgp.yaml")
	// The sandbox's clock is pinned near the real one the client signs with.
	created, err := d.Create(context.Background(), base, sandbox.Keys, s.Target, p)
	if err != nil {
		t.Fatal(err)
	}
	if created.State != "PENDING" {
		t.Errorf("state after create %q, want PENDING", created.State)
	}
	c, err := d.Connection(context.Background(), base, sandbox.Keys, s.Target, created.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Phase != cloud.PhasePending || c.State != "PENDING" {
		t.Errorf("just created: %s/%s, want pending", c.State, c.Phase)
	}
	want := map[cloud.Role]string{
		cloud.RoleName: "bgp-tunnel-1", cloud.RoleVPC: "vpc-gapcv96p", cloud.RoleVPNGateway: "vpngw-1w9tue3d",
		cloud.RoleCustomerGateway: "cgw-qa9sxpy7", cloud.RoleIKEVersion: "IKEV2", cloud.RoleIKEEncryption: "AES256GCM128",
		cloud.RoleIKEIntegrity: "SHA-512", cloud.RoleIKEDHGroup: "GROUP19", cloud.RoleIKELifetime: "28800",
		cloud.RoleIPsecEncryption: "AES256GCM128", cloud.RoleIPsecIntegrity: "SHA-256", cloud.RoleIPsecPFS: "DH-GROUP20",
		cloud.RoleIPsecLifetime: "3600", cloud.RoleDPD: "1",
		cloud.RoleLocalAddress: "58.211.2.5", cloud.RoleRemoteAddress: "1.2.3.4",
		// The roles the customer side mirrors (tunnelwiz peer) are read back too.
		cloud.RoleRouting: "Bgp", cloud.RoleLocalIDType: "ADDRESS", cloud.RoleRemoteIDType: "ADDRESS",
		cloud.RoleDPDTimeout: "45", cloud.RoleDPDAction: "restart", cloud.RoleIPsecLifeKB: "4096000000",
		cloud.RoleTunnelCIDR: "169.254.10.0/30", cloud.RoleTunnelLocal: "169.254.10.1", cloud.RoleTunnelPeer: "169.254.10.2",
	}
	if !equalJSON(c.Settings, want) {
		t.Errorf("settings %v\nwant %v", c.Settings, want)
	}
	if _, leaked := c.Settings[cloud.RolePSK]; leaked {
		t.Error("the pre-shared key is in the settings")
	}
	if c.Created.IsZero() || c.Created.Sub(now) > time.Second || now.Sub(c.Created) > time.Second {
		t.Errorf("created %v, want about %v", c.Created, now)
	}
	now = now.Add(5 * time.Second)
	c, err = d.Connection(context.Background(), base, sandbox.Keys, s.Target, created.ID)
	if err != nil || c.Phase != cloud.PhaseAvailable || c.State != "AVAILABLE" {
		t.Fatalf("after settling: %+v %v", c, err)
	}

	s, p = spec(t, "testdata/policy.yaml")
	created, err = d.Create(context.Background(), base, sandbox.Keys, s.Target, p)
	if err != nil {
		t.Fatal(err)
	}
	c, err = d.Connection(context.Background(), base, sandbox.Keys, s.Target, created.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !equalJSON(c.LocalSubnets, []string{"10.0.0.0/16", "10.1.0.0/16"}) ||
		!equalJSON(c.RemoteSubnets, []string{"192.168.1.0/24", "192.168.2.0/24", "192.168.3.0/24"}) {
		t.Errorf("subnets %v -> %v", c.LocalSubnets, c.RemoteSubnets)
	}

	// Filters narrow the listing on the server.
	list, err := d.Connections(context.Background(), base, sandbox.Keys, s.Target, cloud.Filter{Name: "policy-fqdn"})
	if err != nil || len(list) != 1 || list[0].ID != created.ID {
		t.Errorf("by name: %+v %v", list, err)
	}
	list, err = d.Connections(context.Background(), base, sandbox.Keys, s.Target, cloud.Filter{Name: "nothing"})
	if err != nil || len(list) != 0 {
		t.Errorf("no match: %+v %v", list, err)
	}
	_, err = d.Connection(context.Background(), base, sandbox.Keys, s.Target, "vpnx-00000000")
	if cloud.CodeOf(err) != cloud.CodeNotFound {
		t.Errorf("unknown id: %v", err)
	}
}

// TestSandboxInventory reads a region through the three Describe calls,
// across pages.
func TestSandboxInventory(t *testing.T) {
	fx, err := sandbox.DefaultFixtures()
	if err != nil {
		t.Fatal(err)
	}
	_, base := newSandbox(t, sandbox.Options{Fixtures: fx})
	inv, err := Driver{}.Inventory(context.Background(), base, sandbox.Keys, map[string]string{"region": "ap-beijing"})
	if err != nil {
		t.Fatal(err)
	}
	if len(inv.VPCs) != 1 || len(inv.VPNGateways) != 2 || len(inv.CustomerGateways) != 2 {
		t.Fatalf("ap-beijing: %+v", inv)
	}
	g := inv.VPNGateways[0]
	if g.ID != "vpngw-ccn00001" || g.Notes["type"] != "CCN" || g.Notes["ccn"] != "ccn-3x9b1q2z" || g.VpcID != "" ||
		len(g.Addresses) != 1 || g.Addresses[0].IP != "203.0.113.70" || g.State != "AVAILABLE" {
		t.Errorf("CCN gateway: %+v", g)
	}
	if v := inv.VPCs[0]; v.ID != "vpc-0a36uwkr" || v.CIDR != "10.40.0.0/16" || v.Name != "bj-prod" {
		t.Errorf("VPC: %+v", v)
	}

	// 230 customer gateways and 130 VPCs take three and two pages of 100.
	many := &sandbox.Region{}
	for i := 0; i < 230; i++ {
		many.CustomerGateways = append(many.CustomerGateways, cloud.Resource{ID: fmt.Sprintf("cgw-%08d", i), Addresses: []cloud.Address{{IP: "192.0.2.1"}}})
	}
	for i := 0; i < 130; i++ {
		many.VPCs = append(many.VPCs, cloud.Resource{ID: fmt.Sprintf("vpc-%08d", i)})
	}
	fx["tencent"]["ap-tokyo"] = many
	inv, err = Driver{}.Inventory(context.Background(), base, sandbox.Keys, map[string]string{"region": "ap-tokyo"})
	if err != nil || len(inv.CustomerGateways) != 230 || len(inv.VPCs) != 130 || inv.CustomerGateways[229].ID != "cgw-00000229" {
		t.Fatalf("paged: %d customer gateways, %d VPCs, %v", len(inv.CustomerGateways), len(inv.VPCs), err)
	}
}

// TestSandboxProtocolErrors: what the endpoint answers to requests the
// driver never sends.
func TestSandboxProtocolErrors(t *testing.T) {
	_, base := newSandbox(t, sandbox.Options{})
	for _, tc := range []struct {
		region, action string
		params         map[string]any
		want           string
	}{
		{"ap-guangzhou", "DescribeVpnConnections", map[string]any{"VpnConnectionIds": []string{"vpnx-1"},
			"Filters": []map[string]any{{"Name": "vpn-gateway-id", "Values": []string{"vpngw-1w9tue3d"}}}}, "InvalidParameter.Coexist"},
		{"ap-guangzhou", "DescribeVpnConnections", map[string]any{"Filters": []map[string]any{{"Name": "colour", "Values": []string{"red"}}}}, "InvalidParameter.FilterInvalidKey"},
		{"ap-guangzhou", "DescribeVpnGateways", map[string]any{"VpnGatewayIds": []string{"vpngw-00000000"}}, "InvalidVpnGatewayId.NotFound"},
		{"ap-guangzhou", "DescribeVpnGateways", map[string]any{"VpnGatewayIds": []string{"gw-1"}}, "InvalidVpnGatewayId.Malformed"},
		{"ap-guangzhou", "DescribeVpcs", map[string]any{"Limit": "101"}, "InvalidParameterValue.LimitExceeded"},
		{"ap-guangzhou", "ModifyVpnConnectionAttribute", map[string]any{"VpnConnectionId": "vpnx-1"}, "InvalidAction"},
		{"ap-guangzhou", "DeleteVpnConnection", map[string]any{"VpnConnectionId": "vpnx-1"}, "MissingParameter"},
		{"ap-guangzhou", "DeleteVpnConnection", map[string]any{"VpnGatewayId": "vpngw-1w9tue3d", "VpnConnectionId": "vpnx-1"}, "ResourceNotFound"},
		{"ap-guangzhou", "DeleteVpnConnection", map[string]any{"VpnGatewayId": "vpngw-1w9tue3d", "VpnConnectionId": "x-1"}, "InvalidParameterValue.Malformed"},
		{"mars-north-1", "DescribeVpcs", map[string]any{}, "UnsupportedRegion"},
		{"ap-guangzhou", "CreateVpnConnection", map[string]any{"VpnGatewayId": "vpngw-1w9tue3d", "Colour": "red"}, "UnknownParameter"},
	} {
		_, err := call(t, base, tc.region, tc.action, tc.params)
		var ae *cloud.APIError
		err = toError(context.Background(), tc.action, err, 200, nil)
		if !errors.As(err, &ae) || ae.VendorCode != tc.want {
			t.Errorf("%s %v: want %s, got %v", tc.action, tc.params, tc.want, err)
		}
	}
	// DescribeVpcs' string Offset and Limit page the list.
	got, err := call(t, base, "ap-guangzhou", "DescribeVpcs", map[string]any{"Offset": "1", "Limit": "1"})
	if err != nil {
		t.Fatal(err)
	}
	if set, _ := got["VpcSet"].([]any); len(set) != 1 || got["TotalCount"] != float64(3) || set[0].(map[string]any)["VpcId"] != "vpc-2x8kq0mn" {
		t.Errorf("page 2 of 3: %v", got)
	}
}

// TestDroppedCreateIsLost: a connection closed without an answer reaches
// Submission as lost (it looks the tunnel up before sending again); a
// create the user cancelled is not.
func TestDroppedCreateIsLost(t *testing.T) {
	target, p := seedParams(t)
	srv, base := newSandbox(t, sandbox.Options{})
	srv.Inject(sandbox.Fault{Kind: sandbox.Drop, Op: sandbox.OpCreate})
	_, err := Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
	if !cloud.Lost(err) || cloud.CodeOf(err) != cloud.CodeUnavailable {
		t.Errorf("dropped: %v is not lost", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Driver{}.Create(ctx, base, sandbox.Keys, target, p)
	if err == nil || cloud.Lost(err) || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	srv.Inject(sandbox.Fault{Kind: sandbox.ErrorAfterCommit, Op: sandbox.OpCreate})
	_, err = Driver{}.Create(context.Background(), base, sandbox.Keys, target, p)
	var ae *cloud.APIError
	if !errors.As(err, &ae) || ae.VendorCode != "InternalError" || !cloud.Lost(err) {
		t.Errorf("5xx after commit: %v", err)
	}
}

// TestCreateAnswerWithoutID: an answer without the tunnel's id is followed
// by a DescribeVpnConnections for the gateway, customer gateway and name.
func TestCreateAnswerWithoutID(t *testing.T) {
	target, p := seedParams(t)
	var actions []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		a := r.Header.Get("X-TC-Action")
		actions = append(actions, a)
		w.Header().Set("Content-Type", "application/json")
		if a == "CreateVpnConnection" {
			fmt.Fprint(w, `{"Response":{"RequestId":"r1"}}`)
			return
		}
		fmt.Fprint(w, `{"Response":{"TotalCount":2,"VpnConnectionSet":[`+
			`{"VpnConnectionId":"vpnx-old","VpnConnectionName":"TEST_CONN","VpnGatewayId":"vpngw-1w9tue3d","CustomerGatewayId":"cgw-qa9sxpy7","State":"AVAILABLE","CreatedTime":"2026-01-01 00:00:00"},`+
			`{"VpnConnectionId":"vpnx-new","VpnConnectionName":"TEST_CONN","VpnGatewayId":"vpngw-1w9tue3d","CustomerGatewayId":"cgw-qa9sxpy7","State":"PENDING","CreatedTime":"2026-11-22 10:00:00"}`+
			`],"RequestId":"r2"}}`)
	}))
	defer srv.Close()
	base, _ := url.Parse(srv.URL)
	got, err := Driver{}.Create(context.Background(), base, cloud.Credentials{ID: "a", Secret: "b"}, target, p)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "vpnx-new" || got.State != "PENDING" || got.RequestID != "r1" {
		t.Errorf("got %+v", got)
	}
	if strings.Join(actions, ",") != "CreateVpnConnection,DescribeVpnConnections" {
		t.Errorf("actions %v", actions)
	}
}
