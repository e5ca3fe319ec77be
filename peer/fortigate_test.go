package peer_test

import (
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/peer"
)

// write renders a tunnel for a device, key masked.
func writeFor(t *testing.T, device string, tu *peer.Tunnel) (string, []peer.Warning) {
	t.Helper()
	d, ok := peer.Find(device)
	if !ok {
		t.Fatalf("%s is not registered", device)
	}
	return d.Write(tu, false)
}

// inOrder fails unless every line appears, in this order.
func containsInOrder(t *testing.T, text string, lines ...string) {
	t.Helper()
	rest := text
	for _, l := range lines {
		i := strings.Index(rest, l)
		if i < 0 {
			t.Errorf("missing (in this order) %q in:\n%s", l, text)
			return
		}
		rest = rest[i+len(l):]
	}
}

// multiSubnet is the Tencent example with two SPD rules, three pairs.
func multiSubnetTunnel(t *testing.T) *peer.Tunnel {
	s := load(t, "../examples/tencent.yaml")
	cloud.Params(s.Params)["SecurityPolicyDatabases"] = []any{
		map[string]any{"LocalCidrBlock": "10.8.4.0/24", "RemoteCidrBlock": []any{"192.168.10.0/24"}},
		map[string]any{"LocalCidrBlock": "10.8.5.0/24", "RemoteCidrBlock": []any{"192.168.12.0/24", "192.168.13.0/24"}},
	}
	tu, err := peer.Build(s, peer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tu
}

// huaweiBGP is the Huawei example: a BGP tunnel with inside addresses.
func huaweiBGPTunnel(t *testing.T) *peer.Tunnel {
	tu, err := peer.Build(load(t, "../examples/huawei.yaml"), peer.Options{CloudIP: "203.0.113.20", PeerIP: "198.51.100.30"})
	if err != nil {
		t.Fatal(err)
	}
	return tu
}

// TestFortigatePolicyPairs: one phase2-interface per pair of subnets, and
// the policies and routes name every subnet.
func TestFortigatePolicyPairs(t *testing.T) {
	text, _ := writeFor(t, "fortigate", multiSubnetTunnel(t))
	containsInOrder(t, text,
		`edit "gz-to-dc1-1"`, "set src-subnet 192.168.10.0 255.255.255.0", "set dst-subnet 10.8.4.0 255.255.255.0",
		`edit "gz-to-dc1-2"`, "set src-subnet 192.168.12.0 255.255.255.0", "set dst-subnet 10.8.5.0 255.255.255.0",
		`edit "gz-to-dc1-3"`, "set src-subnet 192.168.13.0 255.255.255.0", "set dst-subnet 10.8.5.0 255.255.255.0",
		"config firewall policy",
		`set srcaddr "gz-to-dc1-local-1" "gz-to-dc1-local-2" "gz-to-dc1-local-3"`, `set dstaddr "gz-to-dc1-cloud-1" "gz-to-dc1-cloud-2"`,
		"config router static", "set dst 10.8.4.0 255.255.255.0", "set dst 10.8.5.0 255.255.255.0")
	if n := strings.Count(text, "set phase1name"); n != 3 {
		t.Errorf("%d phase2-interfaces, want 3", n)
	}
}

// TestFortigateBGP: the tunnel interface's inside addresses, 0.0.0.0/0
// selectors, the BGP neighbour and the customer's subnets announced; the
// ASN the spec lacks is a visible placeholder and a warning.
func TestFortigateBGP(t *testing.T) {
	tu := huaweiBGPTunnel(t)
	text, warns := writeFor(t, "fortigate", tu)
	containsInOrder(t, text,
		"set src-subnet 0.0.0.0 0.0.0.0", "set dst-subnet 0.0.0.0 0.0.0.0",
		"config system interface", `edit "bj4-to-dc1"`, "set ip 169.254.56.226 255.255.255.255", "set remote-ip 169.254.56.225 255.255.255.252",
		"config router bgp", "set as CUSTOMER-ASN", "config neighbor", `edit "169.254.56.225"`, "set remote-as CLOUD-ASN",
		"config network", "set prefix 192.168.10.0 255.255.255.0", "set prefix 192.168.11.0 255.255.255.0")
	if !hasWarning(warns, "", "AS number is not in the spec") {
		t.Errorf("no warning for the missing cloud ASN: %v", warns)
	}
	tu.Inside.CloudASN = peer.Value{Term: "64512", Token: "64512", Field: "bgp_asn"}
	if text, _ = writeFor(t, "fortigate", tu); !strings.Contains(text, "set remote-as 64512\n") {
		t.Errorf("the spec's ASN is not the neighbour's remote-as:\n%s", text)
	}
}

// TestFortigateStaticRoute: a route-based tunnel without BGP has 0.0.0.0/0
// selectors and says how to route the VPC's subnets in.
func TestFortigateStaticRoute(t *testing.T) {
	s := load(t, "../examples/tencent.yaml")
	cloud.Params(s.Params)["RouteType"] = "StaticRoute"
	tu, err := peer.Build(s, peer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text, _ := writeFor(t, "fortigate", tu)
	containsInOrder(t, text, "set src-subnet 0.0.0.0 0.0.0.0", "set dst-subnet 0.0.0.0 0.0.0.0",
		"# Route-based (RouteType StaticRoute): route each VPC subnet into the tunnel")
	if strings.Contains(text, "config router bgp") {
		t.Errorf("a static route-based tunnel has no BGP:\n%s", text)
	}
}

// TestFortigateLimits: values FortiOS lacks are warnings naming the field,
// never another value.
func TestFortigateLimits(t *testing.T) {
	s := load(t, "../examples/tencent.yaml")
	p := cloud.Params(s.Params)
	p.Set("IPSECOptionsSpecification.EncryptAlgorithm", "SM4")
	p.Set("IKEOptionsSpecification.IKESaLifetimeSeconds", 604800)
	tu, err := peer.Build(s, peer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	text, warns := writeFor(t, "fortigate", tu)
	if !hasWarning(warns, "IPSECOptionsSpecification.EncryptAlgorithm", "cannot be expressed") ||
		!strings.Contains(text, "set proposal UNSUPPORTED-sha256\n") {
		t.Errorf("SM4: %v\n%s", warns, text)
	}
	if !hasWarning(warns, "IKEOptionsSpecification.IKESaLifetimeSeconds", "outside FortiOS's keylife range") ||
		!strings.Contains(text, "set keylife 604800\n") {
		t.Errorf("a keylife FortiOS refuses must stay visible and be warned about: %v", warns)
	}
}

// TestIncompleteSelectors: a selector missing one side is a warning naming
// that side's field on both devices, and with no pair left nothing allows
// "all" traffic into the tunnel.
func TestIncompleteSelectors(t *testing.T) {
	tu := tencentTunnel(t)
	tu.Children = []peer.Child{{Cloud: []string{"10.8.4.0/24"}, CloudField: "SecurityPolicyDatabases[0].LocalCidrBlock",
		CustomerField: "SecurityPolicyDatabases[0].RemoteCidrBlock"}}
	for _, dev := range []string{"fortigate", "mikrotik"} {
		text, warns := writeFor(t, dev, tu)
		if !hasWarning(warns, "SecurityPolicyDatabases[0].RemoteCidrBlock", "no selector is written") {
			t.Errorf("%s: no warning naming the missing side: %v", dev, warns)
		}
		for _, bad := range []string{`"all"`, "config vpn ipsec phase2-interface", "/ip ipsec policy"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: %q with no selector pair:\n%s", dev, bad, text)
			}
		}
	}
}
