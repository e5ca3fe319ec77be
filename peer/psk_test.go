package peer_test

import (
	"strings"
	"testing"

	"tunnelwiz/peer"
)

// TestKeyFromTheCloud: a spec that sends no pre-shared key (the cloud
// makes one up) is written, with or without show, on every device, with a
// placeholder saying the key comes from the cloud and a comment naming
// the field and where to read the key: not the spec's placeholder, which
// sends the engineer to the spec or to --show-secrets.
func TestKeyFromTheCloud(t *testing.T) {
	for _, c := range []struct{ file, field string }{
		{"testdata/specs/huawei-no-psk.yaml", "vpn_connection.psk"},
		{"../examples/alibaba.yaml", "IkeConfig.Psk"},
	} {
		spec := load(t, c.file)
		delete(spec.Params, "psk")
		if ike, ok := spec.Params["IkeConfig"].(map[string]any); ok {
			delete(ike, "Psk")
		}
		tu, err := peer.Build(spec, peer.Options{CloudIP: "203.0.113.10", PeerIP: "198.51.100.20"})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range peer.Devices() {
			for _, show := range []bool{false, true} {
				text, _ := d.Write(tu, show)
				if !strings.Contains(text, "PRE-SHARED-KEY-FROM-THE-CLOUD") || strings.Contains(text, "MASKED") ||
					!strings.Contains(text, c.field+" is not in the spec, so the cloud makes the key up: after the create, read it with tunnelwiz peer --connection ID --vendor-device NAME") ||
					strings.Contains(text, "# :") || strings.Contains(text, "! :") {
					t.Errorf("%s on %s, show %v:\n%s", c.file, d.Name, show, text)
				}
			}
		}
	}
}
