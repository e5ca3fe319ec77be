package huawei

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
	"tunnelwiz/cloud/sandbox"
)

func resource(rs []cloud.Resource, id string) *cloud.Resource {
	for i := range rs {
		if rs[i].ID == id {
			return &rs[i]
		}
	}
	return nil
}

// TestInventory reads the fixtures back through ListVgws, ListCgws and
// VPC v3 ListVpcs: each EIP with its id (what vgw_ip takes) and address.
func TestInventory(t *testing.T) {
	_, base := newSandbox(t, nil)
	spec, _ := seedParams(t)
	inv, err := Driver{}.Inventory(context.Background(), base, sandbox.Keys, spec.Target)
	if err != nil {
		t.Fatal(err)
	}
	gw := resource(inv.VPNGateways, "b32d91a4-demo-a8df-va86-e907174eb11d")
	if gw == nil {
		t.Fatalf("no seed gateway in %+v", inv.VPNGateways)
	}
	wantAddr := []cloud.Address{
		{ID: "0c464dad-demo-a8df-va86-c22bb0eb0bde", IP: "203.0.113.10", Label: "eip1"},
		{ID: "1d575ebe-2a3c-4b9e-8f97-d33cc1fc1cef", IP: "203.0.113.11", Label: "eip2"},
	}
	if fmt.Sprint(gw.Addresses) != fmt.Sprint(wantAddr) || gw.VpcID != "3f6e2a1c-8b4d-4c2e-9f1a-6d5b7c8e9a01" || gw.State != "ACTIVE" {
		t.Errorf("gateway %+v", gw)
	}
	if gw.Notes["attachment_type"] != "vpc" || gw.Notes["network_type"] != "public" || gw.Notes["local_subnets"] != "192.168.0.0/24,192.168.1.0/24" {
		t.Errorf("gateway notes %v", gw.Notes)
	}
	priv := resource(inv.VPNGateways, "4c8e1a2b-3d5f-4a7c-9e1b-2d4f6a8c0e13")
	if priv == nil || fmt.Sprint(priv.Addresses) != fmt.Sprint([]cloud.Address{{IP: "172.16.0.10", Label: "private1"}, {IP: "172.16.0.11", Label: "private2"}}) ||
		priv.Notes["network_type"] != "private" || priv.Notes["attachment_type"] != "er" {
		t.Errorf("private gateway %+v", priv)
	}
	cg := resource(inv.CustomerGateways, "5247ae10-demo-a8df-va86-dd36659a7f5d")
	if cg == nil || len(cg.Addresses) != 1 || cg.Addresses[0].IP != "198.51.100.20" || cg.Notes["bgp_asn"] != "65000" {
		t.Errorf("customer gateway %+v", cg)
	}
	if fq := resource(inv.CustomerGateways, "2b7d4f6a-8c1e-4a3b-9d5f-7e0a1c3b5d79"); fq == nil || len(fq.Addresses) != 0 || fq.Notes["id_value"] != "branch.example.com" {
		t.Errorf("fqdn customer gateway %+v", fq)
	}
	vpc := resource(inv.VPCs, "3f6e2a1c-8b4d-4c2e-9f1a-6d5b7c8e9a01")
	if vpc == nil || vpc.CIDR != "192.168.0.0/16" || vpc.Notes["project_id"] != spec.Target["project_id"] || len(inv.VPCs) != 3 {
		t.Errorf("VPCs %+v", inv.VPCs)
	}
	// Another region through its own project id.
	other := map[string]string{"region": "ap-southeast-1", "project_id": "5f0c8e2f9a7b4c1d8e6f3a2b1c0d9e8f"}
	inv, err = Driver{}.Inventory(context.Background(), base, sandbox.Keys, other)
	if err != nil || len(inv.VPNGateways) != 1 || inv.VPNGateways[0].ID != "e4a6c8b0-1d3f-4e5a-9b7c-2f4d6a8c0b28" {
		t.Errorf("ap-southeast-1: %+v %v", inv, err)
	}
}

// TestExampleGatewayIsInTheFixtures: every gateway, EIP id and customer
// gateway the example and the testdata name is held by the sandbox, the
// EIP belonging to its gateway.
func TestExampleGatewayIsInTheFixtures(t *testing.T) {
	_, base := newSandbox(t, nil)
	for _, path := range []string{"testdata/seed.yaml", "testdata/policy.yaml", "testdata/bgp.yaml", "../../examples/huawei.yaml"} {
		s := drivertest.LoadSeed(t, path)
		inv, err := Driver{}.Inventory(context.Background(), base, sandbox.Keys, s.Target)
		if err != nil {
			t.Fatal(err)
		}
		c := cloud.Params(s.Params).Obj("vpn_connection")
		gw := resource(inv.VPNGateways, c.Str("vgw_id"))
		if gw == nil || !hasAddress(gw, c.Str("vgw_ip")) || resource(inv.CustomerGateways, c.Str("cgw_id")) == nil {
			t.Errorf("%s: gateway %s with EIP %s, customer gateway %s not all in the fixtures", path, c.Str("vgw_id"), c.Str("vgw_ip"), c.Str("cgw_id"))
		}
	}
}

// TestConnectionsPagesAndFilters lists through several pages and filters
// by customer gateway and name on the client side.
func TestConnectionsPagesAndFilters(t *testing.T) {
	_, base := newSandbox(t, nil)
	spec, ps := seedParams(t)
	old := pageSize
	pageSize = 2
	t.Cleanup(func() { pageSize = old })
	ctx := context.Background()
	var ids []string
	for i := 0; i < 5; i++ {
		p := ps.Clone()
		p.Set(p2("name"), fmt.Sprintf("conn-%d", i))
		p.Set(p2("peer_subnets"), []any{fmt.Sprintf("192.168.%d.0/24", 100+i)})
		got, err := Driver{}.Create(ctx, base, sandbox.Keys, spec.Target, p)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, got.ID)
	}
	all, err := Driver{}.Connections(ctx, base, sandbox.Keys, spec.Target, cloud.Filter{})
	if err != nil || len(all) != 5 {
		t.Fatalf("%d connections, %v", len(all), err)
	}
	for i, c := range all {
		if c.ID != ids[i] || c.Name != fmt.Sprintf("conn-%d", i) || c.Phase != cloud.PhaseAvailable || c.State != "DOWN" {
			t.Errorf("%d: %+v", i, c)
		}
	}
	one, err := Driver{}.Connections(ctx, base, sandbox.Keys, spec.Target, cloud.Filter{
		VPNGatewayID: "b32d91a4-demo-a8df-va86-e907174eb11d", CustomerGatewayID: "5247ae10-demo-a8df-va86-dd36659a7f5d", Name: "conn-3"})
	if err != nil || len(one) != 1 || one[0].ID != ids[3] {
		t.Errorf("filtered: %+v %v", one, err)
	}
	none, err := Driver{}.Connections(ctx, base, sandbox.Keys, spec.Target, cloud.Filter{CustomerGatewayID: "5247ae10-77aa-4a8d-8a86-dd36659a7f5d"})
	if err != nil || len(none) != 0 {
		t.Errorf("other customer gateway: %+v %v", none, err)
	}
}

func p2(name string) string { return "vpn_connection." + name }

// TestConnectionReadBack: the BGP seed's settings come back as sent, the
// subnets are reported, and a pending connection is pending.
func TestConnectionReadBack(t *testing.T) {
	srv, err := sandbox.New(sandbox.Options{Seed: 3, Settle: 1 << 40})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer hs.Close()
	base := mustURL(t, hs.URL)
	spec := drivertest.LoadSeed(t, "testdata/bgp.yaml")
	ps, _ := catalog().Check(drivertest.Clone(spec))
	ctx := context.Background()
	created, err := Driver{}.Create(ctx, base, sandbox.Keys, spec.Target, ps)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Driver{}.Connection(ctx, base, sandbox.Keys, spec.Target, created.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Phase != cloud.PhasePending || c.State != "PENDING_CREATE" || c.Created.IsZero() {
		t.Errorf("phase %s state %s created %v", c.Phase, c.State, c.Created)
	}
	want := map[cloud.Role]string{
		cloud.RoleName: "vpn-1655", cloud.RoleVPNGateway: "b32d91a4-demo-a8df-va86-e907174eb11d",
		cloud.RoleCustomerGateway: "5247ae10-demo-a8df-va86-dd36659a7f5d",
		cloud.RoleIKEVersion:      "v2", cloud.RoleIKEIntegrity: "sha2-512", cloud.RoleIKEEncryption: "aes-256",
		cloud.RoleIKEDHGroup: "group16", cloud.RoleIKELifetime: "172800",
		cloud.RoleIPsecIntegrity: "sha2-512", cloud.RoleIPsecEncryption: "aes-256", cloud.RoleIPsecPFS: "group16",
		cloud.RoleIPsecLifetime: "7200",
	}
	for r, v := range want {
		if c.Settings[r] != v {
			t.Errorf("%s: %q, want %q", r, c.Settings[r], v)
		}
	}
	if _, ok := c.Settings[cloud.RolePSK]; ok {
		t.Error("the pre-shared key came back")
	}
	if _, ok := c.Settings[cloud.RoleIKEMode]; ok {
		t.Errorf("an IKEv2 connection reports a phase 1 mode: %v", c.Settings)
	}
	if fmt.Sprint(c.RemoteSubnets) != "[192.168.44.0/24]" || len(c.LocalSubnets) != 0 {
		t.Errorf("subnets %v %v", c.LocalSubnets, c.RemoteSubnets)
	}
	// A policy connection reports its rules' sources as local subnets.
	spec = drivertest.LoadSeed(t, "testdata/policy.yaml")
	ps, _ = catalog().Check(drivertest.Clone(spec))
	ps.Set(p2("peer_subnets"), []any{"192.168.60.0/24"})
	created, err = Driver{}.Create(ctx, base, sandbox.Keys, spec.Target, ps)
	if err != nil {
		t.Fatal(err)
	}
	c, err = Driver{}.Connection(ctx, base, sandbox.Keys, spec.Target, created.ID)
	if err != nil ||
		fmt.Sprint(c.LocalSubnets) != "[10.0.0.0/24]" || fmt.Sprint(c.RemoteSubnets) != "[192.168.60.0/24 192.168.0.0/24]" {
		t.Errorf("policy subnets %+v %v", c, err)
	}
	// Unknown ids are not-found.
	_, err = Driver{}.Connection(ctx, base, sandbox.Keys, spec.Target, "00000000-0000-4000-8000-000000000000")
	if cloud.CodeOf(err) != cloud.CodeNotFound {
		t.Errorf("unknown connection: %v", err)
	}
}

func TestPhases(t *testing.T) {
	for status, want := range map[string]cloud.Phase{
		"PENDING_CREATE": cloud.PhasePending, "PENDING_UPDATE": cloud.PhasePending,
		"ACTIVE": cloud.PhaseAvailable, "DOWN": cloud.PhaseAvailable, "down": cloud.PhaseAvailable,
		"ERROR": cloud.PhaseFailed, "FREEZED": cloud.PhaseFailed,
		"PENDING_DELETE": cloud.PhaseDeleting, "UNKNOWN": cloud.PhaseUnknown, "": cloud.PhaseUnknown,
	} {
		if got := phaseOf(status); got != want {
			t.Errorf("%q: %s, want %s", status, got, want)
		}
	}
}

// TestCreateAnswer: 201 with the connection echoed as the seed's example
// answer shows it: upper-case style, policies with the cloud's defaults,
// identities filled, no pre-shared key, the request id in body and header.
func TestCreateAnswer(t *testing.T) {
	_, base := newSandbox(t, nil)
	spec, ps := seedParams(t)
	var status int
	var header http.Header
	var body []byte
	orig := transport
	t.Cleanup(func() { transport = orig })
	transport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := orig.RoundTrip(r)
		if err == nil && r.Method == http.MethodPost {
			status, header = resp.StatusCode, resp.Header
			body = readAndRestore(resp)
		}
		return resp, err
	})
	got, err := Driver{}.Create(context.Background(), base, sandbox.Keys, spec.Target, ps)
	if err != nil {
		t.Fatal(err)
	}
	var answer struct {
		VpnConnection map[string]any `json:"vpn_connection"`
		RequestID     string         `json:"request_id"`
	}
	if err := json.Unmarshal(body, &answer); err != nil {
		t.Fatal(err)
	}
	c := cloud.Params(answer.VpnConnection)
	if status != http.StatusCreated || header.Get("X-Request-Id") != answer.RequestID || got.RequestID != answer.RequestID || len(answer.RequestID) != 32 {
		t.Errorf("status %d, header %q, body %q, created %+v", status, header.Get("X-Request-Id"), answer.RequestID, got)
	}
	for path, want := range map[string]any{
		"id": got.ID, "style": "STATIC", "vgw_ip": "0c464dad-demo-a8df-va86-c22bb0eb0bde", "enable_nqa": false, "ha_role": "master",
		"ikepolicy.ike_version": "v2", "ikepolicy.dh_group": "group15", "ikepolicy.lifetime_seconds": 86400.0,
		"ikepolicy.local_id": "203.0.113.10", "ikepolicy.peer_id": "198.51.100.20", "ikepolicy.dpd.msg": "seq-hash-notify",
		"ipsecpolicy.pfs": "group15", "ipsecpolicy.encapsulation_mode": "tunnel", "enterprise_project_id": "0",
	} {
		if v, _ := c.Get(path); v != want {
			t.Errorf("%s: %v, want %v", path, v, want)
		}
	}
	for _, absent := range []string{"psk", "status", "ikepolicy.phase1_negotiation_mode"} {
		if c.Has(absent) {
			t.Errorf("the answer has %s", absent)
		}
	}
	if !strings.HasPrefix(c.Str("name"), "vpn-") || len(c.Str("name")) != 8 {
		t.Errorf("generated name %q", c.Str("name"))
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// readAndRestore reads an answer's body and puts it back for the SDK.
func readAndRestore(resp *http.Response) []byte {
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(b))
	return b
}
