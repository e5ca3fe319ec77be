package aliyun

import (
	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// The sandbox's DownloadVpnConnectionConfig: the stored connection seen
// from the customer side, in the v7 SDK's response model
// (DownloadVpnConnectionConfigResponseBodyVpnConnectionConfig): Local and
// LocalSubnet are the customer gateway's, Remote and RemoteSubnet the VPN
// gateway's, IkeConfig's LocalId and RemoteId likewise swapped. BGP
// settings (BgpConfigs) are not rendered.

// ikeMembers and ipsecMembers are the members the download's models have.
var (
	ikeMembers   = []string{"IkeAuthAlg", "IkeEncAlg", "IkeLifetime", "IkeMode", "IkePfs", "IkeVersion", "Psk"}
	ipsecMembers = []string{"IpsecAuthAlg", "IpsecEncAlg", "IpsecLifetime", "IpsecPfs"}
)

func (f *Frontend) peerConfig(req *Request, b *sandbox.Backend) (map[string]any, string, string) {
	id := req.Args["VpnConnectionId"]
	if id == "" {
		return nil, "MissingParameter", "VpnConnectionId is required."
	}
	region := req.Target["region"]
	cn, ref := b.Connection(f.D.Vendor(), region, id)
	if ref != nil {
		return nil, reasonCodes[ref.Reason], ref.Message
	}
	c, p := f.D.Catalog(), cn.Params
	inv := b.Inventory(f.D.Vendor(), region)
	gwIPs := addresses(inv.VPNGateways, cn.VPNGatewayID)
	out := map[string]any{"LocalSubnet": p.Str("RemoteSubnet"), "RemoteSubnet": p.Str("LocalSubnet")}
	tunnels := p.List("TunnelOptionsSpecification")
	if len(tunnels) == 0 {
		local, remote := first(addresses(inv.CustomerGateways, cn.CustomerGatewayID)), first(gwIPs)
		out["Local"], out["Remote"] = local, remote
		out["IkeConfig"] = peerIke(members(c, p, "IkeConfig", false), local, remote)
		out["IpsecConfig"] = pick(members(c, p, "IpsecConfig", false), ipsecMembers)
		return map[string]any{"VpnConnectionConfig": out}, "", ""
	}
	var tcs []any
	const el = "TunnelOptionsSpecification[]"
	for i, t := range tunnels {
		tp := asParams(t)
		local := first(addresses(inv.CustomerGateways, tp.Str("CustomerGatewayId")))
		remote := ""
		if i < len(gwIPs) {
			remote = gwIPs[i]
		}
		tcs = append(tcs, map[string]any{
			"TunnelId": describeTunnel(c, cn.ID, i, tp, "", "")["TunnelId"], "Local": local, "Remote": remote,
			"IkeConfig":   peerIke(members(c, tp, "TunnelIkeConfig", false, el), local, remote),
			"IpsecConfig": pick(members(c, tp, "TunnelIpsecConfig", false, el), ipsecMembers),
		})
	}
	out["TunnelsConfig"] = map[string]any{"TunnelConfig": tcs}
	return map[string]any{"VpnConnectionConfig": out}, "", ""
}

// peerIke is an IKE configuration seen from the customer side: the
// identities swapped, each defaulting to its gateway's address as the
// API documents ("The default value is the IP address of the ...").
func peerIke(ike map[string]any, local, remote string) map[string]any {
	out := pick(ike, ikeMembers)
	out["LocalId"], out["RemoteId"] = orText(ike["RemoteId"], local), orText(ike["LocalId"], remote)
	return out
}

func pick(m map[string]any, names []string) map[string]any {
	out := map[string]any{}
	for _, n := range names {
		if v, ok := m[n]; ok {
			out[n] = v
		}
	}
	return out
}

func orText(v any, def string) string {
	if s := scalar(v); s != "" {
		return s
	}
	return def
}

func addresses(rs []cloud.Resource, id string) []string {
	var out []string
	for _, r := range rs {
		if r.ID == id {
			for _, a := range r.Addresses {
				out = append(out, a.IP)
			}
		}
	}
	return out
}

func first(s []string) string {
	if len(s) > 0 {
		return s[0]
	}
	return ""
}
