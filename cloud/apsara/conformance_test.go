package apsara

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
		// Seed 001: a JSON body whose IkeConfig, IpsecConfig and
		// HealthCheckConfig are strings holding JSON; regionId carries
		// RegionId's value when the spec leaves it out.
		JSONStrings: []string{"IkeConfig", "IpsecConfig", "HealthCheckConfig"},
		Copies:      map[string]string{"regionId": "RegionId"},
		Specs:       []string{"testdata/wire/all-fields.yaml"},
	},
	SeedExamples: []drivertest.SeedExample{{
		Spec: "testdata/seed.yaml", Example: "testdata/seed-example.txt",
		// "No sample value for this parameter." and the masked "192.168.xx. 2".
		Masked: []string{"regionId", "HealthCheckConfig.dip", "HealthCheckConfig.sip"},
	}},
}

func TestConformance(t *testing.T) { suite.Run(t) }

func FuzzValidate(f *testing.F) { suite.Fuzz(f) }
