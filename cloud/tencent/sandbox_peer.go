package tencent

import (
	"fmt"
	"strings"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// The sandbox's customer-side export: DescribeCustomerGatewayVendors and
// DownloadCustomerGatewayConfiguration (vpc 2017-03-12, documents
// 215/17517 and 215/17513).

func init() {
	handlers["DescribeCustomerGatewayVendors"] = describeVendors
	handlers["DownloadCustomerGatewayConfiguration"] = downloadConfiguration
}

// peerVendors are the devices the sandbox offers. The first two are the
// API document's own examples (tccli DescribeCustomerGatewayVendors:
// cisco/ios/V15.4, h3c/comware/V1.0); the third is a sandbox fixture, so
// that a name can be ambiguous ("h3c").
var peerVendors = []map[string]any{
	{"VendorName": "cisco", "Platform": "ios", "SoftwareVersion": "V15.4"},
	{"VendorName": "h3c", "Platform": "comware", "SoftwareVersion": "V1.0"},
	{"VendorName": "h3c", "Platform": "comware", "SoftwareVersion": "V7.1"},
}

func describeVendors(_ *sandbox.Backend, _ string, body []byte) (map[string]any, *failure) {
	m, f := decodeBody(body)
	if f != nil {
		return nil, f
	}
	for k := range m {
		return nil, &failure{"UnknownParameter", fmt.Sprintf("The parameter `%s` is not recognized.", k)}
	}
	return map[string]any{"CustomerGatewayVendorSet": peerVendors}, nil
}

// downloadConfiguration checks the request as the API documents it
// (every parameter required; the tunnel on that gateway; a vendor from
// the list) and writes the tunnel's configuration.
func downloadConfiguration(b *sandbox.Backend, region string, body []byte) (map[string]any, *failure) {
	m, f := decodeBody(body)
	if f != nil {
		return nil, f
	}
	p := cloud.Params(m)
	for k := range p {
		switch k {
		case "VpnGatewayId", "VpnConnectionId", "CustomerGatewayVendor", "InterfaceName":
		default:
			return nil, &failure{"UnknownParameter", fmt.Sprintf("The parameter `%s` is not recognized.", k)}
		}
	}
	for _, k := range []string{"VpnGatewayId", "VpnConnectionId", "InterfaceName", "CustomerGatewayVendor.VendorName", "CustomerGatewayVendor.Platform", "CustomerGatewayVendor.SoftwareVersion"} {
		if p.Str(k) == "" {
			return nil, &failure{"InvalidParameterValue.Empty", fmt.Sprintf("The parameter `%s` cannot be empty.", k)}
		}
	}
	id, gw := p.Str("VpnConnectionId"), p.Str("VpnGatewayId")
	if !strings.HasPrefix(id, "vpnx-") {
		return nil, &failure{"InvalidParameterValue.Malformed", fmt.Sprintf("The value of parameter `VpnConnectionId` is malformed: `%s` (it starts with vpnx-).", id)}
	}
	c, ref := b.Connection(API, region, id)
	if ref != nil {
		return nil, refusal(ref)
	}
	if c.VPNGatewayID != gw {
		return nil, refusal(&sandbox.Refusal{Code: cloud.CodeNotFound, Reason: sandbox.ReasonNoConnection,
			Message: fmt.Sprintf("VPN tunnel %s does not belong to VPN gateway %s", id, gw)})
	}
	v := p.Obj("CustomerGatewayVendor")
	if !offered(v) {
		// Of the codes the SDK lists for this call (InvalidParameterValue.Empty,
		// InvalidParameterValue.Malformed, ResourceNotFound), the sandbox
		// answers a vendor the list lacks as a malformed value: which one
		// the cloud uses is not documented, and ResourceNotFound would
		// read as the tunnel missing.
		return nil, &failure{"InvalidParameterValue.Malformed", fmt.Sprintf("The value of parameter `CustomerGatewayVendor` is malformed: `%s/%s/%s` is not a vendor DescribeCustomerGatewayVendors lists.",
			v.Str("VendorName"), v.Str("Platform"), v.Str("SoftwareVersion"))}
	}
	return map[string]any{"CustomerGatewayConfiguration": peerText(b, region, c, v, p.Str("InterfaceName"))}, nil
}

func offered(v cloud.Params) bool {
	for _, o := range peerVendors {
		if o["VendorName"] == v.Str("VendorName") && o["Platform"] == v.Str("Platform") && o["SoftwareVersion"] == v.Str("SoftwareVersion") {
			return true
		}
	}
	return false
}

// peerText writes the configuration as the document's example begins it
// (comment lines, CRLF line ends), from what the tunnel was created with
// and the API's defaults for what it left out.
func peerText(b *sandbox.Backend, region string, c *sandbox.Conn, v cloud.Params, iface string) string {
	p := c.Params
	val := func(path string) string {
		if v, ok := p.Get(path); ok && scalarText(v) != "" {
			return scalarText(v)
		}
		if f := catalog().Field(path); f != nil && f.Default != "" {
			return f.Default
		}
		return "-"
	}
	inv := b.Inventory(API, region)
	lines := []string{
		"# VPC utilizes unique identifiers to manipulate the configuration of",
		"# a VPN Connection. Each VPN Connection is assigned an identifier and is",
		"# associated with Virtual Private Gateway and Customer Gateway identifiers.",
		"#",
		"# Your VPN Connection ID      : " + c.ID,
		"# Your VPN Gateway ID         : " + c.VPNGatewayID,
		"# Your Customer Gateway ID    : " + c.CustomerGatewayID,
		fmt.Sprintf("# Device                      : %s %s %s", v.Str("VendorName"), v.Str("Platform"), v.Str("SoftwareVersion")),
		"# (tunnelwiz sandbox: made from the tunnel the sandbox holds)",
		"#",
		"# 1: Internet Key Exchange (IKE) Configuration",
		"  - IKE version              : " + val("IKEOptionsSpecification.IKEVersion"),
		"  - Exchange mode            : " + val("IKEOptionsSpecification.ExchangeMode"),
		"  - Authentication method    : Pre-Shared Key",
		"  - Pre-Shared Key           : " + p.Str("PreShareKey"),
		"  - Encryption algorithm     : " + val("IKEOptionsSpecification.PropoEncryAlgorithm"),
		"  - Authentication algorithm : " + val("IKEOptionsSpecification.PropoAuthenAlgorithm"),
		"  - DH group                 : " + val("IKEOptionsSpecification.DhGroupName"),
		"  - IKE SA lifetime          : " + val("IKEOptionsSpecification.IKESaLifetimeSeconds") + " seconds",
		"  - Local address (yours)    : " + firstIP(inv.CustomerGateways, c.CustomerGatewayID),
		"  - Remote address (VPC)     : " + firstIP(inv.VPNGateways, c.VPNGatewayID),
		"  - Outside interface        : " + iface,
		"#",
		"# 2: IPsec Configuration",
		"  - Encryption algorithm     : " + val("IPSECOptionsSpecification.EncryptAlgorithm"),
		"  - Integrity algorithm      : " + or(p.Str("IPSECOptionsSpecification.IntegrityAlgorithm"), val("IPSECOptionsSpecification.IntegrityAlgorith")),
		"  - PFS DH group             : " + val("IPSECOptionsSpecification.PfsDhGroup"),
		"  - IPsec SA lifetime        : " + val("IPSECOptionsSpecification.IPSECSaLifetimeSeconds") + " seconds",
	}
	for i, rule := range p.List("SecurityPolicyDatabases") {
		r := cloud.Params(asMap(rule))
		lines = append(lines, fmt.Sprintf("  - Protected traffic %d      : %s <-> %s", i+1, strings.Join(r.Strings("RemoteCidrBlock"), ","), r.Str("LocalCidrBlock")))
	}
	return strings.Join(lines, "\r\n") + "\r\n"
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func firstIP(rs []cloud.Resource, id string) string {
	for _, r := range rs {
		if r.ID == id && len(r.Addresses) > 0 {
			return r.Addresses[0].IP
		}
	}
	return "-"
}
