package peer

import (
	"encoding/hex"
	"fmt"
	"strings"
)

func init() {
	register(Device{
		Name:  "fortigate",
		Parts: true,
		Title: "Fortinet FortiGate, FortiOS 7.x CLI (route-based IPsec: phase1-interface, one phase2-interface " +
			"per selector pair, firewall addresses and policies, static routes, BGP neighbour)",
		Verified: "golden files read line by line against the FortiOS CLI Reference (vpn ipsec phase1-interface, " +
			"phase2-interface, router bgp) and the FortiOS Administration Guide; not run on a device",
		write: writeFortigate,
	})
}

// The ports a FortiGate's configuration must name; the spec cannot know
// them, so the header says to replace them.
const (
	fortiWAN = "wan1"
	fortiLAN = "internal"
)

// forti writes FortiOS CLI: config/edit blocks, every "set" preceded by
// whole-line "#" comments saying where its value came from (the CLI takes
// no comment after a value).
type forti struct {
	t     *Tunnel
	warns []Warning
	x     text
	// name is the phase1-interface, which is also the tunnel interface:
	// at most 15 characters (Administration Guide, Phase 1 configuration).
	name string
	// pairs are the selectors, one pair of subnets each.
	pairs []Child
}

func writeFortigate(t *Tunnel, show bool) (string, []Warning) {
	f := &forti{t: t, x: text{unit: "    "}, name: fortiName(t.Name)}
	f.pairs, f.warns = selectorPairs(t.Children, "fortigate")
	f.header()
	f.phase1(show)
	f.phase2()
	f.network()
	return f.x.String(), f.warns
}

func (f *forti) header() {
	t := f.t
	for _, l := range headerLines(t, "FortiOS CLI", noFallback) {
		f.x.comment("%s", l)
	}
	f.x.comment("Paste into the FortiOS 7.x CLI; %q and %q stand for your internet and LAN ports.", fortiWAN, fortiLAN)
	for _, l := range insideNoteLines(t) {
		f.x.comment("%s", l)
	}
}

func (f *forti) phase1(show bool) {
	t := f.t
	f.config("vpn ipsec phase1-interface")
	f.edit(f.name)
	version := f.mode(t.Version, "IKE version")
	f.set("ike-version "+version, from(t.Version))
	if t.Version.Term == "ikev1" {
		mode := "main"
		why := "IKEv1 main mode, FortiOS's default (the spec sets no mode)"
		if t.Mode.Known() {
			mode, why = f.mode(t.Mode, "IKE exchange mode"), from(t.Mode)
		}
		f.set("mode "+mode, why)
	}
	f.set("type static", "the cloud VPN gateway has a fixed address")
	f.set("interface "+fortiQuote(fortiWAN), "your internet-facing port")
	f.set("local-gw "+t.Customer.IP, "this device's address ("+t.Customer.From+"); remove local-gw when the FortiGate is behind NAT")
	f.set("remote-gw "+t.Cloud.IP, "the cloud VPN gateway ("+t.Cloud.From+")")
	f.set("proposal "+f.p1Proposal(), from(t.IKE.Encryption), from(t.IKE.Integrity))
	g, _ := f.kw(t.IKE.Group, false, "IKE DH group")
	f.set("dhgrp "+g, from(t.IKE.Group))
	if l := t.IKELifetime.Int(); l > 0 {
		f.inRange(t.IKELifetime, 120, 172800, "keylife", fortiP1Doc)
		f.set(fmt.Sprintf("keylife %d", l), from(t.IKELifetime)+" (seconds)")
	}
	f.set("authmethod psk")
	f.psk(show)
	f.identities()
	f.dpd()
	f.natt()
	f.set("comments " + fortiQuote("tunnelwiz peer: "+t.Vendor+" connection "+safeName(t.Name)))
	f.next()
	f.end()
}

// p1Proposal is <encryption>-<integrity>, or <aead>-prf<hash>.
func (f *forti) p1Proposal() string {
	p := f.t.IKE
	enc, aead := f.kw(p.Encryption, false, "IKE encryption")
	integ, _ := f.kw(p.Integrity, false, "IKE integrity")
	if aead && integ != markUnset && integ != markUnsupported {
		integ = "prf" + integ
	}
	return enc + "-" + integ
}

func (f *forti) psk(show bool) {
	key, shown, why := psk(f.t, show)
	if shown {
		f.set("psksecret "+fortiSecret(key), why)
	} else {
		f.set("psksecret "+fortiQuote(key), why)
	}
}

// identities: this side's ID is sent as the cloud expects it (localid);
// the cloud's FQDN is required with peertype one, its address accepted
// with peertype any (the key and remote-gw already bind the peer).
func (f *forti) identities() {
	t := f.t
	typ := map[string]string{"fqdn": "fqdn"}[t.Customer.ID.Type]
	if typ == "" {
		typ = "address"
	}
	f.set("localid-type "+typ, "this side's identity: "+idFrom(t.Customer))
	f.set("localid " + fortiQuote(t.Customer.ID.ID))
	if t.Cloud.ID.Type == "fqdn" {
		f.set("peertype one", "the cloud's identity: "+idFrom(t.Cloud))
		f.set("peerid " + fortiQuote(t.Cloud.ID.ID))
		return
	}
	f.set("peertype any", "the cloud identifies as its address "+t.Cloud.ID.ID+" ("+idFrom(t.Cloud)+")")
}

// dpd probes when idle (on-idle), at the cloud's interval, or its timeout.
func (f *forti) dpd() {
	t := f.t
	if !dpdEnabled(t) {
		f.set("dpd disable", from(t.DPD), "no dead peer detection")
		return
	}
	f.set("dpd on-idle", dpdOn(t.DPD))
	every, why := dpdInterval(t)
	f.set(fmt.Sprintf("dpd-retryinterval %d", every), why)
	f.set("dpd-retrycount 3", "FortiOS's default retries")
	if t.DPDAction.Known() {
		f.x.comment("%s: FortiOS has no DPD action; auto-negotiate (phase 2) brings the tunnel back", from(t.DPDAction))
	}
}

func (f *forti) natt() {
	t := f.t
	switch t.NATT.Term {
	case "off":
		f.set("nattraversal disable", from(t.NATT))
	case "on":
		f.set("nattraversal enable", from(t.NATT))
	default:
		f.set("nattraversal enable", "FortiOS's default: NAT-T when a NAT is detected")
	}
}

// phase2 writes one phase2-interface per pair of subnets.
func (f *forti) phase2() {
	t := f.t
	if len(f.pairs) == 0 {
		f.x.comment("No phase2-interface: the spec names no pair of subnets to protect.")
		return
	}
	f.x.comment("One phase2-interface per pair of subnets: a selector holds one subnet on each side.")
	f.config("vpn ipsec phase2-interface")
	for i, c := range f.pairs {
		f.edit(fmt.Sprintf("%s-%d", f.name, i+1))
		f.set("phase1name " + fortiQuote(f.name))
		f.set("proposal "+f.p2Proposal(), from(t.ESP.Encryption), from(t.ESP.Integrity))
		f.pfs()
		f.keylife()
		f.set("src-subnet "+f.subnet(c.Customer[0], c.CustomerField), c.CustomerField)
		f.set("dst-subnet "+f.subnet(c.Cloud[0], c.CloudField), c.CloudField)
		f.set("auto-negotiate enable", "this side brings the tunnel up and keeps it up")
		f.next()
	}
	f.end()
}

// p2Proposal is <encryption>-<integrity>, or the AEAD cipher alone.
func (f *forti) p2Proposal() string {
	p := f.t.ESP
	enc, aead := f.kw(p.Encryption, true, "IPsec encryption")
	if aead {
		if p.Integrity.Known() && !p.Integrity.Default {
			f.warn(p.Integrity.Field, "%s is not negotiated with %s: an AEAD cipher carries its own integrity", p.Integrity.Token, p.Encryption.Token)
		}
		return enc
	}
	integ, _ := f.kw(p.Integrity, true, "IPsec integrity")
	return enc + "-" + integ
}

func (f *forti) pfs() {
	g := f.t.ESP.Group
	if g.Term == "none" {
		f.set("pfs disable", from(g))
		return
	}
	w, _ := f.kw(g, true, "PFS group")
	f.set("pfs enable", from(g))
	f.set("dhgrp " + w)
}

// keylife is seconds, and kilobytes where the cloud has a traffic lifetime.
func (f *forti) keylife() {
	t := f.t
	secs, kb := t.ESPLifetime.Int(), t.ESPLifeKB.Int()
	switch {
	case secs > 0 && kb > 0:
		f.set("keylife-type both", "the SA ends at whichever lifetime comes first, like the cloud's")
	case kb > 0:
		f.set("keylife-type kbs")
	case secs > 0:
		f.set("keylife-type seconds")
	}
	if secs > 0 {
		f.inRange(t.ESPLifetime, 120, 172800, "keylifeseconds", fortiP2Doc)
		f.set(fmt.Sprintf("keylifeseconds %d", secs), from(t.ESPLifetime))
	}
	if kb > 0 {
		f.inRange(t.ESPLifeKB, 5120, 4294967295, "keylifekbs", fortiP2Doc)
		f.set(fmt.Sprintf("keylifekbs %d", kb), from(t.ESPLifeKB))
	}
}

// inRange warns when a value is outside the CLI's documented range: it is
// written as the cloud has it, and the CLI will refuse it.
func (f *forti) inRange(v Value, lo, hi int64, key, doc string) {
	if n := v.Int(); n < lo || n > hi {
		f.warn(v.Field, "%d is outside FortiOS's %s range %d-%d (%s): the CLI refuses it", n, key, lo, hi, doc)
	}
}

// kw is a value's FortiOS keyword in phase 1 or 2; a value with none is a
// visible UNSET/UNSUPPORTED that the CLI refuses, and a warning.
func (f *forti) kw(v Value, phase2 bool, what string) (string, bool) {
	col := func(t string) string { return fortiWords[t].P1 }
	if phase2 {
		col = func(t string) string { return fortiWords[t].P2 }
	}
	k := keyword(v, what, col, f.warn)
	return k, k != markUnset && k != markUnsupported && fortiWords[v.Term].AEAD
}

// mode is a version or exchange-mode keyword.
func (f *forti) mode(v Value, what string) string {
	if !v.Known() {
		f.warn(v.Field, "the %s is unknown; set it in the spec", what)
		return markUnset
	}
	k, _ := f.kw(v, false, what)
	return k
}

func (f *forti) warn(field, format string, args ...any) {
	f.warns = append(f.warns, Warning{Field: field, Message: "fortigate: " + sprintf(format, args...)})
}

// set writes the comments, then "set <s>".
func (f *forti) set(s string, why ...string) {
	if c := strings.Join(nonEmpty(why), "; "); c != "" {
		f.x.comment("%s", c)
	}
	f.x.line("set " + s)
}

func (f *forti) config(path string) {
	f.x.line("config " + path)
	f.x.indent++
}

func (f *forti) end() {
	f.x.indent--
	f.x.line("end")
}

func (f *forti) edit(name string) {
	f.x.line("edit " + fortiQuote(name))
	f.x.indent++
}

// editNew is "edit 0": FortiOS picks the next free id (firewall policies,
// static routes, BGP networks).
func (f *forti) editNew() {
	f.x.line("edit 0")
	f.x.indent++
}

func (f *forti) next() {
	f.x.indent--
	f.x.line("next")
}

// fortiName is the phase1-interface name: the connection's safe name, at
// most 15 characters.
func fortiName(name string) string {
	s := safeName(name)
	if len(s) > 15 {
		s = strings.TrimRight(s[:15], "-_")
	}
	return s
}

// fortiSecret quotes a key, or writes it as hexadecimal with a leading 0x
// (which psksecret takes: "ASCII string or hexadecimal encoded with a
// leading 0x", CLI Reference) when it holds a character the CLI would
// change or take as a command: '"', '\\', '?' (which shows help unless
// preceded by ctrl-V), or a control or non-ASCII character.
func fortiSecret(key string) string {
	for _, r := range key {
		if r == '"' || r == '\\' || r == '?' || r < 0x20 || r >= 0x7f {
			return "0x" + hex.EncodeToString([]byte(key))
		}
	}
	return `"` + key + `"`
}

// fortiQuote double-quotes a CLI string, escaping '"' and '\\' with a
// backslash (the Command syntax rules of Fortinet's CLIs, e.g.
// https://docs.fortinet.com/document/fortidb/5.1.14/handbook-html/593819/command-syntax;
// the FortiOS page https://docs.fortinet.com/document/fortigate/7.0.5/administration-guide/508024
// gives the syntax notation, not these escapes).
func fortiQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
