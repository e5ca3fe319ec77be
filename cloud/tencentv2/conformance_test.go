package tencentv2

import (
	"testing"

	"tunnelwiz/cloud/drivertest"
)

// specs are the valid specs the conformance suite runs: the seed's own
// example first.
var specs = []string{"testdata/seed.yaml", "testdata/spdacl.yaml", "testdata/address.yaml"}

// wire is how the API carries parameters, in the vendor's own terms.
var wire = drivertest.Wire{
	// Seed 003: userGwCidrBlock.n from 0, IKESet.<member>, spdAcl a JSON
	// string; Action and the common Region and SignatureMethod beside them.
	ListBase:    0,
	JSONStrings: []string{"spdAcl"},
	Fixed: map[string]func(map[string]string) string{
		"Action": func(map[string]string) string { return "AddVpnConnEx" },
		"Region": func(t map[string]string) string { return t["region"] },
		"SignatureMethod": func(t map[string]string) string {
			if m := t["signature_method"]; m != "" {
				return m
			}
			return "HmacSHA256"
		},
	},
	Specs: []string{"testdata/wire/all-fields.yaml"},
}

func TestConformance(t *testing.T) {
	drivertest.Run(t, Driver{}, drivertest.Options{Seed: specs[0], More: specs[1:]})
}

// TestWire: every field of the table reaches the wire through the SDK, in
// Tencent API 2.0's encoding, and no unknown name does.
func TestWire(t *testing.T) {
	drivertest.RunWire(t, Driver{}, wire, specs...)
}

// TestSeedExamples: the seed's own example request, kept verbatim in
// testdata, is what the spec written from it validates and plans to.
func TestSeedExamples(t *testing.T) {
	drivertest.RunSeedExamples(t, Driver{}, wire, drivertest.SeedExample{
		Spec: "testdata/seed.yaml", Example: "testdata/seed-example.txt",
		Added: map[string]string{"vpnConnName": "seed 003's table marks it required; its example leaves it out"},
	})
}
