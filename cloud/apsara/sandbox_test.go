package apsara

import (
	"testing"

	"tunnelwiz/cloud/drivertest"
)

// TestSandbox runs the conformance suite through the sandbox over real HTTP.
func TestSandbox(t *testing.T) {
	drivertest.RunSandbox(t, Driver{}, "testdata/seed.yaml", "testdata/with-psk.yaml", "../../examples/apsara.yaml")
}
