package huawei

import (
	"testing"

	"tunnelwiz/cloud/drivertest"
)

// TestSandbox runs the driver against the sandbox over loopback HTTP:
// every valid spec of ours and the example are accepted and read back,
// signatures are checked, faults map onto codes, nothing is created twice.
func TestSandbox(t *testing.T) {
	drivertest.RunSandbox(t, Driver{}, "testdata/seed.yaml", "testdata/policy.yaml", "testdata/bgp.yaml", "../../examples/huawei.yaml")
}
