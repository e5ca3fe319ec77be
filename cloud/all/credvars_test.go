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
// host, while the list missed them). A variable read only once another
// is set (an AssumeRole session name after the role) is found by setting
// each variable read, one at a time, until no search reads a new one.
func TestCredentialVariablesComplete(t *testing.T) {
	known := cloud.CredentialVariables()
	for _, v := range cloud.Vendors() {
		d, _ := cloud.Lookup(v)
		read := map[string]bool{}
		search := func(set string) {
			var mu sync.Mutex
			q := cloud.CredQuery{Home: t.TempDir(), Offline: true, Env: func(k string) string {
				mu.Lock()
				defer mu.Unlock()
				read[k] = true
				if k == set {
					return "x"
				}
				return ""
			}}
			d.FindCredentials(context.Background(), q) // a stop is an answer too
		}
		search("")
		if len(read) == 0 {
			t.Fatalf("%s: the search read no variable: this test watches nothing", v)
		}
		for tried := map[string]bool{}; len(tried) < len(read); {
			for k := range snapshot(read) {
				if !tried[k] {
					tried[k] = true
					search(k)
				}
			}
		}
		t.Logf("%s: %d variables read", v, len(read))
		for k := range read {
			if !slices.Contains(known, k) {
				t.Errorf("%s reads %s, which CredentialVariables lacks", v, k)
			}
		}
	}
}

// snapshot is a copy of a set to range over while the set grows.
func snapshot(m map[string]bool) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}
