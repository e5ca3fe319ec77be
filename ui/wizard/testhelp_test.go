package wizard

import (
	"bytes"
	"fmt"
	"net/netip"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"tunnelwiz/cloud/sandbox"
)

// waitText waits, for at most d, until the screen has drawn s (teatest
// sends only what changed, so s must be a piece drawn at once).
func waitText(t *testing.T, tm *teatest.TestModel, s string, d time.Duration) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
		teatest.WithDuration(d), teatest.WithCheckInterval(20*time.Millisecond))
}

func keyCtrl(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }

func fmtAny(v any) string { return fmt.Sprintf("%v", v) }

// sandboxConflict is a connection on the example's gateway whose remote
// range overlaps the example's.
func sandboxConflict() sandbox.NewConn {
	return sandbox.NewConn{ID: "vpnx-existing1", Name: "older", VPNGatewayID: "vpngw-1w9tue3d", CustomerGatewayID: "cgw-2wqq41m9",
		Remote: []netip.Prefix{netip.MustParsePrefix("192.168.10.0/23")}}
}
