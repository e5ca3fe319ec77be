package peer

// FortiOS keywords for each vocabulary term (cloud/algo.go), read from the
// FortiOS CLI Reference. A phase 1 proposal is one keyword
// "<encryption>-<integrity>" (AES-GCM: "<encryption>-prf<hash>"), a phase 2
// proposal "<encryption>-<integrity>" (AES-GCM: the encryption alone), and
// the DH and PFS groups are numbers under dhgrp. Each row cites the page
// and the option list it is read from. A term with no row, or with an
// empty keyword for one phase, has no FortiOS keyword there: the writer
// warns, naming the spec's field.
type fortiWord struct {
	// P1 and P2 are the keyword in phase1-interface and phase2-interface
	// proposals (an encryption's first half, an integrity's second half,
	// a group's dhgrp number); "" where that phase has none.
	P1, P2 string
	// AEAD marks a combined-mode cipher: phase 1 names the PRF of the
	// integrity hash, phase 2 no integrity at all.
	AEAD bool
	Cite string
}

const (
	fortiP1Doc = "FortiOS 7.4.5 CLI Reference, config vpn ipsec phase1-interface " +
		"(https://docs.fortinet.com/document/fortigate/7.4.5/cli-reference/305883427)"
	fortiP2Doc = "FortiOS 7.0.3 CLI Reference, config vpn ipsec phase2-interface " +
		"(https://docs.fortinet.com/document/fortigate/7.0.3/cli-reference/372620)"
	fortiBothDoc = fortiP1Doc + " and " + fortiP2Doc
)

var fortiWords = map[string]fortiWord{
	// Encryption: the proposal options' first halves.
	"null":        {P2: "null", Cite: fortiP2Doc + ": proposal null-md5 ... null-sha512 (phase 2 only; phase 1 has no null option)"},
	"des-cbc":     {P1: "des", P2: "des", Cite: fortiBothDoc + ": proposal des-md5 ... des-sha512"},
	"3des-cbc":    {P1: "3des", P2: "3des", Cite: fortiBothDoc + ": proposal 3des-md5 ... 3des-sha512"},
	"aes-cbc-128": {P1: "aes128", P2: "aes128", Cite: fortiBothDoc + ": proposal aes128-md5 ... aes128-sha512"},
	"aes-cbc-192": {P1: "aes192", P2: "aes192", Cite: fortiBothDoc + ": proposal aes192-md5 ... aes192-sha512"},
	"aes-cbc-256": {P1: "aes256", P2: "aes256", Cite: fortiBothDoc + ": proposal aes256-md5 ... aes256-sha512"},
	"aes-gcm16-128": {P1: "aes128gcm", P2: "aes128gcm", AEAD: true,
		Cite: fortiBothDoc + ": phase 1 aes128gcm-prfsha1 ... aes128gcm-prfsha512, phase 2 aes128gcm (AES-GCM with a 16-octet ICV, RFC 4106)"},
	"aes-gcm16-256": {P1: "aes256gcm", P2: "aes256gcm", AEAD: true,
		Cite: fortiBothDoc + ": phase 1 aes256gcm-prfsha1 ... aes256gcm-prfsha512, phase 2 aes256gcm"},
	// aes-gcm16-192 and sm4-cbc: neither option list has a 192-bit AES-GCM
	// or an SM4 keyword.

	// Integrity: the proposal options' second halves; AES-GCM phase 1
	// proposals name the PRF of the same hash (prf<hash>).
	"md5":    {P1: "md5", P2: "md5", Cite: fortiBothDoc + ": proposal <cipher>-md5"},
	"sha1":   {P1: "sha1", P2: "sha1", Cite: fortiBothDoc + ": proposal <cipher>-sha1, <aead>-prfsha1"},
	"sha256": {P1: "sha256", P2: "sha256", Cite: fortiBothDoc + ": proposal <cipher>-sha256, <aead>-prfsha256"},
	"sha384": {P1: "sha384", P2: "sha384", Cite: fortiBothDoc + ": proposal <cipher>-sha384, <aead>-prfsha384"},
	"sha512": {P1: "sha512", P2: "sha512", Cite: fortiBothDoc + ": proposal <cipher>-sha512, <aead>-prfsha512"},
	// sm3: no SM3 option.

	// DH groups (phase 1 dhgrp) and PFS groups (phase 2 pfs enable +
	// dhgrp): the option list is 1 2 5 14 15 16 17 18 19 20 21 27 28 29 30
	// 31 32, so group 24 (modp2048s256) has no keyword.
	"modp768":  {P1: "1", P2: "1", Cite: fortiBothDoc + ": dhgrp 1"},
	"modp1024": {P1: "2", P2: "2", Cite: fortiBothDoc + ": dhgrp 2"},
	"modp1536": {P1: "5", P2: "5", Cite: fortiBothDoc + ": dhgrp 5"},
	"modp2048": {P1: "14", P2: "14", Cite: fortiBothDoc + ": dhgrp 14"},
	"modp3072": {P1: "15", P2: "15", Cite: fortiBothDoc + ": dhgrp 15"},
	"modp4096": {P1: "16", P2: "16", Cite: fortiBothDoc + ": dhgrp 16"},
	"ecp256":   {P1: "19", P2: "19", Cite: fortiBothDoc + ": dhgrp 19"},
	"ecp384":   {P1: "20", P2: "20", Cite: fortiBothDoc + ": dhgrp 20"},
	"ecp521":   {P1: "21", P2: "21", Cite: fortiBothDoc + ": dhgrp 21"},
	// PFS off: phase2-interface "set pfs disable" (no dhgrp).
	"none": {P2: "disable", Cite: fortiP2Doc + ": pfs [enable|disable]"},

	// Versions and exchange modes.
	"ikev1":      {P1: "1", Cite: fortiP1Doc + ": ike-version [1|2]"},
	"ikev2":      {P1: "2", Cite: fortiP1Doc + ": ike-version [1|2]"},
	"main":       {P1: "main", Cite: fortiP1Doc + ": mode [aggressive|main] (IKEv1 only: the ID protection mode)"},
	"aggressive": {P1: "aggressive", Cite: fortiP1Doc + ": mode [aggressive|main]"},
}
