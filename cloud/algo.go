package cloud

// Role names what a parameter means independent of the vendor. Presets are
// written in roles and vocabulary terms, and mapped onto a vendor through
// the catalog fields that carry the role.
type Role string

const (
	RoleIKEVersion      Role = "ike.version"    // terms: ikev1, ikev2
	RoleIKEMode         Role = "ike.mode"       // terms: main, aggressive
	RoleIKEEncryption   Role = "ike.encryption" // terms: see Encryptions
	RoleIKEIntegrity    Role = "ike.integrity"  // terms: see Integrities
	RoleIKEDHGroup      Role = "ike.dh"         // terms: see DHGroups
	RoleIKELifetime     Role = "ike.lifetime"   // seconds
	RoleIPsecEncryption Role = "ipsec.encryption"
	RoleIPsecIntegrity  Role = "ipsec.integrity"
	RoleIPsecPFS        Role = "ipsec.pfs" // DH terms, or "none"
	RoleIPsecLifetime   Role = "ipsec.lifetime"
	RoleDPD             Role = "dpd.enable" // true/false
	RoleNATTraversal    Role = "nat.traversal"
	RolePSK             Role = "psk"
	RoleName            Role = "name"
	// Identity roles: which parameters name the connection's ends. Submit
	// uses them to find a connection whose create answer was lost.
	RoleVPC             Role = "vpc"
	RoleVPNGateway      Role = "vpn-gateway"
	RoleCustomerGateway Role = "customer-gateway"
	// RoleGatewayAddress is an address of the chosen VPN gateway (Huawei
	// vgw_ip): the wizard offers the gateway's addresses from its look-up.
	RoleGatewayAddress Role = "gateway-address"
	// RoleLocalAddress and RoleRemoteAddress name the identity addresses
	// (the VPN gateway's and the customer gateway's public IPs), and
	// RoleLocalSubnet the cloud side's CIDR of the traffic selectors: the
	// wizard fills them, when empty, from the gateways and VPC picked.
	RoleLocalAddress  Role = "identity.local-address"
	RoleRemoteAddress Role = "identity.remote-address"
	RoleLocalSubnet   Role = "subnet.local"
	// RoleRegion is a request parameter that repeats the target's region
	// (Alibaba's RegionId): the wizard asks the region once and fills it.
	RoleRegion Role = "region"
	// RoleClientToken marks a vendor idempotency token (Alibaba
	// ClientToken): Submit fills it once and keeps it across retries.
	RoleClientToken Role = "client-token"

	// The roles below say what the customer side of the tunnel must mirror
	// (tunnelwiz peer): where the traffic selectors, the identities, DPD,
	// the route-based addresses and the traffic lifetime are held.

	// RoleRouting is the connection's routing style: terms policy (traffic
	// selectors from the subnets), route (a route-based tunnel, 0.0.0.0/0
	// selectors) or bgp (route-based with BGP over the tunnel).
	RoleRouting Role = "routing"
	// RoleRemoteSubnet is the customer side's CIDR(s) of the traffic
	// selectors. A RoleLocalSubnet and a RoleRemoteSubnet field in the same
	// list element (or both top-level) make one pair of selectors; a lone
	// RoleRemoteSubnet list (Huawei peer_subnets) names the customer's
	// subnets routed into a route-based tunnel.
	RoleRemoteSubnet Role = "subnet.remote"
	// RolePolicyLocal is the cloud-side CIDR of one policy rule (Huawei
	// policy_rules[].source): a selector like RoleLocalSubnet, but a
	// choice the wizard never fills from the VPC, since the rules apply
	// only in policy mode.
	RolePolicyLocal Role = "subnet.policy-local"
	// RoleSubnetPairs is a map whose keys are cloud-side CIDRs and whose
	// values (Path+".*") list the customer-side CIDRs each may reach
	// (Tencent API 2.0 spdAcl): one pair of selectors per key.
	RoleSubnetPairs Role = "subnet.pairs"
	// Identity types (terms address, fqdn) and FQDN identities of the
	// cloud side (local) and the customer side (remote). A field with an
	// identity role but no type field beside it (Alibaba LocalId) holds
	// either an address or a name.
	RoleLocalIDType  Role = "identity.local-type"
	RoleRemoteIDType Role = "identity.remote-type"
	RoleLocalFQDN    Role = "identity.local-fqdn"
	RoleRemoteFQDN   Role = "identity.remote-fqdn"
	// DPD's timing (seconds) and the action after a peer is found dead
	// (terms clear, restart).
	RoleDPDTimeout  Role = "dpd.timeout"
	RoleDPDInterval Role = "dpd.interval"
	RoleDPDAction   Role = "dpd.action"
	// RoleIPsecLifeKB is the IPsec SA's traffic lifetime in kilobytes.
	RoleIPsecLifeKB Role = "ipsec.lifetime-kb"
	// The route-based tunnel's inside addresses: the cloud side's
	// (RoleTunnelLocal) and the customer side's (RoleTunnelPeer), an
	// address or an address/prefix, the tunnel's CIDR, and the cloud
	// side's BGP autonomous system number.
	RoleTunnelLocal Role = "tunnel.local-address"
	RoleTunnelPeer  Role = "tunnel.peer-address"
	RoleTunnelCIDR  Role = "tunnel.cidr"
	RoleBGPLocalASN Role = "bgp.local-asn"
)

// Transform is one IKEv2 transform as IANA registers it ("Internet Key
// Exchange Version 2 (IKEv2) Parameters", transform types 1, 3 and 4), so
// a vendor token can be explained and compared across vendors.
type Transform struct {
	// Term is tunnelwiz's vendor-neutral name for it.
	Term string
	// Type is the IANA transform type: 1 ENCR, 3 INTEG, 4 DH ("KE").
	Type int
	// ID is the IANA transform id; 0 where IANA has none (SM4/SM3 are
	// Chinese national algorithms without an IKEv2 registry entry in
	// common use; they are labelled so).
	ID int
	// KeyBits is the key length attribute for variable-length ciphers.
	KeyBits int
	// IANA is the registry's name for it.
	IANA string
	// Note says anything a network engineer should know (strength).
	Note string
}

// Vocabulary lists every term, by transform type then strength.
var Vocabulary = []Transform{
	{Term: "null", Type: 1, ID: 11, IANA: "ENCR_NULL", Note: "no encryption: integrity only"},
	{Term: "des-cbc", Type: 1, ID: 2, KeyBits: 56, IANA: "ENCR_DES", Note: "broken; legacy peers only"},
	{Term: "3des-cbc", Type: 1, ID: 3, KeyBits: 168, IANA: "ENCR_3DES", Note: "legacy"},
	{Term: "aes-cbc-128", Type: 1, ID: 12, KeyBits: 128, IANA: "ENCR_AES_CBC"},
	{Term: "aes-cbc-192", Type: 1, ID: 12, KeyBits: 192, IANA: "ENCR_AES_CBC"},
	{Term: "aes-cbc-256", Type: 1, ID: 12, KeyBits: 256, IANA: "ENCR_AES_CBC"},
	{Term: "aes-gcm16-128", Type: 1, ID: 20, KeyBits: 128, IANA: "ENCR_AES_GCM_16", Note: "AEAD: needs no separate integrity"},
	{Term: "aes-gcm16-192", Type: 1, ID: 20, KeyBits: 192, IANA: "ENCR_AES_GCM_16", Note: "AEAD: needs no separate integrity"},
	{Term: "aes-gcm16-256", Type: 1, ID: 20, KeyBits: 256, IANA: "ENCR_AES_GCM_16", Note: "AEAD: needs no separate integrity"},
	{Term: "sm4-cbc", Type: 1, KeyBits: 128, IANA: "SM4-CBC (GM/T 0002, no IKEv2 registry id)", Note: "Chinese national cipher"},

	{Term: "md5", Type: 3, ID: 1, IANA: "AUTH_HMAC_MD5_96", Note: "weak"},
	{Term: "sha1", Type: 3, ID: 2, IANA: "AUTH_HMAC_SHA1_96", Note: "legacy"},
	{Term: "sha256", Type: 3, ID: 12, IANA: "AUTH_HMAC_SHA2_256_128 (PRF_HMAC_SHA2_256 in phase 1)"},
	{Term: "sha384", Type: 3, ID: 13, IANA: "AUTH_HMAC_SHA2_384_192"},
	{Term: "sha512", Type: 3, ID: 14, IANA: "AUTH_HMAC_SHA2_512_256"},
	{Term: "sm3", Type: 3, IANA: "HMAC-SM3 (GM/T 0004, no IKEv2 registry id)", Note: "Chinese national hash"},

	{Term: "none", Type: 4, ID: 0, IANA: "NONE", Note: "no PFS"},
	{Term: "modp768", Type: 4, ID: 1, IANA: "768-bit MODP Group (group 1)", Note: "broken"},
	{Term: "modp1024", Type: 4, ID: 2, IANA: "1024-bit MODP Group (group 2)", Note: "weak"},
	{Term: "modp1536", Type: 4, ID: 5, IANA: "1536-bit MODP Group (group 5)", Note: "weak"},
	{Term: "modp2048", Type: 4, ID: 14, IANA: "2048-bit MODP Group (group 14)"},
	{Term: "modp3072", Type: 4, ID: 15, IANA: "3072-bit MODP Group (group 15)"},
	{Term: "modp4096", Type: 4, ID: 16, IANA: "4096-bit MODP Group (group 16)"},
	{Term: "modp2048s256", Type: 4, ID: 24, IANA: "2048-bit MODP Group with 256-bit Prime Order Subgroup (group 24)"},
	{Term: "ecp256", Type: 4, ID: 19, IANA: "256-bit random ECP group (group 19)"},
	{Term: "ecp384", Type: 4, ID: 20, IANA: "384-bit random ECP group (group 20)"},
	{Term: "ecp521", Type: 4, ID: 21, IANA: "521-bit random ECP group (group 21)"},
}

// Term returns the vocabulary entry for a term.
func Term(term string) (Transform, bool) {
	for _, t := range Vocabulary {
		if t.Term == term {
			return t, true
		}
	}
	return Transform{}, false
}

// ModeTerms are the non-transform terms roles may take.
var ModeTerms = map[Role][]string{
	RoleIKEVersion:   {"ikev1", "ikev2"},
	RoleIKEMode:      {"main", "aggressive"},
	RoleDPD:          {"on", "off"},
	RoleNATTraversal: {"on", "off"},
	RoleRouting:      {"policy", "route", "bgp"},
	RoleLocalIDType:  {"address", "fqdn"},
	RoleRemoteIDType: {"address", "fqdn"},
	RoleDPDAction:    {"clear", "restart"},
}
