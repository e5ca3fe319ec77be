package apsara

import (
	"context"
	"testing"

	"tunnelwiz/cloud"
)

// TestFindCredentials: the Apsara Stack tools' variables come first, then
// the SDK's; a profile-less machine has none.
func TestFindCredentials(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	both := map[string]string{
		"ALIBABACLOUDSTACK_ACCESS_KEY": "stack-id", "ALIBABACLOUDSTACK_SECRET_KEY": "stack-secret",
		"ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIpublic", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "public-secret",
	}
	c, from, ok := find(env(both), t.TempDir())
	if !ok || c.ID != "stack-id" || c.Secret != "stack-secret" || from != "environment ALIBABACLOUDSTACK_ACCESS_KEY and ALIBABACLOUDSTACK_SECRET_KEY" {
		t.Errorf("%q %q %v", c.ID, from, ok)
	}
	delete(both, "ALIBABACLOUDSTACK_SECRET_KEY")
	c, _, ok = find(env(both), t.TempDir())
	if !ok || c.ID != "LTAIpublic" {
		t.Errorf("half a stack pair must fall through to the SDK's variables: %q %v", c.ID, ok)
	}
	if _, _, ok := find(env(nil), t.TempDir()); ok {
		t.Error("want none")
	}
}

// find is FindCredentials as the plain cases run: no profile flag, no STS.
func find(env func(string) string, home string) (cloud.Credentials, string, bool) {
	c, id, err := Driver{}.FindCredentials(context.Background(), cloud.CredQuery{Env: env, Home: home})
	return c, id.Source, err == nil
}
