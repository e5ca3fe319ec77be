package peer

import (
	"fmt"
	"net/netip"
	"sort"
	"strings"

	"tunnelwiz/cloud"
)

// anyNet is the selector of a route-based tunnel: everything, with routes
// choosing what enters the tunnel.
const anyNet = "0.0.0.0/0"

// selectors mirrors the traffic selectors. A route-based or BGP tunnel
// negotiates 0.0.0.0/0 on both sides. A policy tunnel has one child per
// pair of subnets the catalog's roles find: a local-subnet and a
// remote-subnet field in the same list element (Tencent SPD rules, Huawei
// policy rules) or both top-level (Alibaba), and a subnet-pairs map
// (Tencent API 2.0 spdAcl); a lone remote-subnet list pairs with the
// VPC's CIDR when a look-up knows it.
func (b *builder) selectors(inv *cloud.Inventory) {
	t := b.t
	lone := b.loneRemotes()
	if t.Routing.Term == "route" || t.Routing.Term == "bgp" {
		why := from(t.Routing)
		t.Children = []Child{{Cloud: []string{anyNet}, Customer: []string{anyNet}, CloudField: why, CustomerField: why}}
		for _, l := range lone {
			t.Routes = append(t.Routes, l.Customer...)
		}
		return
	}
	t.Children = append(b.pairs(), b.maps()...)
	if len(t.Children) > 0 {
		return
	}
	for _, l := range lone {
		cidr := vpcCIDR(b, inv)
		if cidr == "" {
			b.t.warn(l.CustomerField, "the cloud side of these selectors is the VPC's CIDR, which the spec does not hold: %s is written; narrow it, or look the VPC up with --sandbox or --endpoint", anyNet)
			cidr = anyNet
		}
		l.Cloud, l.CloudField = []string{cidr}, "the VPC's CIDR (look-up)"
		if cidr == anyNet {
			l.CloudField = "unknown: the VPC's CIDR"
		}
		t.Children = append(t.Children, l)
	}
	if len(t.Children) == 0 {
		b.t.warn("", "the spec names no subnets: no traffic selectors can be written")
	}
}

// pairs are the children of local/remote subnet fields that share a
// parent: one per list element, or one for top-level fields.
func (b *builder) pairs() []Child {
	var out []Child
	for i := range b.c.Fields {
		lf := &b.c.Fields[i]
		if lf.Role != cloud.RoleLocalSubnet && lf.Role != cloud.RolePolicyLocal {
			continue
		}
		parent, lname := split(lf.Path)
		rf := b.sibling(parent, cloud.RoleRemoteSubnet)
		if rf == nil {
			continue
		}
		_, rname := split(rf.Path)
		for _, inst := range b.instances(parent) {
			lp, rp := join(inst, lname), join(inst, rname)
			if !b.c.Applies(lf, b.p, lp) {
				continue
			}
			lv, _ := b.p.At(lp)
			rv, _ := b.p.At(rp)
			local, remote := cidrs(lv), cidrs(rv)
			if len(local) == 0 && len(remote) == 0 {
				continue
			}
			out = append(out, Child{Cloud: local, Customer: remote, CloudField: lp, CustomerField: rp})
		}
	}
	return out
}

// maps are the children of a subnet-pairs map: one per key.
func (b *builder) maps() []Child {
	var out []Child
	for _, s := range b.roleFields(cloud.RoleSubnetPairs) {
		v, ok := b.p.At(s.at)
		m, _ := v.(map[string]any)
		if !ok || !b.c.Applies(s.f, b.p, s.at) {
			continue
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			inst := fmt.Sprintf("%s[%q]", s.at, k)
			out = append(out, Child{Cloud: cidrs(k), Customer: cidrs(m[k]), CloudField: inst + " (key)", CustomerField: inst})
		}
	}
	return out
}

// loneRemotes are top-level remote-subnet fields with no local partner:
// customer subnets alone (Huawei peer_subnets, Tencent 2.0 userGwCidrBlock).
func (b *builder) loneRemotes() []Child {
	var out []Child
	for _, s := range b.roleFields(cloud.RoleRemoteSubnet) {
		parent, _ := split(s.f.Path)
		if b.sibling(parent, cloud.RoleLocalSubnet) != nil || b.sibling(parent, cloud.RolePolicyLocal) != nil {
			continue
		}
		if v, ok := b.p.At(s.at); ok && b.c.Applies(s.f, b.p, s.at) {
			if c := cidrs(v); len(c) > 0 {
				out = append(out, Child{Customer: c, CustomerField: s.at})
			}
		}
	}
	return out
}

// sibling is the field with a role whose parent path is parent.
func (b *builder) sibling(parent string, r cloud.Role) *cloud.Field {
	for i := range b.c.Fields {
		f := &b.c.Fields[i]
		if p, _ := split(f.Path); f.Role == r && p == parent {
			return f
		}
	}
	return nil
}

// instances lists the instance paths of a parent pattern: "" or an object
// path stays itself; "A[]" becomes A[0], A[1], ... (one level of lists).
func (b *builder) instances(parent string) []string {
	if !strings.HasSuffix(parent, "[]") {
		return []string{parent}
	}
	list := strings.TrimSuffix(parent, "[]")
	if strings.Contains(list, "[]") {
		return nil
	}
	var out []string
	for i := range b.p.List(list) {
		out = append(out, fmt.Sprintf("%s[%d]", list, i))
	}
	return out
}

// vpcCIDR is the CIDR of the spec's VPC (or its gateway's VPC) in a look-up.
func vpcCIDR(b *builder, inv *cloud.Inventory) string {
	if inv == nil {
		return ""
	}
	vpc := ""
	if f := b.c.RoleField(cloud.RoleVPC); f != nil {
		vpc = b.p.Str(f.Path)
	}
	if f := b.c.RoleField(cloud.RoleVPNGateway); vpc == "" && f != nil {
		for _, g := range inv.VPNGateways {
			if g.ID == b.p.Str(f.Path) {
				vpc = g.VpcID
			}
		}
	}
	for _, v := range inv.VPCs {
		if v.ID == vpc && vpc != "" {
			return v.CIDR
		}
	}
	return ""
}

// cidrs reads a subnet value, a comma-separated string or a list, into
// networks with host bits cleared (the vendors tolerate 10.0.0.5/24).
func cidrs(v any) []string {
	var raw []string
	switch x := v.(type) {
	case string:
		raw = strings.Split(x, ",")
	case []any:
		for _, e := range x {
			raw = append(raw, scalar(e))
		}
	}
	var out []string
	for _, s := range raw {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if p, err := netip.ParsePrefix(s); err == nil {
			s = p.Masked().String()
		}
		out = append(out, s)
	}
	return out
}

// split splits a catalog path into its parent and last name:
// "A[].B" -> ("A[]", "B"), "B" -> ("", "B"), "x.y.B" -> ("x.y", "B").
func split(path string) (string, string) {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i], path[i+1:]
	}
	return "", path
}

func join(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// onePairEach splits children into one per pair of subnets: an IKEv1
// Quick Mode carries one identity per side (RFC 2409 section 5.5), so
// the cloud negotiates one SA per combination; strongSwan's IKEv1 would
// otherwise negotiate only the first.
func onePairEach(children []Child) []Child {
	var out []Child
	for _, c := range children {
		for _, cust := range c.Customer {
			for _, cl := range c.Cloud {
				out = append(out, Child{Cloud: []string{cl}, Customer: []string{cust},
					CloudField: c.CloudField, CustomerField: c.CustomerField})
			}
		}
	}
	return out
}

// bgpUnwritten warns when the cloud runs BGP over a tunnel whose
// selectors are its subnets (Alibaba's BgpConfig beside LocalSubnet and
// RemoteSubnet): a BGP session needs a route-based tunnel interface on the
// device, which a policy-based configuration has not, so the session is
// named in comments only and the engineer must not take the output for
// the whole of it.
func (b *builder) bgpUnwritten() {
	t := b.t
	if t.Routing.Term != "policy" || !t.Inside.Cloud.Known() {
		return
	}
	asn := ""
	if t.Inside.CloudASN.Known() {
		asn = ", AS " + t.Inside.CloudASN.Token
	}
	t.warn(t.Inside.Cloud.Field, "the cloud runs BGP over this tunnel (its address %s%s), but the tunnel is policy-based "+
		"(its selectors are the subnets): the BGP session needs a route-based tunnel interface on this device, which is not written",
		t.Inside.Cloud.Token, asn)
}

// bgpWithoutInside warns when a BGP tunnel's inside addresses are not in
// the spec (Huawei's tunnel_local_address is optional: the cloud then
// assigns them): no device can be given its BGP neighbour until they are
// known, so every device's output lacks the session, and this says why
// once, naming the field, instead of each device guessing.
func (b *builder) bgpWithoutInside() {
	t := b.t
	if t.Routing.Term != "bgp" || t.Inside.Cloud.Known() {
		return
	}
	field := ""
	if fs := b.roleFields(cloud.RoleTunnelLocal); len(fs) > 0 {
		field = fs[0].at
	}
	t.warn(field, "not set: the cloud assigns the tunnel's inside addresses, so no BGP neighbour can be written; "+
		"after the create, read them from the connection (tunnelwiz show ID) and set them in the spec")
}
