package aliyun

import (
	"fmt"
	"regexp"

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

// Evidence cited by the shared rules.
const (
	SDK        = "SDK vpc-20160428/v7 v7.0.0 client/create_vpn_connection_request_model.go comment"
	ChineseRef = "Alibaba Cloud Chinese CreateVpnConnection reference (ShangMi gateways default to sm4/sm3)"
	ApsaraTF   = "terraform-provider-alibabacloudstack resource_apsarastack_vpn_connection.go"
	Checked    = "checked 2026-11"
)

func (d Doc) src(format string, args ...any) string {
	s := d.Seed + " " + fmt.Sprintf(format, args...)
	return s + "; " + Checked
}

// widened adds the Apsara provider's evidence where it accepts the SDK's
// wider sets, so the Apsara catalog says why it follows the public SDK.
func (d Doc) widened() string {
	if d.Apsara {
		return "; " + ApsaraTF + " accepts the same wider set"
	}
	return ""
}

var (
	// PskChars is the SDK v7 comment's character set for pre-shared keys.
	PskChars = &cloud.Charset{
		Pattern:  regexp.MustCompile("^[A-Za-z0-9~!`@#$%^&*()_\\-+={}\\[\\]|;:\",.<>/?]+$"),
		Describe: "use letters, digits and ~!`@#$%^&*()_-+={}[]|;:\",.<>/? only, with no spaces",
	}
	// NoSpace is the SDK v7 comment's rule for LocalId and RemoteId.
	NoSpace = &cloud.Charset{
		Pattern:  regexp.MustCompile(`^\S+$`),
		Describe: "must not contain spaces",
	}
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
	fs := []cloud.Field{
		{Path: p("Psk"), Type: cloud.String, Len: &cloud.Range{Min: 1, Max: 100}, Chars: d.chars(PskChars), Secret: true,
			Step: cloud.StepIKE, Role: cloud.RolePSK,
			Help:   "Pre-shared key that authenticates the VPN gateway and the customer gateway; a random one is generated when omitted.",
			Source: d.src("IkeConfig.Psk (up to 100 characters); %s adds 1-100 characters, no spaces, letters, digits and ~!`@#$%%^&*()_-+={}[]|;:\",.<>/?", SDK)},
		{Path: p("IkeVersion"), Type: cloud.String, Allowed: IkeVersions, Default: "ikev1",
			Step: cloud.StepIKE, Role: cloud.RoleIKEVersion, Means: VersionMeans,
			Help:   "IKE protocol version.",
			Source: d.src("IkeConfig.IkeVersion (ikev1, ikev2; default ikev1); %s agrees", SDK)},
		{Path: p("IkeMode"), Type: cloud.String, Allowed: IkeModes, Default: "main", Effective: ikev1,
			Step: cloud.StepIKE, Role: cloud.RoleIKEMode, Means: ModeMeans,
			Help:   "IKEv1 negotiation mode: main is more secure, aggressive is faster.",
			Source: d.src("IkeConfig.IkeMode (main, aggressive; default main; \"negotiation mode of IKE V1\"); %s drops the IKEv1 wording, so other versions only warn", SDK)},
		{Path: p("IkeEncAlg"), Type: cloud.String, Allowed: EncAlgs, Default: "aes",
			Step: cloud.StepIKE, Role: cloud.RoleIKEEncryption, Means: means(EncMeans, EncAlgs),
			Help:   "Phase 1 encryption algorithm (sm4 on ShangMi gateways).",
			Source: d.src("IkeConfig.IkeEncAlg (aes, aes192, aes256, des, 3des; default aes); %s agrees; %s adds sm4", SDK, ChineseRef)},
		{Path: p("IkeAuthAlg"), Type: cloud.String, Allowed: AuthAlgs, Default: "md5",
			Step: cloud.StepIKE, Role: cloud.RoleIKEIntegrity, Means: means(AuthMeans, AuthAlgs),
			Help:   "Phase 1 authentication algorithm (sm3 on ShangMi gateways).",
			Source: d.src("IkeConfig.IkeAuthAlg (md5, sha1; default md5); %s adds sha256, sha384, sha512; %s adds sm3%s", SDK, ChineseRef, d.widened())},
		{Path: p("IkePfs"), Type: cloud.String, Allowed: IkePfs, Default: "group2",
			Step: cloud.StepIKE, Role: cloud.RoleIKEDHGroup, Means: means(PfsMeans, IkePfs),
			Help:   "Diffie-Hellman group of phase 1.",
			Source: d.src("IkeConfig.IkePfs (group1, group2, group5, group14, group24; default group2); %s lists group1-group14 only: group24 kept (widest set)", SDK)},
		{Path: p("IkeLifetime"), Type: cloud.Integer, Range: &cloud.Range{Min: 0, Max: 86400}, Default: "86400",
			Step: cloud.StepIKE, Role: cloud.RoleIKELifetime,
			Help:   "Lifetime of the phase 1 SA, in seconds.",
			Source: d.src("IkeConfig.IkeLifetime (0 to 86400 s; default 86400); %s agrees", SDK)},
		{Path: p("LocalId"), Type: cloud.String, Len: &cloud.Range{Min: 1, Max: 100}, Chars: d.chars(NoSpace),
			Step: cloud.StepIKE, Role: cloud.RoleLocalAddress,
			Help:   "Identifier of the VPN gateway (an IP address or FQDN); defaults to its public IP address.",
			Source: d.src("documents IkeConfig.LocalIdIPsec; %s names it LocalId (up to 100 characters, no spaces)", SDK)},
	}
	if !tunnel {
		legacy := cloud.Field{Path: p("LocalIdIPsec"), Type: cloud.String, Len: &cloud.Range{Min: 1, Max: 100}, Chars: d.chars(NoSpace),
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
	fs = append(fs, cloud.Field{Path: p("RemoteId"), Type: cloud.String, Len: &cloud.Range{Min: 1, Max: 100}, Chars: d.chars(NoSpace),
		Step: cloud.StepIKE, Role: cloud.RoleRemoteAddress,
		Help:   "Identifier of the customer gateway (on ShangMi gateways the peer certificate's subject); defaults to its public IP address.",
		Source: d.src("IkeConfig.RemoteId (up to 100 characters); %s adds no spaces", SDK)})
	return fs
}

// IpsecFields lists the members of an IPsec (phase 2) object under parent.
func (d Doc) IpsecFields(parent string) []cloud.Field {
	p := func(name string) string { return parent + "." + name }
	return []cloud.Field{
		{Path: p("IpsecEncAlg"), Type: cloud.String, Allowed: EncAlgs, Default: "aes",
			Step: cloud.StepIPsec, Role: cloud.RoleIPsecEncryption, Means: means(EncMeans, EncAlgs),
			Help:   "Phase 2 encryption algorithm (sm4 on ShangMi gateways).",
			Source: d.src("IpsecConfig.IpsecEncAlg (aes, aes192, aes256, des, 3des; default aes); %s agrees; %s adds sm4", SDK, ChineseRef)},
		{Path: p("IpsecAuthAlg"), Type: cloud.String, Allowed: AuthAlgs, Default: "md5",
			Step: cloud.StepIPsec, Role: cloud.RoleIPsecIntegrity, Means: means(AuthMeans, AuthAlgs),
			Help:   "Phase 2 authentication algorithm (sm3 on ShangMi gateways).",
			Source: d.src("IpsecConfig.IpsecAuthAlg (md5, sha1; default md5); %s adds sha256, sha384, sha512; %s adds sm3%s", SDK, ChineseRef, d.widened())},
		{Path: p("IpsecPfs"), Type: cloud.String, Allowed: IpsecPfs, Default: "group2",
			Step: cloud.StepIPsec, Role: cloud.RoleIPsecPFS, Means: means(PfsMeans, IpsecPfs),
			Help:   "Diffie-Hellman group for perfect forward secrecy in phase 2; disabled turns PFS off.",
			Source: d.src("IpsecConfig.IpsecPfs (group1, group2, group5, group14, group24; default group2); %s adds disabled and lists group1-group14: group24 kept (widest set)%s", SDK, d.widened())},
		{Path: p("IpsecLifetime"), Type: cloud.Integer, Range: &cloud.Range{Min: 0, Max: 86400}, Default: "86400",
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
		{Path: p("enable"), Type: cloud.String, Allowed: Bools, Default: "false", Step: cloud.StepExtras,
			Help:   "Whether the health check is enabled.",
			Source: d.src("HealthCheckConfig.enable (true, false; default false; sent as a string); %s agrees", SDK)},
		{Path: p("dip"), Type: cloud.String, Effective: hcEnabled, Format: cloud.IPv4, Step: cloud.StepExtras,
			Help:   "Destination IP address of the health check: an address in the data center reachable through the tunnel.",
			Source: d.src("HealthCheckConfig.dip; the SDK v7 CreateVpnAttachment comment says it is a data-center address; ignored unless enable is true (default false): a warning")},
		{Path: p("sip"), Type: cloud.String, Effective: hcEnabled, Format: cloud.IPv4, Step: cloud.StepExtras,
			Help:   "Source IP address of the health check: an address in the VPC reachable from the data center.",
			Source: d.src("HealthCheckConfig.sip; the SDK v7 CreateVpnAttachment comment says it is a VPC address; ignored unless enable is true (default false): a warning")},
		{Path: p("interval"), Type: cloud.String, Effective: hcEnabled, Format: cloud.Digits, Default: "3", Step: cloud.StepExtras,
			Help:   "Interval between health check retries, in seconds.",
			Source: d.src("HealthCheckConfig.interval (seconds, sent as a string; no range documented; ignored unless enable is true); %s adds default 3", SDK)},
		{Path: p("retry"), Type: cloud.String, Effective: hcEnabled, Format: cloud.Digits, Default: "3", Step: cloud.StepExtras,
			Help:   "Maximum number of health check retries.",
			Source: d.src("HealthCheckConfig.retry (sent as a string; no range documented; ignored unless enable is true); %s adds default 3", SDK)},
	}
}

// BgpFields lists the single-tunnel BgpConfig's members (a JSON string on
// the wire; its values are strings as in the documents' examples).
func (d Doc) BgpFields(parent string) []cloud.Field {
	p := func(name string) string { return parent + "." + name }
	return []cloud.Field{
		{Path: p("EnableBgp"), Type: cloud.String, Allowed: Bools, Default: "false", Step: cloud.StepExtras,
			Help:   "Whether BGP is enabled on the connection.",
			Source: d.src("BgpConfig.EnableBgp (true, false; sent as a string); %s adds default false", SDK)},
		{Path: p("LocalAsn"), Type: cloud.String, Check: CheckASN, Effective: bgpEnabled, Default: "45104", Step: cloud.StepExtras, Role: cloud.RoleBGPLocalASN,
			Help:   "Autonomous system number on the Alibaba Cloud side, 1 to 4294967295, or two 16-bit halves written as 123.456.",
			Source: d.src("BgpConfig.LocalAsn (sent as a string); %s adds 1 to 4294967295, the dotted form and default 45104; ignored unless EnableBgp is true", SDK)},
		{Path: p("TunnelCidr"), Type: cloud.String, Format: cloud.CIDR, Check: CheckTunnelCIDR, Effective: bgpEnabled, Step: cloud.StepExtras, Role: cloud.RoleTunnelCIDR,
			Help:   "CIDR block of the IPsec tunnel: a /30 inside 169.254.0.0/16, unique per VPN gateway.",
			Source: d.src("BgpConfig.TunnelCidr (a /30 in 169.254.0.0/16); %s adds the excluded blocks 169.254.0.0/30-169.254.6.0/30 and 169.254.169.252/30; ignored unless EnableBgp is true", SDK)},
		{Path: p("LocalBgpIp"), Type: cloud.String, Format: cloud.IPv4, Effective: bgpEnabled, Step: cloud.StepExtras, Role: cloud.RoleTunnelLocal,
			Help:   "BGP address on the Alibaba Cloud side; it must lie inside TunnelCidr.",
			Source: d.src("LocalBgpIp (\"falls within the IPsec tunnel CIDR block\"); %s agrees; ignored unless EnableBgp is true", SDK)},
	}
}

// TunnelBgpFields lists the dual-tunnel TunnelBgpConfig's members, which the
// SDK sends as form fields (LocalAsn is an integer there).
func (d Doc) TunnelBgpFields(parent string) []cloud.Field {
	p := func(name string) string { return parent + "." + name }
	return []cloud.Field{
		{Path: p("LocalAsn"), Type: cloud.Integer, Range: &cloud.Range{Min: 1, Max: 4294967295}, Default: "45104", Step: cloud.StepExtras,
			Help:   "The tunnel's autonomous system number on the Alibaba Cloud side; required when EnableTunnelsBgp is true.",
			Source: SDK + " TunnelBgpConfig.LocalAsn (1 to 4294967295, default 45104, required with EnableTunnelsBgp); " + Checked},
		{Path: p("TunnelCidr"), Type: cloud.String, Format: cloud.CIDR, Check: CheckTunnelCIDR, Step: cloud.StepExtras,
			Help:   "BGP CIDR block of the tunnel: a /30 inside 169.254.0.0/16, unique per VPN gateway.",
			Source: SDK + " TunnelBgpConfig.TunnelCidr (a /30 in 169.254.0.0/16 except 169.254.0.0/30-169.254.6.0/30 and 169.254.169.252/30); " + Checked},
		{Path: p("LocalBgpIp"), Type: cloud.String, Format: cloud.IPv4, Step: cloud.StepExtras,
			Help:   "The tunnel's BGP address on the Alibaba Cloud side; it must lie inside TunnelCidr.",
			Source: SDK + " TunnelBgpConfig.LocalBgpIp (an address inside the BGP CIDR block); " + Checked},
	}
}
