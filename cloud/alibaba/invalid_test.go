package alibaba

import (
	"testing"

	"tunnelwiz/cloud"
	it "tunnelwiz/cloud/internal/aliyun/aliyuntest"
)

// invalidCases: each is a small mutation of a testdata spec and the exact
// issue (path, severity, the allowed values or rule) it must draw.
var invalidCases = []it.Case{
	// Required parameters and the target.
	{Name: "RegionId missing", Set: map[string]any{"RegionId": it.Del}, Field: "RegionId", Sev: cloud.Error, Want: "is required"},
	{Name: "VpnGatewayId missing", Set: map[string]any{"VpnGatewayId": it.Del}, Field: "VpnGatewayId", Sev: cloud.Error, Want: "is required"},
	{Name: "VpnGatewayId empty", Set: map[string]any{"VpnGatewayId": " "}, Field: "VpnGatewayId", Sev: cloud.Error, Want: "must not be empty"},
	{Name: "CustomerGatewayId missing in single-tunnel mode", Set: map[string]any{"CustomerGatewayId": it.Del}, Field: "CustomerGatewayId", Sev: cloud.Error, Want: "required in single-tunnel mode"},
	{Name: "region missing", Target: map[string]any{"region": it.Del}, Field: "region", Sev: cloud.Error, Want: "is required"},
	{Name: "region with upper case", Target: map[string]any{"region": "CN-Shanghai"}, Field: "region", Sev: cloud.Error, Want: "lower-case letters, digits and single hyphens"},
	{Name: "region unknown", Target: map[string]any{"region": "cn-atlantis-1"}, Field: "region", Sev: cloud.Warning, Want: "cn-shanghai"},
	{Name: "endpoint with a path", Target: map[string]any{"endpoint": "https://vpc.example.com/api"}, Field: "endpoint", Sev: cloud.Error, Want: "no path"},
	{Name: "endpoint not http", Target: map[string]any{"endpoint": "ftp://vpc.example.com"}, Field: "endpoint", Sev: cloud.Error, Want: "http or https"},
	{Name: "RegionId bad characters", Set: map[string]any{"RegionId": "cn_shanghai"}, Field: "RegionId", Sev: cloud.Error, Want: "lower-case letters"},
	{Name: "RegionId unknown", Set: map[string]any{"RegionId": "cn-atlantis-1"}, Field: "RegionId", Sev: cloud.Warning, Want: "not among the values known"},
	{Name: "RegionId differs from the target", Set: map[string]any{"RegionId": "cn-hangzhou"}, Field: "RegionId", Sev: cloud.Warning, Want: "differs from the target region"},
	{Name: "unknown parameter", Set: map[string]any{"VpnGatewayID": "x"}, Field: "VpnGatewayID", Sev: cloud.Error, Want: "did you mean VpnGatewayId"},

	// Subnets.
	{Name: "LocalSubnet host bits", Set: map[string]any{"LocalSubnet": "1.1.1.1/24"}, Field: "LocalSubnet", Sev: cloud.Warning, Want: "host bits set: the network is 1.1.1.0/24"},
	{Name: "RemoteSubnet bad prefix", Set: map[string]any{"RemoteSubnet": "1.1.1.0/33"}, Field: "RemoteSubnet", Sev: cloud.Error, Want: "comma-separated IPv4 CIDR blocks"},
	{Name: "RemoteSubnet empty element", Set: map[string]any{"RemoteSubnet": "1.1.1.0/24,"}, Field: "RemoteSubnet", Sev: cloud.Error, Want: "IPv4 CIDR block"},
	{Name: "subnets overlap", Base: "single", Set: map[string]any{"RemoteSubnet": "10.10.0.0/16"}, Field: "RemoteSubnet", Sev: cloud.Warning, Want: "overlaps LocalSubnet 10.10.1.0/24"},
	{Name: "subnet repeated", Base: "single", Set: map[string]any{"LocalSubnet": "10.10.1.0/24,10.10.1.0/24"}, Field: "LocalSubnet", Sev: cloud.Warning, Want: "more than once"},
	{Name: "too many subnets", Base: "single", Set: map[string]any{"LocalSubnet": "10.1.0.0/24,10.1.1.0/24,10.1.2.0/24,10.1.3.0/24,10.1.4.0/24,10.1.5.0/24,10.1.6.0/24,10.1.7.0/24,10.1.8.0/24,10.1.9.0/24,10.1.10.0/24"}, Field: "LocalSubnet", Sev: cloud.Warning, Want: "more than 10"},

	// Name, token, flags, tags.
	{Name: "Name starts with http", Set: map[string]any{"Name": "http://vpn"}, Field: "Name", Sev: cloud.Error, Want: "http:// or https://"},
	{Name: "Name too long", Set: map[string]any{"Name": it.Long(129)}, Field: "Name", Sev: cloud.Error, Want: "1 to 128"},
	{Name: "Name breaks the seed's older rule", Set: map[string]any{"Name": "1st tunnel"}, Field: "Name", Sev: cloud.Warning, Want: "starting with a letter"},
	{Name: "ClientToken too long", Set: map[string]any{"ClientToken": it.Long(65)}, Field: "ClientToken", Sev: cloud.Error, Want: "1 to 64"},
	{Name: "ClientToken not ASCII", Set: map[string]any{"ClientToken": "tóken"}, Field: "ClientToken", Sev: cloud.Error, Want: "printable ASCII"},
	{Name: "EffectImmediately not boolean", Set: map[string]any{"EffectImmediately": "yes"}, Field: "EffectImmediately", Sev: cloud.Error, Want: "true or false"},
	{Name: "OwnerId not a number", Set: map[string]any{"OwnerId": "me"}, Field: "OwnerId", Sev: cloud.Error, Want: "whole number"},
	{Name: "too many tags", Edit: func(p cloud.Params) {
		var l []any
		for i := 0; i < 21; i++ {
			l = append(l, map[string]any{"Key": "k", "Value": "v"})
		}
		p["Tags"] = l
	}, Field: "Tags", Sev: cloud.Error, Want: "from 1 to 20"},
	{Name: "tag key reserved prefix", Set: map[string]any{"Tags[0].Key": "aliyun-env"}, Field: "Tags[0].Key", Sev: cloud.Error, Want: "aliyun or acs:"},
	{Name: "tag key missing", Set: map[string]any{"Tags[0].Value": "v"}, Field: "Tags[0].Key", Sev: cloud.Error, Want: "is required"},
	{Name: "tag value too long", Set: map[string]any{"Tags[0].Key": "k", "Tags[0].Value": it.Long(129)}, Field: "Tags[0].Value", Sev: cloud.Error, Want: "0 to 128"},

	// IkeConfig.
	{Name: "IkeEncAlg unknown", Set: map[string]any{"IkeConfig.IkeEncAlg": "aes128"}, Field: "IkeConfig.IkeEncAlg", Sev: cloud.Error, Want: "aes, aes192, aes256, des or 3des (accepted with a warning: sm4)"},
	{Name: "IkeAuthAlg unknown", Set: map[string]any{"IkeConfig.IkeAuthAlg": "sha2"}, Field: "IkeConfig.IkeAuthAlg", Sev: cloud.Error, Want: "md5, sha1, sha256, sha384 or sha512 (accepted with a warning: sm3)"},
	// Issue 10: the ShangMi tokens are documented only for ModifyTunnelAttribute
	// on SM-certificate gateways (China site): a warning that says so.
	{Name: "IkeEncAlg sm4 warns", Set: map[string]any{"IkeConfig.IkeEncAlg": "sm4"}, Field: "IkeConfig.IkeEncAlg", Sev: cloud.Warning, Want: "SM (ShangMi) certificate"},
	{Name: "IkeAuthAlg sm3 warns", Set: map[string]any{"IkeConfig.IkeAuthAlg": "sm3"}, Field: "IkeConfig.IkeAuthAlg", Sev: cloud.Warning, Want: "modify_tunnel_attribute_request_model.go"},
	{Name: "IpsecEncAlg sm4 warns", Set: map[string]any{"IpsecConfig.IpsecEncAlg": "sm4"}, Field: "IpsecConfig.IpsecEncAlg", Sev: cloud.Warning, Want: "uses an SM certificate, set the value to **sm4**"},
	{Name: "IpsecAuthAlg sm3 warns", Set: map[string]any{"IpsecConfig.IpsecAuthAlg": "sm3"}, Field: "IpsecConfig.IpsecAuthAlg", Sev: cloud.Warning, Want: "set the value to **sm3**"},
	{Name: "IkePfs unknown", Set: map[string]any{"IkeConfig.IkePfs": "group19"}, Field: "IkeConfig.IkePfs", Sev: cloud.Error, Want: "group14 or group24"},
	{Name: "IkeVersion case", Set: map[string]any{"IkeConfig.IkeVersion": "IKEV2"}, Field: "IkeConfig.IkeVersion", Sev: cloud.Error, Want: "did you mean ikev2"},
	{Name: "IkeMode unknown", Set: map[string]any{"IkeConfig.IkeMode": "quick"}, Field: "IkeConfig.IkeMode", Sev: cloud.Error, Want: "main or aggressive"},
	{Name: "IkeLifetime too long", Set: map[string]any{"IkeConfig.IkeLifetime": 86401}, Field: "IkeConfig.IkeLifetime", Sev: cloud.Error, Want: "from 0 to 86400"},
	{Name: "Psk too long", Set: map[string]any{"IkeConfig.Psk": "S3cret" + it.Long(95)}, Field: "IkeConfig.Psk", Sev: cloud.Error, Want: "1 to 100", Secret: "S3cret" + it.Long(95)},
	{Name: "Psk with a space", Set: map[string]any{"IkeConfig.Psk": "my S3cret"}, Field: "IkeConfig.Psk", Sev: cloud.Error, Want: "no spaces", Secret: "my S3cret"},
	{Name: "LocalId with a space", Set: map[string]any{"IkeConfig.LocalId": "vpn gw"}, Field: "IkeConfig.LocalId", Sev: cloud.Error, Want: "must not contain spaces"},
	{Name: "RemoteId too long", Set: map[string]any{"IkeConfig.RemoteId": it.Long(101)}, Field: "IkeConfig.RemoteId", Sev: cloud.Error, Want: "1 to 100"},
	{Name: "LocalIdIPsec is the old name", Set: map[string]any{"IkeConfig.LocalIdIPsec": "47.1.1.1"}, Field: "IkeConfig.LocalIdIPsec", Sev: cloud.Warning, Want: "use LocalId"},
	{Name: "LocalId given twice", Base: "single", Set: map[string]any{"IkeConfig.LocalIdIPsec": "47.1.1.1"}, Field: "IkeConfig.LocalIdIPsec", Sev: cloud.Warning, Want: "keep one"},
	{Name: "IkeMode with IKEv2", Base: "single", Set: map[string]any{"IkeConfig.IkeVersion": "ikev2"}, Field: "IkeConfig.IkeMode", Sev: cloud.Warning, Want: "has no effect unless IkeVersion is ikev1"},
	{Name: "IkeConfig member typo", Set: map[string]any{"IkeConfig.Pks": "x"}, Field: "IkeConfig.Pks", Sev: cloud.Error, Want: "did you mean Psk"},

	// IpsecConfig.
	{Name: "IpsecPfs none", Set: map[string]any{"IpsecConfig.IpsecPfs": "none"}, Field: "IpsecConfig.IpsecPfs", Sev: cloud.Error, Want: "disabled, group1"},
	{Name: "IpsecLifetime negative", Set: map[string]any{"IpsecConfig.IpsecLifetime": -1}, Field: "IpsecConfig.IpsecLifetime", Sev: cloud.Error, Want: "from 0 to 86400"},
	{Name: "IpsecAuthAlg unknown", Set: map[string]any{"IpsecConfig.IpsecAuthAlg": "sha3"}, Field: "IpsecConfig.IpsecAuthAlg", Sev: cloud.Error, Want: "md5, sha1, sha256"},

	// HealthCheckConfig.
	{Name: "health check enable not boolean", Set: map[string]any{"HealthCheckConfig.enable": "on"}, Field: "HealthCheckConfig.enable", Sev: cloud.Error, Want: "true or false"},
	{Name: "health check masked dip", Set: map[string]any{"HealthCheckConfig.dip": "192.168.xx.2"}, Field: "HealthCheckConfig.dip", Sev: cloud.Error, Want: "IPv4 address"},
	{Name: "health check interval not a number", Set: map[string]any{"HealthCheckConfig.interval": "three"}, Field: "HealthCheckConfig.interval", Sev: cloud.Error, Want: "whole number"},
	{Name: "health check without sip", Base: "single", Set: map[string]any{"HealthCheckConfig.sip": it.Del}, Field: "HealthCheckConfig.sip", Sev: cloud.Warning, Want: "give an address in LocalSubnet"},
	{Name: "health check dip outside RemoteSubnet", Base: "single", Set: map[string]any{"HealthCheckConfig.dip": "192.168.9.9"}, Field: "HealthCheckConfig.dip", Sev: cloud.Warning, Want: "outside RemoteSubnet"},

	// BgpConfig.
	{Name: "TunnelCidr not /30", Set: map[string]any{"BgpConfig.TunnelCidr": "169.254.11.0/29"}, Field: "BgpConfig.TunnelCidr", Sev: cloud.Error, Want: "/30 inside 169.254.0.0/16"},
	{Name: "TunnelCidr outside link-local", Set: map[string]any{"BgpConfig.TunnelCidr": "10.0.0.0/30"}, Field: "BgpConfig.TunnelCidr", Sev: cloud.Error, Want: "/30 inside 169.254.0.0/16"},
	{Name: "TunnelCidr reserved", Set: map[string]any{"BgpConfig.TunnelCidr": "169.254.1.0/30"}, Field: "BgpConfig.TunnelCidr", Sev: cloud.Error, Want: "reserved"},
	{Name: "LocalBgpIp outside TunnelCidr", Base: "single", Set: map[string]any{"BgpConfig.LocalBgpIp": "169.254.12.1"}, Field: "BgpConfig.LocalBgpIp", Sev: cloud.Error, Want: "169.254.11.1 to 169.254.11.2"},
	{Name: "LocalBgpIp broadcast", Base: "single", Set: map[string]any{"BgpConfig.LocalBgpIp": "169.254.11.3"}, Field: "BgpConfig.LocalBgpIp", Sev: cloud.Warning, Want: "network or broadcast"},
	{Name: "LocalAsn zero", Set: map[string]any{"BgpConfig.LocalAsn": "0"}, Field: "BgpConfig.LocalAsn", Sev: cloud.Error, Want: "1 to 4294967295"},
	{Name: "LocalAsn too big", Set: map[string]any{"BgpConfig.LocalAsn": "4294967296"}, Field: "BgpConfig.LocalAsn", Sev: cloud.Error, Want: "1 to 4294967295"},
	{Name: "LocalAsn dotted half too big", Set: map[string]any{"BgpConfig.LocalAsn": "123.65536"}, Field: "BgpConfig.LocalAsn", Sev: cloud.Error, Want: "0 to 65535"},
	{Name: "BGP enabled without addresses", Set: map[string]any{"BgpConfig.EnableBgp": true}, Field: "BgpConfig.TunnelCidr", Sev: cloud.Warning, Want: "a /30 in 169.254.0.0/16"},

	// Tunnel modes.
	{Name: "EnableTunnelsBgp in single-tunnel mode", Set: map[string]any{"EnableTunnelsBgp": true}, Field: "EnableTunnelsBgp", Sev: cloud.Error, Want: "only in dual-tunnel mode"},
	{Name: "one tunnel only", Base: "dual", Edit: func(p cloud.Params) { p[tunnels] = p.List(tunnels)[:1] }, Field: tunnels, Sev: cloud.Error, Want: "from 2 to 2"},
	{Name: "IkeConfig with tunnels", Base: "dual", Set: map[string]any{"IkeConfig.IkeVersion": "ikev2"}, Field: "IkeConfig", Sev: cloud.Error, Want: "only in single-tunnel mode"},
	{Name: "CustomerGatewayId with tunnels", Base: "dual", Set: map[string]any{"CustomerGatewayId": "cgw-x"}, Field: "CustomerGatewayId", Sev: cloud.Error, Want: "only in single-tunnel mode"},
	{Name: "EnableDpd with tunnels", Base: "dual", Set: map[string]any{"EnableDpd": true}, Field: "EnableDpd", Sev: cloud.Error, Want: "only in single-tunnel mode"},
	{Name: "RemoteCaCertificate with tunnels", Base: "dual", Set: map[string]any{"RemoteCaCertificate": "-----BEGIN CERTIFICATE-----"}, Field: "RemoteCaCertificate", Sev: cloud.Error, Want: "only in single-tunnel mode"},
	{Name: "two masters", Base: "dual", Set: map[string]any{"TunnelOptionsSpecification[1].Role": "master"}, Field: "TunnelOptionsSpecification[1].Role", Sev: cloud.Error, Want: "one tunnel must be master (active) and the other slave (standby)"},
	{Name: "role unknown", Base: "dual", Set: map[string]any{"TunnelOptionsSpecification[0].Role": "primary"}, Field: "TunnelOptionsSpecification[0].Role", Sev: cloud.Error, Want: "master or slave"},
	{Name: "role missing", Base: "dual", Set: map[string]any{"TunnelOptionsSpecification[1].Role": it.Del}, Field: "TunnelOptionsSpecification[1].Role", Sev: cloud.Warning, Want: "master (active)"},
	{Name: "tunnel customer gateway missing", Base: "dual", Set: map[string]any{"TunnelOptionsSpecification[0].CustomerGatewayId": it.Del}, Field: "TunnelOptionsSpecification[0].CustomerGatewayId", Sev: cloud.Error, Want: "is required"},
	{Name: "tunnel ASN missing with EnableTunnelsBgp", Base: "dual", Set: map[string]any{"TunnelOptionsSpecification[1].TunnelBgpConfig.LocalAsn": it.Del}, Field: "TunnelOptionsSpecification[1].TunnelBgpConfig.LocalAsn", Sev: cloud.Error, Want: "1 to 4294967295"},
	{Name: "tunnel ASN out of range", Base: "dual", Set: map[string]any{"TunnelOptionsSpecification[0].TunnelBgpConfig.LocalAsn": 0}, Field: "TunnelOptionsSpecification[0].TunnelBgpConfig.LocalAsn", Sev: cloud.Error, Want: "from 1 to 4294967295"},
	{Name: "tunnel CIDRs repeat", Base: "dual", Set: map[string]any{"TunnelOptionsSpecification[1].TunnelBgpConfig.TunnelCidr": "169.254.10.0/30", "TunnelOptionsSpecification[1].TunnelBgpConfig.LocalBgpIp": "169.254.10.2"}, Field: "TunnelOptionsSpecification[1].TunnelBgpConfig.TunnelCidr", Sev: cloud.Error, Want: "must be unique"},
	{Name: "tunnel BGP address outside", Base: "dual", Set: map[string]any{"TunnelOptionsSpecification[0].TunnelBgpConfig.LocalBgpIp": "169.254.10.9"}, Field: "TunnelOptionsSpecification[0].TunnelBgpConfig.LocalBgpIp", Sev: cloud.Error, Want: "169.254.10.1 to 169.254.10.2"},
	{Name: "tunnel BGP config while BGP is off", Base: "dual", Set: map[string]any{"EnableTunnelsBgp": false}, Field: "TunnelOptionsSpecification[0].TunnelBgpConfig", Sev: cloud.Warning, Want: "only when EnableTunnelsBgp is true"},
	{Name: "tunnel IkePfs unknown", Base: "dual", Set: map[string]any{"TunnelOptionsSpecification[0].TunnelIkeConfig.IkePfs": "group20"}, Field: "TunnelOptionsSpecification[0].TunnelIkeConfig.IkePfs", Sev: cloud.Error, Want: "group1, group2, group5, group14 or group24"},
	{Name: "tunnel Psk characters", Base: "dual", Set: map[string]any{"TunnelOptionsSpecification[1].TunnelIkeConfig.Psk": "key'with'quotes"}, Field: "TunnelOptionsSpecification[1].TunnelIkeConfig.Psk", Sev: cloud.Error, Want: "letters, digits and", Secret: "key'with'quotes"},
	{Name: "tunnel IkeMode with IKEv2", Base: "dual", Set: map[string]any{"TunnelOptionsSpecification[0].TunnelIkeConfig.IkeMode": "main"}, Field: "TunnelOptionsSpecification[0].TunnelIkeConfig.IkeMode", Sev: cloud.Warning, Want: "has no effect unless IkeVersion is ikev1"},
	{Name: "tunnel has no LocalIdIPsec", Base: "dual", Set: map[string]any{"TunnelOptionsSpecification[0].TunnelIkeConfig.LocalIdIPsec": "x"}, Field: "TunnelOptionsSpecification[0].TunnelIkeConfig.LocalIdIPsec", Sev: cloud.Error, Want: "known here: Psk, IkeVersion"},
	{Name: "tunnel IpsecLifetime too long", Base: "dual", Set: map[string]any{"TunnelOptionsSpecification[1].TunnelIpsecConfig.IpsecLifetime": 100000}, Field: "TunnelOptionsSpecification[1].TunnelIpsecConfig.IpsecLifetime", Sev: cloud.Error, Want: "from 0 to 86400"},
}

func TestInvalid(t *testing.T) {
	it.Run(t, catalog, map[string]string{
		"":       "testdata/seed.yaml",
		"single": "testdata/single-tunnel.yaml",
		"dual":   "testdata/dual-tunnel.yaml",
	}, invalidCases, 40)
}
