package alibaba

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
		// Seed 004: IkeConfig, IpsecConfig, HealthCheckConfig and BgpConfig
		// are JSON strings; the SDK numbers list elements from 1
		// (Tags.1.Key, TunnelOptionsSpecification.1.TunnelIkeConfig.Psk).
		ListBase:    1,
		JSONStrings: []string{"IkeConfig", "IpsecConfig", "HealthCheckConfig", "BgpConfig"},
		Specs:       []string{"testdata/wire/all-fields.yaml", "testdata/wire/tunnels.yaml"},
	},
	SeedExamples: []drivertest.SeedExample{{
		Spec: "testdata/seed.yaml", Example: "testdata/seed-example.txt", ListBase: 1,
		Elsewhere: []string{"Action"}, // the x-acs-action header (ACS3)
	}},
}

func TestConformance(t *testing.T) { suite.Run(t) }

func FuzzValidate(f *testing.F) { suite.Fuzz(f) }
