package tencent

import (
	"context"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/tccred"
)

// The driver finds keys through the shared search (tested in tccred).
func TestFindCredentialsDelegates(t *testing.T) {
	env := map[string]string{"TENCENTCLOUD_SECRET_ID": "AKIDx", "TENCENTCLOUD_SECRET_KEY": "k"}
	get := func(k string) string { return env[k] }
	q := cloud.CredQuery{Env: get, Home: t.TempDir()}
	c1, id1, err1 := Driver{}.FindCredentials(context.Background(), q)
	c2, id2, err2 := tccred.Find(context.Background(), q)
	if err1 != nil || c1 != c2 || id1 != id2 || err2 != nil || c1.ID != "AKIDx" {
		t.Errorf("driver %v %v %v, tccred %v %v %v", c1.ID, id1, err1, c2.ID, id2, err2)
	}
}
