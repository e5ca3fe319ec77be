package peer_test

import (
	"errors"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/peer"
)

// dualSpec is an Alibaba dual-tunnel connection whose two tunnels differ
// in every phase 1 and phase 2 value they set, and in their keys.
const dualSpec = `vendor: alibaba
region: cn-shanghai
params:
  RegionId: cn-shanghai
  VpnGatewayId: vpn-dual
  Name: hq
  LocalSubnet: 10.0.0.0/24
  RemoteSubnet: 192.168.0.0/24
  TunnelOptionsSpecification:
    - CustomerGatewayId: cgw-1
      Role: master
      TunnelIkeConfig: {IkeVersion: ikev2, IkeEncAlg: aes256, IkeAuthAlg: sha256, IkePfs: group14, IkeLifetime: 3600, Psk: "Key-One-111"}
      TunnelIpsecConfig: {IpsecEncAlg: aes256, IpsecAuthAlg: sha256, IpsecPfs: group14, IpsecLifetime: 1800}
    - CustomerGatewayId: cgw-1
      Role: slave
      TunnelIkeConfig: {IkeVersion: ikev2, IkeEncAlg: aes, IkeAuthAlg: sha1, IkePfs: group2, IkeLifetime: 7200, Psk: "Key-Two-222"}
      TunnelIpsecConfig: {IpsecEncAlg: aes, IpsecAuthAlg: sha1, IpsecPfs: disabled, IpsecLifetime: 900}
`

// TestDualTunnel: each tunnel of a dual-tunnel connection is built from its
// own element, named apart, and written one after the other.
func TestDualTunnel(t *testing.T) {
	tu, err := peer.Build(parse(t, dualSpec), peer.Options{CloudIP: "203.0.113.1,203.0.113.2", PeerIP: "198.51.100.1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(tu.Parts) != 2 {
		t.Fatalf("parts: %d", len(tu.Parts))
	}
	for i, want := range []struct {
		name, cloudIP, enc, encField, pfs, psk string
		life                                   int64
	}{
		{"hq-tunnel1", "203.0.113.1", "aes-cbc-256", "TunnelOptionsSpecification[0].TunnelIkeConfig.IkeEncAlg", "modp2048", "Key-One-111", 3600},
		{"hq-tunnel2", "203.0.113.2", "aes-cbc-128", "TunnelOptionsSpecification[1].TunnelIkeConfig.IkeEncAlg", "none", "Key-Two-222", 7200},
	} {
		p := tu.Parts[i]
		if p.Name != want.name || p.Cloud.IP != want.cloudIP || p.Customer.IP != "198.51.100.1" {
			t.Errorf("part %d: %s %s %s", i, p.Name, p.Cloud.IP, p.Customer.IP)
		}
		if p.IKE.Encryption.Term != want.enc || p.IKE.Encryption.Field != want.encField {
			t.Errorf("part %d IKE encryption: %+v", i, p.IKE.Encryption)
		}
		if p.ESP.Group.Term != want.pfs || p.PSK.Token != want.psk || p.IKELifetime.Int() != want.life {
			t.Errorf("part %d: PFS %+v, key %q, IKE lifetime %+v", i, p.ESP.Group, p.PSK.Token, p.IKELifetime)
		}
		if len(p.Children) != 1 || p.Children[0].Cloud[0] != "10.0.0.0/24" || p.Children[0].Customer[0] != "192.168.0.0/24" {
			t.Errorf("part %d selectors: %+v", i, p.Children)
		}
	}
	d, _ := peer.Find("strongswan")
	text, _ := d.Write(tu, false)
	for _, s := range []string{"hq-tunnel1 {", "hq-tunnel2 {", "203.0.113.1", "203.0.113.2", "aes256-sha256-modp2048", "aes128-sha1-modp1024"} {
		if !strings.Contains(text, s) {
			t.Errorf("swanctl.conf lacks %q:\n%s", s, text)
		}
	}
	if strings.Contains(text, "Key-One-111") || strings.Contains(text, "Key-Two-222") {
		t.Error("a key is written without show")
	}
	if shown, _ := d.Write(tu, true); !strings.Contains(shown, "Key-One-111") || !strings.Contains(shown, "Key-Two-222") {
		t.Error("with show, both keys are written")
	}
}

// TestDualTunnelAddresses: one --cloud-ip for two tunnels is refused,
// naming the flag; the look-up gives each tunnel its own gateway address
// and its element's customer gateway.
func TestDualTunnelAddresses(t *testing.T) {
	var bad *peer.FlagError
	if _, err := peer.Build(parse(t, dualSpec), peer.Options{CloudIP: "203.0.113.1", PeerIP: "198.51.100.1"}); !errors.As(err, &bad) ||
		err.Error() != "--cloud-ip 203.0.113.1: the connection has 2 tunnels: give one address per tunnel (--cloud-ip A,B)" {
		t.Errorf("one --cloud-ip for two tunnels: %v", err)
	}
	if _, err := peer.Build(parse(t, dualSpec), peer.Options{CloudIP: "203.0.113.1,999.1.1.1"}); !errors.As(err, &bad) ||
		err.Error() != "--cloud-ip 203.0.113.1,999.1.1.1: 999.1.1.1 is not an IPv4 address" {
		t.Errorf("a malformed element of --cloud-ip A,B: %v", err)
	}
	inv := &cloud.Inventory{
		VPNGateways: []cloud.Resource{{ID: "vpn-dual", Addresses: []cloud.Address{
			{IP: "203.0.113.7", Label: "internet"}, {IP: "203.0.113.8", Label: "disaster-recovery"}}}},
		CustomerGateways: []cloud.Resource{{ID: "cgw-1", Addresses: []cloud.Address{{IP: "198.51.100.9"}}}},
	}
	tu, err := peer.Build(parse(t, dualSpec), peer.Options{Inventory: inv})
	if err != nil {
		t.Fatal(err)
	}
	for i, ip := range []string{"203.0.113.7", "203.0.113.8"} {
		p := tu.Parts[i]
		if p.Cloud.IP != ip || p.Customer.IP != "198.51.100.9" || !strings.Contains(p.Customer.From, "TunnelOptionsSpecification[") {
			t.Errorf("part %d: cloud %s, customer %s from %s", i, p.Cloud.IP, p.Customer.IP, p.Customer.From)
		}
	}
}

// TestDualTunnelDevices: a device that cannot keep two tunnels apart
// says so, naming the list and the devices that can, and writes nothing.
func TestDualTunnelDevices(t *testing.T) {
	tu, err := peer.Build(parse(t, dualSpec), peer.Options{CloudIP: "203.0.113.1,203.0.113.2", PeerIP: "198.51.100.1"})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range peer.Devices() {
		err := d.Holds(tu)
		text, warns := d.Write(tu, false)
		var unsup *peer.UnsupportedError
		switch {
		case d.Parts && (err != nil || !strings.Contains(text, "hq-tunnel2")):
			t.Errorf("%s holds both tunnels, but: %v", d.Name, err)
		case !d.Parts && (!errors.As(err, &unsup) || unsup.Field != "TunnelOptionsSpecification" || !strings.Contains(unsup.Why, "strongswan") || text != ""):
			t.Errorf("%s: %v, wrote %d bytes", d.Name, err, len(text))
		case !d.Parts && !strings.Contains(warns[len(warns)-1].Message, "cannot hold"):
			t.Errorf("%s: warnings %v", d.Name, warns)
		}
	}
}
