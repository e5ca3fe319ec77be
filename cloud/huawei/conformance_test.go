package huawei

import (
	"testing"

	"tunnelwiz/cloud/drivertest"
)

// specs are the valid specs the conformance suite runs: the seed's own
// example first.
var specs = []string{"testdata/seed.yaml", "testdata/policy.yaml", "testdata/bgp.yaml"}

// wire is how the API carries parameters, in the vendor's own terms.
var wire = drivertest.Wire{
	// Seed 002: the body is the request object as documented.
	Specs: []string{"testdata/wire/all-fields.yaml", "testdata/wire/policy-v6.yaml"},
}

func TestConformance(t *testing.T) {
	drivertest.Run(t, Driver{}, drivertest.Options{Seed: specs[0], More: specs[1:]})
}

// TestWire: every field of the table reaches the wire through the SDK, in
// Huawei's encoding, and no unknown name does.
func TestWire(t *testing.T) {
	drivertest.RunWire(t, Driver{}, wire, specs...)
}

// TestSeedExamples: the seed's own example request, kept verbatim in
// testdata, is what the spec written from it validates and plans to.
func TestSeedExamples(t *testing.T) {
	examples := map[string]string{"static": "testdata/seed.yaml", "policy": "testdata/policy.yaml", "bgp": "testdata/bgp.yaml"}
	for _, name := range []string{"static", "policy", "bgp"} {
		drivertest.RunSeedExamples(t, Driver{}, wire, drivertest.SeedExample{
			Spec: examples[name], Example: "testdata/seed-example-" + name + ".txt",
			Masked: []string{"vpn_connection.psk"}, // "abcd****"
		})
	}
}
