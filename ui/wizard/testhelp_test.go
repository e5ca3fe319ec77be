package wizard

import (
	"fmt"
	"net/netip"

	tea "charm.land/bubbletea/v2"

	"tunnelwiz/cloud/sandbox"
)

func keyCtrl(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }

func fmtAny(v any) string { return fmt.Sprintf("%v", v) }

// sandboxConflict is a connection on the example's gateway whose remote
// range overlaps the example's.
func sandboxConflict() sandbox.NewConn {
	return sandbox.NewConn{ID: "vpnx-existing1", Name: "older", VPNGatewayID: "vpngw-1w9tue3d", CustomerGatewayID: "cgw-2wqq41m9",
		Remote: []netip.Prefix{netip.MustParsePrefix("192.168.10.0/23")}}
}
