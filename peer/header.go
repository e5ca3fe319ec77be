package peer

// The opening comment every device writer puts above its configuration:
// what it is for, where the two addresses came from, and how proposals
// are pinned; each device adds its own lines after it, in its own comment
// syntax.

// headerLines are the shared opening lines. what names the configuration
// ("swanctl.conf", "FortiOS CLI"); pinned is the device's two-line wording
// of "only the cloud's own algorithms are offered".
func headerLines(t *Tunnel, what string, pinned [2]string) []string {
	out := []string{what + " for the customer gateway of " + t.Title}
	if t.Name != "" {
		out = append(out, sprintf("connection %q, written by tunnelwiz peer.", t.Name))
	}
	return append(out,
		sprintf("This device: %s (from %s). Cloud VPN gateway: %s (from %s).", t.Customer.IP, t.Customer.From, t.Cloud.IP, t.Cloud.From),
		pinned[0], pinned[1])
}

// noFallback is the wording of the writers that offer one proposal.
var noFallback = [2]string{
	"Every algorithm is the cloud's own and the only one offered (no fallback proposals, which",
	"would hide a mismatch); a value the spec leaves unset is the vendor's documented default, marked so.",
}

// insideNoteLines name the tunnel/BGP addresses a policy-based connection
// carries (Alibaba BgpConfig) although its selectors do not: noted, so
// that nothing in the spec is lost. None for other connections.
func insideNoteLines(t *Tunnel) []string {
	in := t.Inside
	if t.Routing.Term != "policy" || !in.Cloud.Known() {
		return nil
	}
	out := []string{
		"The spec also names tunnel/BGP addresses, which this policy-based tunnel's selectors do not carry:",
		sprintf("  the cloud's %s (%s)%s", in.Cloud.Token, from(in.Cloud), asnNote(in.CloudASN)),
	}
	if c := insideCustomer(in); c != "" {
		out = append(out, sprintf("  this side's %s (%s)", c, insideFrom(in)))
	}
	return out
}
