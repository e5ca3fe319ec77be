package front

import (
	"testing"

	"tunnelwiz/cloud"
)

// TestStateWords: each state in the neutral word and the vendor's, the
// vendor's said once (a walk read Huawei's "connection available (DOWN)",
// the tunnel's DOWN under the connection).
func TestStateWords(t *testing.T) {
	for _, c := range []struct {
		conn          cloud.Connection
		phase, tunnel string
	}{
		{cloud.Connection{Phase: cloud.PhaseAvailable, State: "AVAILABLE", Tunnel: cloud.TunnelDown, TunnelState: "UNAVAILABLE"},
			"available (AVAILABLE)", "down (UNAVAILABLE)"},
		{cloud.Connection{Phase: cloud.PhaseAvailable, State: "DOWN", Tunnel: cloud.TunnelDown, TunnelState: "DOWN", StateIsTunnel: true},
			"available", "down (DOWN)"},
		{cloud.Connection{Phase: cloud.PhaseAvailable, State: "ACTIVE", Tunnel: cloud.TunnelUp, TunnelState: "ACTIVE", StateIsTunnel: true},
			"available", "up (ACTIVE)"},
		// Two fields that happen to say the same word are both said.
		{cloud.Connection{Phase: cloud.PhaseAvailable, State: "AVAILABLE", Tunnel: cloud.TunnelUp, TunnelState: "AVAILABLE"},
			"available (AVAILABLE)", "up (AVAILABLE)"},
		{cloud.Connection{Phase: cloud.PhasePending, State: "pending"}, "pending", "unknown"},
	} {
		if got := PhaseWords(&c.conn); got != c.phase {
			t.Errorf("%+v: phase %q, want %q", c.conn, got, c.phase)
		}
		if got := TunnelWords(&c.conn); got != c.tunnel {
			t.Errorf("%+v: tunnel %q, want %q", c.conn, got, c.tunnel)
		}
	}
}
