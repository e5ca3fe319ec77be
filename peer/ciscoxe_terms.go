package peer

// Cisco IOS XE keywords for each vocabulary term (cloud/algo.go), read from
// Cisco's "Security and VPN Configuration Guide, Cisco IOS XE 17.x"
// (https://www.cisco.com/c/en/us/td/docs/routers/ios/config/17-x/sec-vpn/b-security-vpn.html),
// one row per term, each citing the chapter and the command it is read
// from. An empty column: the command has no keyword for the term, so the
// writer warns naming the spec's field rather than pick another.
type iosWord struct {
	// V2 is the crypto ikev2 proposal keyword (encryption, integrity or
	// group); PRF the same hash as the proposal's prf.
	V2, PRF string
	// V1 is the crypto isakmp policy keyword (encryption, hash, group).
	V1 string
	// ESP is the crypto ipsec transform-set transform, or for a DH group
	// the set pfs keyword.
	ESP string
	// AEAD marks a combined-mode cipher: no integrity transform.
	AEAD bool
	Cite string
}

const (
	iosBook  = "Cisco Security and VPN Configuration Guide, Cisco IOS XE 17.x (https://www.cisco.com/c/en/us/td/docs/routers/ios/config/17-x/sec-vpn/b-security-vpn.html)"
	iosIKEv2 = iosBook + ", Configuring Internet Key Exchange Version 2 and FlexVPN Site-to-Site: crypto ikev2 proposal"
	// iosYANG corroborates the IKEv2 proposal and profile keywords: Cisco's
	// IOS XE YANG model (Cisco-IOS-XE-crypto) as CiscoDevNet's Terraform
	// provider lists it (encryption 3des, aes-cbc-128/192/256,
	// aes-gcm-128/256; group 1, 2, 14, 15, 16, 19, 20, 21, 24; dpd 10-3600
	// seconds, retry 2-60, periodic or on-demand).
	iosYANG = "Cisco IOS XE YANG Cisco-IOS-XE-crypto, as listed by CiscoDevNet/terraform-provider-iosxe " +
		"(https://github.com/CiscoDevNet/terraform-provider-iosxe/blob/main/gen/definitions/crypto_ikev2_proposal.yaml)"
	iosIKEv1 = iosBook + ", Configuring Internet Key Exchange for IPsec VPNs: crypto isakmp policy"
	iosIPsec = iosBook + ", Configuring Security for VPNs with IPsec: crypto ipsec transform-set, set pfs " +
		"(also https://www.cisco.com/en/US/docs/ios-xml/ios/sec_conn_vpnips/configuration/xe-3s/sec-cfg-vpn-ipsec.html)"
	// iosAggressive: the command reference says IOS initiates aggressive
	// mode for a crypto isakmp peer address with set aggressive-mode
	// password and client-endpoint; the feature guide names the endpoint's
	// ID types (IPv4 address, FQDN, user FQDN) and writes them
	// "ipv4-address", "fqdn", "user-fqdn" before the value.
	iosAggressive = "Cisco IOS Security Command Reference, crypto isakmp aggressive-mode disable " +
		"(http://www.cisco.com/en/US/docs/ios/security/command/reference/sec_c4.html); IKE: Initiate Aggressive Mode " +
		"(http://www.cisco.com/en/US/docs/ios/12_2t/12_2t8/feature/guide/ft_ikeag.html)"
	// iosVTI is the route-based chapter (tunnel protection on a VTI).
	iosVTI = iosBook + ", IPsec Virtual Tunnel Interfaces (https://www.cisco.com/c/en/us/td/docs/routers/ios/config/17-x/sec-vpn/b-security-vpn/m_sec-ipsec-virt-tunnl-0.html)"
)

var iosWords = map[string]iosWord{
	// Encryption: IKEv2 "encryption", IKEv1 "encryption", transform-set.
	"null": {ESP: "esp-null", Cite: iosIPsec + ": esp-null (ESP without encryption); IKE has no null cipher"},
	"des-cbc": {V2: "des", V1: "des", ESP: "esp-des",
		Cite: iosIKEv2 + " encryption des; " + iosIKEv1 + " encryption des; " + iosIPsec + " esp-des. " + iosYANG +
			" has no IKEv2 des: newer releases refuse it, visibly"},
	"3des-cbc": {V2: "3des", V1: "3des", ESP: "esp-3des",
		Cite: iosIKEv2 + " encryption 3des; " + iosIKEv1 + " encryption 3des; " + iosIPsec + " esp-3des"},
	"aes-cbc-128": {V2: "aes-cbc-128", V1: "aes", ESP: "esp-aes 128",
		Cite: iosIKEv2 + " encryption aes-cbc-128; " + iosIKEv1 + " encryption aes (128-bit is the default key size); " + iosIPsec + " esp-aes 128"},
	"aes-cbc-192": {V2: "aes-cbc-192", V1: "aes 192", ESP: "esp-aes 192",
		Cite: iosIKEv2 + " encryption aes-cbc-192; " + iosIKEv1 + " encryption aes 192; " + iosIPsec + " esp-aes 192"},
	"aes-cbc-256": {V2: "aes-cbc-256", V1: "aes 256", ESP: "esp-aes 256",
		Cite: iosIKEv2 + " encryption aes-cbc-256; " + iosIKEv1 + " encryption aes 256; " + iosIPsec + " esp-aes 256"},
	"aes-gcm16-128": {V2: "aes-gcm-128", ESP: "esp-gcm 128", AEAD: true,
		Cite: iosIKEv2 + " encryption aes-gcm-128 (AEAD: the proposal names a prf and no integrity); " + iosIPsec + " esp-gcm 128 (16-byte ICV, no esp hmac); IKEv1 has no GCM"},
	"aes-gcm16-192": {ESP: "esp-gcm 192", AEAD: true,
		Cite: iosIPsec + " esp-gcm 192; the crypto ikev2 proposal lists only aes-gcm-128 and aes-gcm-256 (also " + iosYANG + "), IKEv1 no GCM"},
	"aes-gcm16-256": {V2: "aes-gcm-256", ESP: "esp-gcm 256", AEAD: true,
		Cite: iosIKEv2 + " encryption aes-gcm-256 (AEAD: prf, no integrity); " + iosIPsec + " esp-gcm 256; IKEv1 has no GCM"},
	// Integrity: IKEv2 "integrity" and "prf", IKEv1 "hash", transform-set.
	"md5": {V2: "md5", PRF: "md5", V1: "md5", ESP: "esp-md5-hmac",
		Cite: iosIKEv2 + " integrity md5, prf md5; " + iosIKEv1 + " hash md5; " + iosIPsec + " esp-md5-hmac"},
	"sha1": {V2: "sha1", PRF: "sha1", V1: "sha", ESP: "esp-sha-hmac",
		Cite: iosIKEv2 + " integrity sha1, prf sha1; " + iosIKEv1 + " hash sha; " + iosIPsec + " esp-sha-hmac"},
	"sha256": {V2: "sha256", PRF: "sha256", V1: "sha256", ESP: "esp-sha256-hmac",
		Cite: iosIKEv2 + " integrity sha256, prf sha256; " + iosIKEv1 + " hash sha256; " + iosIPsec + " esp-sha256-hmac"},
	"sha384": {V2: "sha384", PRF: "sha384", V1: "sha384", ESP: "esp-sha384-hmac",
		Cite: iosIKEv2 + " integrity sha384, prf sha384; " + iosIKEv1 + " hash sha384; " + iosIPsec + " esp-sha384-hmac"},
	"sha512": {V2: "sha512", PRF: "sha512", V1: "sha512", ESP: "esp-sha512-hmac",
		Cite: iosIKEv2 + " integrity sha512, prf sha512; " + iosIKEv1 + " hash sha512; " + iosIPsec + " esp-sha512-hmac"},
	// DH groups: IKEv2 "group N", IKEv1 "group N", crypto map/profile set pfs.
	"modp768":  {V2: "1", V1: "1", ESP: "group1", Cite: iosIKEv2 + " group 1; " + iosIKEv1 + " group 1; " + iosIPsec + " set pfs group1"},
	"modp1024": {V2: "2", V1: "2", ESP: "group2", Cite: iosIKEv2 + " group 2; " + iosIKEv1 + " group 2; " + iosIPsec + " set pfs group2"},
	"modp1536": {V2: "5", V1: "5", ESP: "group5",
		Cite: iosIKEv2 + " group 5; " + iosIKEv1 + " group 5; " + iosIPsec + " set pfs group5. " + iosYANG + " has no IKEv2 group 5: newer releases refuse it, visibly"},
	"modp2048":     {V2: "14", V1: "14", ESP: "group14", Cite: iosIKEv2 + " group 14; " + iosIKEv1 + " group 14; " + iosIPsec + " set pfs group14"},
	"modp3072":     {V2: "15", V1: "15", ESP: "group15", Cite: iosIKEv2 + " group 15; " + iosIKEv1 + " group 15; " + iosIPsec + " set pfs group15"},
	"modp4096":     {V2: "16", V1: "16", ESP: "group16", Cite: iosIKEv2 + " group 16; " + iosIKEv1 + " group 16; " + iosIPsec + " set pfs group16"},
	"modp2048s256": {V2: "24", V1: "24", ESP: "group24", Cite: iosIKEv2 + " group 24; " + iosIKEv1 + " group 24; " + iosIPsec + " set pfs group24"},
	"ecp256":       {V2: "19", V1: "19", ESP: "group19", Cite: iosIKEv2 + " group 19; " + iosIKEv1 + " group 19; " + iosIPsec + " set pfs group19"},
	"ecp384":       {V2: "20", V1: "20", ESP: "group20", Cite: iosIKEv2 + " group 20; " + iosIKEv1 + " group 20; " + iosIPsec + " set pfs group20"},
	"ecp521": {V2: "21", ESP: "group21",
		Cite: iosIKEv2 + " group 21; " + iosIPsec + " set pfs group21; the crypto isakmp policy group list (1, 2, 5, 14, 15, 16, 19, 20, 24) has no 21"},
	// No PFS: the crypto map or IPsec profile carries no set pfs line.
	"none": {ESP: "-", Cite: iosIPsec + ": without set pfs, IPsec asks for no PFS"},
	// sm4-cbc and sm3: no IOS XE keyword in any of the commands above.
}

// iosModes are the IKE version and exchange mode terms (cloud.ModeTerms):
// the commands that carry each version, and how IOS initiates each mode.
var iosModes = map[string]iosWord{
	"ikev2":      {V2: "crypto ikev2", Cite: iosIKEv2 + ", policy, keyring and profile"},
	"ikev1":      {V1: "crypto isakmp", Cite: iosIKEv1 + "; crypto keyring, crypto isakmp profile"},
	"main":       {V1: "main", Cite: iosIKEv1 + ": IOS initiates main mode unless a crypto isakmp peer sets aggressive mode"},
	"aggressive": {V1: "set aggressive-mode", Cite: iosAggressive},
}

// iosColumn picks one column of the table.
func iosColumn(col func(iosWord) string) func(string) string {
	return func(term string) string { return col(iosWords[term]) }
}
