package tencentv2

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
	},
	SeedExamples: []drivertest.SeedExample{{
		Spec: "testdata/seed.yaml", Example: "testdata/seed-example.txt",
		Added: map[string]string{"vpnConnName": "seed 003's table marks it required; its example leaves it out"},
	}},
}

func TestConformance(t *testing.T) { suite.Run(t) }

func FuzzValidate(f *testing.F) { suite.Fuzz(f) }
