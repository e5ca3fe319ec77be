package tencent

import (
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
)

type mutation func(s *cloud.Spec)

// set stores v at an instance path; Go ints become int64, as the spec
// parser produces them.
func set(path string, v any) mutation {
	if n, ok := v.(int); ok {
		v = int64(n)
	}
	return func(s *cloud.Spec) {
		if err := cloud.Params(s.Params).Set(path, v); err != nil {
			panic(err)
		}
	}
}

func del(path string) mutation {
	return func(s *cloud.Spec) { cloud.Params(s.Params).Delete(path) }
}

func target(k, v string) mutation {
	return func(s *cloud.Spec) {
		if v == "" {
			delete(s.Target, k)
		} else {
			s.Target[k] = v
		}
	}
}

func all(ms ...mutation) mutation {
	return func(s *cloud.Spec) {
		for _, m := range ms {
			m(s)
		}
	}
}

// bgp turns the seed into a BGP tunnel with the given addresses.
func bgp(cidr, local, remote string) mutation {
	return all(set("RouteType", "Bgp"), del("SecurityPolicyDatabases"),
		set("BgpConfig", map[string]any{"TunnelCidr": cidr, "LocalBgpIp": local, "RemoteBgpIp": remote}))
}

const (
	E = cloud.Error
	W = cloud.Warning
)

var invalidCases = []struct {
	name  string
	mut   mutation
	field string
	sev   cloud.Severity
	want  []string
	notAt []string // paths that must stay clean (regressions)
}{
	// IKE phase 1
	{"IKE DH group unknown", set("IKEOptionsSpecification.DhGroupName", "GROUP3"), "IKEOptionsSpecification.DhGroupName", E, []string{"GROUP14", "GROUP21"}, nil},
	{"IKE DH in PFS spelling", set("IKEOptionsSpecification.DhGroupName", "DH-GROUP14"), "IKEOptionsSpecification.DhGroupName", E, []string{"not allowed", "GROUP14"}, nil},
	{"IKE encryption typo from the SDK comment", set("IKEOptionsSpecification.PropoEncryAlgorithm", "AES-CBS-192"), "IKEOptionsSpecification.PropoEncryAlgorithm", E, []string{"AES-CBC-192"}, nil},
	{"IKE encryption NULL is IPsec only", set("IKEOptionsSpecification.PropoEncryAlgorithm", "NULL"), "IKEOptionsSpecification.PropoEncryAlgorithm", E, []string{"3DES-CBC", "AES256GCM128"}, nil},
	{"IKE auth SHA-384 not documented", set("IKEOptionsSpecification.PropoAuthenAlgorithm", "SHA-384"), "IKEOptionsSpecification.PropoAuthenAlgorithm", E, []string{"SHA-256", "SHA-512"}, nil},
	{"IKE mode lower case", set("IKEOptionsSpecification.ExchangeMode", "main"), "IKEOptionsSpecification.ExchangeMode", E, []string{"did you mean MAIN"}, nil},
	{"IKE version unknown", set("IKEOptionsSpecification.IKEVersion", "IKEV3"), "IKEOptionsSpecification.IKEVersion", E, []string{"IKEV1", "IKEV2"}, nil},
	{"local identity unknown", set("IKEOptionsSpecification.LocalIdentity", "IP"), "IKEOptionsSpecification.LocalIdentity", E, []string{"ADDRESS", "FQDN"}, nil},
	{"IKE lifetime below range", set("IKEOptionsSpecification.IKESaLifetimeSeconds", 59), "IKEOptionsSpecification.IKESaLifetimeSeconds", E, []string{"60", "604800"}, nil},
	{"IKE lifetime not a number", set("IKEOptionsSpecification.IKESaLifetimeSeconds", "one day"), "IKEOptionsSpecification.IKESaLifetimeSeconds", E, []string{"whole number", "60", "604800"}, nil},
	{"local address not IPv4", set("IKEOptionsSpecification.LocalAddress", "58.211.2.300"), "IKEOptionsSpecification.LocalAddress", E, []string{"IPv4 address"}, nil},
	{"remote address with prefix", set("IKEOptionsSpecification.RemoteAddress", "1.2.3.4/32"), "IKEOptionsSpecification.RemoteAddress", E, []string{"IPv4 address"}, nil},
	{"ADDRESS identity needs LocalAddress", del("IKEOptionsSpecification.LocalAddress"), "IKEOptionsSpecification.LocalAddress", E, []string{"required when LocalIdentity is ADDRESS"}, nil},
	{"ADDRESS identity needs RemoteAddress", del("IKEOptionsSpecification.RemoteAddress"), "IKEOptionsSpecification.RemoteAddress", E, []string{"required when RemoteIdentity is ADDRESS"}, nil},
	{"FQDN identity needs LocalFqdnName", set("IKEOptionsSpecification.LocalIdentity", "FQDN"), "IKEOptionsSpecification.LocalFqdnName", E, []string{"required when LocalIdentity is FQDN"}, nil},
	{"FQDN remote identity needs RemoteFqdnName", set("IKEOptionsSpecification.RemoteIdentity", "FQDN"), "IKEOptionsSpecification.RemoteFqdnName", E, []string{"required when RemoteIdentity is FQDN"},
		[]string{"IKEOptionsSpecification.LocalFqdnName"}},
	// The Terraform provider checks the remote side against LocalIdentity:
	// a local FQDN with a remote ADDRESS must ask for RemoteAddress, never
	// for RemoteFqdnName.
	{"remote side follows RemoteIdentity, not LocalIdentity",
		all(set("IKEOptionsSpecification.LocalIdentity", "FQDN"), set("IKEOptionsSpecification.LocalFqdnName", "a.example.com"), del("IKEOptionsSpecification.RemoteAddress")),
		"IKEOptionsSpecification.RemoteAddress", E, []string{"required when RemoteIdentity is ADDRESS"},
		[]string{"IKEOptionsSpecification.RemoteFqdnName", "IKEOptionsSpecification.LocalAddress"}},
	{"empty FQDN name", all(set("IKEOptionsSpecification.LocalIdentity", "FQDN"), set("IKEOptionsSpecification.LocalFqdnName", "")), "IKEOptionsSpecification.LocalFqdnName", E, []string{"must not be empty"}, nil},
	{"unknown IKE member", set("IKEOptionsSpecification.DhGroupNam", "GROUP2"), "IKEOptionsSpecification.DhGroupNam", E, []string{"did you mean DhGroupName"}, nil},

	// IPsec phase 2
	{"PFS in IKE spelling", set("IPSECOptionsSpecification.PfsDhGroup", "GROUP14"), "IPSECOptionsSpecification.PfsDhGroup", E, []string{"DH-GROUP14", "NULL"}, nil},
	{"PFS null lower case", set("IPSECOptionsSpecification.PfsDhGroup", "null"), "IPSECOptionsSpecification.PfsDhGroup", E, []string{"did you mean NULL"}, nil},
	{"IPsec encryption GCM spelt the IETF way", set("IPSECOptionsSpecification.EncryptAlgorithm", "AES-GCM-128"), "IPSECOptionsSpecification.EncryptAlgorithm", E, []string{"AES128GCM128", "NULL"}, nil},
	{"misspelt integrity lower case", set("IPSECOptionsSpecification.IntegrityAlgorith", "sha1"), "IPSECOptionsSpecification.IntegrityAlgorith", E, []string{"did you mean SHA1"}, nil},
	{"integrity SHA256 without dash", all(del("IPSECOptionsSpecification.IntegrityAlgorith"), set("IPSECOptionsSpecification.IntegrityAlgorithm", "SHA256")), "IPSECOptionsSpecification.IntegrityAlgorithm", E, []string{"SHA-256", "SM3"}, nil},
	// Issue 10: both SDKs list only MD5, SHA1, SHA-256 for IntegrityAlgorithm;
	// the wider set is the deprecated spelling's, so it only warns here.
	{"integrity SHA-512 under the new name", all(del("IPSECOptionsSpecification.IntegrityAlgorith"), set("IPSECOptionsSpecification.IntegrityAlgorithm", "SHA-512")), "IPSECOptionsSpecification.IntegrityAlgorithm", W, []string{"MD5, SHA1 or SHA-256", "IntegrityAlgorith alone"}, nil},
	{"integrity SM3 under the new name", all(del("IPSECOptionsSpecification.IntegrityAlgorith"), set("IPSECOptionsSpecification.IntegrityAlgorithm", "SM3")), "IPSECOptionsSpecification.IntegrityAlgorithm", W, []string{"accepted with a warning"}, nil},
	{"both integrity spellings", set("IPSECOptionsSpecification.IntegrityAlgorithm", "SHA-256"), "IPSECOptionsSpecification.IntegrityAlgorithm", W, []string{"InvalidParameter.Coexist"}, nil},
	{"IPsec lifetime above range", set("IPSECOptionsSpecification.IPSECSaLifetimeSeconds", 604801), "IPSECOptionsSpecification.IPSECSaLifetimeSeconds", E, []string{"180", "604800"}, nil},
	{"IPsec traffic lifetime below range", set("IPSECOptionsSpecification.IPSECSaLifetimeTraffic", 2559), "IPSECOptionsSpecification.IPSECSaLifetimeTraffic", E, []string{"2560", "4294967295"}, nil},

	// Top level, gateways, name, key
	{"gateway id missing", del("VpnGatewayId"), "VpnGatewayId", E, []string{"is required"}, nil},
	{"customer gateway id missing", del("CustomerGatewayId"), "CustomerGatewayId", E, []string{"is required"}, nil},
	{"pre-shared key missing", del("PreShareKey"), "PreShareKey", E, []string{"is required"}, nil},
	{"pre-shared key empty", set("PreShareKey", ""), "PreShareKey", E, []string{"must not be empty"}, nil},
	{"pre-shared key a list", set("PreShareKey", []any{"654321"}), "PreShareKey", E, []string{"single value"}, nil},
	{"name too long", set("VpnConnectionName", strings.Repeat("n", 61)), "VpnConnectionName", E, []string{"1 to 60"}, nil},
	{"route type upper case", set("RouteType", "BGP"), "RouteType", E, []string{"did you mean Bgp"}, nil},
	{"route type unknown", set("RouteType", "Route"), "RouteType", E, []string{"STATIC", "StaticRoute", "Policy", "Bgp"}, nil},
	{"negotiation type case", set("NegotiationType", "Active"), "NegotiationType", E, []string{"did you mean active"}, nil},
	{"unknown top-level name", set("VpnConnectionNam", "x"), "VpnConnectionNam", E, []string{"did you mean VpnConnectionName"}, nil},
	{"VpcId absent", del("VpcId"), "VpcId", W, []string{"CCN", "VpnGwVpcIdMustHave"}, nil},
	{"gateway id shape", set("VpnGatewayId", "gw-123"), "VpnGatewayId", W, []string{"vpngw-"}, nil},

	// SPD
	{"SPD required for the default STATIC type", del("SecurityPolicyDatabases"), "SecurityPolicyDatabases", E, []string{"required when RouteType is STATIC or Policy"}, nil},
	{"SPD required for Policy", all(set("RouteType", "Policy"), del("SecurityPolicyDatabases")), "SecurityPolicyDatabases", E, []string{"STATIC or Policy"}, nil},
	{"SPD empty", set("SecurityPolicyDatabases", []any{}), "SecurityPolicyDatabases", E, []string{"required when RouteType is", "STATIC"}, nil},
	{"SPD local CIDR bad mask", set("SecurityPolicyDatabases[0].LocalCidrBlock", "10.8.4.0/33"), "SecurityPolicyDatabases[0].LocalCidrBlock", E, []string{"IPv4 CIDR block"}, nil},
	{"SPD second remote CIDR bad", set("SecurityPolicyDatabases[0].RemoteCidrBlock[1]", "58.211.2"), "SecurityPolicyDatabases[0].RemoteCidrBlock[1]", E, []string{"IPv4 CIDR block"}, nil},
	{"SPD remote list empty", set("SecurityPolicyDatabases[0].RemoteCidrBlock", []any{}), "SecurityPolicyDatabases[0].RemoteCidrBlock", E, []string{"is required"}, nil},
	{"SPD rule without local CIDR", del("SecurityPolicyDatabases[0].LocalCidrBlock"), "SecurityPolicyDatabases[0].LocalCidrBlock", E, []string{"is required"}, nil},
	{"SPD local overlaps remote", set("SecurityPolicyDatabases[0].RemoteCidrBlock[1]", "10.8.0.0/16"), "SecurityPolicyDatabases[0].RemoteCidrBlock[1]", W, []string{"VpnConnSpdCidrConflict", "10.8.4.0/24"}, nil},
	{"SPD local CIDRs overlap across rules", set("SecurityPolicyDatabases[1]", map[string]any{"LocalCidrBlock": "10.8.0.0/16", "RemoteCidrBlock": []any{"58.211.9.0/24"}}), "SecurityPolicyDatabases[1].LocalCidrBlock", W, []string{"VpnConnSPDOverlap", "SecurityPolicyDatabases[0]"}, nil},
	{"SPD on a route-based tunnel", set("RouteType", "StaticRoute"), "SecurityPolicyDatabases", W, []string{"STATIC or Policy"}, nil},

	// Health check
	{"health check flag not boolean", set("EnableHealthCheck", "yes"), "EnableHealthCheck", E, []string{"true or false"}, nil},
	{"health check on SPD tunnel", set("EnableHealthCheck", true), "EnableHealthCheck", W, []string{"VpnConnCidrNotSupportedHealthCheck", "0.0.0.0/0"}, nil},
	{"health check IP not IPv4", set("HealthCheckLocalIp", "169.254.128.300"), "HealthCheckLocalIp", E, []string{"IPv4 address"}, nil},
	{"health check IP without health check", set("HealthCheckRemoteIp", "169.254.128.2"), "HealthCheckRemoteIp", W, []string{"EnableHealthCheck"}, nil},
	{"health check IPs equal", all(set("EnableHealthCheck", true), set("HealthCheckLocalIp", "169.254.128.9"), set("HealthCheckRemoteIp", "169.254.128.9")), "HealthCheckRemoteIp", W, []string{"VpnConnHealthCheckIpConflict"}, nil},
	{"probe interval below range", set("HealthCheckConfig.ProbeInterval", 999), "HealthCheckConfig.ProbeInterval", E, []string{"1000", "5000"}, nil},
	{"probe threshold above range", set("HealthCheckConfig.ProbeThreshold", 9), "HealthCheckConfig.ProbeThreshold", E, []string{"3", "8"}, nil},
	{"probe timeout above range", set("HealthCheckConfig.ProbeTimeout", 5001), "HealthCheckConfig.ProbeTimeout", E, []string{"10", "5000"}, nil},
	{"probe type not NQA", set("HealthCheckConfig.ProbeType", "PING"), "HealthCheckConfig.ProbeType", E, []string{"NQA"}, nil},

	// DPD
	{"DPD switch not 0/1", set("DpdEnable", 2), "DpdEnable", E, []string{"0 or 1"}, nil},
	{"DPD timeout below range", all(set("DpdEnable", 1), set("DpdTimeout", "29")), "DpdTimeout", W, []string{"30 to 60"}, nil},
	{"defaulted remote identity without address", all(del("IKEOptionsSpecification.RemoteIdentity"), del("IKEOptionsSpecification.RemoteAddress")), "IKEOptionsSpecification.RemoteAddress", W, []string{"defaults to ADDRESS"}, nil},
	{"defaulted local identity without address", all(del("IKEOptionsSpecification.LocalIdentity"), del("IKEOptionsSpecification.LocalAddress")), "IKEOptionsSpecification.LocalAddress", W, []string{"gateway's public IP"}, nil},
	{"DPD timeout not digits", all(set("DpdEnable", 1), set("DpdTimeout", "thirty")), "DpdTimeout", E, []string{"whole number"}, nil},
	{"DPD action unknown", all(set("DpdEnable", 1), set("DpdAction", "reset")), "DpdAction", E, []string{"clear", "restart"}, nil},
	{"DPD timeout while DPD off", set("DpdTimeout", "40"), "DpdTimeout", W, []string{"DpdEnable is 1"}, nil},

	// BGP
	{"BGP address outside tunnel CIDR", bgp("169.254.10.0/30", "169.254.10.1", "169.254.11.2"), "BgpConfig.RemoteBgpIp", E, []string{"169.254.10.0/30", "TunnelCidr"},
		[]string{"BgpConfig.LocalBgpIp", "BgpConfig.TunnelCidr", "SecurityPolicyDatabases"}},
	{"BGP tunnel CIDR not /30", bgp("169.254.10.0/29", "169.254.10.1", "169.254.10.2"), "BgpConfig.TunnelCidr", W, []string{"/30", "VpnConnBgpTunnelCidrMask"}, nil},
	{"BGP tunnel CIDR not link-local", bgp("10.0.0.0/30", "10.0.0.1", "10.0.0.2"), "BgpConfig.TunnelCidr", W, []string{"169.254.0.0/16"}, nil},
	{"BGP address is the network address", bgp("169.254.10.0/30", "169.254.10.0", "169.254.10.2"), "BgpConfig.LocalBgpIp", W, []string{"network or broadcast"}, nil},
	{"BGP tunnel CIDR malformed", bgp("169.254.10.0/3x", "169.254.10.1", "169.254.10.2"), "BgpConfig.TunnelCidr", E, []string{"IPv4 CIDR block"}, nil},
	{"BGP config without local address", all(bgp("169.254.10.0/30", "169.254.10.1", "169.254.10.2"), del("BgpConfig.LocalBgpIp")), "BgpConfig.LocalBgpIp", E, []string{"is required"}, nil},
	{"BGP config on STATIC tunnel", set("BgpConfig", map[string]any{"TunnelCidr": "169.254.10.0/30", "LocalBgpIp": "169.254.10.1", "RemoteBgpIp": "169.254.10.2"}), "BgpConfig", W, []string{"RouteType Bgp"}, nil},

	// Route (deprecated) and tags
	{"route priority not 0/100", set("Route", map[string]any{"DestinationCidrBlock": "192.168.0.0/16", "Priority": int64(50)}), "Route.Priority", E, []string{"0 or 100"}, nil},
	{"route without destination", set("Route", map[string]any{"Priority": int64(0)}), "Route.DestinationCidrBlock", E, []string{"is required"}, nil},
	{"route is deprecated", set("Route", map[string]any{"DestinationCidrBlock": "192.168.0.0/16"}), "Route", W, []string{"deprecated", "CreateVpnGatewayRoutes"}, nil},
	{"tag without key", del("Tags[0].Key"), "Tags[0].Key", E, []string{"is required"}, nil},
	{"duplicate tag key", set("Tags[1]", map[string]any{"Key": "city", "Value": "beijing"}), "Tags[1].Key", W, []string{"TagDuplicateKey", "Tags[0]"}, nil},

	// Target
	{"region missing", target("region", ""), "region", E, []string{"is required"}, nil},
	{"region unknown", target("region", "ap-mars"), "region", W, []string{"ap-guangzhou", "may still accept"}, nil},
	{"endpoint not http", target("endpoint", "ftp://vpc.example.com"), "endpoint", E, []string{"http or https"}, nil},
	{"unknown target key", target("regoin", "ap-guangzhou"), "regoin", E, []string{"did you mean region"}, nil},
}

func TestInvalidSpecs(t *testing.T) {
	if len(invalidCases) < 40 {
		t.Fatalf("only %d cases", len(invalidCases))
	}
	seed := drivertest.LoadSeed(t, "testdata/seed.yaml")
	c := Driver{}.Catalog()
	_, baseline := c.Check(drivertest.Clone(seed))
	for _, tc := range invalidCases {
		t.Run(tc.name, func(t *testing.T) {
			// The mutation must be what produces the issue.
			if match(baseline.For(tc.field), tc.sev, tc.want) {
				t.Fatalf("the unmodified seed already reports this")
			}
			s := drivertest.Clone(seed)
			tc.mut(s)
			_, issues := c.Check(s)
			if !match(issues.For(tc.field), tc.sev, tc.want) {
				t.Errorf("want %s at %s containing %q; got:\n%s", tc.sev, tc.field, tc.want, list(issues))
			}
			for _, p := range tc.notAt {
				if got := issues.For(p); len(got) > 0 {
					t.Errorf("unexpected issue at %s: %v", p, got)
				}
			}
			for _, i := range issues {
				for _, sec := range c.SecretValues(s.Params) {
					if strings.Contains(i.Message, sec) {
						t.Errorf("message echoes a secret: %s", i)
					}
				}
			}
		})
	}
}

func match(is cloud.Issues, sev cloud.Severity, want []string) bool {
	for _, i := range is {
		if i.Severity != sev {
			continue
		}
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(i.Message, w)
		}
		if ok {
			return true
		}
	}
	return false
}

func list(is cloud.Issues) string {
	var b strings.Builder
	for _, i := range is {
		b.WriteString("  " + i.String() + "\n")
	}
	return b.String()
}

// TestSeedIssues pins what the seed itself draws: only the deprecation
// warning for the vendor's misspelt IntegrityAlgorith, which stays accepted.
func TestSeedIssues(t *testing.T) {
	_, issues := Driver{}.Catalog().Check(drivertest.LoadSeed(t, "testdata/seed.yaml"))
	if len(issues) != 1 || issues[0].Severity != W || issues[0].Field != "IPSECOptionsSpecification.IntegrityAlgorith" ||
		!strings.Contains(issues[0].Message, "IntegrityAlgorithm") {
		t.Errorf("seed issues:\n%s", list(issues))
	}
}
