package peer

import (
	"fmt"
	"net/netip"
	"strings"
)

// ipsec writes the IPsec proposal (cipher, integrity unless AEAD,
// lifetimes) and the policy with the cloud's PFS group, or none.
func (j *junos) ipsec() {
	t := j.t
	p := "security ipsec proposal " + j.name
	j.set("%s protocol esp", p)
	j.c.from(t.ESP.Encryption)
	j.set("%s encryption-algorithm %s", p, keyword(t.ESP.Encryption, "IPsec encryption", junosColumn(func(w junosWord) string { return w.IPsec }), j.warn))
	if junosWords[t.ESP.Encryption.Term].AEAD {
		if in := t.ESP.Integrity; in.Known() && !in.Default {
			j.warn(in.Field, "%s is not negotiated with %s: an AEAD cipher carries its own integrity", in.Token, t.ESP.Encryption.Token)
		}
	} else {
		j.c.from(t.ESP.Integrity)
		j.set("%s authentication-algorithm %s", p, keyword(t.ESP.Integrity, "IPsec integrity", junosColumn(func(w junosWord) string { return w.IPsec }), j.warn))
	}
	if l := t.ESPLifetime.Int(); l > 0 {
		j.c.from(t.ESPLifetime)
		j.set("%s lifetime-seconds %d", p, l)
	}
	if kb := t.ESPLifeKB.Int(); kb > 0 {
		j.c.from(t.ESPLifeKB)
		j.set("%s lifetime-kilobytes %d", p, kb)
	}
	pol := "security ipsec policy " + j.name
	j.c.from(t.ESP.Group)
	if t.ESP.Group.Term == "none" {
		j.c.note("No perfect-forward-secrecy: the cloud asks for no PFS.")
	} else {
		j.set("%s perfect-forward-secrecy keys %s", pol, keyword(t.ESP.Group, "PFS group", junosColumn(func(w junosWord) string { return w.IPsec }), j.warn))
	}
	j.set("%s proposals %s", pol, j.name)
}

// vpn binds the IPsec VPN to st0.0. A policy-based cloud tunnel becomes
// traffic selectors on it: Junos does not do policy-based VPNs with IKEv2
// (nor with the junos-ike package), and a traffic selector holds one
// local and one remote prefix, so each pair of subnets is one selector.
func (j *junos) vpn() {
	t := j.t
	if p, ok := customerInside(t.Inside); ok && t.Routing.Term != "policy" {
		j.c.note("This side's tunnel address: %s", insideFrom(t.Inside))
		j.set("interfaces st0 unit 0 family inet address %s", p)
	} else {
		j.set("interfaces st0 unit 0 family inet")
	}
	j.set("security zones security-zone %s interfaces %s", junosZone, junosIf)
	v := "security ipsec vpn " + j.name
	j.set("%s bind-interface %s", v, junosIf)
	j.set("%s ike gateway %s", v, j.name)
	j.set("%s ike ipsec-policy %s", v, j.name)
	if t.Routing.Term == "policy" {
		j.c.note("Policy-based on the cloud: Junos has no policy-based VPN with IKEv2 or junos-ike (%s),", junosPolicyVPN)
		j.c.note("so the cloud's selectors are mirrored as traffic selectors, one SA each, whose remote")
		j.c.note("prefixes Junos routes into %s itself (%s).", junosIf, junosTS)
		n := 0
		for _, ch := range t.Children {
			j.c.note("From %s (this side) and %s (the cloud).", orDash(ch.CustomerField), orDash(ch.CloudField))
			for _, cust := range ch.Customer {
				for _, cl := range ch.Cloud {
					n++
					ts := fmt.Sprintf("%s traffic-selector ts%d", v, n)
					j.set("%s local-ip %s", ts, j.prefix(cust, ch.CustomerField))
					j.set("%s remote-ip %s", ts, j.prefix(cl, ch.CloudField))
				}
			}
		}
	} else {
		j.c.note("Route-based tunnel (%s): without traffic selectors Junos negotiates 0.0.0.0/0.", from(t.Routing))
	}
	j.set("%s establish-tunnels immediately", v)
}

func (j *junos) prefix(cidr, field string) string {
	p, err := netip.ParsePrefix(cidr)
	if err != nil || !p.Addr().Is4() {
		j.warn(field, "%s is not an IPv4 CIDR block", cidr)
		return markUnsupported
	}
	return p.Masked().String()
}

// routing writes BGP over st0.0 where the spec has the cloud's tunnel
// address, and otherwise names what a route-based tunnel still needs.
func (j *junos) routing() {
	t := j.t
	in := t.Inside
	if t.Routing.Term == "policy" {
		if in.Cloud.Known() {
			j.c.note("The spec names tunnel/BGP addresses this tunnel type does not carry: the cloud's %s (%s)%s.",
				in.Cloud.Token, from(in.Cloud), asnNote(in.CloudASN))
		}
		return
	}
	if len(t.Routes) > 0 {
		j.c.note("The cloud routes these subnets of yours into the tunnel: %s.", strings.Join(t.Routes, ", "))
	}
	if t.Routing.Term != "bgp" || !in.Cloud.Known() {
		j.c.note("Route the cloud's subnets (not in the spec) into the tunnel:")
		j.c.note("set routing-options static route <cloud subnet> next-hop %s", junosIf)
		return
	}
	asn := "CLOUD-ASN"
	if in.CloudASN.Known() {
		asn = in.CloudASN.Token
	} else {
		j.warn("", "the cloud's BGP ASN is not in the spec: CLOUD-ASN is written; copy it from the VPN gateway")
	}
	peer := hostOf(in.Cloud.Token)
	j.c.note("BGP over the tunnel: the cloud at %s (%s), AS %s.", peer, from(in.Cloud), asn)
	j.c.note("Replace %s with this firewall's AS number (the customer gateway's, in the cloud console).", customerASN)
	j.set("security zones security-zone %s host-inbound-traffic protocols bgp", junosZone)
	j.set("routing-options autonomous-system %s", customerASN)
	b := "protocols bgp group " + j.name
	j.set("%s type external", b)
	j.set("%s peer-as %s", b, asn)
	j.set("%s neighbor %s", b, peer)
	if len(t.Routes) > 0 {
		pol := "policy-options policy-statement " + j.name + "-export term subnets"
		for _, r := range t.Routes {
			j.set("%s from route-filter %s exact", pol, r)
		}
		j.set("%s then accept", pol)
		j.set("%s export %s-export", b, j.name)
	}
}
