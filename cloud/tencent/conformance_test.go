package tencent

import (
	"testing"

	"tunnelwiz/cloud/drivertest"
)

func TestConformance(t *testing.T) {
	drivertest.Run(t, Driver{}, drivertest.Options{
		Seed: "testdata/seed.yaml",
		More: []string{"testdata/bgp.yaml", "testdata/policy.yaml", "testdata/staticroute.yaml"},
	})
}
