package tencentv2

import (
	"strings"
	"sync"

	"tunnelwiz/cloud"
)

// seed is the primary source: Tencent Cloud API 2.0 AddVpnConnEx.
const seed = "seed 003_d48dbbc54e54d40b.txt (Tencent API 2.0 AddVpnConnEx)"

// catalog is built on first use, not at the program's start: every
// vendor is linked into every command, and most commands use one.
var catalog = sync.OnceValue(func() *cloud.Catalog {
	return &cloud.Catalog{
		API:     Vendor,
		Signing: "the API 2.0 Signature parameter: HmacSHA256 or HmacSHA1 (SignatureMethod) over the sorted parameters, with SecretId, Timestamp and Nonce",
		Title:   "Tencent Cloud API 2.0 AddVpnConnEx (legacy)",
		Target:  targetFields,
		Fields:  append(append(topFields, ikeFields...), ipsecFields...),
		Checks:  checks,
		Implied: []cloud.Implied{{
			Role: cloud.RoleIKEVersion, Term: "ikev1",
			Source: seed + " has no IKE version parameter in AddVpnConnEx or IKESet; the same gateways' API 3.0 " +
				"CreateVpnConnection documents IKEVersion IKEV1 as the default (vpc v1.0.1100 and the newest SDK), so an " +
				"API 2.0 tunnel negotiates IKEv1 (decision 2026-12).",
		}},
		// No request rate is documented for API 2.0's VPC actions (the common
		// error 4400 "quota exceeded" names no number), so tunnelwiz's default
		// applies.
		RateLimit: 0,
		RateSource: "undocumented: " + seed + " gives no request rate (nor do its common error codes); cloud.DefaultRate applies. " +
			"API 3.0's 100/s (seed 000_accd87d803ab9925.txt) is not assumed for the legacy endpoint.",
	}
})

var topFields = []cloud.Field{
	{
		Path: "vpcId", Type: cloud.String, Required: true, Step: cloud.StepGateways, Check: notBlank, Role: cloud.RoleVPC,
		Help: "VPC ID or unified ID (the unified vpc-xxxxxxxx form is recommended); see DescribeVpcEx.",
		Source: seed + ": required; old ids are also valid (DescribeVpnConn, " + docDescribe + ": 'data.n.vpcId ... for example: " +
			"gz_vpc_8849'), so no pattern is enforced.",
	},
	{
		Path: "vpnGwId", Type: cloud.String, Required: true, Step: cloud.StepGateways, Check: notBlank, Role: cloud.RoleVPNGateway,
		Help: "VPN gateway ID, vpnGwId or unVpnGwId (recommended), e.g. vpngw-dystbrkv; see DescribeVpnGw.",
		Source: seed + ": required, 'vpnGwId or unVpnGwId'; numeric legacy ids exist (" + docDescribe + ": 'data.n.vpnGwId Int ... " +
			"For example: 122'), so no pattern is enforced.",
	},
	{
		Path: "userGwId", Type: cloud.String, Required: true, Step: cloud.StepGateways, Check: notBlank, Role: cloud.RoleCustomerGateway,
		Help:   "Customer (peer) gateway ID, userGwId or unUserGwId (recommended), e.g. cgw-e098slul; see DescribeUserGw.",
		Source: seed + ": required, 'userGwId or unUserGwId'; legacy ids are numeric like vpnGwId's (" + docDescribe + "), so no pattern is enforced.",
	},
	{
		Path: "vpnConnName", Type: cloud.String, Required: true, Len: &cloud.Range{Min: 1, Max: 60}, Step: cloud.StepTags, Role: cloud.RoleName,
		Help: "Tunnel name, any text up to 60 characters.",
		Source: seed + ": the Input Parameters table says 'vpnConnName | Yes | String | Tunnel name; you can specify any name you like, " +
			"but its length should be limited to 60 characters' (error InvalidVpnConnName). The seed's example URL leaves it out; " +
			"the table is followed, as for every other required parameter.",
	},
	{
		Path: "preSharedKey", Type: cloud.String, Required: true, Secret: true, Step: cloud.StepIKE, Role: cloud.RolePSK, Check: notBlank,
		Help:   "Pre-shared key of the tunnel.",
		Source: seed + ": required; no length or character rule is documented for API 2.0.",
	},
	{
		Path: "userGwCidrBlock", Type: cloud.List, Step: cloud.StepSubnets, Role: cloud.RoleRemoteSubnet,
		Help:   "IDC (peer) CIDR blocks the VPC may talk to, sent as userGwCidrBlock.0, .1, ...; superseded by spdAcl. Give this or spdAcl.",
		Source: seed + ": Array userGwCidrBlock.n; either userGwCidrBlock or spdAcl must be entered.",
	},
	{
		Path: "userGwCidrBlock[]", Type: cloud.String, Format: cloud.CIDRLoose, Step: cloud.StepSubnets,
		Help: "An IDC CIDR block such as 10.56.20.0/24.",
		Source: seed + ": the example sends 10.56.20.1/24 (host bits set); since the vendor's own example must validate, host bits are " +
			"accepted with a warning (CIDRLoose).",
	},
	{
		Path: "spdAcl", Type: cloud.Map, Format: cloud.CIDRLoose, Step: cloud.StepSubnets, Role: cloud.RoleSubnetPairs,
		Help: "SPD policy: each VPC CIDR (key) maps to the IDC CIDRs it may talk to, e.g. {\"10.0.0.0/24\": [\"172.16.0.0/16\"]}; sent as one JSON string. Give this or userGwCidrBlock.",
		Source: seed + ": String, JSON format, example {\"10.0.0.5/24\":[\"172.123.10.5/16\"]} (host bits set, so keys are CIDRLoose with a warning); " +
			"either userGwCidrBlock or spdAcl must be entered.",
	},
	{
		Path: "spdAcl.*", Type: cloud.List, Step: cloud.StepSubnets,
		Help:   "IDC CIDR blocks this VPC CIDR may talk to.",
		Source: seed + ": spdAcl values are lists of IDC CIDR blocks.",
	},
	{
		Path: "spdAcl.*[]", Type: cloud.String, Format: cloud.CIDRLoose, Step: cloud.StepSubnets,
		Help:   "An IDC CIDR block such as 172.16.0.0/16.",
		Source: seed + ": example value 172.123.10.5/16 has host bits set: accepted with a warning.",
	},
}

// notBlank rejects an empty or all-blank value: every documented string of
// this API names something, and a blank one is never meaningful.
func notBlank(s string) string {
	if strings.TrimSpace(s) == "" {
		return "must not be empty"
	}
	return ""
}
