package peer

// Junos OS (SRX Series) keywords for each vocabulary term (cloud/algo.go),
// read from Juniper's Junos CLI Reference and the Junos "IPsec VPN User
// Guide", one row per term citing the statement it is read from. An empty
// column: the statement has no keyword for the term, so the writer warns
// naming the spec's field rather than pick another.
type junosWord struct {
	// IKE is the [security ike proposal] keyword (encryption-algorithm,
	// authentication-algorithm or dh-group).
	IKE string
	// IPsec is the [security ipsec proposal] keyword (encryption-algorithm,
	// authentication-algorithm), or for a DH group the [security ipsec
	// policy] perfect-forward-secrecy keys keyword.
	IPsec string
	// AEAD marks a combined-mode cipher: no authentication-algorithm.
	AEAD bool
	// ImpliedPRF is, for an AEAD IKE cipher, the hash Junos derives its
	// PRF from, where the guide names it (the cloud's IKE integrity, which
	// is its PRF, must be that hash).
	ImpliedPRF string
	// PRF is, for a hash, the prf-algorithm keyword (IKEv2).
	PRF  string
	Cite string
}

const (
	junosIKE = "Junos CLI Reference, proposal (Security IKE) " +
		"(https://www.juniper.net/documentation/us/en/software/junos/cli-reference/topics/ref/statement/security-edit-proposal.html)"
	junosPRF = "Junos CLI Reference, prf-algorithm " +
		"(https://www.juniper.net/documentation/us/en/software/junos/cli-reference/topics/ref/statement/prf-algorithm-edit-security-ike-proposal.html)"
	// The IPsec proposal and policy statements: their pages were not
	// retrieved here; the keywords are the statements' syntax in the same
	// CLI Reference (search it for "proposal (Security IPsec)").
	junosIPsec = "Junos CLI Reference, proposal (Security IPsec) and policy (Security IPsec) perfect-forward-secrecy keys " +
		"(https://www.juniper.net/documentation/us/en/software/junos/cli-reference/; page not retrieved by tunnelwiz, keyword from the statement syntax)"
	junosIKEPolicy = "Junos CLI Reference, policy (Security IKE) " +
		"(https://www.juniper.net/documentation/us/en/software/junos/cli-reference/topics/ref/statement/security-edit-policy-ike.html)"
	// The gateway statement's page was not retrieved here; its version,
	// local-address, local-identity, remote-identity and no-nat-traversal
	// statements are as jeremmfr/terraform-provider-junos documents them
	// (docs/resources/security_ike_gateway.md).
	junosGateway = "Junos CLI Reference, gateway (Security IKE) (page not retrieved by tunnelwiz; statements as " +
		"https://github.com/jeremmfr/terraform-provider-junos/blob/main/docs/resources/security_ike_gateway.md lists them)"
	junosDPD = "Junos CLI Reference, dead-peer-detection " +
		"(https://www.juniper.net/documentation/us/en/software/junos/vpn-ipsec/topics/ref/statement/security-edit-dead-peer-detection.html)"
	junosTS = "Junos IPsec VPN User Guide, Traffic Selectors in Route-Based VPNs " +
		"(https://www.juniper.net/documentation/us/en/software/junos/vpn-ipsec/topics/topic-map/security-traffic-selectors-in-route-based-vpns.html)"
	junosPolicyVPN = "Junos IPsec VPN User Guide, Policy-Based IPsec VPNs " +
		"(https://www.juniper.net/documentation/us/en/software/junos/vpn-ipsec/topics/topic-map/security-policy-based-ipsec-vpns.html)"
)

var junosWords = map[string]junosWord{
	// Encryption.
	"null":     {Cite: junosIKE + " and " + junosIPsec + ": neither encryption-algorithm list has a null cipher"},
	"des-cbc":  {IKE: "des-cbc", IPsec: "des-cbc", Cite: junosIKE + " encryption-algorithm des-cbc; " + junosIPsec + " encryption-algorithm des-cbc"},
	"3des-cbc": {IKE: "3des-cbc", IPsec: "3des-cbc", Cite: junosIKE + " encryption-algorithm 3des-cbc; " + junosIPsec + " encryption-algorithm 3des-cbc"},
	"aes-cbc-128": {IKE: "aes-128-cbc", IPsec: "aes-128-cbc",
		Cite: junosIKE + " encryption-algorithm aes-128-cbc; " + junosIPsec + " encryption-algorithm aes-128-cbc"},
	"aes-cbc-192": {IKE: "aes-192-cbc", IPsec: "aes-192-cbc",
		Cite: junosIKE + " encryption-algorithm aes-192-cbc; " + junosIPsec + " encryption-algorithm aes-192-cbc"},
	"aes-cbc-256": {IKE: "aes-256-cbc", IPsec: "aes-256-cbc",
		Cite: junosIKE + " encryption-algorithm aes-256-cbc; " + junosIPsec + " encryption-algorithm aes-256-cbc"},
	// The prf-algorithm page says an AEAD cipher implies its PRF and names
	// one pairing, aes-256-gcm with PRF-384; for aes-128-gcm it names none,
	// so the writer notes the PRF as implied and unconfirmed.
	"aes-gcm16-128": {IKE: "aes-128-gcm", IPsec: "aes-128-gcm", AEAD: true,
		Cite: junosIKE + " encryption-algorithm aes-128-gcm; " + junosPRF + " (an AEAD cipher implies its PRF; the page does not say which for aes-128-gcm); " +
			junosIPsec + " encryption-algorithm aes-128-gcm"},
	"aes-gcm16-192": {IPsec: "aes-192-gcm", AEAD: true,
		Cite: junosIKE + " lists no aes-192-gcm; " + junosIPsec + " encryption-algorithm aes-192-gcm"},
	"aes-gcm16-256": {IKE: "aes-256-gcm", IPsec: "aes-256-gcm", AEAD: true, ImpliedPRF: "sha384",
		Cite: junosIKE + " encryption-algorithm aes-256-gcm; " + junosPRF + " (aes-256-gcm is internally associated with PRF-384); " +
			junosIPsec + " encryption-algorithm aes-256-gcm"},
	// Integrity: IKE authentication-algorithm (also its PRF), IPsec
	// authentication-algorithm.
	"md5": {IKE: "md5", IPsec: "hmac-md5-96",
		Cite: junosIKE + " authentication-algorithm md5; " + junosPRF + " lists no MD5 PRF; " + junosIPsec + " authentication-algorithm hmac-md5-96"},
	"sha1": {IKE: "sha1", IPsec: "hmac-sha1-96", PRF: "prf-hmac-sha1",
		Cite: junosIKE + " authentication-algorithm sha1; " + junosPRF + " prf-hmac-sha1; " + junosIPsec + " authentication-algorithm hmac-sha1-96"},
	"sha256": {IKE: "sha-256", IPsec: "hmac-sha-256-128", PRF: "prf-hmac-sha256",
		Cite: junosIKE + " authentication-algorithm sha-256; " + junosPRF + " prf-hmac-sha256; " + junosIPsec + " authentication-algorithm hmac-sha-256-128"},
	"sha384": {IKE: "sha-384", IPsec: "hmac-sha-384", PRF: "prf-hmac-sha384",
		Cite: junosIKE + " authentication-algorithm sha-384; " + junosPRF + " prf-hmac-sha384; " + junosIPsec + " authentication-algorithm hmac-sha-384"},
	"sha512": {IKE: "sha-512", IPsec: "hmac-sha-512", PRF: "prf-hmac-sha512",
		Cite: junosIKE + " authentication-algorithm sha-512; " + junosPRF + " prf-hmac-sha512; " + junosIPsec + " authentication-algorithm hmac-sha-512"},
	// DH groups: IKE dh-group, IPsec perfect-forward-secrecy keys.
	"modp768":      {IKE: "group1", IPsec: "group1", Cite: junosIKE + " dh-group group1; " + junosIPsec + " keys group1"},
	"modp1024":     {IKE: "group2", IPsec: "group2", Cite: junosIKE + " dh-group group2; " + junosIPsec + " keys group2"},
	"modp1536":     {IKE: "group5", IPsec: "group5", Cite: junosIKE + " dh-group group5; " + junosIPsec + " keys group5"},
	"modp2048":     {IKE: "group14", IPsec: "group14", Cite: junosIKE + " dh-group group14; " + junosIPsec + " keys group14"},
	"modp3072":     {IKE: "group15", IPsec: "group15", Cite: junosIKE + " dh-group group15; " + junosIPsec + " keys group15"},
	"modp4096":     {IKE: "group16", IPsec: "group16", Cite: junosIKE + " dh-group group16; " + junosIPsec + " keys group16"},
	"modp2048s256": {IKE: "group24", IPsec: "group24", Cite: junosIKE + " dh-group group24; " + junosIPsec + " keys group24"},
	"ecp256":       {IKE: "group19", IPsec: "group19", Cite: junosIKE + " dh-group group19; " + junosIPsec + " keys group19"},
	"ecp384":       {IKE: "group20", IPsec: "group20", Cite: junosIKE + " dh-group group20; " + junosIPsec + " keys group20"},
	"ecp521":       {IKE: "group21", IPsec: "group21", Cite: junosIKE + " dh-group group21; " + junosIPsec + " keys group21"},
	// No PFS: the IPsec policy has no perfect-forward-secrecy statement.
	"none": {IPsec: "-", Cite: junosIPsec + ": perfect-forward-secrecy is optional; without it no PFS is asked"},
	// sm4-cbc and sm3: no Junos keyword in any of the statements above.
}

// junosModes are the IKE version and exchange mode terms (cloud.ModeTerms):
// the gateway's version statement and the IKE policy's mode (IKEv1 only).
var junosModes = map[string]junosWord{
	"ikev1":      {IKE: "v1-only", Cite: junosGateway + ": version v1-only"},
	"ikev2":      {IKE: "v2-only", Cite: junosGateway + ": version v2-only"},
	"main":       {IKE: "main", Cite: junosIKEPolicy + ": mode main (IKEv1; the page calls it the recommended one)"},
	"aggressive": {IKE: "aggressive", Cite: junosIKEPolicy + ": mode aggressive (IKEv1; IKEv2 has no modes)"},
}

// junosMode is a version or mode term's keyword.
func junosMode(term string) string { return junosModes[term].IKE }

// junosColumn picks one column of the table.
func junosColumn(col func(junosWord) string) func(string) string {
	return func(term string) string { return col(junosWords[term]) }
}
