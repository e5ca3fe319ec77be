package alibaba

import (
	"testing"

	"tunnelwiz/cloud/drivertest"
)

// TestSandbox runs the conformance suite through the sandbox over real
// HTTP: every valid spec is created through the SDK, read back and
// listed; faults map onto the right codes and never make two connections.
func TestSandbox(t *testing.T) {
	drivertest.RunSandbox(t, Driver{}, "testdata/seed.yaml", "testdata/single-tunnel.yaml",
		"testdata/dual-tunnel.yaml", "../../examples/alibaba.yaml")
}
