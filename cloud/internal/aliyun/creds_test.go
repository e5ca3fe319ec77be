package aliyun

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func writeConfig(t *testing.T, home, body string) {
	t.Helper()
	dir := filepath.Join(home, ".aliyun")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.json"), []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}

const cliConfig = `{"current":"work","profiles":[
 {"name":"default","mode":"AK","access_key_id":"LTAIdefault","access_key_secret":"sec-default","region_id":"cn-hangzhou"},
 {"name":"work","mode":"AK","access_key_id":"LTAIwork","access_key_secret":"sec-work"},
 {"name":"sts","mode":"StsToken","access_key_id":"STS.id","access_key_secret":"sec-sts","sts_token":"tok"},
 {"name":"role","mode":"RamRoleArn","access_key_id":"LTAIrole","access_key_secret":"sec-role","ram_role_arn":"acs:ram::1:role/x"}
],"meta_path":""}`

func TestFindCredentials(t *testing.T) {
	home := t.TempDir()
	writeConfig(t, home, cliConfig)
	for _, c := range []struct {
		name      string
		env       map[string]string
		home      string
		id, token string
		from      string
	}{
		{"environment first", map[string]string{"ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIenv", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "sec-env", "ALIBABA_CLOUD_SECURITY_TOKEN": "t"}, home, "LTAIenv", "t", "environment ALIBABA_CLOUD_ACCESS_KEY_ID"},
		{"half an environment pair is ignored", map[string]string{"ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIenv"}, home, "LTAIwork", "", "~/.aliyun/config.json"},
		{"current profile", nil, home, "LTAIwork", "", "~/.aliyun/config.json"},
		{"ALIBABA_CLOUD_PROFILE", map[string]string{"ALIBABA_CLOUD_PROFILE": "default"}, home, "LTAIdefault", "", "profile default"},
		{"StsToken profile", map[string]string{"ALIBABA_CLOUD_PROFILE": "sts"}, home, "STS.id", "tok", "profile sts"},

		{"unknown profile", map[string]string{"ALIBABA_CLOUD_PROFILE": "nope"}, home, "", "", ""},
		{"CLI profile disabled", map[string]string{"ALIBABA_CLOUD_CLI_PROFILE_DISABLED": "true"}, home, "", "", ""},
		{"no file", nil, t.TempDir(), "", "", ""},
		{"no home", nil, "", "", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			cred, from, ok := find(c.env, c.home)
			if ok != (c.id != "") || cred.ID != c.id || cred.Token != c.token || !strings.Contains(from, c.from) {
				t.Fatalf("got %q %q %q %v", cred.ID, cred.Token, from, ok)
			}
			if ok && cred.Secret == "" {
				t.Error("no secret")
			}
			if strings.Contains(from, cred.Secret) && cred.Secret != "" {
				t.Error("the description holds the secret")
			}
		})
	}
}

func TestFindCredentialsConfigFileEnv(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "other.json")
	if err := os.WriteFile(path, []byte(cliConfig), 0o600); err != nil {
		t.Fatal(err)
	}
	cred, from, ok := find(map[string]string{"ALIBABA_CLOUD_CONFIG_FILE": path}, t.TempDir())
	if !ok || cred.ID != "LTAIwork" || !strings.Contains(from, "ALIBABA_CLOUD_CONFIG_FILE") {
		t.Errorf("%v %q %v", cred.ID, from, ok)
	}
	before, _ := os.ReadFile(path)
	if string(before) != cliConfig {
		t.Error("the profile file changed")
	}
}

// find is FindCredentials with the SDK's variables, no profile flag, no
// STS and no metadata, as the plain cases run.
func find(env map[string]string, home string) (cloud.Credentials, string, bool) {
	c, id, err := FindCredentials(context.Background(), cloud.CredQuery{Env: envOf(env), Home: home}, SDKEnv)
	return c, id.Source + " profile " + id.Profile, err == nil
}

// TestEnvAliases: the aliyun CLI's and the Terraform provider's names for
// keys are read after the SDK's.
func TestEnvAliases(t *testing.T) {
	for _, names := range [][3]string{
		{"ALIBABACLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_SECRET", "ALIBABACLOUD_SECURITY_TOKEN"},
		{"ALICLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECURITY_TOKEN"},
		{"ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY", "ALICLOUD_SECURITY_TOKEN"},
	} {
		env := map[string]string{names[0]: "LTAIalias", names[1]: "s", names[2]: "t"}
		c, id, err := FindCredentials(context.Background(), cloud.CredQuery{Env: envOf(env), Home: t.TempDir()}, SDKEnv)
		if err != nil || c.ID != "LTAIalias" || c.Token != "t" || !strings.Contains(id.Source, names[0]) {
			t.Errorf("%v: %+v %+v %v", names, c.ID, id, err)
		}
	}
}
