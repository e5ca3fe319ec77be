package peer

// RouterOS v7 keywords for each vocabulary term (cloud/algo.go), read from
// the RouterOS manual's IPsec page (https://help.mikrotik.com/docs/display/ROS/IPsec):
// phase 1 values go in /ip ipsec profile (enc-algorithm, hash-algorithm,
// dh-group), phase 2 values in /ip ipsec proposal (enc-algorithms,
// auth-algorithms, pfs-group), the version and mode in /ip ipsec peer
// exchange-mode. Each row cites the section and property. A term with no
// row, or an empty keyword for one phase, has no RouterOS keyword there:
// the writer warns, naming the spec's field.
type rosWord struct {
	// Profile and Proposal are the keyword in /ip ipsec profile (phase 1)
	// and /ip ipsec proposal (phase 2); "" where that menu has none.
	Profile, Proposal string
	// AEAD marks a combined-mode cipher: its proposal needs no separate
	// integrity algorithm.
	AEAD bool
	Cite string
}

const (
	rosDoc         = "RouterOS manual, IPsec (https://help.mikrotik.com/docs/display/ROS/IPsec)"
	rosProfileDoc  = rosDoc + ", Profiles"
	rosProposalDoc = rosDoc + ", Proposals"
	rosBothDoc     = rosDoc + ", Profiles and Proposals"
)

var rosWords = map[string]rosWord{
	// Encryption: profile enc-algorithm (3des | aes-128 | aes-192 | aes-256
	// | blowfish | camellia-* | des) and proposal enc-algorithms (null | des
	// | 3des | aes-*-cbc | aes-*-ctr | aes-*-gcm | ...). The profile list
	// names no AES-GCM and no null; neither names SM4.
	"null":          {Proposal: "null", Cite: rosProposalDoc + ": enc-algorithms null (phase 2 only)"},
	"des-cbc":       {Profile: "des", Proposal: "des", Cite: rosBothDoc + ": enc-algorithm des, enc-algorithms des"},
	"3des-cbc":      {Profile: "3des", Proposal: "3des", Cite: rosBothDoc + ": enc-algorithm 3des, enc-algorithms 3des"},
	"aes-cbc-128":   {Profile: "aes-128", Proposal: "aes-128-cbc", Cite: rosBothDoc + ": enc-algorithm aes-128, enc-algorithms aes-128-cbc"},
	"aes-cbc-192":   {Profile: "aes-192", Proposal: "aes-192-cbc", Cite: rosBothDoc + ": enc-algorithm aes-192, enc-algorithms aes-192-cbc"},
	"aes-cbc-256":   {Profile: "aes-256", Proposal: "aes-256-cbc", Cite: rosBothDoc + ": enc-algorithm aes-256, enc-algorithms aes-256-cbc"},
	"aes-gcm16-128": {Proposal: "aes-128-gcm", AEAD: true, Cite: rosProposalDoc + ": enc-algorithms aes-128-gcm (the guide does not give the ICV length; RouterOS's is the 16-octet one of RFC 4106)"},
	"aes-gcm16-192": {Proposal: "aes-192-gcm", AEAD: true, Cite: rosProposalDoc + ": enc-algorithms aes-192-gcm (ICV length as above)"},
	"aes-gcm16-256": {Proposal: "aes-256-gcm", AEAD: true, Cite: rosProposalDoc + ": enc-algorithms aes-256-gcm (ICV length as above)"},

	// Integrity: profile hash-algorithm (md5 | sha1 | sha256 | sha384 |
	// sha512) and proposal auth-algorithms (md5 | null | sha1 | sha256 |
	// sha512): SHA-384 is phase 1 only; neither names SM3.
	"md5":    {Profile: "md5", Proposal: "md5", Cite: rosBothDoc + ": hash-algorithm md5, auth-algorithms md5"},
	"sha1":   {Profile: "sha1", Proposal: "sha1", Cite: rosBothDoc + ": hash-algorithm sha1, auth-algorithms sha1"},
	"sha256": {Profile: "sha256", Proposal: "sha256", Cite: rosBothDoc + ": hash-algorithm sha256, auth-algorithms sha256"},
	"sha384": {Profile: "sha384", Cite: rosProfileDoc + ": hash-algorithm sha384 (Proposals: auth-algorithms has no sha384)"},
	"sha512": {Profile: "sha512", Proposal: "sha512", Cite: rosBothDoc + ": hash-algorithm sha512, auth-algorithms sha512"},

	// DH groups: profile dh-group and proposal pfs-group take the same
	// names (the page's Diffie-Hellman Groups table: groups 1, 2, 5, 14,
	// 15, 16, 17, 18, 19, 20, 21); group 24 (modp2048s256) is not listed.
	"modp768":  {Profile: "modp768", Proposal: "modp768", Cite: rosBothDoc + ": dh-group/pfs-group modp768 (group 1)"},
	"modp1024": {Profile: "modp1024", Proposal: "modp1024", Cite: rosBothDoc + ": dh-group/pfs-group modp1024 (group 2)"},
	"modp1536": {Profile: "modp1536", Proposal: "modp1536", Cite: rosBothDoc + ": dh-group/pfs-group modp1536 (group 5)"},
	"modp2048": {Profile: "modp2048", Proposal: "modp2048", Cite: rosBothDoc + ": dh-group/pfs-group modp2048 (group 14)"},
	"modp3072": {Profile: "modp3072", Proposal: "modp3072", Cite: rosBothDoc + ": dh-group/pfs-group modp3072 (group 15)"},
	"modp4096": {Profile: "modp4096", Proposal: "modp4096", Cite: rosBothDoc + ": dh-group/pfs-group modp4096 (group 16)"},
	"ecp256":   {Profile: "ecp256", Proposal: "ecp256", Cite: rosBothDoc + ": dh-group/pfs-group ecp256 (group 19)"},
	"ecp384":   {Profile: "ecp384", Proposal: "ecp384", Cite: rosBothDoc + ": dh-group/pfs-group ecp384 (group 20)"},
	"ecp521":   {Profile: "ecp521", Proposal: "ecp521", Cite: rosBothDoc + ": dh-group/pfs-group ecp521 (group 21)"},
	"none":     {Proposal: "none", Cite: rosProposalDoc + ": pfs-group none"},

	// Versions and exchange modes: peer exchange-mode (aggressive | ike2 |
	// main); IKEv1's mode is the exchange mode, IKEv2 has only ike2.
	"ikev2":      {Profile: "ike2", Cite: rosDoc + ", Peers: exchange-mode ike2"},
	"main":       {Profile: "main", Cite: rosDoc + ", Peers: exchange-mode main (IKEv1)"},
	"aggressive": {Profile: "aggressive", Cite: rosDoc + ", Peers: exchange-mode aggressive (IKEv1)"},
	// ikev1 has no keyword of its own: main or aggressive says it.
	"ikev1": {Profile: "main", Cite: rosDoc + ", Peers: exchange-mode main is IKEv1 (the default mode when the spec names none)"},
}
