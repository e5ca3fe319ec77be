package alibaba

import (
	"testing"

	"tunnelwiz/cloud/drivertest"
)

// specs are the valid specs the conformance suite runs: the seed's own
// example first.
var specs = []string{"testdata/seed.yaml", "testdata/single-tunnel.yaml", "testdata/dual-tunnel.yaml"}

// wire is how the API carries parameters, in the vendor's own terms.
var wire = drivertest.Wire{
	// Seed 004: IkeConfig, IpsecConfig, HealthCheckConfig and BgpConfig
	// are JSON strings; the SDK numbers list elements from 1
	// (Tags.1.Key, TunnelOptionsSpecification.1.TunnelIkeConfig.Psk).
	ListBase:    1,
	JSONStrings: []string{"IkeConfig", "IpsecConfig", "HealthCheckConfig", "BgpConfig"},
	Specs:       []string{"testdata/wire/all-fields.yaml", "testdata/wire/tunnels.yaml"},
}

func TestConformance(t *testing.T) {
	drivertest.Run(t, Driver{}, drivertest.Options{Seed: specs[0], More: specs[1:]})
}

// TestWire: every field of the table reaches the wire through the SDK, in
// Alibaba's encoding, and no unknown name does.
func TestWire(t *testing.T) {
	drivertest.RunWire(t, Driver{}, wire, specs...)
}

// TestSeedExamples: the seed's own example request, kept verbatim in
// testdata, is what the spec written from it validates and plans to.
func TestSeedExamples(t *testing.T) {
	drivertest.RunSeedExamples(t, Driver{}, wire, drivertest.SeedExample{
		Spec: "testdata/seed.yaml", Example: "testdata/seed-example.txt", ListBase: 1,
		Elsewhere: []string{"Action"}, // the x-acs-action header (ACS3)
	})
}
