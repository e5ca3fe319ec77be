package tencentv2

import (
	"context"
	"net/url"
	"sort"
	"strings"
	"time"

	"tunnelwiz/cloud"
)

// chinaTime is the zone of API 2.0's "2015-11-06 11:20:39" timestamps
// (Beijing time, UTC+8, no daylight saving).
var chinaTime = time.FixedZone("UTC+8", 8*3600)

// readNames maps the tokens DescribeVpnConn reports back to the ones
// AddVpnConnEx takes: its documented answers say "sha1" for the IPsec
// integrity algorithm that was sent as "sha".
var readNames = map[string]string{"sha1": "sha"}

// toConnection reads one DescribeVpnConn row. IKE and IPsec settings are
// documented as IKEArr/IPSECArr (English page and example) and as
// IKESet/IPsecSet (Chinese table); either is read, as an object or as a
// one-element list.
func toConnection(r map[string]any, asked cloud.Filter) cloud.Connection {
	c := cloud.Connection{
		ID:                unified(r, "unVpnConnId", "vpnConnId"),
		Name:              text(r["vpnConnName"]),
		VPNGatewayID:      asAsked(r, "unVpnGwId", "vpnGwId", asked.VPNGatewayID),
		CustomerGatewayID: asAsked(r, "unUserGwId", "userGwId", asked.CustomerGatewayID),
		LocalSubnets:      strs(r["sourceCidr"]),
		RemoteSubnets:     strs(r["destinationCidr"]),
	}
	state := text(r["vpcConnStatus"])
	if state == "" {
		state = text(r["state"])
	}
	c.State = vpnConnStatus[state]
	if c.State == "" {
		c.State = state
	}
	if ph, ok := phases[c.State]; ok {
		c.Phase = ph
	} else {
		c.Phase = cloud.PhaseUnknown
	}
	c.TunnelState = text(r["netStatus"])
	c.Tunnel = tunnelOf(c.TunnelState)
	if t, err := time.ParseInLocation(time.DateTime, text(r["createTime"]), chinaTime); err == nil {
		c.Created = t
	}
	ike, ipsec := member(r, "IKEArr", "IKESet"), member(r, "IPSECArr", "IPsecSet")
	s := map[cloud.Role]string{}
	set := func(role cloud.Role, v string) {
		if v == "" {
			return
		}
		if n, ok := readNames[v]; ok {
			v = n
		}
		s[role] = v
	}
	set(cloud.RoleName, c.Name)
	set(cloud.RoleVPC, unified(r, "unVpcId", "vpcId"))
	set(cloud.RoleVPNGateway, c.VPNGatewayID)
	set(cloud.RoleCustomerGateway, c.CustomerGatewayID)
	set(cloud.RoleIKEEncryption, text(ike["propoEncryAlgorithm"]))
	set(cloud.RoleIKEIntegrity, text(ike["propoAuthenAlgorithm"]))
	set(cloud.RoleIKEMode, text(ike["exchangeMode"]))
	set(cloud.RoleIKEDHGroup, text(ike["dhGroupName"]))
	set(cloud.RoleIKELifetime, text(ike["ikeSaLifetimeSeconds"]))
	set(cloud.RoleIPsecEncryption, text(ipsec["encryptAlgorithm"]))
	integrity := text(ipsec["integrityAlgorith"]) // sic, as the API spells it
	if integrity == "" {
		integrity = text(ipsec["integrityAlgorithm"])
	}
	set(cloud.RoleIPsecIntegrity, integrity)
	set(cloud.RoleIPsecPFS, text(ipsec["pfsDhGroup"]))
	set(cloud.RoleIPsecLifetime, text(ipsec["ipsecSaLifetimeSeconds"]))
	if len(s) > 0 {
		c.Settings = s
	}
	return c
}

// tunnelOf maps DescribeVpnConn's netStatus: "vpn通道网络状态，available:
// 已连通，unavailable:未连通" (connected, not connected).
func tunnelOf(netStatus string) cloud.Tunnel {
	switch strings.ToLower(netStatus) {
	case "available":
		return cloud.TunnelUp
	case "unavailable":
		return cloud.TunnelDown
	}
	return cloud.TunnelUnknown
}

// member returns the first of the named members that is an object (or a
// list whose first element is one).
func member(r map[string]any, names ...string) map[string]any {
	for _, n := range names {
		switch v := r[n].(type) {
		case map[string]any:
			return v
		case []any:
			if len(v) > 0 {
				if m, ok := v[0].(map[string]any); ok {
					return m
				}
			}
		}
	}
	return nil
}

func strs(v any) []string {
	l, _ := v.([]any)
	var out []string
	for _, e := range l {
		if s := text(e); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// newest finds the connection a create just made: same VPN gateway,
// customer gateway and name; without a name, the same remote subnets too.
// The newest one wins (DescribeVpnConn lists newest first by default).
func newest(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, p cloud.Params) (*cloud.Connection, error) {
	f := cloud.Filter{VPNGatewayID: p.Str("vpnGwId"), CustomerGatewayID: p.Str("userGwId"), Name: p.Str("vpnConnName")}
	conns, err := Driver{}.Connections(ctx, base, cred, target, f)
	if err != nil {
		return nil, err
	}
	if f.Name == "" {
		want := networks(remoteSubnets(p))
		var same []cloud.Connection
		for _, c := range conns {
			if sameSet(networks(c.RemoteSubnets), want) {
				same = append(same, c)
			}
		}
		if len(same) > 0 {
			conns = same
		}
	}
	if len(conns) == 0 {
		return nil, nil
	}
	sort.SliceStable(conns, func(i, j int) bool { return conns[i].Created.After(conns[j].Created) })
	return &conns[0], nil
}

// remoteSubnets are the IDC ranges a request sends: userGwCidrBlock, or
// every spdAcl value.
func remoteSubnets(p cloud.Params) []string {
	out := p.Strings("userGwCidrBlock")
	keys, vals := spdEntries(p)
	for _, k := range keys {
		out = append(out, vals[k]...)
	}
	return out
}

// networks normalizes CIDR text to the networks it stands for (API 2.0
// keeps host bits as sent: 10.56.20.1/24 is 10.56.20.0/24).
func networks(cidrs []string) map[string]bool {
	out := map[string]bool{}
	for _, s := range cidrs {
		if pr, err := cloud.ParseNetwork(s, false); err == nil {
			out[pr.Masked().String()] = true
		} else {
			out[s] = true
		}
	}
	return out
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}
