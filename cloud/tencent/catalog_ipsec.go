package tencent

import "tunnelwiz/cloud"

const ipsec = "IPSECOptionsSpecification"

var ipsecFields = []cloud.Field{
	{
		Path: ipsec, Type: cloud.Object, Step: cloud.StepIPsec,
		Help:   "IPsec (phase 2) security session settings. Absent members take Tencent's defaults.",
		Source: srcSeed + " (optional); " + srcSDK + " IPSECOptionsSpecification; " + checked,
	},
	{
		Path: ipsec + ".EncryptAlgorithm", Export: cloud.TF("ipsec_encrypt_algorithm"), Type: cloud.String, Allowed: ipsecEncryptions, Default: "AES-CBC-128",
		Role: cloud.RoleIPsecEncryption, Means: means(ipsecEncryptions, false), Step: cloud.StepIPsec,
		Help: "IPsec encryption algorithm; default AES-CBC-128. NULL encrypts nothing; GCM needs a 4.0 gateway.",
		Source: srcSeed + " example 3DES-CBC; " + srcSDK + " comment: 3DES-CBC, AES-CBC-128, AES-CBC-192, " +
			"AES-CBC-256, DES-CBC, SM4, NULL, default AES-CBC-128; " + srcSDKNew + " adds AES128GCM128, " +
			"AES192GCM128, AES256GCM128 (4.0 gateways only); " + checked,
	},
	{
		// The vendor's own misspelling, kept because the seed and older
		// clients send it; the SDK marks it deprecated.
		Path: ipsec + ".IntegrityAlgorith", Export: cloud.TF("ipsec_integrity_algorithm"), Type: cloud.String, Allowed: ipsecIntegrities, Default: "SHA1",
		Deprecated: ipsec + ".IntegrityAlgorithm",
		Role:       cloud.RoleIPsecIntegrity, Means: means(ipsecIntegrities, false), Step: cloud.StepIPsec,
		Help: "IPsec integrity algorithm, in the API's original misspelt name (IntegrityAlgorith); " +
			"use IntegrityAlgorithm in new specs. Default SHA1.",
		Source: srcSeed + " example MD5 under this name; " + srcSDK + " marks it 'Deprecated: IntegrityAlgorith " +
			"is deprecated' (values MD5, SHA1, SHA-256); " + srcSDKNew + " lists MD5, SHA1, SHA-256, SHA-512, " +
			"SHA-384, SM3, default SHA1 (also the intl-en SDK's default; " + srcTF + " defaults to MD5); " + checked,
	},
	{
		Path: ipsec + ".IntegrityAlgorithm", Export: cloud.TF("ipsec_integrity_algorithm"), Type: cloud.String, Allowed: ipsecIntegritiesNew,
		Tolerated: tolerate(ipsecIntegrities, ipsecIntegritiesNew, "Tencent's SDKs list it only for the deprecated spelling "+
			"IntegrityAlgorith; for IntegrityAlgorithm they list MD5, SHA1 and SHA-256"),
		Role: cloud.RoleIPsecIntegrity, Means: means(ipsecIntegrities, false), Step: cloud.StepIPsec,
		Help: "IPsec integrity (authentication) algorithm: MD5, SHA1 or SHA-256 (SHA-384, SHA-512 and SM3 are documented " +
			"only under the old spelling and draw a warning here). Do not also send IntegrityAlgorith.",
		Source: srcSDK + " comment on IntegrityAlgorithm: '认证算法：可选值：'MD5', 'SHA1'，'SHA-256' 默认为' (MD5, SHA1, SHA-256; " +
			"the default is left blank); " + srcSDKNew + " says the same for this name. SHA-384, SHA-512 and SM3 are listed there " +
			"only for IntegrityAlgorith, so here they are accepted with a warning; " + checked,
	},
	{
		Path: ipsec + ".PfsDhGroup", Export: cloud.TF("ipsec_pfs_dh_group"), Type: cloud.String, Allowed: pfsGroups, Default: "NULL",
		Role: cloud.RoleIPsecPFS, Means: means(pfsGroups, true), Step: cloud.StepIPsec,
		Help: "Perfect forward secrecy DH group, spelt DH-GROUPn (unlike IKE's GROUPn), or NULL for no PFS; " +
			"default NULL.",
		Source: srcSeed + " example NULL; " + srcSDK + " comment: NULL, DH-GROUP1, DH-GROUP2, DH-GROUP5, " +
			"DH-GROUP14, DH-GROUP24, default NULL; " + srcSDKNew + " adds DH-GROUP15, DH-GROUP16, DH-GROUP19, " +
			"DH-GROUP20, DH-GROUP21; " + checked,
	},
	{
		Path: ipsec + ".IPSECSaLifetimeSeconds", Export: cloud.TF("ipsec_sa_lifetime_seconds"), Type: cloud.Integer, Range: &cloud.Range{Min: 180, Max: 604800},
		Default: "14400", Role: cloud.RoleIPsecLifetime, Step: cloud.StepIPsec,
		Help:   "IPsec SA lifetime in seconds, 180 to 604800; default 14400.",
		Source: srcSDK + " comment (180-604800); default 14400 from " + srcSDKNew + " (" + srcTF + " uses 3600); " + checked,
	},
	{
		Path: ipsec + ".IPSECSaLifetimeTraffic", Export: cloud.TF("ipsec_sa_lifetime_traffic"), Type: cloud.Integer, Range: &cloud.Range{Min: 2560, Max: 4294967295},
		Default: "4096000000", Step: cloud.StepIPsec, Role: cloud.RoleIPsecLifeKB,
		Help: "IPsec SA lifetime in kilobytes, 2560 to 4294967295; default 4096000000.",
		Source: srcSDK + " comment says 2560-604800, but " + srcSDKNew + " says 2560-4294967295 (default " +
			"4096000000) and " + srcTF + " defaults to 1843200, above the old maximum: the newer, wider range is kept; " + checked,
	},
}
