package wizard

import (
	"testing"

	"tunnelwiz/internal/testenv"
)

// TestMain: no vendor keys in the environment, an empty home (no CLI
// profiles, no draft).
func TestMain(m *testing.M) { testenv.Main(m) }
