package huawei

import (
	"testing"

	"tunnelwiz/cloud/drivertest"
)

// specs are the valid specs the conformance suite runs: the seed's own
// example first.
var specs = []string{"testdata/seed.yaml", "testdata/policy.yaml", "testdata/bgp.yaml"}

func TestConformance(t *testing.T) {
	drivertest.Run(t, Driver{}, drivertest.Options{Seed: specs[0], More: specs[1:]})
}

// TestWire: every field of the table reaches the wire through the SDK, in
// Huawei's encoding, and no unknown name does.
func TestWire(t *testing.T) {
	drivertest.RunWire(t, Driver{}, drivertest.Wire{
		// Seed 002: the body is the request object as documented.
		Specs: []string{"testdata/wire/all-fields.yaml", "testdata/wire/policy-v6.yaml"},
	}, specs...)
}
