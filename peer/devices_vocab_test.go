package peer_test

import (
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/peer"
)

// vendorDevices are the devices written from a vendor's guide alone.
var vendorDevices = []string{"cisco-ios-xe", "juniper-srx"}

// TestDeviceVocabulary: every vocabulary term, in every place it can stand
// (IKE and IPsec encryption, integrity, DH and PFS group) and for both IKE
// versions, becomes the device's keyword or a warning naming that field
// with a marker the device refuses: never another algorithm in silence,
// never a marker without a warning.
func TestDeviceVocabulary(t *testing.T) {
	base, err := peer.Build(load(t, "../examples/tencent.yaml"), peer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range vendorDevices {
		d, ok := peer.Find(name)
		if !ok {
			t.Fatalf("%s is not registered", name)
		}
		for _, version := range []string{"ikev1", "ikev2"} {
			for _, tr := range cloud.Vocabulary {
				for _, slot := range slots(tr.Type) {
					tu := *base
					tu.Version = peer.Value{Term: version, Token: version, Field: "Test.Version"}
					field := "Test." + slot
					*slotOf(&tu, slot) = peer.Value{Term: tr.Term, Token: "TOKEN-" + tr.Term, Field: field}
					text, warns := d.Write(&tu, false)
					warned := hasWarning(warns, field, "TOKEN-"+tr.Term)
					marked := strings.Contains(text, "UNSUPPORTED")
					if warned != marked {
						t.Errorf("%s %s %s=%s: warned %v, marker in the text %v\n%v", name, version, slot, tr.Term, warned, marked, warns)
					}
				}
			}
		}
	}
}

// TestDeviceModes: both IKE versions and both exchange modes have the
// device's words (cloud.ModeTerms), with no warning and no marker.
func TestDeviceModes(t *testing.T) {
	base, err := peer.Build(load(t, "../examples/tencent.yaml"), peer.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]string{
		"cisco-ios-xe": {"ikev1": "crypto isakmp policy", "ikev2": "crypto ikev2 proposal", "aggressive": "set aggressive-mode password"},
		"juniper-srx":  {"ikev1": "version v1-only", "ikev2": "version v2-only", "main": "mode main", "aggressive": "mode aggressive"},
	}
	for _, name := range vendorDevices {
		d, _ := peer.Find(name)
		for _, version := range cloud.ModeTerms[cloud.RoleIKEVersion] {
			for _, mode := range cloud.ModeTerms[cloud.RoleIKEMode] {
				tu := *base
				tu.Version = peer.Value{Term: version, Token: version, Field: "Test.Version"}
				tu.Mode = peer.Value{Term: mode, Token: mode, Field: "Test.Mode"}
				text, warns := d.Write(&tu, false)
				if hasWarning(warns, "Test.Version", "") || hasWarning(warns, "Test.Mode", "") || strings.Contains(text, "UNSUPPORTED") {
					t.Errorf("%s %s %s: %v", name, version, mode, warns)
				}
				for _, term := range []string{version, mode} {
					if w := want[name][term]; w != "" && (version == "ikev1" || term == version) && !strings.Contains(text, w) {
						t.Errorf("%s %s %s: no %q", name, version, mode, w)
					}
				}
			}
		}
	}
}

func slots(transformType int) []string {
	switch transformType {
	case 1:
		return []string{"IKE.Encryption", "ESP.Encryption"}
	case 3:
		return []string{"IKE.Integrity", "ESP.Integrity"}
	}
	return []string{"IKE.Group", "ESP.Group"}
}

func slotOf(tu *peer.Tunnel, slot string) *peer.Value {
	return map[string]*peer.Value{
		"IKE.Encryption": &tu.IKE.Encryption, "ESP.Encryption": &tu.ESP.Encryption,
		"IKE.Integrity": &tu.IKE.Integrity, "ESP.Integrity": &tu.ESP.Integrity,
		"IKE.Group": &tu.IKE.Group, "ESP.Group": &tu.ESP.Group,
	}[slot]
}

// TestDeviceKnownGaps: what the guides say a device lacks is a warning
// naming the field (SM4 and NULL, IKEv1's group 21 on IOS, aes-256-gcm's
// fixed PRF on Junos), and what they have is written.
func TestDeviceKnownGaps(t *testing.T) {
	for _, c := range []struct {
		device, file, field, token, want string
	}{
		{"cisco-ios-xe", "../examples/tencent.yaml", "IPSECOptionsSpecification.EncryptAlgorithm", "SM4", ""},
		{"juniper-srx", "../examples/tencent.yaml", "IPSECOptionsSpecification.EncryptAlgorithm", "NULL", ""},
		{"cisco-ios-xe", "../examples/tencent.yaml", "IPSECOptionsSpecification.EncryptAlgorithm", "NULL", "transform-set gz-to-dc1 esp-null esp-sha256-hmac"},
		{"cisco-ios-xe", "testdata/specs/tencent-bgp-ikev1.yaml", "IKEOptionsSpecification.DhGroupName", "GROUP21", ""},
		{"cisco-ios-xe", "testdata/specs/tencent-bgp-ikev1.yaml", "IKEOptionsSpecification.DhGroupName", "GROUP20", " group 20\n"},
		{"juniper-srx", "../examples/huawei.yaml", "vpn_connection.ikepolicy.authentication_algorithm", "sha2-256", ""},
		{"juniper-srx", "../examples/huawei.yaml", "vpn_connection.ikepolicy.authentication_algorithm", "sha2-384", "PRF-HMAC-SHA384"},
	} {
		s := load(t, c.file)
		cloud.Params(s.Params).Set(c.field, c.token)
		tu, err := peer.Build(s, peer.Options{CloudIP: "203.0.113.10", PeerIP: "198.51.100.20"})
		if err != nil {
			t.Fatal(err)
		}
		d, _ := peer.Find(c.device)
		text, warns := d.Write(tu, false)
		warned := hasWarning(warns, c.field, c.token)
		if c.want == "" && !warned {
			t.Errorf("%s %s=%s: no warning naming the field: %v", c.device, c.field, c.token, warns)
		}
		if c.want != "" && (warned || !strings.Contains(text, c.want)) {
			t.Errorf("%s %s=%s: want %q and no warning, got %v\n%s", c.device, c.field, c.token, c.want, warns, text)
		}
	}
}

// TestDeviceSecrets: the key is written only with show, as the device
// reads it (Junos escapes '"' and '\' in its quoted string), and a key the
// IOS CLI cannot take as typed is a warning.
func TestDeviceSecrets(t *testing.T) {
	const key = `Xr7!pL2#vQ9@mN4k`
	for _, name := range vendorDevices {
		d, _ := peer.Find(name)
		for _, file := range []string{"../examples/tencent.yaml", "../examples/huawei.yaml", "testdata/specs/tencent-bgp-ikev1.yaml"} {
			tu, err := peer.Build(load(t, file), peer.Options{CloudIP: "203.0.113.10", PeerIP: "198.51.100.20"})
			if err != nil {
				t.Fatal(err)
			}
			masked, _ := d.Write(tu, false)
			shown, _ := d.Write(tu, true)
			if strings.Contains(masked, key) || !strings.Contains(masked, peer.Placeholder) {
				t.Errorf("%s %s: the key without show, or no placeholder", name, file)
			}
			if !strings.Contains(shown, key) || strings.Contains(shown, peer.Placeholder) {
				t.Errorf("%s %s: show does not write the key", name, file)
			}
		}
	}
	tu, _ := peer.Build(load(t, "../examples/tencent.yaml"), peer.Options{})
	tu.PSK.Token = `a"b\c?`
	d, _ := peer.Find("juniper-srx")
	if text, _ := d.Write(tu, true); !strings.Contains(text, `ascii-text "a\"b\\c?"`) {
		t.Errorf("Junos key quoting:\n%s", text)
	}
	d, _ = peer.Find("cisco-ios-xe")
	if _, warns := d.Write(tu, true); !hasWarning(warns, "PreShareKey", "cannot take") {
		t.Errorf("IOS: no warning for a '?' in the key: %v", warns)
	}
}
