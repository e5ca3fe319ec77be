package huawei

import "tunnelwiz/cloud"

// ik and ip prefix the IKE and IPsec policy members.
func ik(name string) string { return p("ikepolicy." + name) }
func ip(name string) string { return p("ipsecpolicy." + name) }

// Defaults come from the seed's static example answer: the request sends
// no policies and the answer shows what the cloud applied.
const seedAnswer = " Table 12-14 and the static example answer (defaults)"

var ikeFields = []cloud.Field{
	{
		Path: p("ikepolicy"), Export: cloud.TF("ikepolicy"), Type: cloud.Object, Step: cloud.StepIKE,
		Help:   "The IKE (phase 1) policy; absent members take the cloud's defaults.",
		Source: seed + " Table 5 (IkePolicy); " + checked,
	},
	{
		Path: ik("ike_version"), Export: cloud.TF("ike_version"), Type: cloud.String, Allowed: []string{"v1", "v2"}, Default: "v2",
		Step: cloud.StepIKE, Role: cloud.RoleIKEVersion, Means: versionMeans,
		Help:   "The IKE version, v1 or v2.",
		Source: seed + seedAnswer + " (v1, v2; default v2); " + sdkIke + " IkePolicyIkeVersion enum; " + checked,
	},
	{
		Path: ik("phase1_negotiation_mode"), Export: cloud.TF("phase1_negotiation_mode"), Type: cloud.String, Allowed: []string{"main", "aggressive"}, Default: "main",
		Step: cloud.StepIKE, Role: cloud.RoleIKEMode, Means: modeMeans,
		// "Takes effect when v1": ignored, not refused, with v2 (the
		// default): a warning, and the wizard hides it.
		Effective: &cloud.Cond{Path: "ike_version", In: []string{"v1"}},
		Help:      "The IKEv1 phase 1 negotiation mode, main or aggressive; it takes effect only with ike_version v1.",
		Source: sdkIke + " (enum main, aggressive; comment 协商模式，ike版本为v1时生效); the seed leaves it blank; " +
			"default main from " + tfDoc + " ('only works when the ike_version is v1 ... Defaults to main'); with ike_version v2 (the default) it has no effect: a warning, " +
			"since IKEv2 (RFC 7296) has no aggressive mode and nothing says the cloud refuses it; " + checked,
	},
	{
		Path: ik("authentication_algorithm"), Export: cloud.TF("authentication_algorithm"), Type: cloud.String, Allowed: integrities, Default: "sha2-256",
		Step: cloud.StepIKE, Role: cloud.RoleIKEIntegrity, Means: integrityMeans,
		Help:   "The phase 1 authentication (hash) algorithm; sha1 and md5 are weak.",
		Source: seed + seedAnswer + "; " + sdkIke + " IkePolicyAuthenticationAlgorithm enum (same five); " + checked,
	},
	{
		Path: ik("encryption_algorithm"), Export: cloud.TF("encryption_algorithm"), Type: cloud.String, Allowed: encryptions, Default: "aes-128",
		Step: cloud.StepIKE, Role: cloud.RoleIKEEncryption, Means: encryptionMeans,
		Help:   "The phase 1 encryption algorithm; 3des is weak.",
		Source: seed + seedAnswer + " (six values); " + sdkIke + " IkePolicyEncryptionAlgorithm enum adds aes-128-gcm-128 and aes-256-gcm-128; " + checked,
	},
	{
		Path: ik("dh_group"), Export: cloud.TF("dh_group"), Type: cloud.String, Allowed: dhGroups, Default: "group15",
		Step: cloud.StepIKE, Role: cloud.RoleIKEDHGroup, Means: dhMeans,
		Help:   "The Diffie-Hellman group for phase 1 key exchange; group1, 2, 5 and 14 are weak.",
		Source: seed + " Table 5 (values, default group15); " + sdkIke + " (DhGroup is a plain string); " + checked,
	},
	{
		Path: ik("authentication_method"), Export: cloud.TF("authentication_method"), Type: cloud.String, Allowed: []string{"pre-share", "digital-envelope-v2"}, Default: "pre-share",
		Step:   cloud.StepIKE,
		Help:   "How the peers authenticate in IKE: pre-share (PSK) or digital-envelope-v2 (certificates on GM gateways).",
		Source: sdkIke + " IkePolicyAuthenticationMethod enum (pre-share, digital-envelope-v2); the seed leaves it blank; default from the seed's example answer; " + checked,
	},
	{
		Path: ik("lifetime_seconds"), Export: cloud.TF("lifetime_seconds"), Type: cloud.Integer, Range: &cloud.Range{Min: 60, Max: 604800}, Default: "86400",
		Step: cloud.StepIKE, Role: cloud.RoleIKELifetime,
		Help:   "The IKE SA lifetime in seconds; the SA is renewed when it expires.",
		Source: seed + " Table 5 (60-604800, default 86400); " + checked,
	},
	{
		Path: ik("local_id_type"), Export: cloud.TF("local_id_type"), Type: cloud.String, Allowed: []string{"ip", "fqdn"}, Default: "ip",
		Step: cloud.StepIKE, Role: cloud.RoleLocalIDType, Means: idTypeMeans,
		Help:   "The local identity type, ip or fqdn.",
		Source: seed + " Table 5 (ip, fqdn; default ip); " + sdkIke + " IkePolicyLocalIdType enum; " + checked,
	},
	{
		Path: ik("local_id"), Export: cloud.TF("local_id"), Type: cloud.String, Len: &cloud.Range{Min: 1, Max: 255}, Chars: idChars, Check: checkText,
		RequiredWhen: &cloud.Cond{Path: "local_id_type", In: []string{"fqdn"}}, Step: cloud.StepIKE, Role: cloud.RoleLocalFQDN,
		Help:   "The local identity; required with local_id_type fqdn, and must equal the peer device's peer ID.",
		Source: seed + " Table 5 (at most 255 characters, no & < > [ ] \\ or spaces, mandatory for fqdn); " + checked,
	},
	{
		Path: ik("peer_id_type"), Export: cloud.TF("peer_id_type"), Type: cloud.String, Allowed: []string{"ip", "fqdn"}, Default: "ip",
		Step: cloud.StepIKE, Role: cloud.RoleRemoteIDType, Means: idTypeMeans,
		Help: "The peer identity type, ip or fqdn.",
		Source: seed + " Table 5 (ip, fqdn; default ip); " + sdkIke + " IkePolicyPeerIdType enum (ip, fqdn; " + tfDoc + " also names any, " +
			"which neither the seed nor the SDK lists); " + checked,
	},
	{
		Path: ik("peer_id"), Export: cloud.TF("peer_id"), Type: cloud.String, Len: &cloud.Range{Min: 1, Max: 255}, Chars: idChars, Check: checkText,
		RequiredWhen: &cloud.Cond{Path: "peer_id_type", In: []string{"fqdn"}}, Step: cloud.StepIKE, Role: cloud.RoleRemoteFQDN,
		Help:   "The peer identity; set it with peer_id_type fqdn, equal to the peer device's local ID.",
		Source: seed + " Table 5 (at most 255 characters, no & < > [ ] \\ or spaces; set when peer_id_type is fqdn); " + checked,
	},
	{
		Path: ik("dpd"), Export: cloud.TF("dpd"), Type: cloud.Object, Step: cloud.StepExtras,
		Help:   "Dead peer detection (DPD) settings.",
		Source: seed + " Table 6 (Dpd); " + checked,
	},
	{
		Path: ik("dpd.timeout"), Export: cloud.TF("timeout"), Type: cloud.Integer, Range: &cloud.Range{Min: 2, Max: 60}, Default: "15",
		Step: cloud.StepExtras, Role: cloud.RoleDPDTimeout,
		Help:   "The interval in seconds for retransmitting DPD packets.",
		Source: seed + " Table 6 (2-60, default 15); " + checked,
	},
	{
		Path: ik("dpd.interval"), Export: cloud.TF("interval"), Type: cloud.Integer, Range: &cloud.Range{Min: 10, Max: 3600}, Default: "30",
		Step: cloud.StepExtras, Role: cloud.RoleDPDInterval,
		Help:   "The DPD idle timeout in seconds.",
		Source: seed + " Table 6 (10-3600, default 30); " + checked,
	},
	{
		Path: ik("dpd.msg"), Export: cloud.TF("msg"), Type: cloud.String, Allowed: []string{"seq-hash-notify", "seq-notify-hash"}, Default: "seq-hash-notify",
		Step:   cloud.StepExtras,
		Help:   "The DPD packet format: the order of the sequence number, hash and notify payloads.",
		Source: sdkDpd + " DpdMsg enum (seq-hash-notify, seq-notify-hash); the seed leaves it blank and uses seq-notify-hash in the BGP example; default from the example answer; " + checked,
	},
}

var ipsecFields = []cloud.Field{
	{
		Path: p("ipsecpolicy"), Export: cloud.TF("ipsecpolicy"), Type: cloud.Object, Step: cloud.StepIPsec,
		Help:   "The IPsec (phase 2) policy; absent members take the cloud's defaults.",
		Source: seed + " Table 7 (IpsecPolicy); " + checked,
	},
	{
		Path: ip("authentication_algorithm"), Export: cloud.TF("authentication_algorithm"), Type: cloud.String, Allowed: integrities, Default: "sha2-256",
		Step: cloud.StepIPsec, Role: cloud.RoleIPsecIntegrity, Means: integrityMeans,
		Help:   "The IPsec authentication (hash) algorithm; sha1 and md5 are weak.",
		Source: seed + seedAnswer + "; " + sdkIpsec + " IpsecPolicyAuthenticationAlgorithm enum (same five); " + checked,
	},
	{
		Path: ip("encryption_algorithm"), Export: cloud.TF("encryption_algorithm"), Type: cloud.String, Allowed: encryptions, Default: "aes-128",
		Step: cloud.StepIPsec, Role: cloud.RoleIPsecEncryption, Means: encryptionMeans,
		Help:   "The IPsec encryption algorithm; 3des is weak.",
		Source: seed + seedAnswer + " (six values); " + sdkIpsec + " IpsecPolicyEncryptionAlgorithm enum adds aes-128-gcm-128 and aes-256-gcm-128; " + checked,
	},
	{
		Path: ip("pfs"), Export: cloud.TF("pfs"), Type: cloud.String, Allowed: pfsGroups, Default: "group15",
		Step: cloud.StepIPsec, Role: cloud.RoleIPsecPFS, Means: pfsMeans,
		Help:   "The DH group for Perfect Forward Secrecy, or disable; group1, 2, 5 and 14 are weak.",
		Source: seed + " Table 7 (values incl. disable, default group15); " + sdkIpsec + " (Pfs is a plain string); " + checked,
	},
	{
		Path: ip("transform_protocol"), Export: cloud.TF("transform_protocol"), Type: cloud.String, Allowed: []string{"esp"}, Default: "esp",
		Step:   cloud.StepIPsec,
		Help:   "The IPsec transform protocol; only esp.",
		Source: sdkIpsec + " IpsecPolicyTransformProtocol enum (esp); the seed leaves it blank; " + checked,
	},
	{
		Path: ip("lifetime_seconds"), Export: cloud.TF("lifetime_seconds"), Type: cloud.Integer, Range: &cloud.Range{Min: 30, Max: 604800}, Default: "3600",
		Step: cloud.StepIPsec, Role: cloud.RoleIPsecLifetime,
		Help:   "The lifetime in seconds of the tunnel's IPsec SA.",
		Source: seed + " Table 7 (30-604800, default 3600); " + checked,
	},
	{
		Path: ip("encapsulation_mode"), Export: cloud.TF("encapsulation_mode"), Type: cloud.String, Allowed: []string{"tunnel"}, Default: "tunnel",
		Step:   cloud.StepIPsec,
		Help:   "The encapsulation mode; only tunnel.",
		Source: sdkIpsec + " IpsecPolicyEncapsulationMode enum (tunnel; comment 当前只有tunnel模式); the seed leaves it blank; " + checked,
	},
}
