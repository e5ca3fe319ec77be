package tencent

import (
	"testing"

	"tunnelwiz/cloud/drivertest"
)

// specs are the valid specs the conformance suite runs: the seed's own
// example first.
var specs = []string{"testdata/seed.yaml", "testdata/bgp.yaml", "testdata/policy.yaml", "testdata/staticroute.yaml"}

func TestConformance(t *testing.T) {
	drivertest.Run(t, Driver{}, drivertest.Options{Seed: specs[0], More: specs[1:]})
}

// TestWire: every field of the table reaches the wire through the SDK, in
// Tencent API 3.0's encoding, and no unknown name does.
func TestWire(t *testing.T) {
	drivertest.RunWire(t, Driver{}, drivertest.Wire{
		// A JSON body (seed 000 shows the query form of the same names);
		// region, action and version travel in X-TC-* headers. The four
		// conformance specs already set every field.
	}, specs...)
}
