package huawei

// Allowed values and their vendor-neutral terms (cloud/algo.go).

var integrities = []string{"sha2-512", "sha2-384", "sha2-256", "sha1", "md5"}

var integrityMeans = map[string]string{
	"sha2-512": "sha512", "sha2-384": "sha384", "sha2-256": "sha256", "sha1": "sha1", "md5": "md5",
}

// encryptions: the seed's six, then the two the SDK enum adds.
var encryptions = []string{
	"aes-256-gcm-16", "aes-128-gcm-16", "aes-256", "aes-192", "aes-128", "3des",
	"aes-128-gcm-128", "aes-256-gcm-128",
}

// encryptionMeans leaves aes-*-gcm-128 unmapped on purpose: "-16" is the
// 16-octet ICV of ENCR_AES_GCM_16, and no Huawei document says what the
// "-128" variants are (a 128-bit ICV would be the same transform, which
// would make a preset's mapping ambiguous).
var encryptionMeans = map[string]string{
	"aes-256-gcm-16": "aes-gcm16-256", "aes-128-gcm-16": "aes-gcm16-128",
	"aes-256": "aes-cbc-256", "aes-192": "aes-cbc-192", "aes-128": "aes-cbc-128", "3des": "3des-cbc",
}

var dhGroups = []string{"group1", "group2", "group5", "group14", "group15", "group16", "group19", "group20", "group21"}

var dhMeans = map[string]string{
	"group1": "modp768", "group2": "modp1024", "group5": "modp1536", "group14": "modp2048",
	"group15": "modp3072", "group16": "modp4096", "group19": "ecp256", "group20": "ecp384", "group21": "ecp521",
}

// pfsGroups adds "disable" (no PFS) to the DH groups.
var pfsGroups = append(append([]string(nil), dhGroups...), "disable")

var pfsMeans = func() map[string]string {
	m := map[string]string{"disable": "none"}
	for k, v := range dhMeans {
		m[k] = v
	}
	return m
}()

var versionMeans = map[string]string{"v1": "ikev1", "v2": "ikev2"}

var modeMeans = map[string]string{"main": "main", "aggressive": "aggressive"}

var idTypeMeans = map[string]string{"ip": "address", "fqdn": "fqdn"}

// styleMeans: static and bgp connections are route-based (tunnel
// interfaces, seed Table 3 tunnel_local_address "valid only for STATIC
// and BGP"), so their IPsec SAs protect 0.0.0.0/0 and routes pick the
// traffic; policy connections negotiate the policy rules.
var styleMeans = map[string]string{"policy": "policy", "static": "route", "bgp": "bgp"}
