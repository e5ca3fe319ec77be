package tencentv2

// Token-to-term maps for the algorithm fields. API 2.0 spells its tokens in
// lower case, and several already are tunnelwiz terms; the maps still list
// them so that every allowed value is explained, and keys() gives the
// Allowed lists in the seed's order from the same data.

// ikeCiphers are IKESet.propoEncryAlgorithm's values (seed 003).
var ikeCiphers = []pair{
	{"3des-cbc", "3des-cbc"},
	{"aes-cbc-128", "aes-cbc-128"},
	{"aes-cbc-192", "aes-cbc-192"},
	{"aes-cbc-256", "aes-cbc-256"},
	{"des-cbc", "des-cbc"},
}

// ipsecCiphers add "null" (ESP without encryption) to the IKE set (seed 003,
// IKESet.encryptAlgorithm).
var ipsecCiphers = append(append([]pair{}, ikeCiphers...), pair{"null", "null"})

// integrities: API 2.0 says "sha" for HMAC-SHA1 (DescribeVpnConn answers
// show "sha" for IKE and "sha1" for IPsec, but only md5 and sha are
// documented as inputs).
var integrities = []pair{
	{"md5", "md5"},
	{"sha", "sha1"},
}

// ikeDHGroups are IKESet.dhGroupName's values; group24 is IANA group 24
// (2048-bit MODP with 256-bit prime order subgroup).
var ikeDHGroups = []pair{
	{"group1", "modp768"},
	{"group2", "modp1024"},
	{"group5", "modp1536"},
	{"group14", "modp2048"},
	{"group24", "modp2048s256"},
}

// pfsGroups are IPsecSet.pfsDhGroup's values, in the seed's order; "null"
// means no PFS.
var pfsGroups = []pair{
	{"null", "none"},
	{"dh-group1", "modp768"},
	{"dh-group14", "modp2048"},
	{"dh-group2", "modp1024"},
	{"dh-group24", "modp2048s256"},
	{"dh-group5", "modp1536"},
}

var exchangeModes = []pair{
	{"aggressive", "aggressive"},
	{"main", "main"},
}

type pair struct{ token, term string }

func keys(ps []pair) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.token
	}
	return out
}

func means(ps []pair) map[string]string {
	m := make(map[string]string, len(ps))
	for _, p := range ps {
		m[p.token] = p.term
	}
	return m
}
