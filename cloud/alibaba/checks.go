package alibaba

import (
	"fmt"
	"unicode/utf8"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// The SDK v7 operation comment splits the parameters by tunnel mode:
// "If the VPN gateway supports the dual-tunnel mode, you can specify ...
// ClientToken, Name, EffectImmediately, AutoConfigRoute, Tags array,
// TunnelOptionsSpecification array, and EnableTunnelsBgp", and each of the
// parameters below is "available if you create an IPsec-VPN connection in
// single-tunnel mode".
var singleTunnelOnly = []string{
	"CustomerGatewayId", "IkeConfig", "IpsecConfig", "HealthCheckConfig", "BgpConfig",
	"EnableDpd", "EnableNatTraversal", "RemoteCaCertificate",
}

const modeSource = sdk + " CreateVpnConnection description and the parameters' \"single-tunnel mode\" / \"dual-tunnel mode\" notes; " + checked

func checks() []cloud.Check {
	return []cloud.Check{
		{Name: "single-tunnel mode needs CustomerGatewayId", Source: modeSource, Run: needCustomerGateway},
		{Name: "single-tunnel parameters are not mixed with TunnelOptionsSpecification", Source: modeSource, Run: tunnelModeExclusive},
		{Name: "one active (master) and one standby (slave) tunnel", Source: src(sdk + " TunnelOptionsSpecification and its Role (master, slave)"), Run: tunnelRoles},
		{Name: "tunnel BGP settings", Source: src(sdk + " EnableTunnelsBgp and TunnelBgpConfig (LocalAsn required with EnableTunnelsBgp; \"The BGP CIDR block of each tunnel must be unique on a VPN gateway\"; LocalBgpIp inside it)"), Run: tunnelBgp},
		{Name: "BgpConfig.LocalBgpIp lies inside BgpConfig.TunnelCidr", Source: src(seed + " BgpConfig (\"LocalBgpIp ... falls within the IPsec tunnel CIDR block\"); missing addresses with EnableBgp only warn"), Run: bgpConfig},
		{Name: "Name follows the seed's older rule", Source: src(seed + " Name rule (start with a letter; letters, digits, '.', '_', '-'; 2-128 characters); " + sdk + " relaxed it, so a warning"), Run: nameStyle},
		aliyun.SubnetCheck(doc),
		aliyun.HealthCheckCheck(seed, "HealthCheckConfig"),
		aliyun.LocalIDCheck(seed, aliyun.At("IkeConfig")),
		aliyun.RegionCheck(seed),
	}
}

func needCustomerGateway(p cloud.Params, _ map[string]string) cloud.Issues {
	if p.Has(tunnels) || p.Has("CustomerGatewayId") {
		return nil
	}
	return cloud.Issues{cloud.Errorf("CustomerGatewayId", "is required in single-tunnel mode (when TunnelOptionsSpecification is not given); in dual-tunnel mode give each tunnel's CustomerGatewayId instead")}
}

func tunnelModeExclusive(p cloud.Params, _ map[string]string) cloud.Issues {
	var is cloud.Issues
	if !p.Has(tunnels) {
		if p.Has("EnableTunnelsBgp") {
			is = append(is, cloud.Errorf("EnableTunnelsBgp", "applies only in dual-tunnel mode (SDK: \"available if you create an IPsec-VPN connection in dual-tunnel mode\"): add TunnelOptionsSpecification or remove it (use BgpConfig in single-tunnel mode)"))
		}
		return is
	}
	for _, k := range singleTunnelOnly {
		if p.Has(k) {
			is = append(is, cloud.Errorf(k, "applies only in single-tunnel mode and cannot be combined with TunnelOptionsSpecification (the SDK's CreateVpnConnection description lists it among the single-tunnel parameters): remove it, and set it per tunnel where the tunnel has it"))
		}
	}
	return is
}

func tunnelRoles(p cloud.Params, _ map[string]string) cloud.Issues {
	var is cloud.Issues
	seen := map[string]int{}
	for i, e := range p.List(tunnels) {
		el, _ := e.(map[string]any)
		if el == nil {
			continue
		}
		role := cloud.Params(el).Str("Role")
		path := fmt.Sprintf("%s[%d].Role", tunnels, i)
		switch {
		case role == "":
			is = append(is, cloud.Warnf(path, "is not set: give one tunnel master (active) and the other slave (standby)"))
		case role != "master" && role != "slave":
			// the field rule reports it
		default:
			if j, dup := seen[role]; dup {
				is = append(is, cloud.Errorf(path, "%s is already the role of %s[%d]: one tunnel must be master (active) and the other slave (standby)", role, tunnels, j))
			}
			seen[role] = i
		}
	}
	return is
}

func tunnelBgp(p cloud.Params, _ map[string]string) cloud.Issues {
	var is cloud.Issues
	enabled := p.Bool("EnableTunnelsBgp")
	cidrs := map[string]int{}
	for i, e := range p.List(tunnels) {
		el, _ := e.(map[string]any)
		if el == nil {
			continue
		}
		base := fmt.Sprintf("%s[%d].TunnelBgpConfig", tunnels, i)
		bgp := cloud.Params(el).Obj("TunnelBgpConfig")
		if enabled && !bgp.Has("LocalAsn") {
			is = append(is, cloud.Errorf(base+".LocalAsn", "is required when EnableTunnelsBgp is true: an ASN from 1 to 4294967295"))
		}
		if bgp == nil {
			continue
		}
		if !enabled {
			is = append(is, cloud.Warnf(base, "takes effect only when EnableTunnelsBgp is true"))
		}
		is = append(is, aliyun.BgpAddrIssues(base, bgp)...)
		if c, err := cloud.ParseNetwork(bgp.Str("TunnelCidr"), true); err == nil {
			if j, dup := cidrs[c.String()]; dup {
				is = append(is, cloud.Errorf(base+".TunnelCidr", "%s is already the TunnelCidr of %s[%d]: each tunnel's BGP CIDR block must be unique on the VPN gateway", c, tunnels, j))
			} else {
				cidrs[c.String()] = i
			}
		}
	}
	return is
}

func bgpConfig(p cloud.Params, _ map[string]string) cloud.Issues {
	bgp := p.Obj("BgpConfig")
	if bgp == nil {
		return nil
	}
	is := aliyun.BgpAddrIssues("BgpConfig", bgp)
	if bgp.Str("EnableBgp") == "true" {
		for _, k := range []string{"TunnelCidr", "LocalBgpIp"} {
			if !bgp.Has(k) {
				is = append(is, cloud.Warnf("BgpConfig."+k, "is not set although EnableBgp is true; the gateway needs it to peer (TunnelCidr: a /30 in 169.254.0.0/16, LocalBgpIp: an address inside it)"))
			}
		}
	}
	return is
}

func nameStyle(p cloud.Params, _ map[string]string) cloud.Issues {
	n := p.Str("Name")
	if n == "" || oldName(n) || nameRule(n) != "" || utf8.RuneCountInString(n) > 128 {
		return nil
	}
	return cloud.Issues{cloud.Warnf("Name", "does not follow the seed's older rule (2 to 128 characters, starting with a letter, then letters, digits, '.', '_' or '-'); the current SDK accepts it, older regions may not")}
}
