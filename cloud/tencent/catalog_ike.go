package tencent

import "tunnelwiz/cloud"

var identities = []string{"ADDRESS", "FQDN"}

var identityMeans = map[string]string{"ADDRESS": "address", "FQDN": "fqdn"}

const ike = "IKEOptionsSpecification"

var ikeFields = []cloud.Field{
	{
		Path: "PreShareKey", Export: cloud.TF("pre_share_key"), Type: cloud.String, Required: true, Secret: true, Check: nonEmpty,
		Role: cloud.RolePSK, Step: cloud.StepIKE,
		Help:   "The pre-shared key; both gateways must use the same one.",
		Source: srcSeed + " (required); " + srcSDK + "; " + checked,
	},
	{
		Path: ike, Type: cloud.Object, Step: cloud.StepIKE,
		Help:   "Internet Key Exchange (phase 1) settings. Absent members take Tencent's defaults.",
		Source: srcSeed + " (optional); " + srcSDK + " IKEOptionsSpecification; " + checked,
	},
	{
		Path: ike + ".PropoEncryAlgorithm", Export: cloud.TF("ike_proto_encry_algorithm"), Type: cloud.String, Allowed: ikeEncryptions, Default: "3DES-CBC",
		Role: cloud.RoleIKEEncryption, Means: means(ikeEncryptions, false), Step: cloud.StepIKE,
		Help: "IKE encryption algorithm; default 3DES-CBC. The GCM values work on 4.0 VPN gateways only.",
		Source: srcSeed + " example 3DES-CBC; " + srcSDK + " comment: 3DES-CBC, AES-CBC-128, 'AES-CBS-192' " +
			"(a typo for AES-CBC-192: the IPsec comment and " + srcSDKNew + " spell AES-CBC-192), AES-CBC-256, " +
			"DES-CBC, SM4, default 3DES-CBC; " + srcSDKNew + " adds AES128GCM128, AES192GCM128, AES256GCM128 " +
			"(4.0 gateways only); " + checked,
	},
	{
		Path: ike + ".PropoAuthenAlgorithm", Export: cloud.TF("ike_proto_authen_algorithm"), Type: cloud.String, Allowed: ikeIntegrities,
		Role: cloud.RoleIKEIntegrity, Means: means(ikeIntegrities, false), Step: cloud.StepIKE,
		Help: "IKE authentication algorithm. Tencent's default is MD5 per the pinned SDK, SHA per the newest one.",
		Source: srcSeed + " example MD5; " + srcSDK + " comment: MD5, SHA1, SHA-256, default MD5; " + srcSDKNew +
			": MD5, SHA, SHA-256, SHA-512, default SHA; union kept (SHA and SHA1 both mean SHA-1); the defaults " +
			"disagree, so none is recorded; " + checked,
	},
	{
		Path: ike + ".ExchangeMode", Export: cloud.TF("ike_exchange_mode"), Type: cloud.String, Allowed: []string{"AGGRESSIVE", "MAIN"}, Default: "MAIN",
		Role: cloud.RoleIKEMode, Means: map[string]string{"AGGRESSIVE": "aggressive", "MAIN": "main"},
		Step:   cloud.StepIKE,
		Help:   "IKE negotiation mode: MAIN or AGGRESSIVE; default MAIN.",
		Source: srcSeed + " example MAIN; " + srcSDK + " comment (AGGRESSIVE, MAIN, default MAIN); " + checked,
	},
	{
		Path: ike + ".LocalIdentity", Export: cloud.TF("ike_local_identity"), Type: cloud.String, Allowed: identities, Default: "ADDRESS", Step: cloud.StepIKE,
		Role: cloud.RoleLocalIDType, Means: identityMeans,
		Help:   "Type of the local identity: ADDRESS (LocalAddress) or FQDN (LocalFqdnName); default ADDRESS.",
		Source: srcSeed + " example ADDRESS; " + srcSDK + " comment (ADDRESS, FQDN, default ADDRESS); " + checked,
	},
	{
		Path: ike + ".RemoteIdentity", Export: cloud.TF("ike_remote_identity"), Type: cloud.String, Allowed: identities, Default: "ADDRESS", Step: cloud.StepIKE,
		Role: cloud.RoleRemoteIDType, Means: identityMeans,
		Help:   "Type of the remote identity: ADDRESS (RemoteAddress) or FQDN (RemoteFqdnName); default ADDRESS.",
		Source: srcSeed + " example ADDRESS; " + srcSDK + " comment (ADDRESS, FQDN, default ADDRESS); " + checked,
	},
	{
		Path: ike + ".LocalAddress", Export: cloud.TF("ike_local_address"), Type: cloud.String, Format: cloud.IPv4, Step: cloud.StepIKE, Role: cloud.RoleLocalAddress,
		RequiredWhen: &cloud.Cond{Path: "LocalIdentity", In: []string{"ADDRESS"}, Explicit: true},
		Help:         "Local identity when LocalIdentity is ADDRESS, usually the VPN gateway's public IP.",
		Source: srcSeed + " example 58.211.2.5; " + srcSDK + " comment: required when LocalIdentity is ADDRESS, and " +
			"'默认为vpn网关公网IP' (defaults to the gateway's public IP): so an error only when ADDRESS is written, a warning " +
			"when the identity is left to its default (review 2026-11); " + checked,
	},
	{
		Path: ike + ".RemoteAddress", Export: cloud.TF("ike_remote_address"), Type: cloud.String, Format: cloud.IPv4, Step: cloud.StepIKE, Role: cloud.RoleRemoteAddress,
		RequiredWhen: &cloud.Cond{Path: "RemoteIdentity", In: []string{"ADDRESS"}, Explicit: true},
		Help:         "Remote identity when RemoteIdentity is ADDRESS, usually the customer gateway's public IP.",
		Source: srcSeed + " example 1.2.3.4; " + srcSDK + " comment: required when RemoteIdentity is ADDRESS " +
			"(checked against RemoteIdentity, not LocalIdentity as " + srcTF + " does): an error when ADDRESS is written, " +
			"a warning when the identity is left to its default, since Tencent may fill it from the customer gateway; " + checked,
	},
	{
		Path: ike + ".LocalFqdnName", Export: cloud.TF("ike_local_fqdn_name"), Type: cloud.String, Check: nonEmpty, Step: cloud.StepIKE, Role: cloud.RoleLocalFQDN,
		RequiredWhen: &cloud.Cond{Path: "LocalIdentity", In: []string{"FQDN"}},
		Help:         "Local identity when LocalIdentity is FQDN.",
		Source:       srcSDK + " comment: required when LocalIdentity is FQDN; " + checked,
	},
	{
		Path: ike + ".RemoteFqdnName", Export: cloud.TF("ike_remote_fqdn_name"), Type: cloud.String, Check: nonEmpty, Step: cloud.StepIKE, Role: cloud.RoleRemoteFQDN,
		RequiredWhen: &cloud.Cond{Path: "RemoteIdentity", In: []string{"FQDN"}},
		Help:         "Remote identity when RemoteIdentity is FQDN.",
		Source:       srcSDK + " comment: required when RemoteIdentity is FQDN; " + checked,
	},
	{
		Path: ike + ".DhGroupName", Export: cloud.TF("ike_dh_group_name"), Type: cloud.String, Allowed: dhGroups, Default: "GROUP1",
		Role: cloud.RoleIKEDHGroup, Means: means(dhGroups, false), Step: cloud.StepIKE,
		Help: "DH group used to exchange keys in IKE (GROUPn, unlike PFS's DH-GROUPn); default GROUP1.",
		Source: srcSeed + " example GROUP1; " + srcSDK + " comment: GROUP1, GROUP2, GROUP5, GROUP14, GROUP24; " +
			srcSDKNew + " adds GROUP15, GROUP16, GROUP19, GROUP20, GROUP21 and default GROUP1; " + checked,
	},
	{
		Path: ike + ".IKESaLifetimeSeconds", Export: cloud.TF("ike_sa_lifetime_seconds"), Type: cloud.Integer, Range: &cloud.Range{Min: 60, Max: 604800},
		Default: "86400", Role: cloud.RoleIKELifetime, Step: cloud.StepIKE,
		Help:   "IKE SA lifetime in seconds, 60 to 604800; default 86400.",
		Source: srcSDK + " comment (60-604800); default 86400 from " + srcSDKNew + " and " + srcTF + "; " + checked,
	},
	{
		Path: ike + ".IKEVersion", Export: cloud.TF("ike_version"), Type: cloud.String, Allowed: []string{"IKEV1", "IKEV2"}, Default: "IKEV1",
		Role: cloud.RoleIKEVersion, Means: map[string]string{"IKEV1": "ikev1", "IKEV2": "ikev2"},
		Step:   cloud.StepIKE,
		Help:   "IKE version: IKEV1 or IKEV2; default IKEV1.",
		Source: srcSeed + " example IKEV1; " + srcSDK + " gives no values; " + srcSDKNew + ": IKEV1, IKEV2, default IKEV1; " + checked,
	},
}
