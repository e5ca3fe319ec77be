package front

import "tunnelwiz/cloud"

// words is a state as both faces show it: the vendor-neutral word, then
// the vendor's own when it says something else ("down (UNAVAILABLE)").
func words(neutral, vendor string) string {
	if vendor == "" || vendor == neutral {
		return neutral
	}
	return neutral + " (" + Escape(vendor) + ")"
}

// TunnelWords is whether the tunnel is negotiated, in both words.
func TunnelWords(c *cloud.Connection) string {
	s := c.Status()
	return words(string(s.Tunnel), s.TunnelState)
}

// PhaseWords is the connection resource's state, in both words. Where
// the vendor's one status speaks of the tunnel (Huawei's DOWN), it is
// shown beside the tunnel only: "connection available (DOWN)" would say
// two things at once.
func PhaseWords(c *cloud.Connection) string {
	if c.StateIsTunnel {
		return string(c.Phase)
	}
	return words(string(c.Phase), c.State)
}
