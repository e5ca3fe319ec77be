package tencent

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
	Wire:   drivertest.Wire{
		// A JSON body (seed 000 shows the query form of the same names);
		// region, action and version travel in X-TC-* headers. The four
		// conformance specs already set every field.
	},
	SeedExamples: []drivertest.SeedExample{{
		Spec: "testdata/seed.yaml", Example: "testdata/seed-example.txt",
		Elsewhere: []string{"Action"}, // the X-TC-Action header
	}},
}

func TestConformance(t *testing.T) { suite.Run(t) }

func FuzzValidate(f *testing.F) { suite.Fuzz(f) }
