package peer

import (
	"net/netip"
	"strings"
)

const rosBGPDoc = "RouterOS manual, BGP (https://help.mikrotik.com/docs/display/ROS/BGP)"

// policies select the traffic: RouterOS IPsec is policy-based, so a
// policy-based tunnel gets one policy per pair of subnets, with a NAT
// bypass for each; a route-based one, which RouterOS cannot express (it
// has no route-based IPsec interface), gets its tunnel addresses, a policy
// for them, and the BGP connection.
func (r *ros) policies() {
	if r.t.Routing.Term == "route" || r.t.Routing.Term == "bgp" {
		r.routeBased()
		return
	}
	pairs, ws := selectorPairs(r.t.Children, "mikrotik")
	r.warns = append(r.warns, ws...)
	if len(pairs) == 0 {
		r.x.comment("No policy: the spec names no pair of subnets to protect.")
		return
	}
	r.x.line("/ip ipsec policy")
	for _, c := range pairs {
		r.policy(c.Customer[0], c.Cloud[0], len(pairs), c.CustomerField, c.CloudField)
	}
	r.natBypass(pairs)
}

// policy is one pair of selectors. With more than one policy to the peer,
// level=unique gives each its own SA (Policies: level), as the cloud
// negotiates one per pair.
func (r *ros) policy(local, cloud string, n int, localWhy, cloudWhy string) {
	args := []arg{
		{"peer=" + r.name, ""},
		{"tunnel=yes", ""},
		{"src-address=" + r.cidr(local, localWhy), localWhy},
		{"dst-address=" + r.cidr(cloud, cloudWhy), cloudWhy},
		{"proposal=" + r.name, ""},
		{"action=encrypt", ""},
	}
	if n > 1 {
		args = append(args, arg{"level=unique", "an SA of its own (Policies: level), as the cloud negotiates one per pair"})
	}
	args = append(args, arg{"comment=" + rosQuote("tunnelwiz peer: "+r.name), ""})
	r.add(args...)
}

// natBypass keeps the tunnel's traffic out of source NAT (the IPsec page's
// site-to-site example): a masquerade rule would change the source before
// the policy matches.
func (r *ros) natBypass(pairs []Child) {
	if len(pairs) == 0 {
		return
	}
	r.x.comment("Keep the tunnel's traffic out of source NAT (%s, site to site example);", rosDoc)
	r.x.comment("these rules must come before your masquerade rule: move them up (/ip firewall nat move).")
	r.x.line("/ip firewall nat")
	for _, c := range pairs {
		r.add(arg{"chain=srcnat", ""}, arg{"action=accept", ""},
			arg{"src-address=" + r.cidr(c.Customer[0], c.CustomerField), ""},
			arg{"dst-address=" + r.cidr(c.Cloud[0], c.CloudField), ""},
			arg{"comment=" + rosQuote("tunnelwiz peer: "+r.name+" NAT bypass"), ""})
	}
}

// routeBased: the cloud negotiates 0.0.0.0/0 on a tunnel interface, which
// RouterOS has no equivalent for; a 0.0.0.0/0 policy would send all the
// router's traffic into the tunnel. The policies are narrowed to the
// tunnel's inside addresses and the subnets the user adds, and that is a
// warning naming the routing field.
func (r *ros) routeBased() {
	t := r.t
	r.warn(t.Routing.Field, "RouterOS has no route-based IPsec interface: the cloud's %s selectors are narrowed to the tunnel addresses "+
		"and the subnets you add, which the cloud must accept (IKEv2 narrowing; %s)", anyNet, rosDoc)
	in, ok := inside(t.Inside)
	if !ok {
		if t.Routing.Term == "bgp" && t.Inside.Cloud.Known() { // else bgpWithoutInside said it
			r.warn(t.Inside.Cloud.Field, "a BGP tunnel without both inside addresses in the spec: the BGP connection cannot be written")
		}
		r.policyTemplate()
		return
	}
	bridge := "tw-" + r.name
	r.x.comment("The tunnel's inside addresses live on an empty bridge (RouterOS has no IPsec interface).")
	r.x.line("/interface bridge")
	r.add(arg{"name=" + bridge, ""}, arg{"protocol-mode=none", ""}, arg{"comment=" + rosQuote("tunnelwiz peer: "+r.name+" tunnel addresses"), ""})
	r.x.line("/ip address")
	r.add(arg{"address=" + netip.PrefixFrom(in.Customer, in.Net.Bits()).String(), "this side's tunnel address (" + insideFrom(t.Inside) + ")"},
		arg{"interface=" + bridge, ""})
	r.x.line("/ip ipsec policy")
	r.policy(in.Customer.String()+"/32", in.Cloud.String()+"/32", 2,
		"this side's tunnel address", "the cloud's tunnel address ("+from(t.Inside.Cloud)+")")
	r.policyTemplate()
	if t.Routing.Term == "bgp" {
		r.bgp(in)
	}
}

// policyTemplate shows the policy each VPC subnet needs: the spec does not
// hold the cloud's subnets of a route-based tunnel.
func (r *ros) policyTemplate() {
	local := "<your subnet>"
	if len(r.t.Routes) > 0 {
		local = strings.Join(uniq(r.t.Routes), " or ")
	}
	r.x.comment("Add a policy (and a NAT bypass) per VPC subnet the tunnel should reach, from %s:", local)
	r.x.comment("  /ip ipsec policy add peer=%s tunnel=yes src-address=<your subnet> dst-address=<VPC subnet> proposal=%s level=unique", r.name, r.name)
}

// bgp peers with the cloud's inside address; the customer's subnets the
// cloud routes into the tunnel are announced from an address list
// (BGP: output.network).
func (r *ros) bgp(in insideNet) {
	t := r.t
	list := r.name + "-announce"
	r.x.comment("BGP over the tunnel (%s).", rosBGPDoc)
	if len(t.Routes) > 0 {
		r.x.line("/ip firewall address-list")
		for _, s := range uniq(t.Routes) {
			r.add(arg{"list=" + list, ""}, arg{"address=" + r.cidr(s, "a customer subnet"), ""})
		}
	}
	r.x.line("/routing bgp connection")
	args := []arg{
		{"name=" + r.name, ""},
		{"as=" + customerASN, "your AS number, as the cloud's customer gateway has it (not in this spec): replace " + customerASN},
		{"local.address=" + in.Customer.String(), ""},
		{"local.role=ebgp", ""},
		{"remote.address=" + in.Cloud.String(), "the cloud's tunnel address (" + from(t.Inside.Cloud) + ")"},
	}
	if t.Inside.CloudASN.Known() {
		args = append(args, arg{"remote.as=" + t.Inside.CloudASN.Token, from(t.Inside.CloudASN)})
	} else {
		// BGP, remote.as: "If not specified BGP will determine remote AS
		// automatically from the OPEN message."
		r.x.comment("remote.as is left out: the spec does not hold the cloud's AS number, and RouterOS takes it from the OPEN message")
	}
	if len(t.Routes) > 0 {
		args = append(args, arg{"output.network=" + list, "announced: the subnets the cloud routes into the tunnel"})
	}
	r.add(args...)
}

// cidr checks a selector is an IPv4 CIDR block (or address); another
// value is written as is, and warned about.
func (r *ros) cidr(s, field string) string {
	if p, err := netip.ParsePrefix(s); err == nil && p.Addr().Is4() {
		return p.Masked().String()
	}
	if a, err := netip.ParseAddr(s); err == nil && a.Is4() {
		return a.String() + "/32"
	}
	r.warn(field, "%s is not an IPv4 CIDR block", s)
	return s
}
