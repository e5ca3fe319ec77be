package aliyun

import (
	"fmt"

	"tunnelwiz/cloud"
)

// Doc says which vendor document a shared table is built for, so that each
// rule cites the right seed.
type Doc struct {
	// Seed names the vendor document, e.g. "seed 004 (Alibaba vpc 2016-04-28)".
	Seed string
	// Apsara marks the private-cloud API. The character rules that only the
	// Alibaba SDK v7 comments document are errors for Alibaba but only
	// warnings for Apsara Stack (see SDKCharWarnings), whose own document
	// states lengths alone.
	Apsara bool
}

// Evidence cited by the shared rules. Each names a document a reader can
// open: a seed file, an SDK module at its version with the file, or a
// provider file at a commit.
const (
	Seed004 = "seed 004_a62ccea1f75c1805.txt (Alibaba vpc CreateVpnConnection 2016-04-28)"
	Seed001 = "seed 001_4bf601b33cdb026b.txt (Apsara Stack POST /apsara/route/Vpc/CreateVpnConnection 2016-01-01)"

	SDKModule = "github.com/alibabacloud-go/vpc-20160428/v7@v7.0.0"
	// SDK is the create request's model, whose comments document the
	// public cloud's parameters.
	SDK       = SDKModule + " client/create_vpn_connection_request_model.go comment"
	SDKAttach = SDKModule + " client/create_vpn_attachment_request_model.go comment"
	SDKTunnel = SDKModule + " client/modify_tunnel_attribute_request_model.go comment"
	SDKClient = SDKModule + " client/client.go"

	apsaraTFRepo = "aliyun/terraform-provider-alibabacloudstack@98051880f858 "
	// ApsaraTF is the Apsara Stack provider's VPN connection resource;
	// ApsaraTFValues the constants its checks use; ApsaraTFClient the
	// code that sends the Apsara gateway headers.
	ApsaraTF       = apsaraTFRepo + "alibabacloudstack/resource_apsarastack_vpngateway_vpnconnection.go"
	ApsaraTFValues = apsaraTFRepo + "alibabacloudstack/extension_vpn.go"
	ApsaraTFClient = apsaraTFRepo + "alibabacloudstack/connectivity/client.go"
	// AlicloudTF is the public cloud provider's VPN connection resource.
	AlicloudTF = "aliyun/terraform-provider-alicloud@81c43b6727a0 alicloud/resource_alicloud_vpn_connection.go"

	Checked = "checked 2026-11"
)

func (d Doc) src(format string, args ...any) string {
	s := d.Seed + " " + fmt.Sprintf(format, args...)
	return s + "; " + Checked
}

// The reasons a tolerated value's warning gives: short, for the panel;
// the field's Source cites the documents.
const (
	smWhy         = "Alibaba documents it only for a gateway with a ShangMi (SM) certificate, and only for ModifyTunnelAttribute; seed 004 and the SDK's CreateVpnConnection model do not list it"
	apsaraAuthWhy = "only the Apsara Stack Terraform provider accepts it; seed 001 lists md5 and sha1"
	apsaraPfsWhy  = "only the Apsara Stack Terraform provider accepts it; seed 001 lists group1 to group24"
)

// encAlgs: the seeds and the SDK list aes..3des; Alibaba's sm4 warns.
func (d Doc) encAlgs() ([]string, map[string]string) {
	if d.Apsara {
		return EncAlgs, nil
	}
	return EncAlgs, map[string]string{"sm4": smWhy}
}

// authAlgs: Alibaba takes the SDK's md5..sha512 and warns on sm3; Apsara
// takes seed 001's md5 and sha1 and warns on what only its provider lists.
func (d Doc) authAlgs() ([]string, map[string]string) {
	if d.Apsara {
		return ApsaraAuthAlgs, map[string]string{"sha256": apsaraAuthWhy, "sha512": apsaraAuthWhy}
	}
	return AuthAlgs, map[string]string{"sm3": smWhy}
}

// ipsecPfs: Alibaba's SDK adds disabled; on Apsara only the provider does.
func (d Doc) ipsecPfs() ([]string, map[string]string) {
	if d.Apsara {
		return IkePfs, map[string]string{"disabled": apsaraPfsWhy}
	}
	return IpsecPfs, nil
}

// encNote, authNote and pfsNote say, in the Source, what becomes of the
// values beyond the documented list, quoting the documents.
func (d Doc) encNote(quote string) string {
	if d.Apsara {
		return "; sm4, which no Apsara source lists, is refused"
	}
	return fmt.Sprintf("; sm4 is accepted with a warning: neither %s nor %s lists it for CreateVpnConnection, and %s names it only "+
		"for ModifyTunnelAttribute's tunnel settings on Alibaba's China site: '%s'", Seed004, SDK, SDKTunnel, quote)
}

func (d Doc) authNote(seedParam, param, quote string) string {
	if d.Apsara {
		return fmt.Sprintf("%s, followed for errors (the public cloud's %s adds sha256, sha384, sha512); sha256 and sha512 are accepted "+
			"with a warning because only %s accepts them (%s: sha1, md5, sha256, \"sha386\" (sic), sha512; constants in %s); "+
			"sha384 and sm3, which no Apsara source lists, are refused", seedParam, SDK, ApsaraTF, param, ApsaraTFValues)
	}
	return fmt.Sprintf("%s; %s adds sha256, sha384, sha512; sm3 is accepted with a warning: %s names it only for "+
		"ModifyTunnelAttribute's tunnel settings on Alibaba's China site: '%s'", seedParam, SDK, SDKTunnel, quote)
}

func (d Doc) pfsNote() string {
	if d.Apsara {
		return fmt.Sprintf(", followed for errors; disabled is accepted with a warning because only %s lists it (ipsec_pfs: group1, "+
			"group2, group5, group14, group24, disabled; constants in %s)", ApsaraTF, ApsaraTFValues)
	}
	return fmt.Sprintf("; %s adds disabled and lists group1-group14: group24 kept (the widest set a source lists)", SDK)
}

// smHelp and pfsHelp add to the help line what becomes of the values
// beyond the documented list.
func (d Doc) smHelp(tok string) string {
	if d.Apsara {
		return ""
	}
	return " " + tok + " (ShangMi gateways only) draws a warning."
}

func (d Doc) pfsHelp() string {
	if d.Apsara {
		return "; disabled (no PFS) draws a warning: only the Apsara Terraform provider lists it."
	}
	return "; disabled turns PFS off."
}

var (
	// PskChars is the SDK v7 comment's character set for pre-shared keys.
	PskChars = cloud.NewCharset("^[A-Za-z0-9~!`@#$%^&*()_\\-+={}\\[\\]|;:\",.<>/?]+$",
		"use letters, digits and ~!`@#$%^&*()_-+={}[]|;:\",.<>/? only, with no spaces")
	// NoSpace is the SDK v7 comment's rule for LocalId and RemoteId.
	NoSpace = cloud.NewCharset(`^\S+$`,
		"must not contain spaces")
)

// chars returns cs for Alibaba and nil for Apsara (warned about instead).
func (d Doc) chars(cs *cloud.Charset) *cloud.Charset {
	if d.Apsara {
		return nil
	}
	return cs
}

// Conditions under which a member takes effect; otherwise setting it warns
// (the cloud accepts it) and the wizard hides it.
var (
	ikev1      = &cloud.Cond{Path: "IkeVersion", In: []string{"ikev1"}}
	hcEnabled  = &cloud.Cond{Path: "enable", In: []string{"true"}}
	bgpEnabled = &cloud.Cond{Path: "EnableBgp", In: []string{"true"}}
)

// IkeFields lists the members of an IKE (phase 1) object under parent, in
// wire order. tunnel selects the dual-tunnel TunnelIkeConfig form, which has
// no legacy LocalIdIPsec member.
func (d Doc) IkeFields(parent string, tunnel bool) []cloud.Field {
	p := func(name string) string { return parent + "." + name }
	// The Terraform providers name the identities ike_local_id and
	// ike_remote_id in ike_config, local_id and remote_id per tunnel.
	localID, remoteID := "ike_local_id", "ike_remote_id"
	if tunnel {
		localID, remoteID = "local_id", "remote_id"
	}
	ikeEnc, ikeEncT := d.encAlgs()
	ikeAuth, ikeAuthT := d.authAlgs()
	const (
		encQuote  = "If the IPsec-VPN gateway is associated with an SSL-VPN gateway, set the value to **sm4**"
		authQuote = "If the IPsec-VPN gateway is associated with an SSL-VPN gateway, the valid value is **sm3**"
	)
	fs := []cloud.Field{
		{Path: p("Psk"), Export: cloud.TF("psk"), Type: cloud.String, Len: &cloud.Range{Min: 1, Max: 100}, Chars: d.chars(PskChars), Secret: true,
			Step: cloud.StepIKE, Role: cloud.RolePSK,
			Help:   "Pre-shared key that authenticates the VPN gateway and the customer gateway; a random one is generated when omitted.",
			Source: d.src("IkeConfig.Psk (up to 100 characters); %s adds 1-100 characters, no spaces, letters, digits and ~!`@#$%%^&*()_-+={}[]|;:\",.<>/?", SDK)},
		{Path: p("IkeVersion"), Export: cloud.TF("ike_version"), Type: cloud.String, Allowed: IkeVersions, Default: "ikev1",
			Step: cloud.StepIKE, Role: cloud.RoleIKEVersion, Means: VersionMeans,
			Help:   "IKE protocol version.",
			Source: d.src("IkeConfig.IkeVersion (ikev1, ikev2; default ikev1); %s agrees", SDK)},
		{Path: p("IkeMode"), Export: cloud.TF("ike_mode"), Type: cloud.String, Allowed: IkeModes, Default: "main", Effective: ikev1,
			Step: cloud.StepIKE, Role: cloud.RoleIKEMode, Means: ModeMeans,
			Help:   "IKEv1 negotiation mode: main is more secure, aggressive is faster.",
			Source: d.src("IkeConfig.IkeMode (main, aggressive; default main; \"negotiation mode of IKE V1\"); %s drops the IKEv1 wording, so other versions only warn", SDK)},
		{Path: p("IkeEncAlg"), Export: cloud.TF("ike_enc_alg"), Type: cloud.String, Allowed: ikeEnc, Tolerated: ikeEncT, Default: "aes",
			Step: cloud.StepIKE, Role: cloud.RoleIKEEncryption, Means: means(EncMeans, ikeEnc, ikeEncT),
			Help:   "Phase 1 encryption algorithm." + d.smHelp("sm4"),
			Source: d.src("IkeConfig.IkeEncAlg (aes, aes192, aes256, des, 3des; default aes); %s agrees%s", SDK, d.encNote(encQuote))},
		{Path: p("IkeAuthAlg"), Export: cloud.TF("ike_auth_alg"), Type: cloud.String, Allowed: ikeAuth, Tolerated: ikeAuthT, Default: "md5",
			Step: cloud.StepIKE, Role: cloud.RoleIKEIntegrity, Means: means(AuthMeans, ikeAuth, ikeAuthT),
			Help:   "Phase 1 authentication algorithm." + d.smHelp("sm3"),
			Source: d.src("%s", d.authNote("IkeConfig.IkeAuthAlg (md5, sha1; default md5)", "ike_auth_alg", authQuote))},
		{Path: p("IkePfs"), Export: cloud.TF("ike_pfs"), Type: cloud.String, Allowed: IkePfs, Default: "group2",
			Step: cloud.StepIKE, Role: cloud.RoleIKEDHGroup, Means: means(PfsMeans, IkePfs, nil),
			Help:   "Diffie-Hellman group of phase 1.",
			Source: d.src("IkeConfig.IkePfs (group1, group2, group5, group14, group24; default group2); %s lists group1-group14 only: group24 kept (widest set)", SDK)},
		{Path: p("IkeLifetime"), Export: cloud.TF("ike_lifetime"), Type: cloud.Integer, Range: &cloud.Range{Min: 0, Max: 86400}, Default: "86400",
			Step: cloud.StepIKE, Role: cloud.RoleIKELifetime,
			Help:   "Lifetime of the phase 1 SA, in seconds.",
			Source: d.src("IkeConfig.IkeLifetime (0 to 86400 s; default 86400); %s agrees", SDK)},
		{Path: p("LocalId"), Export: cloud.TF(localID), Type: cloud.String, Len: &cloud.Range{Min: 1, Max: 100}, Chars: d.chars(NoSpace),
			Step: cloud.StepIKE, Role: cloud.RoleLocalAddress,
			Help:   "Identifier of the VPN gateway (an IP address or FQDN); defaults to its public IP address.",
			Source: d.src("documents IkeConfig.LocalIdIPsec; %s names it LocalId (up to 100 characters, no spaces)", SDK)},
	}
	if !tunnel {
		legacy := cloud.Field{Path: p("LocalIdIPsec"), Export: cloud.TF(localID), Type: cloud.String, Len: &cloud.Range{Min: 1, Max: 100}, Chars: d.chars(NoSpace),
			Step:   cloud.StepIKE,
			Help:   "Identifier of the VPN gateway, under the seed document's older name; defaults to its public IP address.",
			Source: d.src("IkeConfig.LocalIdIPsec (up to 100 characters); %s names the member LocalId", SDK)}
		if !d.Apsara {
			// The public SDK documents only LocalId; Apsara's own seed
			// documents only LocalIdIPsec, so there it is not deprecated,
			// only the same value under the seed's name.
			legacy.Deprecated = "LocalId"
		} else {
			legacy.Alias = "LocalId"
		}
		fs = append(fs, legacy)
	}
	fs = append(fs, cloud.Field{Path: p("RemoteId"), Export: cloud.TF(remoteID), Type: cloud.String, Len: &cloud.Range{Min: 1, Max: 100}, Chars: d.chars(NoSpace),
		Step: cloud.StepIKE, Role: cloud.RoleRemoteAddress,
		Help:   "Identifier of the customer gateway (on ShangMi gateways the peer certificate's subject); defaults to its public IP address.",
		Source: d.src("IkeConfig.RemoteId (up to 100 characters); %s adds no spaces", SDK)})
	return fs
}

// IpsecFields lists the members of an IPsec (phase 2) object under parent.
func (d Doc) IpsecFields(parent string) []cloud.Field {
	p := func(name string) string { return parent + "." + name }
	enc, encT := d.encAlgs()
	auth, authT := d.authAlgs()
	const (
		encQuote  = "If the IPsec connection is attached to a VPN gateway that uses an SM certificate, set the value to **sm4**"
		authQuote = "If the IPsec-VPN gateway is associated with an SSL-VPN gateway, set the value to **sm3**"
	)
	pfs, pfsT := d.ipsecPfs()
	return []cloud.Field{
		{Path: p("IpsecEncAlg"), Export: cloud.TF("ipsec_enc_alg"), Type: cloud.String, Allowed: enc, Tolerated: encT, Default: "aes",
			Step: cloud.StepIPsec, Role: cloud.RoleIPsecEncryption, Means: means(EncMeans, enc, encT),
			Help:   "Phase 2 encryption algorithm." + d.smHelp("sm4"),
			Source: d.src("IpsecConfig.IpsecEncAlg (aes, aes192, aes256, des, 3des; default aes); %s agrees%s", SDK, d.encNote(encQuote))},
		{Path: p("IpsecAuthAlg"), Export: cloud.TF("ipsec_auth_alg"), Type: cloud.String, Allowed: auth, Tolerated: authT, Default: "md5",
			Step: cloud.StepIPsec, Role: cloud.RoleIPsecIntegrity, Means: means(AuthMeans, auth, authT),
			Help:   "Phase 2 authentication algorithm." + d.smHelp("sm3"),
			Source: d.src("%s", d.authNote("IpsecConfig.IpsecAuthAlg (md5, sha1; default md5)", "ipsec_auth_alg", authQuote))},
		{Path: p("IpsecPfs"), Export: cloud.TF("ipsec_pfs"), Type: cloud.String, Allowed: pfs, Tolerated: pfsT, Default: "group2",
			Step: cloud.StepIPsec, Role: cloud.RoleIPsecPFS, Means: means(PfsMeans, pfs, pfsT),
			Help:   "Diffie-Hellman group for perfect forward secrecy in phase 2" + d.pfsHelp(),
			Source: d.src("IpsecConfig.IpsecPfs (group1, group2, group5, group14, group24; default group2)%s", d.pfsNote())},
		{Path: p("IpsecLifetime"), Export: cloud.TF("ipsec_lifetime"), Type: cloud.Integer, Range: &cloud.Range{Min: 0, Max: 86400}, Default: "86400",
			Step: cloud.StepIPsec, Role: cloud.RoleIPsecLifetime,
			Help:   "Lifetime of the phase 2 SA, in seconds.",
			Source: d.src("IpsecConfig.IpsecLifetime (0 to 86400 s; default 86400); %s agrees", SDK)},
	}
}

// HealthCheckFields lists HealthCheckConfig's members. Their names are
// lower-case on the wire and their values are strings, as in the documents'
// examples ({"enable":"true",...,"interval":"3","retry":"3"}).
func (d Doc) HealthCheckFields(parent string) []cloud.Field {
	p := func(name string) string { return parent + "." + name }
	return []cloud.Field{
		{Path: p("enable"), Export: cloud.TF("enable|bool"), Type: cloud.String, Allowed: Bools, Default: "false", Step: cloud.StepExtras,
			Help:   "Whether the health check is enabled.",
			Source: d.src("HealthCheckConfig.enable (true, false; default false; sent as a string); %s agrees", SDK)},
		{Path: p("dip"), Export: cloud.TF("dip"), Type: cloud.String, Effective: hcEnabled, Format: cloud.IPv4, Step: cloud.StepExtras,
			Help:   "Destination IP address of the health check: an address in the data center reachable through the tunnel.",
			Source: d.src("HealthCheckConfig.dip ('the destination IP address'); %s: 'the IP address of the on-premises data center that the VPC can access through the IPsec connection'; ignored unless enable is true (default false): a warning", SDKAttach)},
		{Path: p("sip"), Export: cloud.TF("sip"), Type: cloud.String, Effective: hcEnabled, Format: cloud.IPv4, Step: cloud.StepExtras,
			Help:   "Source IP address of the health check: an address in the VPC reachable from the data center.",
			Source: d.src("HealthCheckConfig.sip ('the source IP address'); %s: 'the IP address of the VPC that the on-premises data center can access through the IPsec connection'; ignored unless enable is true (default false): a warning", SDKAttach)},
		{Path: p("interval"), Export: cloud.TF("interval|int"), Type: cloud.String, Effective: hcEnabled, Format: cloud.Digits, Default: "3", Step: cloud.StepExtras,
			Help:   "Interval between health check retries, in seconds.",
			Source: d.src("HealthCheckConfig.interval (seconds, sent as a string; no range documented; ignored unless enable is true); %s adds default 3", SDK)},
		{Path: p("retry"), Export: cloud.TF("retry|int"), Type: cloud.String, Effective: hcEnabled, Format: cloud.Digits, Default: "3", Step: cloud.StepExtras,
			Help:   "Maximum number of health check retries.",
			Source: d.src("HealthCheckConfig.retry (sent as a string; no range documented; ignored unless enable is true); %s adds default 3", SDK)},
	}
}

// BgpFields lists the single-tunnel BgpConfig's members (a JSON string on
// the wire; its values are strings as in the documents' examples).
func (d Doc) BgpFields(parent string) []cloud.Field {
	p := func(name string) string { return parent + "." + name }
	return []cloud.Field{
		{Path: p("EnableBgp"), Export: cloud.TF("enable|bool"), Type: cloud.String, Allowed: Bools, Default: "false", Step: cloud.StepExtras,
			Help:   "Whether BGP is enabled on the connection.",
			Source: d.src("BgpConfig.EnableBgp (true, false; sent as a string); %s adds default false", SDK)},
		{Path: p("LocalAsn"), Export: cloud.TF("local_asn|string"), Type: cloud.String, Check: CheckASN, Effective: bgpEnabled, Default: "45104", Step: cloud.StepExtras, Role: cloud.RoleBGPLocalASN,
			Help:   "Autonomous system number on the Alibaba Cloud side, 1 to 4294967295, or two 16-bit halves written as 123.456.",
			Source: d.src("BgpConfig.LocalAsn (sent as a string); %s adds 1 to 4294967295, the dotted form and default 45104; ignored unless EnableBgp is true", SDK)},
		{Path: p("TunnelCidr"), Export: cloud.TF("tunnel_cidr"), Type: cloud.String, Format: cloud.CIDR, Check: CheckTunnelCIDR, Effective: bgpEnabled, Step: cloud.StepExtras, Role: cloud.RoleTunnelCIDR,
			Help:   "CIDR block of the IPsec tunnel: a /30 inside 169.254.0.0/16, unique per VPN gateway.",
			Source: d.src("BgpConfig.TunnelCidr (a /30 in 169.254.0.0/16); %s adds the excluded blocks 169.254.0.0/30-169.254.6.0/30 and 169.254.169.252/30; ignored unless EnableBgp is true", SDK)},
		{Path: p("LocalBgpIp"), Export: cloud.TF("local_bgp_ip"), Type: cloud.String, Format: cloud.IPv4, Effective: bgpEnabled, Step: cloud.StepExtras, Role: cloud.RoleTunnelLocal,
			Help:   "BGP address on the Alibaba Cloud side; it must lie inside TunnelCidr.",
			Source: d.src("LocalBgpIp (\"falls within the IPsec tunnel CIDR block\"); %s agrees; ignored unless EnableBgp is true", SDK)},
	}
}

// TunnelBgpFields lists the dual-tunnel TunnelBgpConfig's members, which the
// SDK sends as form fields (LocalAsn is an integer there).
func (d Doc) TunnelBgpFields(parent string) []cloud.Field {
	p := func(name string) string { return parent + "." + name }
	return []cloud.Field{
		{Path: p("LocalAsn"), Export: cloud.TF("local_asn|string"), Type: cloud.Integer, Range: &cloud.Range{Min: 1, Max: 4294967295}, Default: "45104", Step: cloud.StepExtras,
			Help:   "The tunnel's autonomous system number on the Alibaba Cloud side; required when EnableTunnelsBgp is true.",
			Source: SDK + " TunnelBgpConfig.LocalAsn (1 to 4294967295, default 45104, required with EnableTunnelsBgp); " + Checked},
		{Path: p("TunnelCidr"), Export: cloud.TF("tunnel_cidr"), Type: cloud.String, Format: cloud.CIDR, Check: CheckTunnelCIDR, Step: cloud.StepExtras,
			Help:   "BGP CIDR block of the tunnel: a /30 inside 169.254.0.0/16, unique per VPN gateway.",
			Source: SDK + " TunnelBgpConfig.TunnelCidr (a /30 in 169.254.0.0/16 except 169.254.0.0/30-169.254.6.0/30 and 169.254.169.252/30); " + Checked},
		{Path: p("LocalBgpIp"), Export: cloud.TF("local_bgp_ip"), Type: cloud.String, Format: cloud.IPv4, Step: cloud.StepExtras,
			Help:   "The tunnel's BGP address on the Alibaba Cloud side; it must lie inside TunnelCidr.",
			Source: SDK + " TunnelBgpConfig.LocalBgpIp (an address inside the BGP CIDR block); " + Checked},
	}
}
