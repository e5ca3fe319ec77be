package wizard

import (
	"fmt"
	"net/netip"
	"strings"

	"tunnelwiz/cloud"
)

// autofill fills what the gateways and VPC just picked tell: the
// identity addresses (the gateways' public IPs), the local side of the
// traffic selectors (the VPC's CIDR) and a name made of the gateways'
// names. Only a pick the engineer changed on this visit fills, and only
// a field that is empty and applies: nothing given is ever overwritten.
func autofill(st *State, picks []*pickBinding) []string {
	if st.Inventory == nil {
		return nil
	}
	c := st.Catalog()
	p := st.Params()
	if st.Filled == nil {
		st.Filled = map[string]string{}
	}
	var filled []string
	fill := func(role cloud.Role, v string) {
		f := roleField(c, role)
		if f == nil || v == "" {
			return
		}
		inst := strings.ReplaceAll(f.Path, "[]", "[0]")
		cur, has := p.At(inst)
		ours := has && fmt.Sprint(cur) == st.Filled[inst]
		if has && !ours || !has && topListGiven(p, f.Path) || !c.Applies(f, p, inst) || ours && cur == v {
			return
		}
		p.Set(inst, v)
		if _, issues := st.check(st.Spec); issues.For(inst).Errors() > 0 {
			if ours {
				p.Set(inst, cur)
			} else {
				p.Delete(inst) // a value the vendor would refuse is not offered
			}
			return
		}
		st.Filled[inst] = v
		filled = append(filled, inst)
	}
	var gw, cgw *cloud.Resource
	changed := false
	for _, pk := range picks {
		if pk.text == pk.orig || pk.text == "" {
			continue
		}
		changed = true
		switch r := find(st.Inventory, pk.in.Field.Role, pk.text); {
		case r == nil:
		case pk.in.Field.Role == cloud.RoleVPNGateway:
			gw = r
			fill(cloud.RoleLocalAddress, firstIP(r))
			if vpc := find(st.Inventory, cloud.RoleVPC, r.VpcID); vpc != nil {
				fill(cloud.RoleLocalSubnet, vpc.CIDR) // the gateway's VPC, where no VPC is picked
			}
		case pk.in.Field.Role == cloud.RoleCustomerGateway:
			cgw = r
			fill(cloud.RoleRemoteAddress, firstIP(r))
		case pk.in.Field.Role == cloud.RoleVPC:
			fill(cloud.RoleLocalSubnet, r.CIDR)
		}
	}
	if gw == nil {
		gw = find(st.Inventory, cloud.RoleVPNGateway, p.Str(pathOf(c, cloud.RoleVPNGateway)))
	}
	if cgw == nil {
		cgw = find(st.Inventory, cloud.RoleCustomerGateway, p.Str(pathOf(c, cloud.RoleCustomerGateway)))
	}
	if changed && gw != nil && cgw != nil && gw.Name != "" && cgw.Name != "" {
		fill(cloud.RoleName, safeName(gw.Name+"-to-"+cgw.Name))
	}
	return filled
}

// roleField is the field with a role: a top-level one first (Alibaba's
// single-tunnel IkeConfig.LocalId before a tunnel's), else one in a
// list's first row (Tencent's SPD LocalCidrBlock); deprecated spellings
// left out.
func roleField(c *cloud.Catalog, r cloud.Role) *cloud.Field {
	if f := c.RoleField(r); f != nil {
		return f
	}
	for i := range c.Fields {
		if f := &c.Fields[i]; f.Role == r && f.Deprecated == "" && strings.Count(f.Path, "[]") == 1 {
			return f
		}
	}
	return nil
}

func pathOf(c *cloud.Catalog, r cloud.Role) string {
	if f := c.RoleField(r); f != nil {
		return f.Path
	}
	return ""
}

// topListGiven: a field inside a list is filled only when the list is
// still empty (its first row is then started).
func topListGiven(p cloud.Params, path string) bool {
	i := strings.Index(path, "[]")
	return i >= 0 && len(p.List(path[:i])) > 0
}

func find(inv *cloud.Inventory, role cloud.Role, id string) *cloud.Resource {
	list, ok := gatewayRoles[role]
	if !ok || id == "" {
		return nil
	}
	for _, r := range list(inv) {
		if r.ID == id {
			r := r
			return &r
		}
	}
	return nil
}

func firstIP(r *cloud.Resource) string {
	for _, a := range r.Addresses {
		if ip, err := netip.ParseAddr(a.IP); err == nil && ip.Is4() {
			return a.IP
		}
	}
	return ""
}
