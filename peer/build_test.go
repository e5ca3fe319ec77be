package peer_test

import (
	"errors"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	_ "tunnelwiz/cloud/all"
	"tunnelwiz/peer"
)

func parse(t *testing.T, yaml string) *cloud.Spec {
	t.Helper()
	s, err := cloud.ParseSpec([]byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func load(t *testing.T, path string) *cloud.Spec {
	t.Helper()
	s, err := cloud.LoadSpec(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestModelFromExample: the Tencent example's tunnel, value by value, with
// the field each came from.
func TestModelFromExample(t *testing.T) {
	tu, err := peer.Build(load(t, "../examples/tencent.yaml"), peer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		v           peer.Value
		term, field string
	}{
		{tu.Version, "ikev2", "IKEOptionsSpecification.IKEVersion"},
		{tu.IKE.Encryption, "aes-cbc-256", "IKEOptionsSpecification.PropoEncryAlgorithm"},
		{tu.IKE.Integrity, "sha256", "IKEOptionsSpecification.PropoAuthenAlgorithm"},
		{tu.IKE.Group, "modp2048", "IKEOptionsSpecification.DhGroupName"},
		{tu.IKELifetime, "86400", "IKEOptionsSpecification.IKESaLifetimeSeconds"},
		{tu.ESP.Encryption, "aes-cbc-256", "IPSECOptionsSpecification.EncryptAlgorithm"},
		{tu.ESP.Integrity, "sha256", "IPSECOptionsSpecification.IntegrityAlgorithm"},
		{tu.ESP.Group, "modp2048", "IPSECOptionsSpecification.PfsDhGroup"},
		{tu.ESPLifetime, "3600", "IPSECOptionsSpecification.IPSECSaLifetimeSeconds"},
		{tu.DPD, "on", "DpdEnable"},
		{tu.DPDAction, "restart", "DpdAction"},
		{tu.Routing, "policy", "RouteType"},
	} {
		if c.v.Term != c.term || c.v.Field != c.field {
			t.Errorf("%s: got %q from %s", c.field, c.v.Term, c.v.Field)
		}
	}
	if !tu.Routing.Default || !strings.Contains(tu.Routing.Source, "default STATIC") {
		t.Errorf("RouteType is unset: want the documented default with its source, got %+v", tu.Routing)
	}
	if kb := tu.ESPLifeKB; !kb.Default || kb.Term != "4096000000" || kb.Source == "" {
		t.Errorf("IPSECSaLifetimeTraffic: want the vendor default with its source, got %+v", kb)
	}
	if tu.Cloud.IP != "203.0.113.10" || tu.Customer.IP != "198.51.100.20" {
		t.Errorf("addresses %s / %s", tu.Cloud.IP, tu.Customer.IP)
	}
	if len(tu.Children) != 1 || strings.Join(tu.Children[0].Customer, " ") != "192.168.10.0/24 192.168.11.0/24" ||
		strings.Join(tu.Children[0].Cloud, " ") != "10.8.4.0/24" {
		t.Errorf("children %+v", tu.Children)
	}
	if len(tu.Warnings) != 0 {
		t.Errorf("warnings %v", tu.Warnings)
	}
}

// TestDefaults: every unset value is the vendor's documented default, and
// one with no documented default is a warning naming the field.
func TestDefaults(t *testing.T) {
	tu, err := peer.Build(parse(t, `vendor: alibaba
region: cn-shanghai
params: {RegionId: cn-shanghai, VpnGatewayId: vpn-1, CustomerGatewayId: cgw-1, LocalSubnet: 10.0.0.0/24,
         RemoteSubnet: 192.168.0.0/24, IkeConfig: {Psk: abcdefgh}}
`), peer.Options{CloudIP: "203.0.113.1", PeerIP: "198.51.100.1"})
	if err != nil {
		t.Fatal(err)
	}
	got := []string{tu.Version.Term, tu.Mode.Term, tu.IKE.Encryption.Term, tu.IKE.Integrity.Term, tu.IKE.Group.Term,
		tu.ESP.Encryption.Term, tu.ESP.Integrity.Term, tu.ESP.Group.Term, tu.IKELifetime.Term, tu.ESPLifetime.Term, tu.DPD.Term}
	want := []string{"ikev1", "main", "aes-cbc-128", "md5", "modp1024", "aes-cbc-128", "md5", "modp1024", "86400", "86400", "on"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("defaults\n got %v\nwant %v", got, want)
	}
	if !tu.IKE.Group.Default || !strings.Contains(tu.IKE.Group.Source, "default group2") {
		t.Errorf("IkePfs: %+v", tu.IKE.Group)
	}

	tu, err = peer.Build(parse(t, `vendor: tencent
region: ap-guangzhou
params: {VpnGatewayId: vpngw-1, CustomerGatewayId: cgw-1, VpnConnectionName: x, PreShareKey: k, VpcId: vpc-1,
         SecurityPolicyDatabases: [{LocalCidrBlock: 10.0.0.0/24, RemoteCidrBlock: [192.168.0.0/24]}]}
`), peer.Options{CloudIP: "203.0.113.1", PeerIP: "198.51.100.1"})
	if err != nil {
		t.Fatal(err)
	}
	if !hasWarning(tu.Warnings, "IKEOptionsSpecification.PropoAuthenAlgorithm", "no default") {
		t.Errorf("no warning for the IKE integrity Tencent documents no default for: %v", tu.Warnings)
	}
	d, _ := peer.Find("strongswan")
	text, _ := d.Write(tu, false)
	if !strings.Contains(text, "proposals = 3des-UNSET-modp768") {
		t.Errorf("the unknown integrity must stay visible (and unloadable), never guessed:\n%s", text)
	}
}

// TestCannotExpress: SM4 and SM3 have no strongSwan keyword: a warning
// naming the field, and a proposal swanctl refuses rather than another one.
func TestCannotExpress(t *testing.T) {
	s := load(t, "../examples/tencent.yaml")
	cloud.Params(s.Params).Set("IPSECOptionsSpecification.EncryptAlgorithm", "SM4")
	cloud.Params(s.Params).Set("IPSECOptionsSpecification.IntegrityAlgorithm", "SM3")
	tu, err := peer.Build(s, peer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := peer.Find("strongswan")
	text, warns := d.Write(tu, false)
	for _, f := range []string{"IPSECOptionsSpecification.EncryptAlgorithm", "IPSECOptionsSpecification.IntegrityAlgorithm"} {
		if !hasWarning(warns, f, "cannot be expressed") {
			t.Errorf("no warning naming %s: %v", f, warns)
		}
	}
	if !strings.Contains(text, "esp_proposals = UNSUPPORTED-UNSUPPORTED-modp2048") {
		t.Errorf("esp_proposals:\n%s", text)
	}
}

func hasWarning(ws []peer.Warning, field, text string) bool {
	for _, w := range ws {
		if w.Field == field && strings.Contains(w.Message, text) {
			return true
		}
	}
	return false
}

// TestAddresses: the flags win over the spec; a look-up fills what the
// spec lacks (Huawei's vgw_ip names the EIP); nothing at all names the flag.
func TestAddresses(t *testing.T) {
	s := load(t, "../examples/tencent.yaml")
	tu, err := peer.Build(s, peer.Options{CloudIP: "192.0.2.1"})
	if err != nil || tu.Cloud.IP != "192.0.2.1" || tu.Cloud.From != "--cloud-ip" || tu.Customer.IP != "198.51.100.20" {
		t.Fatalf("flag: %v %+v %+v", err, tu.Cloud, tu.Customer)
	}
	// Spaces around an address are not part of it (a review found " IP"
	// taken for a list).
	if tu, err := peer.Build(s, peer.Options{CloudIP: " 192.0.2.1 "}); err != nil || tu.Cloud.IP != "192.0.2.1" {
		t.Errorf("spaced flag: %v %+v", err, tu)
	}
	hw := load(t, "../examples/huawei.yaml")
	_, err = peer.Build(hw, peer.Options{})
	var missing *peer.MissingAddressError
	// Both missing: both named at once, not one per run.
	if !errors.As(err, &missing) || missing.Flag != "--cloud-ip" || len(missing.Flags) != 2 ||
		err.Error() != "the cloud VPN gateway's public IP and the customer gateway's IP are not in the spec and were not looked up: give them with --cloud-ip and --peer-ip" {
		t.Fatalf("want the missing addresses naming --cloud-ip and --peer-ip, got %v", err)
	}
	inv := &cloud.Inventory{
		VPNGateways: []cloud.Resource{{ID: "b32d91a4-5c2e-4a8d-8a86-e907174eb11d", Addresses: []cloud.Address{
			{ID: "other", IP: "203.0.113.99"}, {ID: "0c464dad-1f0b-4a8d-9a86-c22bb0eb0bde", IP: "203.0.113.20"}}}},
		CustomerGateways: []cloud.Resource{{ID: "5247ae10-77aa-4a8d-8a86-dd36659a7f5d", Addresses: []cloud.Address{{IP: "198.51.100.30"}}}},
	}
	tu, err = peer.Build(hw, peer.Options{Inventory: inv})
	if err != nil || tu.Cloud.IP != "203.0.113.20" || tu.Customer.IP != "198.51.100.30" {
		t.Fatalf("look-up: %v %+v %+v", err, tu.Cloud, tu.Customer)
	}
	// A malformed flag is the flag's fault, named with its value; not a
	// missing address (the spec may hold it).
	var bad *peer.FlagError
	for _, c := range []struct {
		o    peer.Options
		want string
	}{
		{peer.Options{Inventory: inv, PeerIP: "not-an-ip"}, "--peer-ip not-an-ip: not an IPv4 address"},
		{peer.Options{CloudIP: "999.1.1.1"}, "--cloud-ip 999.1.1.1: not an IPv4 address"},
		{peer.Options{CloudIP: "192.0.2.1,192.0.2.x"}, "--cloud-ip 192.0.2.1,192.0.2.x: 192.0.2.x is not an IPv4 address"},
		{peer.Options{CloudIP: "192.0.2.1,192.0.2.2"}, "--cloud-ip 192.0.2.1,192.0.2.2: the connection has one tunnel: give one address"},
		{peer.Options{CloudIP: "192.0.2.1,"}, "--cloud-ip 192.0.2.1,: an empty address in the list"},
	} {
		if _, err := peer.Build(s, c.o); !errors.As(err, &bad) || err.Error() != c.want {
			t.Errorf("%+v: %v, want %s", c.o, err, c.want)
		}
	}
}

// TestSelectors: one child per SPD rule (Tencent), per spdAcl key (Tencent
// 2.0), per policy rule (Huawei); route-based and BGP tunnels negotiate
// 0.0.0.0/0 and name the customer's routed subnets.
func TestSelectors(t *testing.T) {
	ts := load(t, "../examples/tencent.yaml")
	cloud.Params(ts.Params)["SecurityPolicyDatabases"] = []any{
		map[string]any{"LocalCidrBlock": "10.8.4.5/24", "RemoteCidrBlock": []any{"192.168.10.0/24"}},
		map[string]any{"LocalCidrBlock": "10.8.5.0/24", "RemoteCidrBlock": []any{"192.168.12.0/24", "192.168.13.0/24"}},
	}
	tu, err := peer.Build(ts, peer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := children(tu); got != "10.8.4.0/24=192.168.10.0/24 | 10.8.5.0/24=192.168.12.0/24,192.168.13.0/24" {
		t.Errorf("SPD rules: %s", got)
	}
	cloud.Params(ts.Params)["RouteType"] = "StaticRoute"
	if tu, _ = peer.Build(ts, peer.Options{}); children(tu) != "0.0.0.0/0=0.0.0.0/0" || tu.Routing.Term != "route" {
		t.Errorf("StaticRoute: %s %+v", children(tu), tu.Routing)
	}
	v2, _ := peer.Build(load(t, "../examples/tencent-v2.yaml"), peer.Options{})
	// API 2.0 tunnels are IKEv1: one Quick Mode, so one child, per pair.
	if got := children(v2); got != "10.8.4.0/24=192.168.10.0/24 | 10.8.4.0/24=192.168.11.0/24" {
		t.Errorf("spdAcl: %s", got)
	}
	hw := load(t, "../examples/huawei.yaml")
	tu, err = peer.Build(hw, peer.Options{CloudIP: "203.0.113.20", PeerIP: "198.51.100.30"})
	if err != nil || children(tu) != "0.0.0.0/0=0.0.0.0/0" || strings.Join(tu.Routes, ",") != "192.168.10.0/24,192.168.11.0/24" {
		t.Errorf("Huawei bgp: %v %s %v", err, children(tu), tu.Routes)
	}
	if tu.Inside.Cloud.Token != "169.254.56.225/30" || tu.Inside.Customer.Token != "169.254.56.226/30" {
		t.Errorf("inside addresses %+v", tu.Inside)
	}
	p := cloud.Params(hw.Params)
	p.Set("vpn_connection.style", "policy")
	p.Delete("vpn_connection.tunnel_local_address")
	p.Delete("vpn_connection.tunnel_peer_address")
	p["vpn_connection"].(map[string]any)["policy_rules"] = []any{
		map[string]any{"source": "10.20.0.0/24", "destination": []any{"192.168.10.0/24"}},
		map[string]any{"source": "10.20.1.0/24", "destination": []any{"192.168.11.0/24"}},
	}
	tu, err = peer.Build(hw, peer.Options{CloudIP: "203.0.113.20", PeerIP: "198.51.100.30"})
	if err != nil || children(tu) != "10.20.0.0/24=192.168.10.0/24 | 10.20.1.0/24=192.168.11.0/24" {
		t.Errorf("Huawei policy rules: %v %s", err, children(tu))
	}
}

func children(tu *peer.Tunnel) string {
	var out []string
	for _, c := range tu.Children {
		out = append(out, strings.Join(c.Cloud, ",")+"="+strings.Join(c.Customer, ","))
	}
	return strings.Join(out, " | ")
}

// TestIdentities: FQDN identities from the type fields (Tencent, Huawei)
// or from a value that is not an address (Alibaba LocalId).
func TestIdentities(t *testing.T) {
	ts := load(t, "../examples/tencent.yaml")
	p := cloud.Params(ts.Params)
	p.Set("IKEOptionsSpecification.LocalIdentity", "FQDN")
	p.Set("IKEOptionsSpecification.LocalFqdnName", "vpn.example")
	p.Delete("IKEOptionsSpecification.LocalAddress")
	tu, err := peer.Build(ts, peer.Options{CloudIP: "203.0.113.10"})
	if id := tu.Cloud.ID; err != nil || id.Type != "fqdn" || id.ID != "vpn.example" || id.Field != "IKEOptionsSpecification.LocalFqdnName" {
		t.Errorf("Tencent FQDN: %v %+v", err, tu.Cloud.ID)
	}
	ali := load(t, "../examples/alibaba.yaml")
	cloud.Params(ali.Params).Set("IkeConfig.LocalId", "vpn.aliyun.example")
	tu, err = peer.Build(ali, peer.Options{CloudIP: "203.0.113.1", PeerIP: "198.51.100.1"})
	if err != nil || tu.Cloud.ID.Type != "fqdn" || tu.Cloud.ID.ID != "vpn.aliyun.example" || tu.Customer.ID.ID != "198.51.100.1" {
		t.Errorf("Alibaba LocalId: %v %+v %+v", err, tu.Cloud.ID, tu.Customer.ID)
	}
}

// TestRefusals: a spec with errors returns the validator's issues.
func TestRefusals(t *testing.T) {
	s := load(t, "../examples/tencent.yaml")
	cloud.Params(s.Params).Set("IKEOptionsSpecification.DhGroupName", "GROUP3")
	var invalid *cloud.InvalidError
	if _, err := peer.Build(s, peer.Options{}); !errors.As(err, &invalid) || invalid.Issues.Errors() != 1 {
		t.Errorf("want the validator's one error, got %v", err)
	}
}

// TestBGPOverPolicyWarns: the Alibaba example runs BGP over a tunnel whose
// selectors are its subnets; the device gets a policy-based configuration,
// so a warning names BgpConfig and says the session is not written. With
// BGP off there is nothing to warn about.
func TestBGPOverPolicyWarns(t *testing.T) {
	warned := func(s *cloud.Spec) bool {
		tu, err := peer.Build(s, peer.Options{CloudIP: "203.0.113.1", PeerIP: "198.51.100.1"})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tu.Warnings {
			if strings.HasPrefix(w.Field, "BgpConfig.") && strings.Contains(w.Message, "BGP session") {
				return true
			}
		}
		return false
	}
	s := load(t, "../examples/alibaba.yaml")
	if !warned(s) {
		t.Error("BGP over a policy-based tunnel: no warning")
	}
	cloud.Params(s.Params).Set("BgpConfig.EnableBgp", false)
	if warned(s) {
		t.Error("BGP off: warned all the same")
	}
}

// TestBGPWithoutInsideWarns: a Huawei bgp connection may leave its tunnel
// addresses to the cloud; then no BGP neighbour can be written, and one
// warning names tunnel_local_address (not one per device, unnamed).
func TestBGPWithoutInsideWarns(t *testing.T) {
	s := load(t, "../examples/huawei.yaml")
	p := cloud.Params(s.Params)
	p.Delete("vpn_connection.tunnel_local_address")
	p.Delete("vpn_connection.tunnel_peer_address")
	tu, err := peer.Build(s, peer.Options{CloudIP: "203.0.113.1", PeerIP: "198.51.100.1"})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range peer.Devices() {
		_, warns := d.Write(tu, false)
		for _, w := range warns {
			if strings.Contains(w.Message, "BGP") && strings.Contains(w.Message, "cannot be written") || strings.Contains(w.Message, "no BGP neighbour") {
				n++
				if w.Field != "vpn_connection.tunnel_local_address" {
					t.Errorf("%s: %s", d.Name, w)
				}
			}
		}
	}
	if n != len(peer.Devices()) {
		t.Errorf("%d warnings about the BGP neighbour for %d devices", n, len(peer.Devices()))
	}
}
