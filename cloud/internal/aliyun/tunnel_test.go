package aliyun

import (
	"testing"

	"tunnelwiz/cloud"
)

// Status is the negotiation's word (State stays the resource's); a
// dual-tunnel connection reports one per tunnel and is up when a tunnel is.
func TestTunnelOf(t *testing.T) {
	for _, tc := range []struct {
		m    map[string]any
		want cloud.Tunnel
		word string
	}{
		{map[string]any{"State": "active", "Status": "ipsec_sa_established"}, cloud.TunnelUp, "ipsec_sa_established"},
		{map[string]any{"Status": "ike_sa_established"}, cloud.TunnelNegotiating, "ike_sa_established"},
		{map[string]any{"Status": "ike_sa_not_established"}, cloud.TunnelDown, "ike_sa_not_established"},
		{map[string]any{"Status": "ipsec_sa_not_established"}, cloud.TunnelDown, "ipsec_sa_not_established"},
		{map[string]any{"State": "active"}, cloud.TunnelUnknown, ""},
		{map[string]any{"Status": "ike_sa_not_established", "TunnelOptionsSpecification": map[string]any{"TunnelOptions": []any{
			map[string]any{"Status": "ike_sa_not_established"}, map[string]any{"Status": "ipsec_sa_established"},
		}}}, cloud.TunnelUp, "ike_sa_not_established, ipsec_sa_established"},
	} {
		got, word := TunnelOf(tc.m)
		if got != tc.want || word != tc.word {
			t.Errorf("%v: %s %q, want %s %q", tc.m, got, word, tc.want, tc.word)
		}
	}
}
