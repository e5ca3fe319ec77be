package tencent

import "slices"

// Tencent's algorithm tokens and their vocabulary terms (cloud/algo.go).
// The lists are the union of the pinned SDK's comments and the newest SDK's
// comments: the newest SDK documents values (GCM, GROUP15-21, SHA-384/512,
// SM3) that the cloud accepts whatever SDK version sends them, because every
// one of these fields is a plain string in the pinned SDK too.

// ikeEncryptions: pinned SDK lists 3DES-CBC, AES-CBC-128, 'AES-CBS-192' (a
// typo for AES-CBC-192), AES-CBC-256, DES-CBC, SM4; the newest SDK adds
// AES128GCM128, AES192GCM128, AES256GCM128 (4.0 gateways only).
var ikeEncryptions = []string{
	"3DES-CBC", "AES-CBC-128", "AES-CBC-192", "AES-CBC-256", "DES-CBC", "SM4",
	"AES128GCM128", "AES192GCM128", "AES256GCM128",
}

// ipsecEncryptions add NULL (integrity only) to the IKE list.
var ipsecEncryptions = append(append([]string{}, ikeEncryptions...), "NULL")

// ikeIntegrities: pinned SDK MD5, SHA1, SHA-256; the newest SDK spells
// SHA-1 as "SHA" and adds SHA-512. Both spellings of SHA-1 are kept.
var ikeIntegrities = []string{"MD5", "SHA", "SHA1", "SHA-256", "SHA-512"}

// ipsecIntegrities are what the newest SDK lists for the deprecated
// spelling IntegrityAlgorith: the pinned SDK's MD5, SHA1, SHA-256 plus
// SHA-384, SHA-512 and SM3.
var ipsecIntegrities = []string{"MD5", "SHA1", "SHA-256", "SHA-384", "SHA-512", "SM3"}

// ipsecIntegritiesNew are what both SDKs list for the current spelling
// IntegrityAlgorithm: MD5, SHA1, SHA-256 only. The rest of ipsecIntegrities
// is inferred for this name (same parameter, other spelling), so it only
// warns (Field.Tolerated).
var ipsecIntegritiesNew = []string{"MD5", "SHA1", "SHA-256"}

// dhGroups are IKE's GROUPn tokens; PFS uses DH-GROUPn for the same groups.
var dhGroups = []string{
	"GROUP1", "GROUP2", "GROUP5", "GROUP14", "GROUP15", "GROUP16",
	"GROUP19", "GROUP20", "GROUP21", "GROUP24",
}

// pfsGroups are the IPsec PFS tokens: NULL, then DH- plus each IKE group.
var pfsGroups = func() []string {
	out := []string{"NULL"}
	for _, g := range dhGroups {
		out = append(out, "DH-"+g)
	}
	return out
}()

// terms maps every Tencent token to its vocabulary term.
var terms = map[string]string{
	"3DES-CBC": "3des-cbc", "AES-CBC-128": "aes-cbc-128", "AES-CBC-192": "aes-cbc-192",
	"AES-CBC-256": "aes-cbc-256", "DES-CBC": "des-cbc", "SM4": "sm4-cbc", "NULL": "null",
	// GCM with a 128-bit ICV is the 16-octet ICV transform (ENCR_AES_GCM_16).
	"AES128GCM128": "aes-gcm16-128", "AES192GCM128": "aes-gcm16-192", "AES256GCM128": "aes-gcm16-256",

	"MD5": "md5", "SHA": "sha1", "SHA1": "sha1", "SHA-256": "sha256",
	"SHA-384": "sha384", "SHA-512": "sha512", "SM3": "sm3",

	"GROUP1": "modp768", "GROUP2": "modp1024", "GROUP5": "modp1536",
	"GROUP14": "modp2048", "GROUP15": "modp3072", "GROUP16": "modp4096",
	"GROUP19": "ecp256", "GROUP20": "ecp384", "GROUP21": "ecp521",
	"GROUP24": "modp2048s256",
}

// means builds a field's Means from its allowed tokens, so a Means key is
// always an allowed value. PFS tokens are looked up without "DH-", and the
// PFS "NULL" means no PFS rather than null encryption.
func means(allowed []string, pfs bool) map[string]string {
	m := map[string]string{}
	for _, tok := range allowed {
		key := tok
		if pfs {
			if tok == "NULL" {
				m[tok] = "none"
				continue
			}
			key = tok[len("DH-"):]
		}
		if t, ok := terms[key]; ok {
			m[tok] = t
		}
	}
	return m
}

// tolerate maps each token of wider that narrower lacks to why, for
// Field.Tolerated.
func tolerate(wider, narrower []string, why string) map[string]string {
	m := map[string]string{}
	for _, tok := range wider {
		if !slices.Contains(narrower, tok) {
			m[tok] = why
		}
	}
	return m
}
