package peer_test

import (
	"fmt"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/peer"
)

// TestMikrotikPolicyPairs: one policy, level=unique, and one NAT bypass
// per pair of subnets.
func TestMikrotikPolicyPairs(t *testing.T) {
	text, _ := writeFor(t, "mikrotik", multiSubnetTunnel(t))
	policy := "add peer=gz-to-dc1 tunnel=yes src-address=%s dst-address=%s proposal=gz-to-dc1 action=encrypt level=unique"
	bypass := "add chain=srcnat action=accept src-address=%s dst-address=%s"
	var lines []string
	pairs := [][2]string{{"192.168.10.0/24", "10.8.4.0/24"}, {"192.168.12.0/24", "10.8.5.0/24"}, {"192.168.13.0/24", "10.8.5.0/24"}}
	for _, p := range pairs {
		lines = append(lines, fmt.Sprintf(policy, p[0], p[1]))
	}
	lines = append(lines, "/ip firewall nat")
	for _, p := range pairs {
		lines = append(lines, fmt.Sprintf(bypass, p[0], p[1]))
	}
	containsInOrder(t, text, lines...)
	if n := strings.Count(text, "add peer=gz-to-dc1 tunnel=yes"); n != 3 {
		t.Errorf("%d policies, want 3", n)
	}
}

// TestMikrotikBGP: RouterOS has no route-based IPsec interface, so the
// 0.0.0.0/0 selectors are a warning naming the routing field; the inside
// addresses, their policy and the BGP connection are written.
func TestMikrotikBGP(t *testing.T) {
	tu := huaweiBGPTunnel(t)
	text, warns := writeFor(t, "mikrotik", tu)
	containsInOrder(t, text,
		"/interface bridge", "add name=tw-bj4-to-dc1 protocol-mode=none",
		"/ip address", "add address=169.254.56.226/30 interface=tw-bj4-to-dc1",
		"add peer=bj4-to-dc1 tunnel=yes src-address=169.254.56.226/32 dst-address=169.254.56.225/32",
		"add list=bj4-to-dc1-announce address=192.168.10.0/24", "add list=bj4-to-dc1-announce address=192.168.11.0/24",
		"/routing bgp connection",
		"# remote.as is left out: the spec does not hold the cloud's AS number",
		"add name=bj4-to-dc1 as=CUSTOMER-ASN local.address=169.254.56.226 local.role=ebgp remote.address=169.254.56.225 output.network=bj4-to-dc1-announce")
	if !hasWarning(warns, "vpn_connection.style", "no route-based IPsec interface") {
		t.Errorf("no warning naming the routing field: %v", warns)
	}
	if !hasWarning(warns, "vpn_connection.ikepolicy.encryption_algorithm", "cannot be expressed") {
		t.Errorf("AES-GCM in phase 1 is not in the profile's list: %v", warns)
	}
	if strings.Contains(text, "src-address=0.0.0.0/0") {
		t.Errorf("a 0.0.0.0/0 policy would send all traffic into the tunnel:\n%s", text)
	}
	tu.Inside.CloudASN = peer.Value{Term: "64512", Token: "64512", Field: "bgp_asn"}
	if text, _ = writeFor(t, "mikrotik", tu); !strings.Contains(text, "remote.address=169.254.56.225 remote.as=64512 ") {
		t.Errorf("the spec's ASN is not remote.as:\n%s", text)
	}
}

// TestMikrotikLimits: SHA-384, group 24 and a traffic lifetime the spec
// sets are warnings naming their fields.
func TestMikrotikLimits(t *testing.T) {
	s := load(t, "../examples/tencent.yaml")
	p := cloud.Params(s.Params)
	p.Set("IPSECOptionsSpecification.IntegrityAlgorithm", "SHA-384")
	p.Set("IPSECOptionsSpecification.IPSECSaLifetimeTraffic", 2560000)
	tu, err := peer.Build(s, peer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	tu.IKE.Group = peer.Value{Term: "modp2048s256", Token: "GROUP24", Field: "IKEOptionsSpecification.DhGroupName"}
	text, warns := writeFor(t, "mikrotik", tu)
	for _, c := range []struct{ field, text string }{
		{"IPSECOptionsSpecification.IntegrityAlgorithm", "cannot be expressed"},
		{"IKEOptionsSpecification.DhGroupName", "cannot be expressed"},
		{"IPSECOptionsSpecification.IPSECSaLifetimeTraffic", "no traffic lifetime"},
	} {
		if !hasWarning(warns, c.field, c.text) {
			t.Errorf("no warning %q naming %s: %v", c.text, c.field, warns)
		}
	}
	if !strings.Contains(text, "auth-algorithms=UNSUPPORTED ") || !strings.Contains(text, "dh-group=UNSUPPORTED ") {
		t.Errorf("what RouterOS lacks must stay visible:\n%s", text)
	}
}

// TestKeyOnlyWithShow: for both devices and every example the key never
// appears without show; with show it is there, quoted in the device's way.
func TestKeyOnlyWithShow(t *testing.T) {
	const key = "Xr7!pL2#vQ9@mN4k"
	for _, dev := range []string{"fortigate", "mikrotik"} {
		d, _ := peer.Find(dev)
		for _, ex := range []string{"alibaba", "apsara", "huawei", "tencent", "tencent-v2"} {
			tu, err := peer.Build(load(t, "../examples/"+ex+".yaml"), peer.Options{CloudIP: "203.0.113.10", PeerIP: "198.51.100.20"})
			if err != nil {
				t.Fatal(err)
			}
			masked, _ := d.Write(tu, false)
			shown, _ := d.Write(tu, true)
			if strings.Contains(masked, key) || !strings.Contains(masked, peer.Placeholder) {
				t.Errorf("%s/%s: the key without --show-secrets", dev, ex)
			}
			if !strings.Contains(shown, `"`+key+`"`) || strings.Contains(shown, peer.Placeholder) {
				t.Errorf("%s/%s: --show-secrets does not write the key", dev, ex)
			}
		}
	}
	tu := tencentTunnel(t)
	tu.PSK = peer.Value{Token: `a"b\c?$d`, Field: "PreShareKey"}
	for dev, want := range map[string]string{
		"fortigate": "set psksecret 0x6122625c633f2464\n", // hex: the CLI would take ? as help
		"mikrotik":  `secret="a\"b\\c\?\$d" `,             // the Scripting page's escapes
	} {
		d, _ := peer.Find(dev)
		if text, _ := d.Write(tu, true); !strings.Contains(text, want) {
			t.Errorf("%s: want %s in\n%s", dev, want, text)
		}
		if text, _ := d.Write(tu, false); strings.Contains(text, `a"b`) || strings.Contains(text, "612262") {
			t.Errorf("%s: the key without --show-secrets", dev)
		}
	}
}

func tencentTunnel(t *testing.T) *peer.Tunnel {
	tu, err := peer.Build(load(t, "../examples/tencent.yaml"), peer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return tu
}

// TestMikrotikIdentities: both ids as typed values; an FQDN remote-id,
// which RouterOS checks only with IKEv2, is a warning under IKEv1.
func TestMikrotikIdentities(t *testing.T) {
	tu := tencentTunnel(t)
	text, _ := writeFor(t, "mikrotik", tu)
	if !strings.Contains(text, "my-id=address:198.51.100.20 remote-id=address:203.0.113.10 ") {
		t.Errorf("address ids:\n%s", text)
	}
	tu.Cloud.ID = peer.Identity{Type: "fqdn", ID: "vpn.example", Field: "IKEOptionsSpecification.LocalFqdnName"}
	if text, _ = writeFor(t, "mikrotik", tu); !strings.Contains(text, `remote-id="fqdn:vpn.example" `) {
		t.Errorf("fqdn remote-id:\n%s", text)
	}
	tu.Version = peer.Value{Term: "ikev1", Token: "IKEV1", Field: "IKEOptionsSpecification.IKEVersion"}
	text, warns := writeFor(t, "mikrotik", tu)
	if !hasWarning(warns, "IKEOptionsSpecification.LocalFqdnName", "only with IKEv2") || strings.Contains(text, "remote-id=") {
		t.Errorf("IKEv1 fqdn remote-id: %v\n%s", warns, text)
	}
}
