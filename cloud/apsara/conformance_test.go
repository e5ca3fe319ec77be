package apsara

import (
	"testing"

	"tunnelwiz/cloud/drivertest"
)

// specs are the valid specs the conformance suite runs: the seed's own
// example first.
var specs = []string{"testdata/seed.yaml", "testdata/with-psk.yaml"}

// wire is how the API carries parameters, in the vendor's own terms.
var wire = drivertest.Wire{
	// Seed 001: a JSON body whose IkeConfig, IpsecConfig and
	// HealthCheckConfig are strings holding JSON; regionId carries
	// RegionId's value when the spec leaves it out.
	JSONStrings: []string{"IkeConfig", "IpsecConfig", "HealthCheckConfig"},
	Copies:      map[string]string{"regionId": "RegionId"},
	Specs:       []string{"testdata/wire/all-fields.yaml"},
}

func TestConformance(t *testing.T) {
	drivertest.Run(t, Driver{}, drivertest.Options{Seed: specs[0], More: specs[1:]})
}

// TestWire: every field of the table reaches the wire through the SDK, in
// Apsara Stack's encoding, and no unknown name does.
func TestWire(t *testing.T) {
	drivertest.RunWire(t, Driver{}, wire, specs...)
}

// TestSeedExamples: the seed's own example request, kept verbatim in
// testdata, is what the spec written from it validates and plans to.
func TestSeedExamples(t *testing.T) {
	drivertest.RunSeedExamples(t, Driver{}, wire, drivertest.SeedExample{
		Spec: "testdata/seed.yaml", Example: "testdata/seed-example.txt",
		// "No sample value for this parameter." and the masked "192.168.xx. 2".
		Masked: []string{"regionId", "HealthCheckConfig.dip", "HealthCheckConfig.sip"},
	})
}
