package wizard

import (
	"os"
	"testing"

	"tunnelwiz/internal/testenv"
)

// TestMain makes the screens independent of the machine: no vendor keys
// in the environment, and an empty home (no CLI profiles, no draft).
func TestMain(m *testing.M) {
	cleanup := testenv.Clean()
	code := m.Run()
	cleanup()
	os.Exit(code)
}
