package peer

import (
	"fmt"
	"net/netip"
	"strings"
)

// The FortiOS pages the network part cites.
const (
	fortiS2SDoc = "FortiOS Administration Guide 7.4.1, Phase 1 configuration: a route-based tunnel's name is " +
		"the virtual IPsec interface that policies and routes name " +
		"(https://docs.fortinet.com/document/fortigate/7.4.1/administration-guide/790613/phase-1-configuration)"
	fortiBGPDoc = "FortiOS CLI Reference, router bgp " +
		"(https://docs.fortinet.com/document/fortigate/6.0.6/cli-reference/722994/router-bgp)"
)

// network writes what makes traffic use the tunnel: the tunnel
// interface's inside addresses (route-based), firewall addresses and
// policies both ways, static routes to the cloud's subnets, and the BGP
// neighbour.
func (f *forti) network() {
	t := f.t
	f.x.comment("Traffic through the tunnel: firewall policies both ways and routes into the tunnel interface")
	f.x.comment("(%s).", fortiS2SDoc)
	routed := t.Routing.Term == "route" || t.Routing.Term == "bgp"
	if !routed && len(f.pairs) == 0 {
		// Policies from "all" to "all" would let everything into the
		// tunnel; there is nothing to allow.
		return
	}
	in, insideOK := inside(t.Inside)
	if routed && insideOK {
		f.tunnelAddress(in)
	}
	local, cloud := f.subnets(routed)
	f.addresses(local, cloud)
	f.policies(local, cloud)
	f.routes(cloud, routed)
	if t.Routing.Term == "bgp" {
		f.bgp(in, insideOK)
	}
}

// tunnelAddress gives the tunnel interface this side's inside address and
// the cloud's as the remote end.
func (f *forti) tunnelAddress(in insideNet) {
	f.config("system interface")
	f.edit(f.name)
	f.set("ip "+in.Customer.String()+" 255.255.255.255", "this side's tunnel address ("+insideFrom(f.t.Inside)+")")
	f.set("remote-ip "+in.Cloud.String()+" "+maskOf(in.Net.Bits(), false), "the cloud's tunnel address ("+from(f.t.Inside.Cloud)+"), "+in.Net.String())
	f.next()
	f.end()
}

// subnets are the distinct subnets of each side: the selectors' for a
// policy-based tunnel; for a route-based one, the customer's routed
// subnets and no known cloud subnet.
func (f *forti) subnets(routed bool) (local, cloud []string) {
	if routed {
		return uniq(f.t.Routes), nil
	}
	for _, c := range f.pairs {
		local = append(local, c.Customer...)
		cloud = append(cloud, c.Cloud...)
	}
	return uniq(local), uniq(cloud)
}

// addresses are firewall address objects, <tunnel>-local-N and -cloud-N.
func (f *forti) addresses(local, cloud []string) {
	if len(local)+len(cloud) == 0 {
		return
	}
	f.config("firewall address")
	for i, s := range local {
		f.edit(fmt.Sprintf("%s-local-%d", f.name, i+1))
		f.set("subnet " + f.subnet(s, "a customer subnet"))
		f.next()
	}
	for i, s := range cloud {
		f.edit(fmt.Sprintf("%s-cloud-%d", f.name, i+1))
		f.set("subnet " + f.subnet(s, "a cloud subnet"))
		f.next()
	}
	f.end()
}

// policies allow the LAN to the cloud and back; "all" where a side's
// subnets are routed rather than negotiated (route-based tunnels).
func (f *forti) policies(local, cloud []string) {
	l, c := f.addrNames("local", len(local)), f.addrNames("cloud", len(cloud))
	f.config("firewall policy")
	f.policy(f.name+"-out", fortiLAN, f.name, l, c)
	f.policy(f.name+"-in", f.name, fortiLAN, c, l)
	f.end()
}

func (f *forti) policy(name, src, dst, srcaddr, dstaddr string) {
	f.editNew()
	f.set("name " + fortiQuote(name))
	f.set("srcintf " + fortiQuote(src))
	f.set("dstintf " + fortiQuote(dst))
	f.set("srcaddr " + srcaddr)
	f.set("dstaddr " + dstaddr)
	f.set("action accept")
	f.set("schedule " + fortiQuote("always"))
	f.set("service " + fortiQuote("ALL"))
	f.next()
}

func (f *forti) addrNames(side string, n int) string {
	if n == 0 {
		return fortiQuote("all")
	}
	var out []string
	for i := 1; i <= n; i++ {
		out = append(out, fortiQuote(fmt.Sprintf("%s-%s-%d", f.name, side, i)))
	}
	return strings.Join(out, " ")
}

// routes send the cloud's subnets into the tunnel interface. A
// route-based tunnel's cloud subnets are not in the spec: BGP learns
// them, or the user adds them.
func (f *forti) routes(cloud []string, routed bool) {
	if routed && f.t.Routing.Term != "bgp" {
		f.x.comment("Route-based (%s): route each VPC subnet into the tunnel, for example:", from(f.t.Routing))
		f.x.comment("  config router static / edit 0 / set dst <VPC subnet> <mask> / set device %s / next / end", fortiQuote(f.name))
	}
	if len(cloud) == 0 {
		return
	}
	f.config("router static")
	for _, s := range cloud {
		f.editNew()
		f.set("dst " + f.subnet(s, "a cloud subnet"))
		f.set("device " + fortiQuote(f.name))
		f.next()
	}
	f.end()
}

// bgp peers with the cloud's inside address from this side's; the
// customer's subnets the cloud routes into the tunnel are announced.
func (f *forti) bgp(in insideNet, ok bool) {
	t := f.t
	if !ok {
		// Without the cloud's address the tunnel's build has said so
		// (bgpWithoutInside); only a half-known pair is the device's to say.
		if t.Inside.Cloud.Known() {
			f.warn(t.Inside.Cloud.Field, "a BGP tunnel without both inside addresses in the spec: the BGP neighbour cannot be written")
		}
		return
	}
	f.x.comment("BGP over the tunnel (%s).", fortiBGPDoc)
	f.config("router bgp")
	f.set("as "+customerASN, "your AS number, as the cloud's customer gateway has it (not in this spec): replace "+customerASN)
	f.config("neighbor")
	f.edit(in.Cloud.String())
	asn, why := "CLOUD-ASN", "the cloud gateway's AS number is not in this spec: replace CLOUD-ASN with the gateway's BGP ASN"
	if t.Inside.CloudASN.Known() {
		asn, why = t.Inside.CloudASN.Token, from(t.Inside.CloudASN)
	} else {
		f.warn("", "the cloud gateway's BGP AS number is not in the spec: set remote-as (CLOUD-ASN) from the gateway")
	}
	f.set("remote-as "+asn, why)
	f.next()
	f.end()
	if len(t.Routes) > 0 {
		f.config("network")
		for _, s := range uniq(t.Routes) {
			f.editNew()
			f.set("prefix "+f.subnet(s, "a customer subnet"), "announced: the cloud routes it into the tunnel")
			f.next()
		}
		f.end()
	}
	f.end()
}

// subnet writes a CIDR as FortiOS's "address mask"; one that is not a
// CIDR is written as is, and warned about.
func (f *forti) subnet(s, field string) string {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		if a, err2 := netip.ParseAddr(s); err2 == nil && a.Is4() {
			return a.String() + " 255.255.255.255"
		}
		f.warn(field, "%s is not an IPv4 CIDR block: FortiOS needs an address and a mask", s)
		return s
	}
	if !p.Addr().Is4() {
		f.warn(field, "%s is IPv6: this configuration writes IPv4 selectors only", s)
		return s
	}
	return p.Masked().Addr().String() + " " + maskOf(p.Bits(), false)
}

// mask is a prefix length as a dotted netmask.
func uniq(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
