package peer

import "strings"

func init() {
	register(Device{
		Name: "cisco-ios-xe",
		Title: "Cisco IOS XE router (CLI: IKEv2 proposal/policy/keyring/profile or ISAKMP policy/profile, " +
			"IPsec transform set, a crypto map per selector pair or a VTI with BGP)",
		Verified: "golden files read line by line against Cisco's Security and VPN Configuration Guide, " +
			"Cisco IOS XE 17.x; not run on a device",
		write: writeCiscoXE,
	})
}

// ios writes one tunnel as IOS XE commands; name prefixes every object
// (proposal, keyring, profile, transform set, crypto map, ACLs).
type ios struct {
	t     *Tunnel
	name  string
	show  bool
	warns []Warning
	c     cfgLines
}

// writeCiscoXE: IKE (IKEv2 or IKEv1), the transform set, then a crypto
// map for a policy-based tunnel or a VTI for a route-based one.
func writeCiscoXE(t *Tunnel, show bool) (string, []Warning) {
	x := &ios{t: t, name: safeName(t.Name), show: show, c: cfgLines{mark: "!"}}
	x.header()
	switch _, ok := iosModes[t.Version.Term]; {
	case !t.Version.Known():
		x.c.note("The spec sets no IKE version (see the warning): written as IKEv2.")
	case !ok:
		x.warn(t.Version.Field, "IKE version %s (%s) has no IOS XE commands: written as IKEv2", t.Version.Token, orUnknown(t.Version.Term))
	}
	if t.Version.Term == "ikev1" {
		x.ikev1()
	} else {
		x.ikev2()
	}
	x.transformSet()
	if t.Routing.Term == "policy" {
		x.cryptoMap()
	} else {
		x.vti()
	}
	return x.c.String(), x.warns
}

func (x *ios) warn(field, format string, args ...any) {
	x.warns = append(x.warns, Warning{Field: field, Message: "cisco-ios-xe: " + sprintf(format, args...)})
}

func (x *ios) header() {
	t := x.t
	for _, l := range headerLines(t, "Cisco IOS XE configuration", [2]string{
		"Every algorithm is the cloud's own: one proposal and one transform set, no other offers;",
		"a value the spec leaves unset is the vendor's documented default, marked so. Keywords:"}) {
		x.c.note("%s", l)
	}
	x.c.note("Cisco Security and VPN Configuration Guide, Cisco IOS XE 17.x (tunnelwiz peer/ciscoxe_terms.go).")
	x.c.note("Paste in global configuration mode; replace %s with the interface that holds %s.", uplink, t.Customer.IP)
	x.c.note("NAT traversal: IOS XE detects NAT and moves to UDP 4500 itself (on by default)%s.", natFrom(t.NATT))
	if t.NATT.Term == "off" {
		x.c.note("The cloud has it off; no crypto ipsec nat-transparency udp-encapsulation turns it off, for every tunnel here.")
	}
	x.c.note("")
}

// ikev2 writes the proposal, the policy that selects it, the keyring and
// the profile (identities, PSK, lifetime, DPD): the guide's IKEv2 chapter.
func (x *ios) ikev2() {
	t := x.t
	x.c.from(t.Version)
	x.c.cmd("crypto ikev2 proposal %s", x.name)
	enc := keyword(t.IKE.Encryption, "IKEv2 encryption", iosColumn(func(w iosWord) string { return w.V2 }), x.warn)
	x.c.from(t.IKE.Encryption)
	x.c.cmd(" encryption %s", enc)
	x.c.from(t.IKE.Integrity)
	if iosWords[t.IKE.Encryption.Term].AEAD {
		// An AEAD proposal names the pseudo-random function only.
		x.c.cmd(" prf %s", keyword(t.IKE.Integrity, "IKEv2 PRF", iosColumn(func(w iosWord) string { return w.PRF }), x.warn))
	} else {
		x.c.cmd(" integrity %s", keyword(t.IKE.Integrity, "IKEv2 integrity", iosColumn(func(w iosWord) string { return w.V2 }), x.warn))
	}
	x.c.from(t.IKE.Group)
	x.c.cmd(" group %s", keyword(t.IKE.Group, "IKEv2 DH group", iosColumn(func(w iosWord) string { return w.V2 }), x.warn))
	x.c.cmd("!")
	x.c.note("The policy selects this proposal for IKE from %s only.", t.Customer.IP)
	x.c.cmd("crypto ikev2 policy %s", x.name)
	x.c.cmd(" match address local %s", t.Customer.IP)
	x.c.cmd(" proposal %s", x.name)
	x.c.cmd("!")
	x.c.cmd("crypto ikev2 keyring %s", x.name)
	x.c.cmd(" peer cloud")
	x.c.cmd("  address %s", t.Cloud.IP)
	x.psk("  pre-shared-key %s")
	x.c.cmd("!")
	x.c.cmd("crypto ikev2 profile %s", x.name)
	x.c.note("%s", t.Cloud.ID.Note)
	if t.Cloud.ID.Type == "fqdn" {
		x.c.cmd(" match identity remote fqdn %s", t.Cloud.ID.ID)
	} else {
		x.c.cmd(" match identity remote address %s 255.255.255.255", t.Cloud.ID.ID)
	}
	x.c.note("%s", t.Customer.ID.Note)
	if t.Customer.ID.Type == "fqdn" {
		x.c.cmd(" identity local fqdn %s", t.Customer.ID.ID)
	} else {
		x.c.cmd(" identity local address %s", t.Customer.ID.ID)
	}
	x.c.cmd(" authentication remote pre-share")
	x.c.cmd(" authentication local pre-share")
	x.c.cmd(" keyring local %s", x.name)
	if l := t.IKELifetime.Int(); l > 0 {
		x.c.from(t.IKELifetime)
		x.c.cmd(" lifetime %d", x.ikeLifetime(l, 120))
	}
	x.dpd(func(interval, retry int64) { x.c.cmd(" dpd %d %d periodic", interval, retry) })
	x.c.cmd("!")
}

// ikev1 writes the ISAKMP policy, a keyring and an ISAKMP profile
// (identities, keepalives): the guide's IKE chapter; and for aggressive
// mode an ISAKMP peer.
func (x *ios) ikev1() {
	t := x.t
	x.c.from(t.Version)
	x.c.note("IOS offers every crypto isakmp policy it has: keep 10 the only one, or the lowest number.")
	x.c.cmd("crypto isakmp policy 10")
	x.c.from(t.IKE.Encryption)
	x.c.cmd(" encryption %s", keyword(t.IKE.Encryption, "IKEv1 encryption", iosColumn(func(w iosWord) string { return w.V1 }), x.warn))
	x.c.from(t.IKE.Integrity)
	x.c.cmd(" hash %s", keyword(t.IKE.Integrity, "IKEv1 hash", iosColumn(func(w iosWord) string { return w.V1 }), x.warn))
	x.c.cmd(" authentication pre-share")
	x.c.from(t.IKE.Group)
	x.c.cmd(" group %s", keyword(t.IKE.Group, "IKEv1 DH group", iosColumn(func(w iosWord) string { return w.V1 }), x.warn))
	if l := t.IKELifetime.Int(); l > 0 {
		x.c.from(t.IKELifetime)
		x.c.cmd(" lifetime %d", x.ikeLifetime(l, 60))
	}
	x.c.cmd("!")
	x.c.cmd("crypto keyring %s", x.name)
	x.psk(" pre-shared-key address " + t.Cloud.IP + " key %s")
	x.c.cmd("!")
	x.c.cmd("crypto isakmp profile %s", x.name)
	x.c.cmd(" keyring %s", x.name)
	x.c.note("%s", t.Cloud.ID.Note)
	if t.Cloud.ID.Type == "fqdn" {
		x.c.cmd(" match identity host %s", t.Cloud.ID.ID)
	} else {
		x.c.cmd(" match identity address %s 255.255.255.255", t.Cloud.ID.ID)
	}
	x.c.note("%s", t.Customer.ID.Note)
	if t.Customer.ID.Type == "fqdn" {
		x.c.note("self-identity fqdn sends this router's hostname.domain: set them so that it reads %s", t.Customer.ID.ID)
		x.c.cmd(" self-identity fqdn")
	} else {
		x.c.cmd(" self-identity address")
	}
	x.dpd(func(interval, retry int64) { x.c.cmd(" keepalive %d retry %d", interval, retry) })
	if t.Mode.Term != "aggressive" && t.Mode.Known() {
		x.c.note("%s: main mode, IOS's default.", from(t.Mode))
	}
	x.c.cmd("!")
	if t.Mode.Term == "aggressive" {
		x.aggressive()
	}
}

// aggressive: IOS initiates IKEv1 aggressive mode to a crypto isakmp peer
// that has an aggressive-mode password and client endpoint, the identity
// it sends (iosAggressive in ciscoxe_terms.go).
func (x *ios) aggressive() {
	t := x.t
	x.c.note("%s: IOS initiates aggressive mode to this peer, with this key and identity.", from(t.Mode))
	x.c.cmd("crypto isakmp peer address %s", t.Cloud.IP)
	x.psk(" set aggressive-mode password %s")
	x.c.note("%s", t.Customer.ID.Note)
	if t.Customer.ID.Type == "fqdn" {
		x.c.cmd(" set aggressive-mode client-endpoint fqdn %s", t.Customer.ID.ID)
	} else {
		x.c.cmd(" set aggressive-mode client-endpoint ipv4-address %s", t.Customer.ID.ID)
	}
	x.c.cmd("!")
}

// ikeLifetime checks the IKE SA lifetime against the command's range
// (crypto isakmp policy lifetime 60-86400, crypto ikev2 profile lifetime
// 120-86400): out of range is written anyway, for IOS to refuse, and warned.
func (x *ios) ikeLifetime(l, min int64) int64 {
	if l < min || l > 86400 {
		x.warn(x.t.IKELifetime.Field, "IKE lifetime %ds is outside IOS XE's %d-86400 seconds", l, min)
	}
	return l
}

// dpd writes dead peer detection: the cloud's interval (or its timeout,
// to probe at least that often), else 30s, tunnelwiz's choice; 5 seconds
// between retries, also tunnelwiz's choice (the command requires one).
// IOS has no DPD action: it clears the SAs and the next packet (or the
// VTI) brings the tunnel back, the cloud's "restart". The ranges are the
// IKEv2 profile's (iosYANG: dpd 10-3600, retry 2-60).
func (x *ios) dpd(line func(interval, retry int64)) {
	t := x.t
	if !dpdEnabled(t) {
		x.c.note("No dead peer detection (%s).", dpdOff(t.DPD))
		return
	}
	interval, why := dpdInterval(t)
	x.c.note("DPD: %s; %s; retries every 5s (tunnelwiz's choice).", dpdOn(t.DPD), why)
	if t.DPDAction.Known() {
		x.c.note("On a dead peer IOS clears the SAs and renegotiates on traffic (%s).", from(t.DPDAction))
	}
	if interval < 10 || interval > 3600 {
		x.warn(t.DPDInterval.Field, "DPD interval %ds is outside IOS XE's 10-3600 seconds", interval)
	}
	line(interval, 5)
}

// psk writes the key line (format holds one %s): the placeholder unless
// show. IOS reads a key up to the end of the line, but a '?' opens the
// CLI's help and a leading or trailing space is lost.
func (x *ios) psk(format string) {
	t := x.t
	key, shown, why := psk(t, x.show)
	if shown && (strings.ContainsAny(key, "?\n\r") || strings.TrimSpace(key) != key) {
		x.warn(t.PSK.Field, "the key holds a '?', a line break or an edge space, which the IOS CLI cannot take as typed")
	}
	x.c.note("%s", why)
	x.c.cmd(format, key)
}
