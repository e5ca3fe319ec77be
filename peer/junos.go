package peer

import (
	"fmt"
	"strings"
)

func init() {
	register(Device{
		Name: "juniper-srx",
		Title: "Juniper SRX Series firewall, Junos OS (set commands: IKE proposal/policy/gateway, IPsec " +
			"proposal/policy/vpn on an st0 interface, traffic selectors or BGP)",
		Verified: "golden files read line by line against Juniper's Junos CLI Reference and IPsec VPN User Guide; " +
			"not run on a device",
		write: writeJunos,
	})
}

// The st0 unit and the zone the tunnel interface joins.
const (
	junosIf   = "st0.0"
	junosZone = "vpn"
)

// junos writes one tunnel as Junos set commands; name names the IKE and
// IPsec proposal, policy, gateway and VPN alike.
type junos struct {
	t     *Tunnel
	name  string
	show  bool
	warns []Warning
	c     cfgLines
}

// writeJunos: IKE proposal, policy and gateway, IPsec proposal and policy,
// the VPN on st0.0, then BGP or the routes a route-based tunnel needs.
func writeJunos(t *Tunnel, show bool) (string, []Warning) {
	name := safeName(t.Name)
	if len(name) > 31 {
		// Proposal, policy and gateway names are at most 32 characters.
		name = strings.TrimRight(name[:31], "-")
	}
	j := &junos{t: t, name: name, show: show, c: cfgLines{mark: "#"}}
	j.header()
	j.ike()
	j.gateway()
	j.ipsec()
	j.vpn()
	j.routing()
	return j.c.String(), j.warns
}

func (j *junos) warn(field, format string, args ...any) {
	j.warns = append(j.warns, Warning{Field: field, Message: "juniper-srx: " + sprintf(format, args...)})
}

// set writes one set command under a hierarchy.
func (j *junos) set(format string, args ...any) { j.c.cmd("set "+format, args...) }

func (j *junos) header() {
	t := j.t
	for _, l := range headerLines(t, "Junos OS (SRX Series) configuration", [2]string{
		"Every algorithm is the cloud's own: one IKE and one IPsec proposal, no proposal-set;",
		"a value the spec leaves unset is the vendor's documented default, marked so. Keywords:"}) {
		j.c.note("%s", l)
	}
	j.c.note("Junos CLI Reference and IPsec VPN User Guide (tunnelwiz peer/junos_terms.go).")
	j.c.note("Load: configure, load set terminal, paste, commit check, commit. Replace %s with the", uplink)
	j.c.note("interface that holds %s; its zone must allow host-inbound-traffic system-services ike,", t.Customer.IP)
	j.c.note("and security policies must permit traffic between your zone and zone %s.", junosZone)
	j.c.note("")
}

func (j *junos) ike() {
	t := j.t
	p := "security ike proposal " + j.name
	j.set("%s authentication-method pre-shared-keys", p)
	j.c.from(t.IKE.Encryption)
	j.set("%s encryption-algorithm %s", p, keyword(t.IKE.Encryption, "IKE encryption", junosColumn(func(w junosWord) string { return w.IKE }), j.warn))
	if w := junosWords[t.IKE.Encryption.Term]; w.AEAD {
		j.aeadPRF(w)
	} else {
		j.c.from(t.IKE.Integrity)
		j.set("%s authentication-algorithm %s", p, keyword(t.IKE.Integrity, "IKE integrity", junosColumn(func(w junosWord) string { return w.IKE }), j.warn))
	}
	j.c.from(t.IKE.Group)
	j.set("%s dh-group %s", p, keyword(t.IKE.Group, "IKE DH group", junosColumn(func(w junosWord) string { return w.IKE }), j.warn))
	if l := t.IKELifetime.Int(); l > 0 {
		j.c.from(t.IKELifetime)
		j.set("%s lifetime-seconds %d", p, l)
	}
	pol := "security ike policy " + j.name
	if t.Version.Term == "ikev1" {
		mode := t.Mode
		if !mode.Known() {
			mode = Value{Term: "main", Token: "main"}
			j.c.note("The spec has no exchange mode: main, Junos's default and IKEv1's usual one.")
		} else {
			j.c.from(t.Mode)
		}
		j.set("%s mode %s", pol, keyword(mode, "IKE exchange mode", junosMode, j.warn))
	}
	j.set("%s proposals %s", pol, j.name)
	j.psk(pol)
}

// aeadPRF: with an AEAD cipher Junos takes no authentication-algorithm
// and derives the PRF from the cipher; the prf-algorithm page says a PRF
// that contradicts the cipher's fails the commit. The cloud's IKE
// integrity is its PRF: where it is not the one Junos derives, it is
// written as prf-algorithm, for the commit to refuse, and warned.
func (j *junos) aeadPRF(w junosWord) {
	t := j.t
	in := t.IKE.Integrity
	switch {
	case w.ImpliedPRF == "":
		j.c.note("%s: the PRF is implied by the AEAD cipher and the guide does not say which;", orDash(from(in)))
		j.c.note("check show security ike security-associations detail after the first negotiation.")
	case in.Known() && in.Term != w.ImpliedPRF:
		j.warn(in.Field, "%s (%s) cannot be expressed as the PRF with %s: Junos derives PRF-HMAC-%s from the cipher",
			in.Token, orUnknown(in.Term), t.IKE.Encryption.Token, strings.ToUpper(w.ImpliedPRF))
		j.c.note("%s; Junos derives PRF-HMAC-%s from this cipher and refuses another:", from(in), strings.ToUpper(w.ImpliedPRF))
		j.set("security ike proposal %s prf-algorithm %s", j.name, keyword(in, "IKE PRF", junosColumn(func(w junosWord) string { return w.PRF }), j.warn))
	default:
		j.c.note("%s: the PRF, implied by the AEAD cipher (PRF-HMAC-%s).", orDash(from(in)), strings.ToUpper(w.ImpliedPRF))
	}
}

// psk writes the IKE policy's key: the placeholder unless show; a key is
// a quoted string in which '"' and '\' are escaped.
func (j *junos) psk(pol string) {
	key, shown, why := psk(j.t, j.show)
	j.c.note("%s", why)
	if shown {
		key = strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(key)
	}
	j.set("%s pre-shared-key ascii-text \"%s\"", pol, key)
}

func (j *junos) gateway() {
	t := j.t
	g := "security ike gateway " + j.name
	j.set("%s ike-policy %s", g, j.name)
	j.set("%s address %s", g, t.Cloud.IP)
	j.set("%s local-address %s", g, t.Customer.IP)
	j.set("%s external-interface %s", g, uplink)
	j.c.note("%s", t.Customer.ID.Note)
	j.set("%s local-identity %s", g, junosID(t.Customer.ID))
	j.c.note("%s", t.Cloud.ID.Note)
	j.set("%s remote-identity %s", g, junosID(t.Cloud.ID))
	j.dpd(g)
	j.c.from(t.Version)
	j.set("%s version %s", g, keyword(t.Version, "IKE version", junosMode, j.warn))
	if t.NATT.Term == "off" {
		j.c.from(t.NATT)
		j.set("%s no-nat-traversal", g)
	} else {
		j.c.note("NAT traversal: Junos detects NAT and moves to UDP 4500 itself%s.", natFrom(t.NATT))
	}
}

func junosID(id Identity) string {
	if id.Type == "fqdn" {
		return "hostname " + id.ID
	}
	return "inet " + id.ID
}

// dpd: always-send, as a cloud gateway probes whether or not traffic
// flows. Junos declares the peer dead after threshold unanswered probes
// interval seconds apart (defaults 10s and 5, ranges 2-60 and 1-5): the
// cloud's interval where it has one, and interval x threshold as close to
// the cloud's timeout as the ranges allow. Junos has no DPD action: a
// dead peer's SAs are cleared and establish-tunnels immediately brings
// them back, the cloud's "restart".
func (j *junos) dpd(g string) {
	t := j.t
	if !dpdEnabled(t) {
		j.c.note("No dead peer detection (%s).", dpdOff(t.DPD))
		return
	}
	interval, threshold := int64(10), int64(5)
	why := "interval 10s and threshold 5, the guide's defaults"
	switch {
	case t.DPDInterval.Known():
		interval, why = t.DPDInterval.Int(), from(t.DPDInterval)+"; threshold 5, the guide's default"
		if t.DPDTimeout.Known() && interval > 0 {
			threshold = min(max(t.DPDTimeout.Int()/interval, 1), 5)
			why = fmt.Sprintf("%s; threshold %d: %s / interval, within 1-5", from(t.DPDInterval), threshold, from(t.DPDTimeout))
		}
	case t.DPDTimeout.Known():
		timeout := t.DPDTimeout.Int()
		interval = min(max(timeout/5, 2), 60)
		threshold = min(max(timeout/interval, 1), 5)
		why = fmt.Sprintf("interval %ds x threshold %d: %s, within 2-60s and 1-5", interval, threshold, from(t.DPDTimeout))
	}
	if interval < 2 || interval > 60 {
		j.warn(t.DPDInterval.Field, "DPD interval %ds is outside Junos's 2-60 seconds", interval)
	}
	j.c.note("DPD: %s; %s.", dpdOn(t.DPD), why)
	if t.DPDAction.Known() {
		j.c.note("On a dead peer Junos clears the SAs; establish-tunnels immediately renegotiates (%s).", from(t.DPDAction))
	}
	j.set("%s dead-peer-detection always-send", g)
	j.set("%s dead-peer-detection interval %d", g, interval)
	j.set("%s dead-peer-detection threshold %d", g, threshold)
}
