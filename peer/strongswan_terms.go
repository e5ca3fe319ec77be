package peer

// strongSwan's proposal keywords for each vocabulary term (cloud/algo.go),
// from the strongSwan documentation's "IKEv2 Cipher Suites" page
// (https://docs.strongswan.org/docs/5.9/config/IKEv2CipherSuites.html),
// which lists the keywords of swanctl.conf's proposals and esp_proposals
// for both IKE versions. Each entry cites the page's table it is read from.
// Terms absent here (sm4-cbc, sm3) have no strongSwan keyword.
type swanWord struct {
	// Word is the keyword; PRF the pseudo-random function keyword of the
	// same hash, which an AEAD IKE proposal names instead of an integrity
	// algorithm.
	Word, PRF string
	// AEAD marks a combined-mode cipher: no separate integrity algorithm.
	AEAD bool
	// Cite names the page's table and its row.
	Cite string
}

const swanDoc = "strongSwan docs 5.9, IKEv2 Cipher Suites"

var swanWords = map[string]swanWord{
	// Encryption Algorithms table.
	"null":        {Word: "null", Cite: swanDoc + ", Encryption Algorithms: null (ESP only, IANA 11)"},
	"des-cbc":     {Word: "des", Cite: swanDoc + ", Encryption Algorithms: des, 56-bit DES-CBC (IANA 2)"},
	"3des-cbc":    {Word: "3des", Cite: swanDoc + ", Encryption Algorithms: 3des, 168-bit 3DES-EDE-CBC (IANA 3)"},
	"aes-cbc-128": {Word: "aes128", Cite: swanDoc + ", Encryption Algorithms: aes128 (or aes), 128-bit AES-CBC (IANA 12)"},
	"aes-cbc-192": {Word: "aes192", Cite: swanDoc + ", Encryption Algorithms: aes192, 192-bit AES-CBC (IANA 12)"},
	"aes-cbc-256": {Word: "aes256", Cite: swanDoc + ", Encryption Algorithms: aes256, 256-bit AES-CBC (IANA 12)"},
	// Authenticated Encryption (AEAD) Algorithms table.
	"aes-gcm16-128": {Word: "aes128gcm16", AEAD: true, Cite: swanDoc + ", AEAD Algorithms: aes128gcm16, 128-bit AES-GCM with 128-bit ICV (IANA 20)"},
	"aes-gcm16-192": {Word: "aes192gcm16", AEAD: true, Cite: swanDoc + ", AEAD Algorithms: aes192gcm16, 192-bit AES-GCM with 128-bit ICV (IANA 20)"},
	"aes-gcm16-256": {Word: "aes256gcm16", AEAD: true, Cite: swanDoc + ", AEAD Algorithms: aes256gcm16, 256-bit AES-GCM with 128-bit ICV (IANA 20)"},
	// Integrity Algorithms table, and the Pseudo-Random Functions table
	// for the PRF of the same hash.
	"md5":    {Word: "md5", PRF: "prfmd5", Cite: swanDoc + ", Integrity Algorithms: md5 = HMAC_MD5_96 (IANA 1); PRF: prfmd5"},
	"sha1":   {Word: "sha1", PRF: "prfsha1", Cite: swanDoc + ", Integrity Algorithms: sha1 (or sha) = HMAC_SHA1_96 (IANA 2); PRF: prfsha1"},
	"sha256": {Word: "sha256", PRF: "prfsha256", Cite: swanDoc + ", Integrity Algorithms: sha256 = HMAC_SHA2_256_128 (IANA 12); PRF: prfsha256"},
	"sha384": {Word: "sha384", PRF: "prfsha384", Cite: swanDoc + ", Integrity Algorithms: sha384 = HMAC_SHA2_384_192 (IANA 13); PRF: prfsha384"},
	"sha512": {Word: "sha512", PRF: "prfsha512", Cite: swanDoc + ", Integrity Algorithms: sha512 = HMAC_SHA2_512_256 (IANA 14); PRF: prfsha512"},
	// Diffie-Hellman Groups table.
	"modp768":      {Word: "modp768", Cite: swanDoc + ", Diffie-Hellman Groups: modp768, group 1"},
	"modp1024":     {Word: "modp1024", Cite: swanDoc + ", Diffie-Hellman Groups: modp1024, group 2"},
	"modp1536":     {Word: "modp1536", Cite: swanDoc + ", Diffie-Hellman Groups: modp1536, group 5"},
	"modp2048":     {Word: "modp2048", Cite: swanDoc + ", Diffie-Hellman Groups: modp2048, group 14"},
	"modp3072":     {Word: "modp3072", Cite: swanDoc + ", Diffie-Hellman Groups: modp3072, group 15"},
	"modp4096":     {Word: "modp4096", Cite: swanDoc + ", Diffie-Hellman Groups: modp4096, group 16"},
	"modp2048s256": {Word: "modp2048s256", Cite: swanDoc + ", Diffie-Hellman Groups: modp2048s256, group 24"},
	"ecp256":       {Word: "ecp256", Cite: swanDoc + ", Diffie-Hellman Groups: ecp256, group 19"},
	"ecp384":       {Word: "ecp384", Cite: swanDoc + ", Diffie-Hellman Groups: ecp384, group 20"},
	"ecp521":       {Word: "ecp521", Cite: swanDoc + ", Diffie-Hellman Groups: ecp521, group 21"},
}
