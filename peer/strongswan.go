package peer

import (
	"encoding/hex"
	"fmt"
	"net/netip"
	"strings"
)

func init() {
	register(Device{
		Name:  "strongswan",
		Parts: true,
		Title: "strongSwan 5.9+ (swanctl.conf: connections and secrets)",
		Verified: "negotiated in the test command against strongSwan 5.9.8 (two charon daemons in network namespaces): " +
			"IKE and CHILD SAs, a ping through each CHILD_SA and a CHILD_SA rekey for every vendor and every algorithm " +
			"token strongSwan has, policy-based tunnels; a one-value mismatch per vendor must fail (peer/negotiate_test.go). " +
			"Route-based output (XFRM interface) is golden-tested only: the lab's userspace IPsec has no XFRM interfaces",
		write: writeStrongswan,
	})
}

// ifID is the XFRM interface id a route-based tunnel's SAs are bound to.
const ifID = 42

type swan struct {
	t     *Tunnel
	warns []Warning
	x     text
}

func writeStrongswan(t *Tunnel, show bool) (string, []Warning) {
	s := &swan{t: t, x: text{unit: "    "}}
	name := safeName(t.Name)
	s.header()
	s.x.open("connections")
	s.x.open(name)
	s.ike()
	s.x.open("local")
	s.x.line("auth = psk")
	s.x.line("id = "+swanID(t.Customer.ID), idFrom(t.Customer))
	s.x.close()
	s.x.open("remote")
	s.x.line("auth = psk")
	s.x.line("id = "+swanID(t.Cloud.ID), idFrom(t.Cloud))
	s.x.close()
	s.x.open("children")
	for i, c := range t.Children {
		s.child(fmt.Sprintf("%s-%d", name, i+1), c)
	}
	s.x.close()
	s.x.close()
	s.x.close()
	s.secrets(name, show)
	return s.x.String(), s.warns
}

func (s *swan) header() {
	t := s.t
	for _, l := range headerLines(t, "swanctl.conf", [2]string{
		"Every algorithm is the cloud's own and pinned (no \"default\" keyword, which would accept",
		"a mismatch); a value the spec leaves unset is the vendor's documented default, marked so."}) {
		s.x.comment("%s", l)
	}
	s.x.comment("Install: copy to /etc/swanctl/conf.d/, then swanctl --load-all.")
	if t.Mode.Term == "aggressive" && t.Version.Term == "ikev1" {
		s.x.comment("IKEv1 aggressive mode with a pre-shared key: charon initiates it only with")
		s.x.comment("charon.i_dont_care_about_security_and_use_aggressive_mode_psk = yes in strongswan.conf.")
	}
	if t.Routing.Term != "policy" {
		s.routeBasedNotes()
	}
	s.insideNotes()
}

// routeBasedNotes explains the XFRM interface a route-based tunnel needs
// (strongSwan docs 5.9, Route-based VPN: XFRM interfaces, if_id_in/out).
func (s *swan) routeBasedNotes() {
	t := s.t
	s.x.comment("Route-based tunnel (%s): the SAs protect 0.0.0.0/0 and are bound to XFRM interface id %d.", from(t.Routing), ifID)
	s.x.comment("Create the interface and route the cloud's subnets into it (strongSwan docs, Route-based VPN):")
	s.x.comment("  ip link add ipsec-cloud type xfrm dev <uplink> if_id %d && ip link set ipsec-cloud up", ifID)
	if in := insideCustomer(t.Inside); in != "" {
		s.x.comment("  ip addr add %s dev ipsec-cloud   # this side's tunnel address (%s)", in, insideFrom(t.Inside))
	}
	s.x.comment("  ip route add <the cloud's subnets> dev ipsec-cloud")
	if len(t.Routes) > 0 {
		s.x.comment("The cloud routes these subnets of yours into the tunnel: %s.", strings.Join(t.Routes, ", "))
	}
}

// insideNotes names the cloud's tunnel (BGP) address, this side's, and
// the cloud's ASN, wherever the spec gives them.
func (s *swan) insideNotes() {
	in := s.t.Inside
	if !in.Cloud.Known() {
		return
	}
	asn := ""
	if in.CloudASN.Known() {
		asn = ", AS " + in.CloudASN.Token + " (" + from(in.CloudASN) + ")"
	}
	s.x.comment("The cloud's tunnel/BGP address: %s (%s)%s.", in.Cloud.Token, from(in.Cloud), asn)
	if c := insideCustomer(in); c != "" {
		s.x.comment("This side's tunnel/BGP address: %s (%s).", c, insideFrom(in))
	}
}

func (s *swan) ike() {
	t := s.t
	version := map[string]string{"ikev1": "1", "ikev2": "2"}[t.Version.Term]
	if version == "" {
		s.warn(t.Version.Field, "the IKE version is unknown; set it in the spec")
		version = markUnset
	}
	s.x.line("version = "+version, from(t.Version))
	if t.Version.Term == "ikev1" && t.Mode.Term == "aggressive" {
		s.x.line("aggressive = yes", from(t.Mode))
	}
	s.x.line("local_addrs = " + t.Customer.IP)
	s.x.line("remote_addrs = " + t.Cloud.IP)
	s.x.line("proposals = "+s.ikeProposal(), from(t.IKE.Encryption), from(t.IKE.Integrity), from(t.IKE.Group))
	if l := t.IKELifetime.Int(); l > 0 {
		// IKEv2 rekeys the IKE SA; IKEv1 can only reauthenticate
		// (swanctl.conf: rekey_time "is supported in IKEv2 only").
		key := "rekey_time"
		if t.Version.Term == "ikev1" {
			key = "reauth_time"
		}
		s.x.line(key+" = "+seconds(l), from(t.IKELifetime))
	}
	s.dpd()
	s.x.line("mobike = no", "cloud VPN gateways do not move")
	nat := "strongSwan detects NAT itself"
	if t.NATT.Known() {
		nat = from(t.NATT) + ": " + nat
	}
	s.x.line("encap = no", nat)
}

func (s *swan) dpd() {
	t := s.t
	if !dpdEnabled(t) {
		s.x.line("dpd_delay = 0s", from(t.DPD), "no dead peer detection")
		return
	}
	delay, why := dpdInterval(t)
	s.x.line("dpd_delay = "+seconds(delay), from(t.DPD), why)
	if t.Version.Term == "ikev1" && t.DPDTimeout.Known() {
		s.x.line("dpd_timeout = "+seconds(t.DPDTimeout.Int()), from(t.DPDTimeout))
	}
}

func (s *swan) child(name string, c Child) {
	t := s.t
	s.x.open(name)
	s.x.line("local_ts = "+strings.Join(c.Customer, ","), c.CustomerField)
	s.x.line("remote_ts = "+strings.Join(c.Cloud, ","), c.CloudField)
	s.x.line("esp_proposals = "+s.espProposal(), from(t.ESP.Encryption), from(t.ESP.Integrity), from(t.ESP.Group))
	if l := t.ESPLifetime.Int(); l > 0 {
		// The SA ends when the cloud's does; strongSwan rekeys between
		// 80% and 90% of it (rand_time defaults to life_time - rekey_time).
		s.x.line("life_time = "+seconds(l), from(t.ESPLifetime))
		s.x.line("rekey_time = " + seconds(l*9/10))
	}
	if kb := t.ESPLifeKB.Int(); kb > 0 {
		s.x.line(fmt.Sprintf("life_bytes = %d", kb*1024), from(t.ESPLifeKB), "kilobytes x 1024")
	}
	if t.Routing.Term != "policy" {
		s.x.line(fmt.Sprintf("if_id_in = %d", ifID), "route-based: the XFRM interface")
		s.x.line(fmt.Sprintf("if_id_out = %d", ifID))
	}
	action := "restart"
	if t.DPDAction.Term == "clear" {
		action = "clear"
	}
	if t.DPDAction.Known() {
		s.x.line("dpd_action = "+action, from(t.DPDAction))
	} else {
		s.x.line("dpd_action = "+action, "bring the tunnel back when the cloud stops answering")
	}
	s.x.line("start_action = start", "this side brings the tunnel up")
	s.x.close()
}

// ikeProposal is encryption-integrity-group; an AEAD cipher names the
// PRF of the integrity hash instead.
func (s *swan) ikeProposal() string {
	p := s.t.IKE
	enc, aead := s.word(p.Encryption, "IKE encryption")
	parts := []string{enc}
	if aead {
		parts = append(parts, s.prf(p.Integrity))
	} else {
		w, _ := s.word(p.Integrity, "IKE integrity")
		parts = append(parts, w)
	}
	g, _ := s.word(p.Group, "IKE DH group")
	return strings.Join(append(parts, g), "-")
}

// espProposal is encryption-integrity[-pfs]; an AEAD cipher carries its
// own integrity.
func (s *swan) espProposal() string {
	p := s.t.ESP
	enc, aead := s.word(p.Encryption, "IPsec encryption")
	parts := []string{enc}
	if !aead {
		w, _ := s.word(p.Integrity, "IPsec integrity")
		parts = append(parts, w)
	} else if p.Integrity.Known() && !p.Integrity.Default {
		s.warn(p.Integrity.Field, "%s is not negotiated with %s: an AEAD cipher carries its own integrity", p.Integrity.Token, p.Encryption.Token)
	}
	if p.Group.Term != "none" {
		g, _ := s.word(p.Group, "PFS group")
		parts = append(parts, g)
	}
	return strings.Join(parts, "-")
}

// word is a value's strongSwan keyword; a value with no keyword becomes
// a visible UNSET/UNSUPPORTED marker that swanctl refuses to load, and a
// warning naming the field.
func (s *swan) word(v Value, what string) (string, bool) {
	if !v.Known() {
		return markUnset, false
	}
	w, ok := swanWords[v.Term]
	if !ok {
		s.warn(v.Field, "%s %s (%s) cannot be expressed on strongSwan, which has no such algorithm", what, v.Token, orUnknown(v.Term))
		return markUnsupported, false
	}
	return w.Word, w.AEAD
}

func (s *swan) prf(v Value) string {
	if !v.Known() {
		return markUnset
	}
	w, ok := swanWords[v.Term]
	if !ok || w.PRF == "" {
		s.warn(v.Field, "%s (%s) has no strongSwan PRF", v.Token, orUnknown(v.Term))
		return markUnsupported
	}
	return w.PRF
}

func (s *swan) secrets(name string, show bool) {
	t := s.t
	s.x.open("secrets")
	s.x.open("ike-" + name)
	s.x.line("id-customer = " + swanID(t.Customer.ID))
	s.x.line("id-cloud = " + swanID(t.Cloud.ID))
	if key, shown, why := psk(t, show); shown {
		s.x.line("secret = "+swanSecret(key), why)
	} else {
		s.x.line(`secret = "`+key+`"`, why)
	}
	s.x.close()
	s.x.close()
}

func (s *swan) warn(field, format string, args ...any) {
	s.warns = append(s.warns, Warning{Field: field, Message: "strongswan: " + sprintf(format, args...)})
}

// swanID writes an identity: an address as itself, a name with the fqdn:
// prefix so that strongSwan never takes it for anything else.
func swanID(id Identity) string {
	if id.Type == "fqdn" {
		return "fqdn:" + id.ID
	}
	return id.ID
}

func idFrom(e End) string { return e.ID.Note }

// swanSecret quotes a key, or hex-encodes it (0x...) when it holds a
// character swanctl.conf's quoting would change: '"', '\\', '$' or a
// control character.
func swanSecret(key string) string {
	for _, r := range key {
		if r == '"' || r == '\\' || r == '$' || r < 0x20 || r == 0x7f {
			return "0x" + hex.EncodeToString([]byte(key))
		}
	}
	return `"` + key + `"`
}

func orUnknown(term string) string {
	if term == "" {
		return "no known meaning"
	}
	return term
}

// insideCustomer is this side's tunnel interface address: the spec's, or
// the other host of a /30 tunnel CIDR whose cloud address is known.
func insideCustomer(in Inside) string {
	if in.Customer.Known() {
		return in.Customer.Token
	}
	cidr, err := netip.ParsePrefix(in.CIDR.Token)
	cloud, err2 := netip.ParseAddr(strings.Split(in.Cloud.Token, "/")[0])
	if err != nil || err2 != nil || cidr.Bits() != 30 || !cidr.Contains(cloud) {
		return ""
	}
	first := cidr.Masked().Addr().Next()
	other := first
	if cloud == first {
		other = first.Next()
	}
	return fmt.Sprintf("%s/30", other)
}

func insideFrom(in Inside) string {
	if in.Customer.Known() {
		return from(in.Customer)
	}
	return "the other host of " + from(in.CIDR)
}
