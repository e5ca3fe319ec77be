package peer

import (
	"fmt"
	"net/netip"
	"strings"
)

// transformSet writes the ESP transforms: cipher, then integrity unless
// the cipher is AEAD.
func (x *ios) transformSet() {
	t := x.t
	p := t.ESP
	parts := []string{keyword(p.Encryption, "ESP encryption", iosColumn(func(w iosWord) string { return w.ESP }), x.warn)}
	if iosWords[p.Encryption.Term].AEAD {
		if p.Integrity.Known() && !p.Integrity.Default {
			x.warn(p.Integrity.Field, "%s is not negotiated with %s: an AEAD cipher carries its own integrity", p.Integrity.Token, p.Encryption.Token)
		}
	} else {
		parts = append(parts, keyword(p.Integrity, "ESP integrity", iosColumn(func(w iosWord) string { return w.ESP }), x.warn))
	}
	x.c.from(p.Encryption, p.Integrity)
	x.c.cmd("crypto ipsec transform-set %s %s", x.name, strings.Join(parts, " "))
	x.c.cmd(" mode tunnel")
	x.c.cmd("!")
}

// saSettings are the lines a crypto map entry and an IPsec profile share:
// transform set, PFS exactly as the cloud's, IKE profile, lifetimes.
func (x *ios) saSettings() {
	t := x.t
	x.c.cmd(" set transform-set %s", x.name)
	x.c.from(t.ESP.Group)
	if t.ESP.Group.Term == "none" {
		x.c.note("No set pfs: the cloud asks for no PFS.")
	} else {
		x.c.cmd(" set pfs %s", keyword(t.ESP.Group, "PFS group", iosColumn(func(w iosWord) string { return w.ESP }), x.warn))
	}
	if t.Version.Term == "ikev1" {
		x.c.cmd(" set isakmp-profile %s", x.name)
	} else {
		x.c.cmd(" set ikev2-profile %s", x.name)
	}
	if l := t.ESPLifetime.Int(); l > 0 {
		x.c.from(t.ESPLifetime)
		x.c.cmd(" set security-association lifetime seconds %d", l)
	}
	if kb := t.ESPLifeKB.Int(); kb > 0 {
		x.c.from(t.ESPLifeKB)
		x.c.cmd(" set security-association lifetime kilobytes %d", kb)
	}
}

// cryptoMap writes the policy-based tunnel: one access list and one crypto
// map entry per child, mirrored (this side's subnets are the source).
func (x *ios) cryptoMap() {
	t := x.t
	for i, ch := range t.Children {
		acl := fmt.Sprintf("%s-%d", x.name, i+1)
		x.c.note("Traffic selectors: %s (this side) to %s (the cloud).", orDash(ch.CustomerField), orDash(ch.CloudField))
		x.c.cmd("ip access-list extended %s", acl)
		for _, cust := range ch.Customer {
			for _, cl := range ch.Cloud {
				x.c.cmd(" permit ip %s %s", x.wildcard(cust, ch.CustomerField), x.wildcard(cl, ch.CloudField))
			}
		}
		x.c.cmd("!")
		x.c.cmd("crypto map %s %d ipsec-isakmp", x.name, i+1)
		x.c.cmd(" set peer %s", t.Cloud.IP)
		x.saSettings()
		x.c.cmd(" match address %s", acl)
		x.c.cmd("!")
	}
	x.c.cmd("interface %s", uplink)
	x.c.cmd(" crypto map %s", x.name)
	x.c.cmd("!")
	x.insideNotes()
}

// vti writes the route-based tunnel: an IPsec profile on a static VTI,
// whose selectors are always any/any (the guide's VTI restrictions), with
// the inside addresses and BGP where the spec holds them.
func (x *ios) vti() {
	t := x.t
	x.c.note("Route-based tunnel (%s): a static VTI negotiates 0.0.0.0/0 on both sides.", from(t.Routing))
	x.c.cmd("crypto ipsec profile %s", x.name)
	x.saSettings()
	x.c.cmd("!")
	x.c.cmd("interface Tunnel1")
	x.c.cmd(" description tunnelwiz %s", x.name)
	if p, ok := customerInside(t.Inside); ok {
		x.c.note("This side's tunnel address: %s", insideFrom(t.Inside))
		x.c.cmd(" ip address %s %s", p.Addr(), maskOf(p.Bits(), false))
	} else {
		x.c.cmd(" ip unnumbered %s", uplink)
	}
	x.c.cmd(" tunnel source %s", uplink)
	x.c.cmd(" tunnel mode ipsec ipv4")
	x.c.cmd(" tunnel destination %s", t.Cloud.IP)
	x.c.cmd(" tunnel protection ipsec profile %s", x.name)
	x.c.cmd("!")
	if len(t.Routes) > 0 {
		x.c.note("The cloud routes these subnets of yours into the tunnel: %s.", strings.Join(t.Routes, ", "))
		if t.Routing.Term == "bgp" && t.Inside.Cloud.Known() {
			x.c.note("BGP advertises them below; each network needs a matching route on this router.")
		}
	}
	if t.Routing.Term == "bgp" && t.Inside.Cloud.Known() {
		x.bgp()
		return
	}
	x.c.note("Route the cloud's subnets (not in the spec) into the tunnel:")
	x.c.note("ip route <cloud subnet> <mask> Tunnel1")
	x.insideNotes()
}

// bgp writes the neighbour: the cloud's tunnel address and ASN; this
// side's ASN is not in any spec, so it stays a visible placeholder.
func (x *ios) bgp() {
	in := x.t.Inside
	asn := "CLOUD-ASN"
	if in.CloudASN.Known() {
		asn = in.CloudASN.Token
	} else {
		x.warn("", "the cloud's BGP ASN is not in the spec: CLOUD-ASN is written; copy it from the VPN gateway")
	}
	x.c.note("BGP over the tunnel: the cloud at %s (%s), AS %s.", hostOf(in.Cloud.Token), from(in.Cloud), asn)
	x.c.note("Replace %s with this router's AS number (the customer gateway's, in the cloud console).", customerASN)
	x.c.cmd("router bgp %s", customerASN)
	x.c.cmd(" neighbor %s remote-as %s", hostOf(in.Cloud.Token), asn)
	for _, r := range x.t.Routes {
		if p, err := netip.ParsePrefix(r); err == nil {
			x.c.cmd(" network %s mask %s", p.Addr(), maskOf(p.Bits(), false))
		}
	}
	x.c.cmd("!")
}

// insideNotes names tunnel (BGP) addresses a policy-based or static tunnel
// does not use, so that they are not lost.
func (x *ios) insideNotes() {
	in := x.t.Inside
	if !in.Cloud.Known() {
		return
	}
	x.c.note("The spec names tunnel/BGP addresses this tunnel type does not carry: the cloud's %s (%s)%s.",
		in.Cloud.Token, from(in.Cloud), asnNote(in.CloudASN))
}

// wildcard writes a CIDR as IOS access-list "address wildcard".
func (x *ios) wildcard(cidr, field string) string {
	p, err := netip.ParsePrefix(cidr)
	if err != nil || !p.Addr().Is4() {
		x.warn(field, "%s is not an IPv4 CIDR block", cidr)
		return markUnsupported
	}
	return p.Masked().Addr().String() + " " + maskOf(p.Bits(), true)
}
