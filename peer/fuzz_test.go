package peer_test

import (
	"os"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/peer"
)

// FuzzPeer: any spec the validator accepts becomes a configuration for
// every device without a panic, and the key shows only when asked.
func FuzzPeer(f *testing.F) {
	for _, name := range []string{"tencent", "tencent-v2", "alibaba", "apsara", "huawei"} {
		b, err := os.ReadFile("../examples/" + name + ".yaml")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		spec, err := cloud.ParseSpec(b)
		if err != nil {
			return
		}
		tu, err := peer.Build(spec, peer.Options{CloudIP: "203.0.113.10", PeerIP: "198.51.100.20"})
		if err != nil {
			return
		}
		for _, d := range peer.Devices() {
			text, _ := d.Write(tu, false)
			for _, line := range strings.Split(text, "\n") {
				if strings.Contains(line, "secret") && !strings.HasPrefix(strings.TrimSpace(line), "#") &&
					strings.Contains(line, "=") && !strings.Contains(line, peer.Placeholder) && !strings.Contains(line, peer.PlaceholderFromCloud) {
					t.Errorf("%s: a secret line without the placeholder: %q", d.Name, line)
				}
			}
		}
	})
}

// BenchmarkBuildAndWrite: the model and strongSwan's file for the Tencent example.
func BenchmarkBuildAndWrite(b *testing.B) {
	spec, err := cloud.LoadSpec("../examples/tencent.yaml")
	if err != nil {
		b.Fatal(err)
	}
	d, _ := peer.Find("strongswan")
	for b.Loop() {
		tu, err := peer.Build(spec, peer.Options{})
		if err != nil {
			b.Fatal(err)
		}
		d.Write(tu, false)
	}
}
