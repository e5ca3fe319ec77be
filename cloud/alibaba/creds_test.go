package alibaba

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"tunnelwiz/cloud"
)

func TestFindCredentials(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	home := t.TempDir()
	c, from, ok := find(env(map[string]string{
		"ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAI5tEnv", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret", "ALIBABA_CLOUD_SECURITY_TOKEN": "sts"}), home)
	if !ok || c.ID != "LTAI5tEnv" || c.Secret != "env-secret" || c.Token != "sts" || from != "environment ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (ALIBABA_CLOUD_SECURITY_TOKEN)" {
		t.Errorf("environment: %+v %q %v", c.ID, from, ok)
	}
	if _, _, ok := find(env(nil), home); ok {
		t.Error("nothing anywhere: want none")
	}
	if err := os.MkdirAll(filepath.Join(home, ".aliyun"), 0o700); err != nil {
		t.Fatal(err)
	}
	conf := `{"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"LTAI5tCli","access_key_secret":"cli-secret","region_id":"cn-shanghai"}]}`
	if err := os.WriteFile(filepath.Join(home, ".aliyun", "config.json"), []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	c, from, ok = find(env(nil), home)
	if !ok || c.ID != "LTAI5tCli" || c.Secret != "cli-secret" || from != "~/.aliyun/config.json" {
		t.Errorf("profile: %+v %q %v", c.ID, from, ok)
	}
}

// find is FindCredentials as the plain cases run: no profile flag, no STS.
func find(env func(string) string, home string) (cloud.Credentials, string, bool) {
	c, id, err := Driver{}.FindCredentials(context.Background(), cloud.CredQuery{Env: env, Home: home})
	return c, id.Source, err == nil
}
