package tencentv2

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
	"tunnelwiz/cloud/sandbox"
)

// TestDecodeWireRoundTrip: what encode puts on the wire, the sandbox reads
// back into the same parameters.
func TestDecodeWireRoundTrip(t *testing.T) {
	for _, path := range []string{"testdata/seed.yaml", "testdata/spdacl.yaml", "testdata/address.yaml", "../../examples/tencent-v2.yaml"} {
		p, _ := catalog().Check(drivertest.LoadSeed(t, path))
		form, err := encode(p)
		if err != nil {
			t.Fatal(err)
		}
		form.Set("Action", Action)
		form.Set("Nonce", "1")
		if got := decodeWire(form); !reflect.DeepEqual(got, p) {
			t.Errorf("%s:\n got %#v\nwant %#v", path, got, p)
		}
	}
	got := decodeWire(map[string][]string{"userGwCidrBlock.1": {"b"}, "userGwCidrBlock.0": {"a"}, "IKESet.nope": {"x"}, "bogus.3": {"y"},
		"IKESet.ikeSaLifetimeSeconds": {"soon"}})
	want := cloud.Params{"userGwCidrBlock": []any{"a", "b"}, "bogus.3": "y",
		"IKESet": map[string]any{"nope": "x", "ikeSaLifetimeSeconds": "soon"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("odd keys: got %#v", got)
	}
}

func seedWith(t *testing.T, path string, set map[string]any) (map[string]string, cloud.Params) {
	t.Helper()
	s := drivertest.LoadSeed(t, path)
	for k, v := range set {
		if v == nil {
			cloud.Params(s.Params).Delete(k)
		} else if err := cloud.Params(s.Params).Set(k, v); err != nil {
			t.Fatal(err)
		}
	}
	p, issues := catalog().Check(s)
	if issues.Errors() > 0 {
		t.Fatalf("%s: %v", path, issues)
	}
	return s.Target, p
}

// TestSandboxRefusesInvalidParameters: the sandbox checks a create with
// the catalog and refuses an error with InvalidParameter naming the wire
// parameter; the driver sends the user back to the spec field.
func TestSandboxRefusesInvalidParameters(t *testing.T) {
	srv, base := startSandbox(t, sandbox.Options{})
	target, p := seedParams(t)
	for _, c := range []struct {
		path, value, field string
	}{
		{"IKESet.dhGroupName", "group3", "IKESet.dhGroupName"},
		{"IPsecSet.ipsecSaLifetimeSeconds", "60", "IPsecSet.ipsecSaLifetimeSeconds"},
		{"userGwCidrBlock[0]", "10.0.0.0/33", "userGwCidrBlock[0]"},
		{"vpnConnName", "x234567890123456789012345678901234567890123456789012345678901", "vpnConnName"},
	} {
		bad := p.Clone()
		var v any = c.value
		if c.path == "IPsecSet.ipsecSaLifetimeSeconds" {
			v = int64(60)
		}
		if err := bad.Set(c.path, v); err != nil {
			t.Fatal(err)
		}
		_, err := Driver{}.Create(context.Background(), base, sandbox.Keys, target, bad)
		var ae *cloud.APIError
		if !errors.As(err, &ae) || ae.Code != cloud.CodeInvalid || ae.Field != c.field || ae.Message == "" {
			t.Errorf("%s=%s: got %#v", c.path, c.value, err)
		}
	}
	if n := len(srv.Backend().Connections(Vendor, "gz", cloud.Filter{})); n != 0 {
		t.Errorf("refused creates made %d connections", n)
	}
}

// TestSandboxConflictsAndQuota: the sandbox's refusals reach the driver as
// the right codes, pointing at the field that caused them.
func TestSandboxConflictsAndQuota(t *testing.T) {
	_, base := startSandbox(t, sandbox.Options{})
	ctx := context.Background()
	target, p := seedWith(t, "testdata/seed.yaml", map[string]any{"vpnConnName": "one"})
	if _, err := (Driver{}).Create(ctx, base, sandbox.Keys, target, p); err != nil {
		t.Fatal(err)
	}
	check := func(name string, p cloud.Params, code cloud.Code, vendorCode, field string) {
		t.Helper()
		_, err := Driver{}.Create(ctx, base, sandbox.Keys, target, p)
		var ae *cloud.APIError
		if !errors.As(err, &ae) || ae.Code != code || ae.VendorCode != vendorCode || ae.Field != field {
			t.Errorf("%s: got %#v", name, err)
		}
	}
	_, dup := seedWith(t, "testdata/seed.yaml", map[string]any{"vpnConnName": "one", "userGwCidrBlock": []any{"10.77.0.0/16"}})
	check("same name", dup, cloud.CodeConflict, "InvalidVpnConnName.InUse", "vpnConnName")
	_, overlap := seedWith(t, "testdata/seed.yaml", map[string]any{"vpnConnName": "two", "userGwCidrBlock": []any{"10.56.0.0/16"}})
	check("overlapping IDC range", overlap, cloud.CodeConflict, "VpnConnCidrConflict", "userGwCidrBlock")
	_, spd := seedWith(t, "testdata/seed.yaml", map[string]any{"vpnConnName": "three", "userGwCidrBlock": nil,
		"spdAcl": map[string]any{"10.8.1.0/24": []any{"10.56.20.128/25"}}})
	check("overlapping SPD range", spd, cloud.CodeConflict, "VpnConnCidrConflict", "spdAcl")
	_, wrongVpc := seedWith(t, "testdata/seed.yaml", map[string]any{"vpnConnName": "four", "vpcId": "vpc-03vihbk9", "userGwCidrBlock": []any{"10.60.0.0/16"}})
	check("gateway of another VPC", wrongVpc, cloud.CodeNotFound, "InvalidVpnGw.NotFound", "vpnGwId")
	_, noCgw := seedWith(t, "testdata/seed.yaml", map[string]any{"vpnConnName": "five", "userGwId": "cgw-00000000", "userGwCidrBlock": []any{"10.61.0.0/16"}})
	check("unknown customer gateway", noCgw, cloud.CodeNotFound, "InvalidUserGw.NotFound", "userGwId")

	// vpngw-ncr48l69 takes two connections.
	for i, cidr := range []string{"10.70.0.0/16", "10.71.0.0/16", "10.72.0.0/16"} {
		_, q := seedWith(t, "testdata/seed.yaml", map[string]any{"vpcId": "vpc-fyvpmam9", "vpnGwId": "vpngw-ncr48l69",
			"vpnConnName": "q" + cidr, "userGwCidrBlock": []any{cidr}})
		if i < 2 {
			if _, err := (Driver{}).Create(ctx, base, sandbox.Keys, target, q); err != nil {
				t.Fatal(err)
			}
			continue
		}
		check("over quota", q, cloud.CodeQuota, "VpnConnLimitExceeded", "")
	}
}

// TestSandboxLegacyIDs: API 2.0 takes the legacy ids (gz_vpc_8849, 122,
// 315) for the same resources, and listings match them either way.
func TestSandboxLegacyIDs(t *testing.T) {
	_, base := startSandbox(t, sandbox.Options{})
	ctx := context.Background()
	target, p := seedWith(t, "testdata/seed.yaml", map[string]any{"vpcId": "gz_vpc_8849", "vpnGwId": "122", "userGwId": "315", "vpnConnName": "legacy"})
	c, err := Driver{}.Create(ctx, base, sandbox.Keys, target, p)
	if err != nil {
		t.Fatal(err)
	}
	list, err := Driver{}.Connections(ctx, base, sandbox.Keys, target, cloud.Filter{VPNGatewayID: "122", CustomerGatewayID: "315", Name: "legacy"})
	if err != nil || len(list) != 1 || list[0].ID != c.ID || list[0].VPNGatewayID != "122" || list[0].CustomerGatewayID != "315" {
		t.Fatalf("by legacy ids: %+v %v", list, err)
	}
	list, err = Driver{}.Connections(ctx, base, sandbox.Keys, target, cloud.Filter{VPNGatewayID: "vpngw-dystbrkv", CustomerGatewayID: "cgw-e098slul"})
	if err != nil || len(list) != 1 || list[0].Settings[cloud.RoleVPC] != "vpc-amhnnao5" {
		t.Fatalf("by unified ids: %+v %v", list, err)
	}
	// Fuzzy on the wire, exact in the driver.
	if list, _ := (Driver{}).Connections(ctx, base, sandbox.Keys, target, cloud.Filter{Name: "leg"}); len(list) != 0 {
		t.Errorf("name filter is not exact: %+v", list)
	}
}

// TestSandboxPendingThenAvailable: a new connection reads as creating
// (pending) until the sandbox's settle time has passed.
func TestSandboxPendingThenAvailable(t *testing.T) {
	now := time.Now()
	_, base := startSandbox(t, sandbox.Options{Settle: time.Minute, Now: func() time.Time { return now }})
	ctx := context.Background()
	target, p := seedParams(t)
	c, err := Driver{}.Create(ctx, base, sandbox.Keys, target, p)
	if err != nil || c.State != "creating" {
		t.Fatalf("%+v %v", c, err)
	}
	got, err := Driver{}.Connection(ctx, base, sandbox.Keys, target, c.ID)
	if err != nil || got.Phase != cloud.PhasePending || got.State != "creating" {
		t.Fatalf("just created: %+v %v", got, err)
	}
	now = now.Add(2 * time.Minute)
	got, err = Driver{}.Connection(ctx, base, sandbox.Keys, target, c.ID)
	if err != nil || got.Phase != cloud.PhaseAvailable || got.State != "available" {
		t.Fatalf("settled: %+v %v", got, err)
	}
	if got.Created.IsZero() || got.LocalSubnets[0] != "10.8.0.0/16" || got.RemoteSubnets[0] != "10.56.20.1/24" {
		t.Errorf("read back %+v", got)
	}
	// Defaults are reported as Tencent reports them.
	if got.Settings[cloud.RoleIKEEncryption] != "3des-cbc" || got.Settings[cloud.RoleIPsecPFS] != "null" || got.Settings[cloud.RoleIPsecLifetime] != "3600" {
		t.Errorf("defaults %v", got.Settings)
	}
	if _, err := (Driver{}).Connection(ctx, base, sandbox.Keys, target, "vpnx-00000000"); cloud.CodeOf(err) != cloud.CodeNotFound {
		t.Errorf("unknown connection: %v", err)
	}
}

// TestSandboxInventory: the three look-ups through the driver (the same
// checks drivertest's Inventory step makes, on a server of its own).
func TestSandboxInventory(t *testing.T) {
	_, base := startSandbox(t, sandbox.Options{})
	inv, err := Driver{}.Inventory(context.Background(), base, sandbox.Keys, map[string]string{"region": "gz"})
	if err != nil {
		t.Fatal(err)
	}
	if len(inv.VPCs) != 3 || len(inv.VPNGateways) != 3 || len(inv.CustomerGateways) != 3 {
		t.Fatalf("%+v", inv)
	}
	gw := inv.VPNGateways[0]
	if gw.ID != "vpngw-dystbrkv" || gw.VpcID != "vpc-amhnnao5" || gw.State != "running" || len(gw.Addresses) != 1 ||
		gw.Addresses[0].IP != "203.0.113.10" || gw.Notes["legacy_id"] != "122" || gw.Notes["bandwidth"] != "20" {
		t.Errorf("gateway %+v", gw)
	}
	if v := inv.VPCs[0]; v.ID != "vpc-amhnnao5" || v.CIDR != "10.8.0.0/16" || v.Notes["legacy_id"] != "gz_vpc_8849" {
		t.Errorf("vpc %+v", v)
	}
	// DescribeUserGw answers numbers as strings, code included.
	if c := inv.CustomerGateways[0]; c.ID != "cgw-e098slul" || c.Addresses[0].IP != "198.51.100.20" || c.Notes["legacy_id"] != "315" || c.Notes["vpnConnNum"] != "0" {
		t.Errorf("customer gateway %+v", c)
	}
	empty, err := Driver{}.Inventory(context.Background(), base, sandbox.Keys, map[string]string{"region": "usw"})
	if err != nil || len(empty.VPCs)+len(empty.VPNGateways)+len(empty.CustomerGateways) != 0 {
		t.Errorf("region without fixtures: %+v %v", empty, err)
	}
}

// TestSandboxFailMapping: every refusal the sandbox can make, as the
// frontend answers it, maps back onto the refusal's own Code in the
// driver, with the vendor's code and message kept.
func TestSandboxFailMapping(t *testing.T) {
	for reason, f := range reasons {
		ref := &sandbox.Refusal{Code: codeFor(reason), Reason: reason, Message: "detail"}
		w := httptest.NewRecorder()
		frontend{}.Fail(w, httptest.NewRequest("POST", Path, nil), ref)
		var env map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &env); err != nil {
			t.Fatalf("%s: %s", reason, w.Body)
		}
		if env["codeDesc"] != f.desc || env["code"] != float64(f.code) {
			t.Errorf("%s: answered %v", reason, env)
		}
		e := refusal(w.Code, w.Body.Bytes(), nil, nil)
		if e.Code != ref.Code || e.VendorCode != f.desc || e.Message == "" || e.HTTPStatus != w.Code {
			t.Errorf("%s: driver reads %+v, want code %s", reason, e, ref.Code)
		}
		if (reason == sandbox.ReasonInternal) != (w.Code >= 500) {
			t.Errorf("%s: HTTP %d", reason, w.Code)
		}
	}
	if len(reasons) != 13 {
		t.Errorf("%d reasons mapped; the sandbox has 13", len(reasons))
	}
}

// codeFor is the Code the Backend gives each reason (frontend.go's list).
func codeFor(r sandbox.Reason) cloud.Code {
	switch r {
	case sandbox.ReasonNoVPNGateway, sandbox.ReasonNoCustomerGateway, sandbox.ReasonNoVPC, sandbox.ReasonNoConnection:
		return cloud.CodeNotFound
	case sandbox.ReasonDuplicateName, sandbox.ReasonCIDRConflict, sandbox.ReasonInvalidState:
		return cloud.CodeConflict
	case sandbox.ReasonQuota:
		return cloud.CodeQuota
	case sandbox.ReasonInvalid:
		return cloud.CodeInvalid
	case sandbox.ReasonAuth, sandbox.ReasonExpired:
		return cloud.CodeAuth
	case sandbox.ReasonThrottled:
		return cloud.CodeThrottled
	}
	return cloud.CodeUnavailable
}

// TestSandboxOps: requests are classified for fault injection.
func TestSandboxOps(t *testing.T) {
	for action, want := range map[string]sandbox.Op{
		Action: sandbox.OpCreate, "DescribeVpnConn": sandbox.OpConnections, "DescribeVpnGw": sandbox.OpInventory,
		"DescribeUserGw": sandbox.OpInventory, "DescribeVpcEx": sandbox.OpInventory, "DeleteVpnConn": sandbox.OpDelete,
		"ModifyVpnConnEx": sandbox.OpOther,
	} {
		body := "Action=" + action
		r := httptest.NewRequest(http.MethodPost, Path, nil)
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if got := (frontend{}).Op(r, []byte(body)); got != want {
			t.Errorf("%s: %s, want %s", action, got, want)
		}
	}
	r := httptest.NewRequest(http.MethodGet, Path+"?Action=DescribeVpnConn&vpnConnId=vpnx-1", nil)
	if got := (frontend{}).Op(r, nil); got != sandbox.OpConnection {
		t.Errorf("one connection: %s", got)
	}
	if (frontend{}).Match(httptest.NewRequest(http.MethodPost, "/", nil)) {
		t.Error("claims API 3.0's path")
	}
}
