package tccred

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestFindCredentials(t *testing.T) {
	home := t.TempDir()
	write(t, filepath.Join(home, ".tccli", "default.credential"), `{"secretId": "AKIDtccli", "secretKey": "tccli-key", "region": "ap-guangzhou"}`)
	write(t, filepath.Join(home, ".tccli", "work.credential"), `{"secretId": "AKIDwork", "secretKey": "work-key", "token": "work-token"}`)
	write(t, filepath.Join(home, ".tccli", "role.credential"), `{"type": "cvm-role"}`)
	other := t.TempDir()
	write(t, filepath.Join(other, "creds.ini"), "# keys\n[other]\nsecret_id = AKIDother\n[default]\nsecret_id = AKIDini\nsecret_key = ini-key\n")
	sdkHome := t.TempDir()
	write(t, filepath.Join(sdkHome, ".tencentcloud", "credentials"), "[default]\nsecret_id=AKIDsdk\nsecret_key=sdk-key\n")

	for _, tc := range []struct {
		name string
		env  map[string]string
		home string
		want cloud.Credentials
		from string
	}{
		{"environment first", map[string]string{"TENCENTCLOUD_SECRET_ID": "AKIDenv", "TENCENTCLOUD_SECRET_KEY": "env-key", "TENCENTCLOUD_SESSION_TOKEN": "tok"},
			home, cloud.Credentials{ID: "AKIDenv", Secret: "env-key", Token: "tok"}, "environment TENCENTCLOUD_SECRET_ID"},
		{"half an environment pair is passed over", map[string]string{"TENCENTCLOUD_SECRET_ID": "AKIDenv"},
			home, cloud.Credentials{ID: "AKIDtccli", Secret: "tccli-key"}, "~/.tccli/default.credential"},
		{"SDK profile file named by the environment", map[string]string{"TENCENTCLOUD_CREDENTIALS_FILE": filepath.Join(other, "creds.ini")},
			home, cloud.Credentials{ID: "AKIDini", Secret: "ini-key"}, filepath.Join(other, "creds.ini") + " (TENCENTCLOUD_CREDENTIALS_FILE) [default]"},
		{"SDK profile file in home", nil, sdkHome, cloud.Credentials{ID: "AKIDsdk", Secret: "sdk-key"}, "~/.tencentcloud/credentials [default]"},
		{"tccli default profile", nil, home, cloud.Credentials{ID: "AKIDtccli", Secret: "tccli-key"}, "~/.tccli/default.credential"},
		{"tccli profile chosen by TCCLI_PROFILE", map[string]string{"TCCLI_PROFILE": "work"},
			home, cloud.Credentials{ID: "AKIDwork", Secret: "work-key", Token: "work-token"}, "~/.tccli/work.credential"},
		{"a role profile has no keys", map[string]string{"TCCLI_PROFILE": "role"}, home, cloud.Credentials{}, ""},
		{"a profile name that leaves ~/.tccli", map[string]string{"TCCLI_PROFILE": "../.tccli/default"}, home, cloud.Credentials{}, ""},
		{"nothing anywhere", nil, t.TempDir(), cloud.Credentials{}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, from, ok := find(tc.env, tc.home)
			if got != tc.want || ok != (tc.from != "") || !strings.Contains(from, tc.from) {
				t.Errorf("got %+v from %q (%v), want %+v from %q", got, from, ok, tc.want, tc.from)
			}
			if strings.Contains(from, got.Secret) && got.Secret != "" {
				t.Errorf("where %q shows the secret", from)
			}
		})
	}
}

// TestFindCredentialsWritesNothing: the home directory is as it was.
func TestFindCredentialsWritesNothing(t *testing.T) {
	home := t.TempDir()
	find(nil, home)
	if entries, _ := os.ReadDir(home); len(entries) != 0 {
		t.Errorf("FindCredentials wrote %v", entries)
	}
}

// find is Find with no profile, no STS and no metadata, as the plain cases run.
func find(env map[string]string, home string) (cloud.Credentials, string, bool) {
	c, id, err := Find(context.Background(), cloud.CredQuery{Env: envOf(env), Home: home})
	return c, id.Source, err == nil
}

// TestTccliTypes: tccli writes "type": "default" for key profiles
// (use-cvm-role false); its oauth and sso profiles stop with their name.
func TestTccliTypes(t *testing.T) {
	home := t.TempDir()
	write(t, filepath.Join(home, ".tccli", "keys.credential"), `{"type": "default", "secretId": "AKIDkeys", "secretKey": "k"}`)
	write(t, filepath.Join(home, ".tccli", "sso.credential"), `{"type": "sso", "secretId": "AKIDsso", "secretKey": "k", "token": "t"}`)
	c, id, err := Find(context.Background(), cloud.CredQuery{Home: home, Profile: "keys"})
	if err != nil || c.ID != "AKIDkeys" || id.Profile != "keys" {
		t.Errorf("type default: %v %+v %v", c.ID, id, err)
	}
	_, _, err = Find(context.Background(), cloud.CredQuery{Home: home, Profile: "sso"})
	var stop *cloud.CredentialError
	if !errors.As(err, &stop) || !strings.Contains(stop.Msg, `type "sso"`) {
		t.Errorf("type sso: %v", err)
	}
}

// TestTerraformTokenName: the Terraform provider's TENCENTCLOUD_SECURITY_TOKEN
// goes with the environment's keys like the SDK's _SESSION_TOKEN, and the
// identity names the variable, never the token.
func TestTerraformTokenName(t *testing.T) {
	env := map[string]string{"TENCENTCLOUD_SECRET_ID": "AKIDenv0000WXYZ", "TENCENTCLOUD_SECRET_KEY": "k", "TENCENTCLOUD_SECURITY_TOKEN": "tf-token"}
	c, id, err := Find(context.Background(), cloud.CredQuery{Env: envOf(env), Home: t.TempDir()})
	if err != nil || c.Token != "tf-token" || !id.Token || !strings.Contains(id.Source, "TENCENTCLOUD_SECURITY_TOKEN") || strings.Contains(id.String(), "tf-token") {
		t.Errorf("%+v %+v %v", c, id, err)
	}
}

// TestEnvRoleGoesWithTheEnvSearch: TENCENTCLOUD_ASSUME_ROLE_ARN is the
// environment's role: --profile reads nothing else, so it is not assumed
// there; a profile chosen by the environment takes it; and a profile with
// a role of its own stops rather than have it replaced by another.
func TestEnvRoleGoesWithTheEnvSearch(t *testing.T) {
	home := t.TempDir()
	write(t, filepath.Join(home, ".tccli", "keys.credential"), `{"secretId": "AKIDkeys", "secretKey": "k"}`)
	write(t, filepath.Join(home, ".tccli", "roled.credential"), `{"secretId": "AKIDroled", "secretKey": "k", "role-arn": "qcs::cam::uin/1:roleName/own"}`)
	const envArn = "qcs::cam::uin/1:roleName/from-env"
	q := func(profile string, env map[string]string) (cloud.Identity, error) {
		env[envRoleArn] = envArn
		_, id, err := Find(context.Background(), cloud.CredQuery{Env: envOf(env), Home: home, Profile: profile, Offline: true})
		return id, err
	}
	if id, err := q("keys", map[string]string{}); err != nil || id.Role != "" {
		t.Errorf("--profile keys: role %q, %v (the environment's role must not be read)", id.Role, err)
	}
	if id, err := q("", map[string]string{envProfile: "keys"}); err != nil || id.Role != envArn {
		t.Errorf("TENCENTCLOUD_PROFILE=keys: role %q, %v", id.Role, err)
	}
	var stop *cloud.CredentialError
	if _, err := q("", map[string]string{envProfile: "roled"}); !errors.As(err, &stop) || !strings.Contains(stop.Msg, "own") || !strings.Contains(stop.Msg, "from-env") {
		t.Errorf("a profile with its own role beside the environment's: %v", err)
	}
}
