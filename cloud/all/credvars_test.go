package all

import (
	"context"
	"slices"
	"sync"
	"testing"

	"tunnelwiz/cloud"
)

// TestCredentialVariablesComplete: every variable a vendor's credential
// search reads is in cloud.CredentialVariables, the list the man page
// shows and the tests clear (a CI machine with HW_ACCESS_KEY or
// TENCENTCLOUD_CAM_ROLE_NAME set made tests sign, or dial a metadata
// host, while the list missed them).
func TestCredentialVariablesComplete(t *testing.T) {
	known := cloud.CredentialVariables()
	for _, v := range cloud.Vendors() {
		d, _ := cloud.Lookup(v)
		var mu sync.Mutex
		read := map[string]bool{}
		q := cloud.CredQuery{Home: t.TempDir(), Offline: true, Env: func(k string) string {
			mu.Lock()
			defer mu.Unlock()
			read[k] = true
			return ""
		}}
		d.FindCredentials(context.Background(), q)
		if len(read) == 0 {
			t.Errorf("%s: the search read no variable: this test watches nothing", v)
		}
		for k := range read {
			if !slices.Contains(known, k) {
				t.Errorf("%s reads %s, which CredentialVariables lacks", v, k)
			}
		}
	}
}
