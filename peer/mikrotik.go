package peer

import (
	"fmt"
	"strings"
)

func init() {
	register(Device{
		Name: "mikrotik",
		Title: "MikroTik RouterOS v7 script (/ip ipsec profile, peer, proposal, identity, one policy per " +
			"selector pair, NAT bypass; /routing bgp connection for BGP tunnels)",
		Verified: "golden files read line by line against the RouterOS manual's IPsec and BGP pages " +
			"(help.mikrotik.com); not run on a device",
		write: writeMikrotik,
	})
}

// ros writes a RouterOS script: menu paths and "add" commands, each
// preceded by whole-line "#" comments naming where its values came from
// ("#" starts a comment line in a RouterOS script; there is none after a
// value). Every object is named after the connection.
type ros struct {
	t     *Tunnel
	warns []Warning
	x     text
	name  string
}

// arg is one property=value of an "add" command, and why it has that value.
type arg struct{ kv, why string }

func writeMikrotik(t *Tunnel, show bool) (string, []Warning) {
	r := &ros{t: t, name: safeName(t.Name)}
	r.header()
	r.profile()
	r.peer()
	r.proposal()
	r.identity(show)
	r.policies()
	return r.x.String(), r.warns
}

func (r *ros) header() {
	t := r.t
	for _, l := range headerLines(t, "RouterOS v7 script", noFallback) {
		r.x.comment("%s", l)
	}
	r.x.comment("Paste into a RouterOS v7 terminal or /import it (%s).", rosDoc)
	for _, l := range insideNoteLines(t) {
		r.x.comment("%s", l)
	}
}

// profile is phase 1: algorithms, lifetime, DPD and NAT-T.
func (r *ros) profile() {
	t := r.t
	r.x.line("/ip ipsec profile")
	enc, _ := r.kw(t.IKE.Encryption, false, "IKE encryption")
	hash, _ := r.kw(t.IKE.Integrity, false, "IKE integrity")
	dh, _ := r.kw(t.IKE.Group, false, "IKE DH group")
	args := []arg{
		{"name=" + r.name, ""},
		{"enc-algorithm=" + enc, from(t.IKE.Encryption)},
		{"hash-algorithm=" + hash, from(t.IKE.Integrity)},
		{"dh-group=" + dh, from(t.IKE.Group)},
	}
	if l := t.IKELifetime.Int(); l > 0 {
		args = append(args, arg{"lifetime=" + rosTime(l), from(t.IKELifetime)})
	}
	args = append(args, r.dpd()...)
	if t.Version.Term == "ikev2" {
		// Peers, exchange-mode: "Parameters that are ignored by IKEv2:
		// proposal-check, compatibility-options, lifebytes,
		// dpd-maximum-failures, nat-traversal."
		r.x.comment("IKEv2 ignores nat-traversal and dpd-maximum-failures (%s, Peers: exchange-mode); it detects NAT itself%s",
			rosDoc, natNote(t.NATT))
	} else {
		args = append(args, r.natt())
	}
	r.add(args...)
}

func (r *ros) dpd() []arg {
	t := r.t
	if !dpdEnabled(t) {
		return []arg{{"dpd-interval=disable-dpd", strings.Join(nonEmpty([]string{from(t.DPD),
			"no dead peer detection (the guide: without DPD, phase 1 is not re-keyed when its lifetime ends)"}), "; ")}}
	}
	every, why := dpdInterval(t)
	why = dpdOn(t.DPD) + "; " + why
	args := []arg{{"dpd-interval=" + rosTime(every), why}}
	if t.Version.Term != "ikev2" {
		args = append(args, arg{"dpd-maximum-failures=5", "RouterOS's default"})
	}
	return args
}

// natNote names the spec's NAT-T setting in the IKEv2 comment.
func natNote(v Value) string {
	if !v.Known() {
		return ""
	}
	return " (" + from(v) + ")"
}

func (r *ros) natt() arg {
	t := r.t
	switch t.NATT.Term {
	case "off":
		return arg{"nat-traversal=no", from(t.NATT)}
	case "on":
		return arg{"nat-traversal=yes", from(t.NATT)}
	}
	return arg{"nat-traversal=yes", "RouterOS's default: NAT-T when a NAT is detected"}
}

// peer is the cloud gateway, the exchange mode and the profile.
func (r *ros) peer() {
	t := r.t
	r.x.line("/ip ipsec peer")
	r.add(
		arg{"name=" + r.name, ""},
		arg{"address=" + t.Cloud.IP + "/32", "the cloud VPN gateway (" + t.Cloud.From + ")"},
		arg{"local-address=" + t.Customer.IP, "this device's address (" + t.Customer.From + "); remove it when the router is behind NAT"},
		arg{"profile=" + r.name, ""},
		r.exchangeMode(),
		arg{"comment=" + rosQuote("tunnelwiz peer: "+t.Vendor+" connection "+r.name), ""},
	)
}

// exchangeMode is ike2, or IKEv1's main or aggressive.
func (r *ros) exchangeMode() arg {
	t := r.t
	switch {
	case !t.Version.Known():
		r.warn(t.Version.Field, "the IKE version is unknown; set it in the spec")
		return arg{"exchange-mode=UNSET", ""}
	case t.Version.Term == "ikev1" && t.Mode.Known():
		w, _ := r.kw(t.Mode, false, "IKE exchange mode")
		return arg{"exchange-mode=" + w, from(t.Version) + ", " + from(t.Mode)}
	case t.Version.Term == "ikev1":
		return arg{"exchange-mode=main", from(t.Version) + ": main mode (the spec sets no mode)"}
	}
	w, _ := r.kw(t.Version, false, "IKE version")
	return arg{"exchange-mode=" + w, from(t.Version)}
}

// proposal is phase 2: algorithms, PFS group and lifetime.
func (r *ros) proposal() {
	t := r.t
	p := t.ESP
	enc, aead := r.kw(p.Encryption, true, "IPsec encryption")
	auth, authWhy := "", from(p.Integrity)
	if aead {
		// The guide gives no auth-algorithms for AES-GCM; null is its
		// "no integrity" keyword, which an AEAD cipher needs.
		auth, authWhy = "null", "AEAD: "+p.Encryption.Token+" carries its own integrity"
		if p.Integrity.Known() && !p.Integrity.Default {
			r.warn(p.Integrity.Field, "%s is not negotiated with %s: an AEAD cipher carries its own integrity", p.Integrity.Token, p.Encryption.Token)
		}
	} else {
		auth, _ = r.kw(p.Integrity, true, "IPsec integrity")
	}
	pfs, _ := r.kw(p.Group, true, "PFS group")
	args := []arg{
		{"name=" + r.name, ""},
		{"enc-algorithms=" + enc, from(p.Encryption)},
		{"auth-algorithms=" + auth, authWhy},
		{"pfs-group=" + pfs, from(p.Group)},
	}
	if l := t.ESPLifetime.Int(); l > 0 {
		args = append(args, arg{"lifetime=" + rosTime(l), from(t.ESPLifetime)})
	}
	r.x.line("/ip ipsec proposal")
	if kb := t.ESPLifeKB; kb.Int() > 0 {
		r.x.comment("%s: a proposal has no traffic lifetime (Proposals: lifetime only); the SA rekeys by time", from(kb))
		if !kb.Default {
			r.warn(kb.Field, "RouterOS proposals have no traffic lifetime: the SA rekeys on time only (%s)", rosProposalDoc)
		}
	}
	r.add(args...)
}

// identity is the key and both IKE ids (Identities: my-id is the ID sent,
// remote-id the ID expected from the cloud).
func (r *ros) identity(show bool) {
	t := r.t
	r.x.line("/ip ipsec identity")
	args := []arg{{"peer=" + r.name, ""}, {"auth-method=pre-shared-key", ""}}
	key, _, why := psk(t, show)
	args = append(args, arg{"secret=" + rosQuote(key), why})
	args = append(args, arg{"my-id=" + rosID(t.Customer.ID), "this side's identity: " + idFrom(t.Customer)})
	if t.Cloud.ID.Type == "fqdn" && t.Version.Term == "ikev1" {
		// Identities, remote-id: fqdn is "only supported in IKEv2".
		r.warn(t.Cloud.ID.Field, "RouterOS checks an FQDN remote-id only with IKEv2 (%s, Identities): remote-id is left auto, which accepts any ID", rosDoc)
	} else {
		args = append(args, arg{"remote-id=" + rosID(t.Cloud.ID), "the cloud's identity: " + idFrom(t.Cloud)})
	}
	args = append(args, arg{"generate-policy=no", "the policies below are the cloud's selectors"})
	r.add(args...)
}

// rosID is a RouterOS identity: address:<ip> or fqdn:<name> (Identities:
// my-id, remote-id).
func rosID(id Identity) string {
	if id.Type == "fqdn" {
		return rosQuote("fqdn:" + id.ID)
	}
	return "address:" + id.ID
}

// kw is a value's keyword in the profile (phase 1) or the proposal
// (phase 2); a value with none is a visible UNSET/UNSUPPORTED that
// RouterOS refuses, and a warning.
func (r *ros) kw(v Value, proposal bool, what string) (string, bool) {
	col := func(t string) string { return rosWords[t].Profile }
	if proposal {
		col = func(t string) string { return rosWords[t].Proposal }
	}
	k := keyword(v, what, col, r.warn)
	return k, k != markUnset && k != markUnsupported && rosWords[v.Term].AEAD
}

func (r *ros) warn(field, format string, args ...any) {
	r.warns = append(r.warns, Warning{Field: field, Message: "mikrotik: " + sprintf(format, args...)})
}

// add writes "# property: why" for each explained argument (the name
// only, so a key is never repeated in a comment), then the command.
func (r *ros) add(args ...arg) {
	var kvs []string
	for _, a := range args {
		if a.why != "" {
			r.x.comment("%s: %s", strings.SplitN(a.kv, "=", 2)[0], a.why)
		}
		kvs = append(kvs, a.kv)
	}
	r.x.line("add " + strings.Join(kvs, " "))
}

// rosTime writes seconds as a RouterOS time: 1d, 8h, 1h30m, 45s.
func rosTime(secs int64) string {
	var b strings.Builder
	for _, u := range []struct {
		n    int64
		unit string
	}{{86400, "d"}, {3600, "h"}, {60, "m"}, {1, "s"}} {
		if secs >= u.n {
			fmt.Fprintf(&b, "%d%s", secs/u.n, u.unit)
			secs %= u.n
		}
	}
	if b.Len() == 0 {
		return "0s"
	}
	return b.String()
}

// rosQuote double-quotes a script string with the escapes of the RouterOS
// manual's Scripting page: \" \\ \$ (variables) \? (help), and \XX (hex,
// capitals) for control and non-ASCII bytes.
func rosQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\' || c == '$' || c == '?':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, "\\%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
