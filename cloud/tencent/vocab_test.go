package tencent

import (
	"testing"

	"tunnelwiz/cloud"
)

// TestEveryAlgorithmHasATerm: presets map onto Tencent through Means, so
// every algorithm token needs a term unless the vocabulary has none.
func TestEveryAlgorithmHasATerm(t *testing.T) {
	noTerm := map[string]bool{} // every token has a term (AES192GCM128 is aes-gcm16-192)
	roles := map[cloud.Role]bool{
		cloud.RoleIKEEncryption: true, cloud.RoleIKEIntegrity: true, cloud.RoleIKEDHGroup: true,
		cloud.RoleIPsecEncryption: true, cloud.RoleIPsecIntegrity: true, cloud.RoleIPsecPFS: true,
		cloud.RoleIKEVersion: true, cloud.RoleIKEMode: true,
	}
	seen := map[cloud.Role]bool{}
	for _, f := range catalog().Fields {
		if !roles[f.Role] {
			continue
		}
		seen[f.Role] = true
		for _, tok := range f.Allowed {
			if _, ok := f.Means[tok]; !ok && !noTerm[tok] {
				t.Errorf("%s: %s has no vocabulary term", f.Path, tok)
			}
		}
	}
	if len(seen) != len(roles) {
		t.Errorf("roles without a field: have %v", seen)
	}
}

// TestDHSpellings pins the trap: IKE takes GROUPn, PFS takes DH-GROUPn, and
// both spellings of a group mean the same term.
func TestDHSpellings(t *testing.T) {
	ikeDH := catalog().Field("IKEOptionsSpecification.DhGroupName")
	pfs := catalog().Field("IPSECOptionsSpecification.PfsDhGroup")
	for _, g := range dhGroups {
		if ikeDH.Means[g] == "" || ikeDH.Means[g] != pfs.Means["DH-"+g] {
			t.Errorf("%s: IKE %q vs PFS %q", g, ikeDH.Means[g], pfs.Means["DH-"+g])
		}
	}
	if pfs.Means["NULL"] != "none" || ikeDH.Means["GROUP14"] != "modp2048" {
		t.Errorf("NULL -> %q, GROUP14 -> %q", pfs.Means["NULL"], ikeDH.Means["GROUP14"])
	}
	enc := catalog().Field("IPSECOptionsSpecification.EncryptAlgorithm")
	if enc.Means["SM4"] != "sm4-cbc" || enc.Means["NULL"] != "null" {
		t.Errorf("SM4 -> %q, NULL -> %q", enc.Means["SM4"], enc.Means["NULL"])
	}
	if catalog().Field("IPSECOptionsSpecification.IntegrityAlgorithm").Means["SM3"] != "sm3" {
		t.Error("SM3 has no term")
	}
}
