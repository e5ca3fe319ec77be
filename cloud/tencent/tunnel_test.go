package tencent

import (
	"testing"

	"tunnelwiz/cloud"
)

// NetStatus is the tunnel's word; State stays the resource's.
func TestTunnelMapping(t *testing.T) {
	for word, want := range map[string]cloud.Tunnel{
		"AVAILABLE": cloud.TunnelUp, "UNAVAILABLE": cloud.TunnelDown, "available": cloud.TunnelUp,
		"": cloud.TunnelUnknown, "SOMETHING_NEW": cloud.TunnelUnknown,
	} {
		if got := tunnel(word); got != want {
			t.Errorf("NetStatus %q: %s, want %s", word, got, want)
		}
	}
}
