package peer

import (
	"net/netip"

	"tunnelwiz/cloud"
)

// addresses finds the two public IPs: the flags win; else the spec (an
// identity address, or a gateway address field holding an IP); else the
// destination's look-up of the two gateways.
func (b *builder) addresses(o Options) error {
	t := b.t
	t.Cloud.IP, t.Cloud.From = o.CloudIP, "--cloud-ip"
	if t.Cloud.IP == "" {
		t.Cloud.IP, t.Cloud.From = b.specIP(cloud.RoleGatewayAddress, cloud.RoleLocalAddress)
	}
	if t.Cloud.IP == "" {
		t.Cloud.IP, t.Cloud.From = b.lookedUp(o.Inventory, cloud.RoleVPNGateway)
	}
	t.Customer.IP, t.Customer.From = o.PeerIP, "--peer-ip"
	if t.Customer.IP == "" {
		t.Customer.IP, t.Customer.From = b.specIP(cloud.RoleRemoteAddress)
	}
	if t.Customer.IP == "" {
		t.Customer.IP, t.Customer.From = b.lookedUp(o.Inventory, cloud.RoleCustomerGateway)
	}
	for _, x := range []struct{ ip, flag, what string }{
		{o.CloudIP, "--cloud-ip", "cloud VPN gateway's public IP"},
		{o.PeerIP, "--peer-ip", "customer gateway's IP"},
	} {
		if x.ip != "" && !isIPv4(x.ip) {
			return &MissingAddressError{Flag: x.flag, What: x.what + " (" + x.flag + " " + x.ip + " is not an IPv4 address)"}
		}
	}
	if t.Cloud.IP == "" {
		return &MissingAddressError{Flag: "--cloud-ip", What: "cloud VPN gateway's public IP"}
	}
	if t.Customer.IP == "" {
		return &MissingAddressError{Flag: "--peer-ip", What: "customer gateway's IP"}
	}
	return nil
}

// specIP is the first role field holding an IPv4 address.
func (b *builder) specIP(roles ...cloud.Role) (string, string) {
	for _, r := range roles {
		for _, f := range b.roleFields(r) {
			if v, ok := b.p.At(f.Path); ok && isIPv4(scalar(v)) {
				return scalar(v), f.Path
			}
		}
	}
	return "", ""
}

// lookedUp is the address of the gateway the spec names, from the
// destination's inventory: the address whose id the gateway-address field
// holds (Huawei vgw_ip, an EIP id), else the gateway's first IPv4 address.
func (b *builder) lookedUp(inv *cloud.Inventory, role cloud.Role) (string, string) {
	if inv == nil {
		return "", ""
	}
	list := inv.CustomerGateways
	if role == cloud.RoleVPNGateway {
		list = inv.VPNGateways
	}
	f := b.c.RoleField(role)
	if f == nil {
		return "", ""
	}
	id := b.p.Str(f.Path)
	var pick string
	if role == cloud.RoleVPNGateway {
		if g := b.c.RoleField(cloud.RoleGatewayAddress); g != nil {
			pick = b.p.Str(g.Path)
		}
	}
	for _, r := range list {
		if r.ID != id || id == "" {
			continue
		}
		for _, a := range r.Addresses {
			if pick != "" && a.ID == pick && isIPv4(a.IP) {
				return a.IP, "the look-up of " + f.Path + " " + id + " (address " + pick + ")"
			}
		}
		for _, a := range r.Addresses {
			if isIPv4(a.IP) {
				return a.IP, "the look-up of " + f.Path + " " + id
			}
		}
	}
	return "", ""
}

func isIPv4(s string) bool {
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is4()
}
