package peer

// Phrases the device writers share in their comments, and the DPD switch
// and interval they all read alike.

// uplink stands for the device's Internet-facing interface, which no spec
// holds: IOS and Junos refuse the name, so it cannot be pasted unread.
const uplink = "UPLINK-INTERFACE"

// customerASN stands for the customer gateway's own AS number, which no
// spec holds, on every device alike: each refuses it as an AS number, so
// it cannot be loaded unreplaced.
const customerASN = "CUSTOMER-ASN"

// dpdEnabled: the spec turns DPD on, or sets its timing without a switch.
func dpdEnabled(t *Tunnel) bool {
	return t.DPD.Term == "on" || !t.DPD.Known() && (t.DPDInterval.Known() || t.DPDTimeout.Known())
}

// dpdInterval is how often to probe, and why: the cloud's interval, else
// its timeout (probe at least that often), else 30s, tunnelwiz's choice
// where the cloud documents none.
func dpdInterval(t *Tunnel) (int64, string) {
	switch {
	case t.DPDInterval.Known():
		return t.DPDInterval.Int(), from(t.DPDInterval)
	case t.DPDTimeout.Known():
		return t.DPDTimeout.Int(), from(t.DPDTimeout) + ": probe at least that often"
	}
	return 30, "the cloud documents no interval: 30s is tunnelwiz's choice"
}

// dpdOn says why DPD is on: the spec's switch, or its timing alone.
func dpdOn(v Value) string {
	if v.Known() {
		return from(v)
	}
	return "on, as the spec sets its timing"
}

// dpdOff says why DPD is off: the spec's switch, or no DPD setting.
func dpdOff(v Value) string {
	if v.Known() {
		return from(v)
	}
	return "the spec has no DPD setting"
}

// orDash stands in for an empty source in a comment.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// natFrom is the cloud's NAT traversal setting, for the NAT-T comment.
func natFrom(v Value) string {
	if !v.Known() {
		return ""
	}
	return "; the cloud: " + from(v)
}

// asnNote is the cloud's BGP AS number and its source, when known.
func asnNote(v Value) string {
	if !v.Known() {
		return ""
	}
	return ", AS " + v.Token + " (" + from(v) + ")"
}
