package tencent

import (
	"fmt"
	"net/netip"
	"strings"

	"tunnelwiz/cloud"
)

// checks are the cross-field rules. Only one reports errors (BGP addresses
// outside the tunnel CIDR), because only that one is stated by the SDK; the
// rest rest on vendor error codes or the console guide and only warn.
var checks = []cloud.Check{
	{
		Name:   "identity addresses when the identity is left to its default",
		Source: srcSDK + " comments: LocalAddress defaults to the gateway's public IP; RemoteAddress is needed for ADDRESS -> warning",
		Run:    checkDefaultIdentity,
	},
	{
		Name:   "DPD timeout 30 to 60",
		Source: srcTF + " ValidateIntegerInRange(30, 60); the SDK states no range -> warning",
		Run:    checkDPDTimeout,
	},
	{
		Name:   "SPD sizes",
		Source: srcDocTunnel + ": 'All SPD rules under the same VPN gateway can form up to 200 mappings' (a quota) -> warning",
		Run:    checkSPDSizes,
	},
	{
		Name:   "IntegrityAlgorith and IntegrityAlgorithm not both",
		Source: srcSeed + " and " + srcErrs + ": InvalidParameter.Coexist ('parameters cannot be specified at the same time'); error code only -> warning",
		Run:    checkIntegrityCoexist,
	},
	{
		Name:   "SPD local CIDR does not overlap its remote CIDRs",
		Source: srcErrs + ": InvalidParameterValue.VpnConnSpdCidrConflict ('SPD rule source and destination IPs overlap'); error code only -> warning",
		Run:    checkSPDOverlap,
	},
	{
		Name:   "SPD local CIDRs of different rules do not overlap",
		Source: srcErrs + ": UnsupportedOperation.VpnConnSPDOverlap ('SPD local CIDR conflict'); error code only -> warning",
		Run:    checkSPDLocalOverlap,
	},
	{
		Name: "SPD only on SPD route types",
		Source: srcSDKNew + " RouteType comment names Policy the SPD type ('Policy： SPD策略类型'); " + srcTF + " reads the SPD " +
			"back only for route types other than StaticRoute and Bgp; no error code -> warning",
		Run: checkSPDRouteType,
	},
	{
		Name: "health check on an SPD tunnel",
		Source: srcErrsNew + ": UnsupportedOperation.VpnConnCidrNotSupportedHealthCheck ('VPN SPD通道不支持配置健康检查', VPN SPD " +
			"tunnels do not support health checks; not in " + srcErrs + "); " + srcDocHC + " allows it with an SPD policy for 0.0.0.0/0 -> warning",
		Run: checkHealthCheckSPD,
	},
	{
		Name: "health check settings need EnableHealthCheck",
		Source: srcSDK + " comments describe them as health check settings; " + srcDocTunnel + ": the health check addresses are " +
			"'only required when the health check is enabled' -> warning",
		Run: checkHealthCheckEnabled,
	},
	{
		Name:   "health check addresses differ",
		Source: srcErrs + ": InvalidParameterValue.VpnConnHealthCheckIpConflict ('VPN通道探测ip冲突'); error code only -> warning",
		Run:    checkHealthCheckIPs,
	},
	{
		Name: "BGP addresses inside the tunnel CIDR; tunnel CIDR a /30 in 169.254.0.0/16",
		Source: srcSDK + " BgpConfig comments: both BGP addresses '必须从BGP隧道网段内分配' (must be allocated from the BGP tunnel " +
			"CIDR) -> error (also " + srcErrs + ": InvalidParameterValue.VpnConnBgpTunnelCidrNotSupported); /30: " + srcErrs +
			": InvalidParameterValue.VpnConnBgpTunnelCidrMask ('BGP隧道网段必须为掩码为30的网段') only -> warning; 169.254.0.0/16: " +
			"link-local convention (RFC 3927), no Tencent document found -> warning",
		Run: checkBGP,
	},
	{
		Name:   "BgpConfig on Bgp tunnels",
		Source: srcSDKNew + " RouteType comment ('Bgp： BGP类型', the BGP type); no error code -> warning",
		Run:    checkBGPRouteType,
	},
	{
		Name: "VpcId present unless CCN gateway",
		Source: srcSDK + " VpcId comment ('CCN VPN 形的通道 可以不传VPCID': CCN tunnels may omit it); " + srcErrs +
			": UnsupportedOperation.VpnGwVpcIdMustHave ('VPC类型VPN网关必须携带VpcId') -> warning",
		Run: checkVpcID,
	},
	{
		Name:   "instance id prefixes",
		Source: srcSeed + " and " + srcSDK + " examples (vpc-, vpngw-, cgw-); convention only -> warning",
		Run:    checkIDPrefixes,
	},
	{
		Name:   "tag keys unique",
		Source: srcErrs + ": InvalidParameterValue.TagDuplicateKey ('标签键重复'); error code only -> warning",
		Run:    checkTagKeys,
	},
}

// routeType is the effective route type: the vendor default when absent.
func routeType(p cloud.Params) string {
	if s := p.Str("RouteType"); s != "" {
		return s
	}
	return rtStatic
}

func isSPDType(rt string) bool {
	for _, t := range spdRouteType {
		if t == rt {
			return true
		}
	}
	return false
}

func checkIntegrityCoexist(p cloud.Params, _ map[string]string) cloud.Issues {
	if !p.Has(ipsec+".IntegrityAlgorith") || !p.Has(ipsec+".IntegrityAlgorithm") {
		return nil
	}
	return cloud.Issues{cloud.Warnf(ipsec+".IntegrityAlgorithm",
		"IntegrityAlgorith and IntegrityAlgorithm are the same parameter: send only one (Tencent answers "+
			"InvalidParameter.Coexist to parameters that cannot be specified together)")}
}

// spdRules parses each SPD rule's CIDRs; unparsable ones are left out.
type spdRule struct {
	i      int
	local  netip.Prefix
	ok     bool
	remote []remoteCIDR
}

type remoteCIDR struct {
	j   int
	pfx netip.Prefix
}

func spdRules(p cloud.Params) []spdRule {
	var out []spdRule
	list := p.List("SecurityPolicyDatabases")
	for i := range list {
		m, isObj := list[i].(map[string]any)
		if !isObj {
			continue
		}
		r := spdRule{i: i}
		if s, _ := m["LocalCidrBlock"].(string); s != "" {
			if pfx, err := cloud.ParseNetwork(s, false); err == nil {
				r.local, r.ok = pfx.Masked(), true
			}
		}
		for j, e := range cloud.Params(m).List("RemoteCidrBlock") {
			if s, _ := e.(string); s != "" {
				if pfx, err := cloud.ParseNetwork(s, false); err == nil {
					r.remote = append(r.remote, remoteCIDR{j, pfx.Masked()})
				}
			}
		}
		out = append(out, r)
	}
	return out
}

func checkSPDOverlap(p cloud.Params, _ map[string]string) cloud.Issues {
	var out cloud.Issues
	for _, r := range spdRules(p) {
		if !r.ok {
			continue
		}
		for _, rem := range r.remote {
			if !cloud.Overlaps(r.local, rem.pfx) {
				continue
			}
			out = append(out, cloud.Warnf(fmt.Sprintf("SecurityPolicyDatabases[%d].RemoteCidrBlock[%d]", r.i, rem.j),
				"remote CIDR %s overlaps the rule's local CIDR %s: an SPD rule's local and remote ranges must not "+
					"overlap (Tencent answers InvalidParameterValue.VpnConnSpdCidrConflict)", rem.pfx, r.local))
		}
	}
	return out
}

func checkSPDLocalOverlap(p cloud.Params, _ map[string]string) cloud.Issues {
	var out cloud.Issues
	rules := spdRules(p)
	for a := range rules {
		for b := 0; b < a; b++ {
			if rules[a].ok && rules[b].ok && cloud.Overlaps(rules[a].local, rules[b].local) {
				out = append(out, cloud.Warnf(fmt.Sprintf("SecurityPolicyDatabases[%d].LocalCidrBlock", rules[a].i),
					"local CIDR %s overlaps the local CIDR %s of SecurityPolicyDatabases[%d]: merge the rules, since "+
						"SPD local ranges must not conflict (Tencent answers UnsupportedOperation.VpnConnSPDOverlap)",
					rules[a].local, rules[b].local, rules[b].i))
				break
			}
		}
	}
	return out
}

func checkSPDRouteType(p cloud.Params, _ map[string]string) cloud.Issues {
	rt := routeType(p)
	if !p.Has("SecurityPolicyDatabases") || isSPDType(rt) {
		return nil
	}
	return cloud.Issues{cloud.Warnf("SecurityPolicyDatabases",
		"SPD rules apply to policy-based tunnels (RouteType %s); with RouteType %s traffic follows routes, "+
			"so these rules are likely ignored", strings.Join(spdRouteType, " or "), rt)}
}

func checkHealthCheckSPD(p cloud.Params, _ map[string]string) cloud.Issues {
	rt := routeType(p)
	if !p.Bool("EnableHealthCheck") || !isSPDType(rt) {
		return nil
	}
	return cloud.Issues{cloud.Warnf("EnableHealthCheck",
		"health check on an SPD tunnel (RouteType %s): Tencent may answer "+
			"UnsupportedOperation.VpnConnCidrNotSupportedHealthCheck; use RouteType %s or %s, or add an SPD rule "+
			"for 0.0.0.0/0 as the console guide requires", rt, rtStaticRoute, rtBgp)}
}

func checkHealthCheckEnabled(p cloud.Params, _ map[string]string) cloud.Issues {
	if p.Bool("EnableHealthCheck") {
		return nil
	}
	var out cloud.Issues
	for _, k := range []string{"HealthCheckConfig", "HealthCheckLocalIp", "HealthCheckRemoteIp"} {
		if p.Has(k) {
			out = append(out, cloud.Warnf(k, "has no effect unless EnableHealthCheck is true"))
		}
	}
	return out
}

func checkHealthCheckIPs(p cloud.Params, _ map[string]string) cloud.Issues {
	l, r := p.Str("HealthCheckLocalIp"), p.Str("HealthCheckRemoteIp")
	if l == "" || l != r {
		return nil
	}
	return cloud.Issues{cloud.Warnf("HealthCheckRemoteIp",
		"equals HealthCheckLocalIp: the two health check addresses must differ "+
			"(Tencent answers InvalidParameterValue.VpnConnHealthCheckIpConflict)")}
}

func checkBGPRouteType(p cloud.Params, _ map[string]string) cloud.Issues {
	if rt := routeType(p); p.Has("BgpConfig") && rt != rtBgp {
		return cloud.Issues{cloud.Warnf("BgpConfig",
			"BGP settings apply to RouteType %s tunnels; with RouteType %s they are likely ignored or refused", rtBgp, rt)}
	}
	return nil
}

func checkVpcID(p cloud.Params, _ map[string]string) cloud.Issues {
	if p.Has("VpcId") {
		return nil
	}
	return cloud.Issues{cloud.Warnf("VpcId",
		"is required unless the VPN gateway is a CCN gateway (Tencent answers "+
			"UnsupportedOperation.VpnGwVpcIdMustHave for VPC gateways)")}
}

var idPrefixes = []struct{ field, prefix, what string }{
	{"VpcId", "vpc-", "VPC"},
	{"VpnGatewayId", "vpngw-", "VPN gateway"},
	{"CustomerGatewayId", "cgw-", "customer gateway"},
}

func checkIDPrefixes(p cloud.Params, _ map[string]string) cloud.Issues {
	var out cloud.Issues
	for _, x := range idPrefixes {
		if s := p.Str(x.field); s != "" && !strings.HasPrefix(s, x.prefix) {
			out = append(out, cloud.Warnf(x.field, "%q does not look like a %s id (%sxxxxxxxx)", s, x.what, x.prefix))
		}
	}
	return out
}

func checkTagKeys(p cloud.Params, _ map[string]string) cloud.Issues {
	var out cloud.Issues
	seen := map[string]int{}
	tags := p.List("Tags")
	for i := range tags {
		m, ok := tags[i].(map[string]any)
		if !ok {
			continue
		}
		k, _ := m["Key"].(string)
		if k == "" {
			continue
		}
		if first, dup := seen[k]; dup {
			out = append(out, cloud.Warnf(fmt.Sprintf("Tags[%d].Key", i),
				"key %q is already used by Tags[%d]: tag keys must be unique (Tencent answers "+
					"InvalidParameterValue.TagDuplicateKey)", k, first))
			continue
		}
		seen[k] = i
	}
	return out
}

// checkDefaultIdentity warns where an identity left to its default
// (ADDRESS) has no address: Tencent fills the local one from the
// gateway; the remote one it may or may not take from the customer gateway.
func checkDefaultIdentity(p cloud.Params, _ map[string]string) cloud.Issues {
	ikeOpts := p.Obj("IKEOptionsSpecification")
	if ikeOpts == nil {
		return nil
	}
	var out cloud.Issues
	if !ikeOpts.Has("RemoteIdentity") && !ikeOpts.Has("RemoteAddress") {
		out = append(out, cloud.Warnf("IKEOptionsSpecification.RemoteAddress",
			"is not set while RemoteIdentity defaults to ADDRESS: set the customer gateway's public IP, or Tencent may refuse the tunnel"))
	}
	if !ikeOpts.Has("LocalIdentity") && !ikeOpts.Has("LocalAddress") {
		out = append(out, cloud.Warnf("IKEOptionsSpecification.LocalAddress",
			"is not set: Tencent uses the VPN gateway's public IP as the local identity"))
	}
	return out
}

func checkDPDTimeout(p cloud.Params, _ map[string]string) cloud.Issues {
	s := p.Str("DpdTimeout")
	if s == "" {
		return nil
	}
	var n int
	if _, err := fmt.Sscan(s, &n); err != nil || (n >= 30 && n <= 60) {
		return nil
	}
	return cloud.Issues{cloud.Warnf("DpdTimeout", "%d is outside 30 to 60 seconds, the range Tencent's Terraform provider allows; the API documents none", n)}
}

func checkSPDSizes(p cloud.Params, _ map[string]string) cloud.Issues {
	var out cloud.Issues
	spd := p.List("SecurityPolicyDatabases")
	if len(spd) > 200 {
		out = append(out, cloud.Warnf("SecurityPolicyDatabases", "has %d rules: a VPN gateway holds at most 200 SPD mappings (console guide quota)", len(spd)))
	}
	for i, r := range spd {
		if m, ok := r.(map[string]any); ok {
			if l, _ := m["RemoteCidrBlock"].([]any); len(l) > 200 {
				out = append(out, cloud.Warnf(fmt.Sprintf("SecurityPolicyDatabases[%d].RemoteCidrBlock", i), "has %d blocks: a VPN gateway holds at most 200 SPD mappings (console guide quota)", len(l)))
			}
		}
	}
	return out
}
