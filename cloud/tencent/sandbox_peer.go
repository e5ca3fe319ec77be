package tencent

import (
	"bytes"
	"encoding/json"
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
// (comment lines, CRLF line ends), from the connection the sandbox holds
// as DescribeVpnConnections answers it, read the way the driver reads
// that answer (settings): so the export says what `show` says, value for
// value. A setting the answer lacks is the API's documented default.
func peerText(b *sandbox.Backend, region string, c *sandbox.Conn, v cloud.Params, iface string) string {
	conn := answered(describeConn(b, c))
	set := settings(conn)
	val := func(r cloud.Role) string {
		if s := set[r]; s != "" {
			return s
		}
		if f := catalog().RoleField(r); f != nil && f.Default != "" {
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
		"# Your VPN Connection ID      : " + conn.Str("VpnConnectionId"),
		"# Your VPN Gateway ID         : " + conn.Str("VpnGatewayId"),
		"# Your Customer Gateway ID    : " + conn.Str("CustomerGatewayId"),
		fmt.Sprintf("# Device                      : %s %s %s", v.Str("VendorName"), v.Str("Platform"), v.Str("SoftwareVersion")),
		"# (tunnelwiz sandbox: made from the tunnel the sandbox holds)",
		"#",
		"# 1: Internet Key Exchange (IKE) Configuration",
		"  - IKE version              : " + val(cloud.RoleIKEVersion),
		"  - Exchange mode            : " + exchangeMode(set, val(cloud.RoleIKEVersion)),
		"  - Authentication method    : Pre-Shared Key",
		"  - Pre-Shared Key           : " + conn.Str("PreShareKey"),
		"  - Encryption algorithm     : " + val(cloud.RoleIKEEncryption),
		"  - Authentication algorithm : " + val(cloud.RoleIKEIntegrity),
		"  - DH group                 : " + val(cloud.RoleIKEDHGroup),
		"  - IKE SA lifetime          : " + val(cloud.RoleIKELifetime) + " seconds",
		"  - Local address (yours)    : " + firstIP(inv.CustomerGateways, conn.Str("CustomerGatewayId")),
		"  - Remote address (VPC)     : " + firstIP(inv.VPNGateways, conn.Str("VpnGatewayId")),
		"  - Outside interface        : " + iface,
		"#",
		"# 2: IPsec Configuration",
		"  - Encryption algorithm     : " + val(cloud.RoleIPsecEncryption),
		"  - Integrity algorithm      : " + val(cloud.RoleIPsecIntegrity),
		"  - PFS DH group             : " + val(cloud.RoleIPsecPFS),
		"  - IPsec SA lifetime        : " + val(cloud.RoleIPsecLifetime) + " seconds",
	}
	for i, rule := range conn.List("SecurityPolicyDatabaseSet") {
		r := cloud.Params(asMap(rule))
		lines = append(lines, fmt.Sprintf("  - Protected traffic %d      : %s <-> %s", i+1, strings.Join(r.Strings("RemoteCidrBlock"), ","), r.Str("LocalCidrBlock")))
	}
	return strings.Join(lines, "\r\n") + "\r\n"
}

// exchangeMode is the export's exchange mode: the connection's own when
// its answer holds one, else the documented default (MAIN) for IKEv1; an
// IKEv2 tunnel has none (the mode is IKEv1's), so none is claimed.
func exchangeMode(set map[cloud.Role]string, version string) string {
	mode := set[cloud.RoleIKEMode]
	if strings.EqualFold(version, "IKEV1") {
		if mode == "" {
			if f := catalog().RoleField(cloud.RoleIKEMode); f != nil {
				mode = f.Default
			}
		}
		return mode
	}
	if mode == "" {
		return "- (" + version + ": the exchange mode is IKEv1's)"
	}
	return mode + " (not used with " + version + ")"
}

// answered is an answer as the SDK's client reads it off the wire: JSON,
// numbers as json.Number (which settings reads; the sandbox holds them
// as Go numbers).
func answered(m map[string]any) cloud.Params {
	b, _ := json.Marshal(m)
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var out map[string]any
	dec.Decode(&out)
	return cloud.Params(out)
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
