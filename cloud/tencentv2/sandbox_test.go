package tencentv2

import (
	"testing"

	"tunnelwiz/cloud/drivertest"
)

// TestSandbox runs the driver against the sandbox's API 2.0 frontend over
// real HTTP on loopback: every valid spec of this package and the
// project's example.
func TestSandbox(t *testing.T) {
	drivertest.RunSandbox(t, Driver{}, "testdata/seed.yaml", "testdata/spdacl.yaml", "testdata/address.yaml",
		"../../examples/tencent-v2.yaml")
}
