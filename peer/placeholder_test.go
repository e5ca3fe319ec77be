package peer_test

import (
	"strings"
	"testing"

	"tunnelwiz/peer"
)

// Every device stands for the customer's AS number with the same word, so
// that one search finds it whatever the device (IOS XE and Junos wrote
// YOUR-ASN, FortiOS and RouterOS CUSTOMER-ASN).
func TestOneASNPlaceholder(t *testing.T) {
	for _, spec := range []string{"../examples/huawei.yaml", "testdata/specs/tencent-bgp-ikev1.yaml"} {
		tu, err := peer.Build(load(t, spec), peer.Options{CloudIP: "203.0.113.10", PeerIP: "198.51.100.20"})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range peer.Devices() {
			if d.Holds(tu) != nil || d.Name == "strongswan" {
				continue // strongSwan does not speak BGP
			}
			text, _ := d.Write(tu, false)
			if !strings.Contains(text, "CUSTOMER-ASN") || strings.Contains(text, "YOUR-ASN") {
				t.Errorf("%s %s: the customer's AS number is not CUSTOMER-ASN:\n%s", d.Name, spec, text)
			}
		}
	}
}
