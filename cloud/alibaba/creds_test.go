package alibaba

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFindCredentials(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	home := t.TempDir()
	c, from, ok := Driver{}.FindCredentials(env(map[string]string{
		"ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAI5tEnv", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "env-secret", "ALIBABA_CLOUD_SECURITY_TOKEN": "sts"}), home)
	if !ok || c.ID != "LTAI5tEnv" || c.Secret != "env-secret" || c.Token != "sts" || from != "environment ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET" {
		t.Errorf("environment: %+v %q %v", c.ID, from, ok)
	}
	if _, _, ok := (Driver{}).FindCredentials(env(nil), home); ok {
		t.Error("nothing anywhere: want none")
	}
	if err := os.MkdirAll(filepath.Join(home, ".aliyun"), 0o700); err != nil {
		t.Fatal(err)
	}
	conf := `{"current":"default","profiles":[{"name":"default","mode":"AK","access_key_id":"LTAI5tCli","access_key_secret":"cli-secret","region_id":"cn-shanghai"}]}`
	if err := os.WriteFile(filepath.Join(home, ".aliyun", "config.json"), []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	c, from, ok = Driver{}.FindCredentials(env(nil), home)
	if !ok || c.ID != "LTAI5tCli" || c.Secret != "cli-secret" || from != "~/.aliyun/config.json, profile default" {
		t.Errorf("profile: %+v %q %v", c.ID, from, ok)
	}
}
