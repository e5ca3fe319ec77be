package cli

import (
	"os"
	"testing"

	"tunnelwiz/internal/testenv"
)

// TestMain: no vendor keys in the environment, an empty home.
func TestMain(m *testing.M) {
	cleanup := testenv.Clean()
	code := m.Run()
	cleanup()
	os.Exit(code)
}
