package tencentv2

import (
	"testing"

	"tunnelwiz/cloud/internal/tccred"
)

// The driver finds keys through the shared search (tested in tccred).
func TestFindCredentialsDelegates(t *testing.T) {
	env := map[string]string{"TENCENTCLOUD_SECRET_ID": "AKIDx", "TENCENTCLOUD_SECRET_KEY": "k"}
	get := func(k string) string { return env[k] }
	c1, from1, ok1 := Driver{}.FindCredentials(get, t.TempDir())
	c2, from2, ok2 := tccred.Find(get, t.TempDir())
	if !ok1 || c1 != c2 || from1 != from2 || ok1 != ok2 || c1.ID != "AKIDx" {
		t.Errorf("driver %v %q %v, tccred %v %q %v", c1, from1, ok1, c2, from2, ok2)
	}
}
