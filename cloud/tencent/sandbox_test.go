package tencent

import (
	"testing"

	"tunnelwiz/cloud/drivertest"
)

// TestSandbox runs the driver through the sandbox over loopback HTTP with
// every valid spec of this package and the vendor's example.
func TestSandbox(t *testing.T) {
	drivertest.RunSandbox(t, Driver{}, "testdata/seed.yaml", "testdata/bgp.yaml", "testdata/policy.yaml",
		"testdata/staticroute.yaml", "../../examples/tencent.yaml")
}
