package apsara

import (
	"strings"
	"testing"

	"tunnelwiz/cloud/internal/aliyun"
)

// TestSourcesSayWhatTheirDocumentsSay: two notes issue 10 found false.
// The LocalSubnet = RemoteSubnet example is seed 004's (seed 001's example
// uses two different lists), and the Apsara provider does not accept the
// public SDK's wider algorithm sets (it lists sha256, "sha386", sha512 and
// PFS disabled, not sha384, sm3 or sm4).
func TestSourcesSayWhatTheirDocumentsSay(t *testing.T) {
	var all []string
	for _, f := range catalog().Fields {
		all = append(all, f.Path+": "+f.Source)
	}
	for _, ch := range catalog().Checks {
		all = append(all, ch.Name+": "+ch.Source)
	}
	for _, s := range all {
		if strings.Contains(s, aliyun.Seed001+" example sends LocalSubnet = RemoteSubnet") {
			t.Errorf("seed 001 credited with seed 004's example: %s", s)
		}
		if strings.Contains(s, "1.1.1.0/24") && !strings.Contains(s, aliyun.Seed004+" example sends LocalSubnet = RemoteSubnet = 1.1.1.0/24") {
			t.Errorf("1.1.1.0/24 not attributed to seed 004: %s", s)
		}
		if strings.Contains(s, "accepts the same wider set") {
			t.Errorf("false note about the Apsara provider: %s", s)
		}
	}
	// Seed 001 is what errors follow: its lists are the allowed values.
	for path, want := range map[string]string{
		"IkeConfig.IkeAuthAlg": "md5,sha1", "IpsecConfig.IpsecAuthAlg": "md5,sha1",
		"IkeConfig.IkeEncAlg": "aes,aes192,aes256,des,3des", "IpsecConfig.IpsecPfs": "group1,group2,group5,group14,group24",
	} {
		if got := strings.Join(catalog().Field(path).Allowed, ","); got != want {
			t.Errorf("%s allowed %s, want seed 001's %s", path, got, want)
		}
	}
}
