package peer

import (
	"fmt"
	"net/netip"
	"strings"

	"tunnelwiz/cloud"
)

// FlagError: a flag's value is malformed, or does not fit the spec (one
// line naming the flag and the value; exit 2 at the command line).
type FlagError struct{ Flag, Value, Why string }

func (e *FlagError) Error() string { return e.Flag + " " + e.Value + ": " + e.Why }

// CheckOptions checks --cloud-ip and --peer-ip before anything is built or
// looked up: each is an IPv4 address, or comma-separated ones (one per
// tunnel of a dual-tunnel connection), each of them an IPv4 address.
func CheckOptions(o Options) error {
	for _, x := range []struct{ value, flag string }{{o.CloudIP, "--cloud-ip"}, {o.PeerIP, "--peer-ip"}} {
		if x.value == "" {
			continue
		}
		vs := ipList(x.value)
		for _, v := range vs {
			switch {
			case isIPv4(v):
			case len(vs) == 1:
				return &FlagError{Flag: x.flag, Value: x.value, Why: "not an IPv4 address"}
			case v == "":
				return &FlagError{Flag: x.flag, Value: x.value, Why: "an empty address in the list"}
			default:
				return &FlagError{Flag: x.flag, Value: x.value, Why: v + " is not an IPv4 address"}
			}
		}
	}
	return nil
}

// ipList is a --cloud-ip or --peer-ip value as its addresses, each
// trimmed: one, or one per tunnel, comma-separated.
func ipList(v string) []string {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	vs := strings.Split(v, ",")
	for i := range vs {
		vs[i] = strings.TrimSpace(vs[i])
	}
	return vs
}

// addresses finds the two public IPs: the flags win; else the spec (an
// identity address, or a gateway address field holding an IP); else the
// destination's look-up of the two gateways.
func (b *builder) addresses(o Options) error {
	t := b.t
	t.Cloud.IP, t.Cloud.From = strings.TrimSpace(o.CloudIP), "--cloud-ip"
	if t.Cloud.IP == "" {
		t.Cloud.IP, t.Cloud.From = b.specIP(cloud.RoleGatewayAddress, cloud.RoleLocalAddress)
	}
	if t.Cloud.IP == "" {
		t.Cloud.IP, t.Cloud.From = b.lookedUp(o.Inventory, cloud.RoleVPNGateway)
	}
	t.Customer.IP, t.Customer.From = strings.TrimSpace(o.PeerIP), "--peer-ip"
	if t.Customer.IP == "" {
		t.Customer.IP, t.Customer.From = b.specIP(cloud.RoleRemoteAddress)
	}
	if t.Customer.IP == "" {
		t.Customer.IP, t.Customer.From = b.lookedUp(o.Inventory, cloud.RoleCustomerGateway)
	}
	if err := CheckOptions(o); err != nil {
		return err
	}
	for _, x := range []struct{ ip, flag string }{{o.CloudIP, "--cloud-ip"}, {o.PeerIP, "--peer-ip"}} {
		if len(ipList(x.ip)) > 1 { // one tunnel takes one address
			return &FlagError{Flag: x.flag, Value: x.ip, Why: "the connection has one tunnel: give one address"}
		}
	}
	var flags, whats []string
	if t.Cloud.IP == "" {
		flags, whats = append(flags, "--cloud-ip"), append(whats, "cloud VPN gateway's public IP")
	}
	if t.Customer.IP == "" {
		flags, whats = append(flags, "--peer-ip"), append(whats, "customer gateway's IP")
	}
	if len(flags) > 0 {
		return &MissingAddressError{Flag: flags[0], What: whats[0], Flags: flags, Whats: whats}
	}
	return nil
}

// specIP is the first role field holding an IPv4 address.
func (b *builder) specIP(roles ...cloud.Role) (string, string) {
	for _, r := range roles {
		for _, s := range b.roleFields(r) {
			if v, ok := b.p.At(s.at); ok && isIPv4(scalar(v)) {
				return scalar(v), s.at
			}
		}
	}
	return "", ""
}

// lookedUp is the address of the gateway the spec names, from the
// destination's inventory: the address whose id the gateway-address field
// holds (Huawei vgw_ip, an EIP id), else the gateway's first IPv4 address.
// One tunnel of a per-tunnel list takes its element's own gateway id where
// the element has a field of the same name (Alibaba's per-tunnel
// CustomerGatewayId), and the cloud gateway's address in the element's
// place (a dual-tunnel gateway lists one address per tunnel).
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
	path := f.Path
	if b.list != "" {
		if own := b.elem + "." + f.Path; b.str(own) != "" {
			path = own
		}
	}
	id := b.str(path)
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
		var ips []cloud.Address
		for _, a := range r.Addresses {
			if pick != "" && a.ID == pick && isIPv4(a.IP) {
				return a.IP, "the look-up of " + path + " " + id + " (address " + pick + ")"
			}
			if isIPv4(a.IP) {
				ips = append(ips, a)
			}
		}
		n := 0
		if b.list != "" && role == cloud.RoleVPNGateway {
			n = b.index
		}
		if n < len(ips) {
			how := ""
			if len(ips) > 1 {
				how = fmt.Sprintf(" (address %d of %d, %s)", n+1, len(ips), ips[n].Label)
			}
			return ips[n].IP, "the look-up of " + path + " " + id + how
		}
	}
	return "", ""
}

// str is the string at an instance path ("" when absent).
func (b *builder) str(path string) string {
	v, _ := b.p.At(path)
	s, _ := v.(string)
	return s
}

func isIPv4(s string) bool {
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is4()
}
