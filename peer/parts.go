package peer

import (
	"fmt"

	"tunnelwiz/cloud"
)

// buildParts builds one Tunnel per element of a per-tunnel list (Alibaba's
// dual-tunnel mode: an active and a standby tunnel, each with its own
// customer gateway, IKE and IPsec settings, ending on the VPN gateway's two
// addresses). The whole is a Tunnel whose Parts a device writes one after
// the other, each under its own name, so that one device holds both.
//
// --cloud-ip and --peer-ip take one address per tunnel, comma-separated in
// the list's order; one --peer-ip serves both (one device, two tunnels).
func buildParts(d cloud.Driver, p cloud.Params, list string, n int, o Options) (*Tunnel, error) {
	c := d.Catalog()
	cloudIPs, err := perPart(o.CloudIP, n, "--cloud-ip", false)
	if err != nil {
		return nil, err
	}
	peerIPs, err := perPart(o.PeerIP, n, "--peer-ip", true)
	if err != nil {
		return nil, err
	}
	whole := newTunnel(d)
	whole.PartsField = list
	for i := 0; i < n; i++ {
		b := &builder{c: c, p: p, t: newTunnel(d),
			list: list, elem: fmt.Sprintf("%s[%d]", list, i), index: i}
		po := o
		po.CloudIP, po.PeerIP = cloudIPs[i], peerIPs[i]
		t, err := b.build(po)
		if err != nil {
			return nil, err
		}
		whole.Name = t.Name
		t.Name = fmt.Sprintf("%s-tunnel%d", nameOr(t.Name), i+1)
		t.Title = fmt.Sprintf("%s, tunnel %d of %d (%s)", c.Title, i+1, n, b.elem)
		if !whole.PSK.Known() {
			whole.PSK = t.PSK
		}
		whole.Parts = append(whole.Parts, t)
	}
	if n > 1 {
		whole.warn(list, "the tunnels carry the same subnets: the cloud sends over its active tunnel and keeps the other standing by, so make this device prefer the active one too (a lower route distance or an earlier policy)")
	}
	if n > 1 && whole.Parts[0].Customer.IP != whole.Parts[1].Customer.IP {
		whole.warn(list, "the tunnels end on different customer gateways (%s, %s): each device takes only its own tunnel's part",
			whole.Parts[0].Customer.IP, whole.Parts[1].Customer.IP)
	}
	return whole, nil
}

// perPart splits a comma-separated flag into one value per tunnel. An
// empty flag leaves every tunnel to the spec and the look-ups; a single
// value serves every tunnel only where shared says it may.
func perPart(flag string, n int, name string, shared bool) ([]string, error) {
	out := make([]string, n)
	if flag == "" {
		return out, nil
	}
	vs := ipList(flag)
	if len(vs) == 1 && shared {
		for i := range out {
			out[i] = vs[0]
		}
		return out, nil
	}
	if len(vs) != n {
		return nil, &FlagError{Flag: name, Value: flag, Why: fmt.Sprintf("the connection has %d tunnels: give one address per tunnel (%s A,B)", n, name)}
	}
	copy(out, vs)
	return out, nil
}

// nameOr is a connection's name, or "tunnelwiz" when it has none.
func nameOr(name string) string {
	if name == "" {
		return "tunnelwiz"
	}
	return name
}
