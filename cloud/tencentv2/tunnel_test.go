package tencentv2

import (
	"testing"

	"tunnelwiz/cloud"
)

// netStatus ("available: 已连通, unavailable: 未连通") is the tunnel's word;
// vpcConnStatus stays the resource's.
func TestTunnelMapping(t *testing.T) {
	for word, want := range map[string]cloud.Tunnel{
		"available": cloud.TunnelUp, "unavailable": cloud.TunnelDown, "": cloud.TunnelUnknown, "odd": cloud.TunnelUnknown,
	} {
		if got := tunnelOf(word); got != want {
			t.Errorf("netStatus %q: %s, want %s", word, got, want)
		}
	}
	c := toConnection(map[string]any{"unVpnConnId": "vpnx-1", "vpcConnStatus": "6", "netStatus": "unavailable"}, cloud.Filter{})
	if c.Phase != cloud.PhaseAvailable || c.State != "available" || c.Tunnel != cloud.TunnelDown || c.TunnelState != "unavailable" {
		t.Errorf("%+v", c.Status())
	}
}
