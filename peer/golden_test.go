package peer_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tunnelwiz/peer"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden writes every example for every device, key masked, and
// compares with testdata/<device>/<vendor>.golden (reviewed line by line
// against the device's guide; `go test ./peer -update` rewrites them). The
// warnings are part of the golden file, after the configuration. The specs
// in testdata/specs add the shapes the examples lack (several policy
// children, a route-based BGP tunnel over IKEv1), named for their file.
func TestGolden(t *testing.T) {
	examples, _ := filepath.Glob("../examples/*.yaml")
	if len(examples) < 5 {
		t.Fatalf("examples: %v", examples)
	}
	specs, _ := filepath.Glob("testdata/specs/*.yaml")
	if len(specs) < 2 {
		t.Fatalf("testdata/specs: %v", specs)
	}
	for _, d := range peer.Devices() {
		for _, ex := range append(examples, specs...) {
			vendor := strings.TrimSuffix(filepath.Base(ex), ".yaml")
			t.Run(d.Name+"/"+vendor, func(t *testing.T) {
				// Addresses an example does not hold are given as flags.
				spec := load(t, ex)
				tu, err := peer.Build(spec, peer.Options{})
				var missing *peer.MissingAddressError
				if errors.As(err, &missing) {
					tu, err = peer.Build(spec, peer.Options{CloudIP: "203.0.113.10", PeerIP: "198.51.100.20"})
				}
				if err != nil {
					t.Fatal(err)
				}
				text, warns := d.Write(tu, false)
				for _, w := range warns {
					text += "# warning " + w.String() + "\n"
				}
				if strings.Contains(text, "Xr7!pL2#vQ9@mN4k") {
					t.Error("the key is written without --show-secrets")
				}
				golden := filepath.Join("testdata", d.Name, vendor+".golden")
				if *update {
					os.MkdirAll(filepath.Dir(golden), 0o755)
					if err := os.WriteFile(golden, []byte(text), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (go test ./peer -update writes it)", err)
				}
				if string(want) != text {
					t.Errorf("%s differs:\n%s", golden, diff(string(want), text))
				}
			})
		}
	}
}

func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var out []string
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			out = append(out, "- "+a, "+ "+b)
		}
	}
	return strings.Join(out, "\n")
}
