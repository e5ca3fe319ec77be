package tencentv2

import "tunnelwiz/cloud"

// The IKE and IPsec objects are sent as indexed keys (IKESet.dhGroupName=...).
// Values are lower case, exactly as the seed lists them.

var identities = []string{"address", "fqdn"}

var identityMeans = map[string]string{"address": "address", "fqdn": "fqdn"}

// encryptAlgorithmSource records the seed quirk and what was decided.
const encryptAlgorithmSource = seed + " lists IKESet.encryptAlgorithm in the IKESet table but describes it as 'IPsec configuration, " +
	"encryption algorithm' (3des-cbc, aes-cbc-128, aes-cbc-192, aes-cbc-256, des-cbc, null; default 3des-cbc). ModifyVpnConnEx " +
	"(" + docModify + ") lists the same IKESet path; DescribeVpnConn (" + docDescribe + ") reports the IPsec settings under IPsecSet, " +
	"and API 3.0 has IPSECOptionsSpecification.EncryptAlgorithm (github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc@v1.0.1100 " +
	"v20170312/models.go). The request name is unclear, so the documented path IKESet.encryptAlgorithm is the primary one; " +
	"IPsecSet.encryptAlgorithm is accepted with a warning."

// The API 2.0 pages beside the seed.
const (
	docModify   = "https://intl.cloud.tencent.com/document/api/215/5112"
	docDescribe = "https://intl.cloud.tencent.com/document/api/215/5113"
)

var ikeFields = []cloud.Field{
	{
		Path: "IKESet", Type: cloud.Object, Step: cloud.StepIKE,
		Help:   "IKE (phase 1) settings, sent as IKESet.<name> keys; omitted members take Tencent's defaults.",
		Source: seed + ": IKESet, optional.",
	},
	{
		Path: "IKESet.propoEncryAlgorithm", Type: cloud.String, Allowed: keys(ikeCiphers), Default: "3des-cbc",
		Role: cloud.RoleIKEEncryption, Means: means(ikeCiphers), Step: cloud.StepIKE,
		Help:   "IKE encryption algorithm; default 3des-cbc.",
		Source: seed + ": 3des-cbc, aes-cbc-128, aes-cbc-192, aes-cbc-256, des-cbc; default 3des-cbc.",
	},
	{
		Path: "IKESet.propoAuthenAlgorithm", Type: cloud.String, Allowed: keys(integrities), Default: "md5",
		Role: cloud.RoleIKEIntegrity, Means: means(integrities), Step: cloud.StepIKE,
		Help:   "IKE authentication (integrity) algorithm: md5 or sha (HMAC-SHA1); default md5.",
		Source: seed + ": md5, sha; default md5.",
	},
	{
		Path: "IKESet.exchangeMode", Type: cloud.String, Allowed: keys(exchangeModes), Default: "main",
		Role: cloud.RoleIKEMode, Means: means(exchangeModes), Step: cloud.StepIKE,
		Help:   "IKE negotiation mode: main or aggressive; default main.",
		Source: seed + ": aggressive, main; default main.",
	},
	{
		Path: "IKESet.localIdentity", Type: cloud.String, Allowed: identities, Default: "address", Step: cloud.StepIKE,
		Role: cloud.RoleLocalIDType, Means: identityMeans,
		Help:   "Local identity type: address (localAddress) or fqdn (localFqdnName); default address.",
		Source: seed + ": address, fqdn; default address.",
	},
	{
		Path: "IKESet.remoteIdentity", Type: cloud.String, Allowed: identities, Default: "address", Step: cloud.StepIKE,
		Role: cloud.RoleRemoteIDType, Means: identityMeans,
		Help:   "Peer identity type: address (remoteAddress) or fqdn (remoteFqdnName); default address.",
		Source: seed + ": address, fqdn; default address.",
	},
	{
		Path: "IKESet.localAddress", Type: cloud.String, Format: cloud.IPv4, Step: cloud.StepIKE, Role: cloud.RoleLocalAddress,
		RequiredWhen: &cloud.Cond{Path: "localIdentity", In: []string{"address"}, Explicit: true},
		Help:         "Local identity when localIdentity is address, usually the VPN gateway's public IP.",
		Source: seed + ": 'When address is selected for localIdentity, localAddress is required. localAddress is the public IP of the " +
			"VPN gateway by default.' As in API 3.0 (same words in the SDK comment): an error when localIdentity address is written, " +
			"a warning when the identity is left to its default (check 'IKE identities match their identity types').",
	},
	{
		Path: "IKESet.remoteAddress", Type: cloud.String, Format: cloud.IPv4, Step: cloud.StepIKE, Role: cloud.RoleRemoteAddress,
		RequiredWhen: &cloud.Cond{Path: "remoteIdentity", In: []string{"address"}, Explicit: true},
		Help:         "Peer identity when remoteIdentity is address (its default): the customer gateway's IP address.",
		Source: seed + ": 'When address is selected for remoteIdentity, remoteAddress is required' (checked against remoteIdentity, " +
			"not localIdentity). As in API 3.0: an error when remoteIdentity address is written, a warning when the identity is left " +
			"to its default, which the seed's own example (no IKESet at all) relies on.",
	},
	{
		Path: "IKESet.localFqdnName", Type: cloud.String, Step: cloud.StepIKE, Check: notBlank, Role: cloud.RoleLocalFQDN,
		RequiredWhen: &cloud.Cond{Path: "localIdentity", In: []string{"fqdn"}},
		Help:         "Local identity name when localIdentity is fqdn.",
		Source:       seed + ": required when localIdentity is fqdn; no format documented.",
	},
	{
		Path: "IKESet.remoteFqdnName", Type: cloud.String, Step: cloud.StepIKE, Check: notBlank, Role: cloud.RoleRemoteFQDN,
		RequiredWhen: &cloud.Cond{Path: "remoteIdentity", In: []string{"fqdn"}},
		Help:         "Peer identity name when remoteIdentity is fqdn.",
		Source:       seed + ": required when remoteIdentity is fqdn (checked against remoteIdentity); no format documented.",
	},
	{
		Path: "IKESet.dhGroupName", Type: cloud.String, Allowed: keys(ikeDHGroups),
		Role: cloud.RoleIKEDHGroup, Means: means(ikeDHGroups), Step: cloud.StepIKE,
		Help:   "Diffie-Hellman group used for the IKE key exchange.",
		Source: seed + ": group1, group2, group5, group14, group24; no default documented.",
	},
	{
		Path: "IKESet.ikeSaLifetimeSeconds", Type: cloud.Integer, Range: &cloud.Range{Min: 60, Max: 604800},
		Role: cloud.RoleIKELifetime, Step: cloud.StepIKE,
		Help:   "IKE SA lifetime in seconds (60 to 604800).",
		Source: seed + ": Int, 60-604800.",
	},
	{
		Path: "IKESet.encryptAlgorithm", Type: cloud.String, Allowed: keys(ipsecCiphers), Default: "3des-cbc",
		Role: cloud.RoleIPsecEncryption, Means: means(ipsecCiphers), Step: cloud.StepIPsec,
		Help:   "IPsec (phase 2) encryption algorithm, documented under IKESet; null means no encryption. Default 3des-cbc.",
		Source: encryptAlgorithmSource,
	},
}

var ipsecFields = []cloud.Field{
	{
		Path: "IPsecSet", Type: cloud.Object, Step: cloud.StepIPsec,
		Help:   "IPsec (phase 2) settings, sent as IPsecSet.<name> keys; omitted members take Tencent's defaults.",
		Source: seed + ": IPsecSet, optional.",
	},
	{
		Path: "IPsecSet.encryptAlgorithm", Type: cloud.String, Allowed: keys(ipsecCiphers),
		Means: means(ipsecCiphers), Step: cloud.StepIPsec,
		Help:   "IPsec encryption algorithm under the name DescribeVpnConn reports; AddVpnConnEx documents IKESet.encryptAlgorithm instead.",
		Source: encryptAlgorithmSource + " No Role here, so presets set the documented path only.",
	},
	{
		// The name is misspelt in the API itself; it is sent as spelt.
		Path: "IPsecSet.integrityAlgorith", Type: cloud.String, Allowed: keys(integrities), Default: "md5",
		Role: cloud.RoleIPsecIntegrity, Means: means(integrities), Step: cloud.StepIPsec,
		Help:   "IPsec authentication (integrity) algorithm: md5 or sha (HMAC-SHA1); default md5.",
		Source: seed + ": integrityAlgorith (sic), md5, sha; default md5.",
	},
	{
		Path: "IPsecSet.ipsecSaLifetimeSeconds", Type: cloud.Integer, Range: &cloud.Range{Min: 180, Max: 604800},
		Role: cloud.RoleIPsecLifetime, Step: cloud.StepIPsec,
		Help:   "IPsec SA lifetime in seconds (180 to 604800).",
		Source: seed + ": Int, 180-604800.",
	},
	{
		Path: "IPsecSet.ipsecSaLifetimeTraffic", Type: cloud.Integer, Range: &cloud.Range{Min: 2560, Max: 604800},
		Step: cloud.StepIPsec, Role: cloud.RoleIPsecLifeKB,
		Help: "IPsec SA lifetime by traffic, in KB (2560 to 604800).",
		Source: seed + ": 'IPsec SA lifetime(KB), unit: KB. Value range: 2560-604800'. No API 2.0 source says more (the wider " +
			"2560-4294967295 of API 3.0's IPSECSaLifetimeTraffic in tencentcloud-sdk-go vpc v1.3.157 belongs to another API).",
	},
	{
		Path: "IPsecSet.pfsDhGroup", Type: cloud.String, Allowed: keys(pfsGroups), Default: "null",
		Role: cloud.RoleIPsecPFS, Means: means(pfsGroups), Step: cloud.StepIPsec,
		Help:   "Perfect forward secrecy DH group; null (default) disables PFS.",
		Source: seed + ": null, dh-group1, dh-group14, dh-group2, dh-group24, dh-group5; default null.",
	},
}
