package tencent

import (
	"testing"

	"tunnelwiz/cloud/drivertest"
)

// specs are the valid specs the conformance suite runs: the seed's own
// example first.
var specs = []string{"testdata/seed.yaml", "testdata/bgp.yaml", "testdata/policy.yaml", "testdata/staticroute.yaml"}

// wire is how the API carries parameters, in the vendor's own terms.
var wire = drivertest.Wire{
	// A JSON body (seed 000 shows the query form of the same names);
	// region, action and version travel in X-TC-* headers. The four
	// conformance specs already set every field.
}

func TestConformance(t *testing.T) {
	drivertest.Run(t, Driver{}, drivertest.Options{Seed: specs[0], More: specs[1:]})
}

// TestWire: every field of the table reaches the wire through the SDK, in
// Tencent API 3.0's encoding, and no unknown name does.
func TestWire(t *testing.T) {
	drivertest.RunWire(t, Driver{}, wire, specs...)
}

// TestSeedExamples: the seed's own example request, kept verbatim in
// testdata, is what the spec written from it validates and plans to.
func TestSeedExamples(t *testing.T) {
	drivertest.RunSeedExamples(t, Driver{}, wire, drivertest.SeedExample{
		Spec: "testdata/seed.yaml", Example: "testdata/seed-example.txt",
		Elsewhere: []string{"Action"}, // the X-TC-Action header
	})
}
