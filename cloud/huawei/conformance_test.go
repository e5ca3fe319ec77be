package huawei

import (
	"testing"

	"tunnelwiz/cloud/drivertest"
)

// suite is the whole conformance suite of this driver (drivertest.Suite):
// testdata/cases/cases.yaml lists the valid specs and the cases; Wire says
// how the API carries parameters, in the vendor's own terms; the seed's
// example requests are kept verbatim in testdata.
var suite = drivertest.Suite{
	Driver: Driver{},
	Cases:  "testdata/cases/cases.yaml",
	Wire: drivertest.Wire{
		// Seed 002: the body is the request object as documented.
		Specs: []string{"testdata/wire/all-fields.yaml", "testdata/wire/policy-v6.yaml"},
	},
	SeedExamples: []drivertest.SeedExample{
		{Spec: "testdata/seed.yaml", Example: "testdata/seed-example-static.txt", Masked: []string{"vpn_connection.psk"}},
		{Spec: "testdata/policy.yaml", Example: "testdata/seed-example-policy.txt", Masked: []string{"vpn_connection.psk"}},
		{Spec: "testdata/bgp.yaml", Example: "testdata/seed-example-bgp.txt", Masked: []string{"vpn_connection.psk"}},
	}, // the seed's three examples; their psk "abcd****" is the vendor's mask
}

func TestConformance(t *testing.T) { suite.Run(t) }

func FuzzValidate(f *testing.F) { suite.Fuzz(f) }
