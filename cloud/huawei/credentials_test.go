package huawei

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

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

const profile = `; written by hand
[global]
ak = GLOBALAK
sk = GLOBALSK

[basic]
ak = PROFILEAK
sk: "profile-secret"
security_token = tok
project_id = ignored-here
`

func TestFindCredentials(t *testing.T) {
	home := t.TempDir()
	writeFile(t, filepath.Join(home, ".huaweicloud", "credentials"), profile)
	other := filepath.Join(t.TempDir(), "creds.ini")
	writeFile(t, other, "[basic]\nak=FILEAK\nsk=file-secret\n")
	empty := t.TempDir()
	for _, tc := range []struct {
		name string
		env  map[string]string
		home string
		want cloud.Credentials
		from string
		ok   bool
	}{
		{"environment", map[string]string{"HUAWEICLOUD_SDK_AK": "ENVAK", "HUAWEICLOUD_SDK_SK": "env-secret", "HUAWEICLOUD_SDK_SECURITY_TOKEN": "t"}, home,
			cloud.Credentials{ID: "ENVAK", Secret: "env-secret", Token: "t"}, "environment HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (HUAWEICLOUD_SDK_SECURITY_TOKEN)", true},
		{"environment half set falls back to the profile", map[string]string{"HUAWEICLOUD_SDK_AK": "ENVAK"}, home,
			cloud.Credentials{ID: "PROFILEAK", Secret: "profile-secret", Token: "tok"}, "~/.huaweicloud/credentials [basic]", true},
		{"profile file", nil, home, cloud.Credentials{ID: "PROFILEAK", Secret: "profile-secret", Token: "tok"}, "~/.huaweicloud/credentials [basic]", true},
		{"profile file named by the environment", map[string]string{"HUAWEICLOUD_SDK_CREDENTIALS_FILE": other}, home,
			cloud.Credentials{ID: "FILEAK", Secret: "file-secret"}, other + " (from HUAWEICLOUD_SDK_CREDENTIALS_FILE) [basic]", true},
		{"none", nil, empty, cloud.Credentials{}, "", false},
		{"no home", nil, "", cloud.Credentials{}, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, from, ok := findPlain(tc.env, tc.home)
			if got != tc.want || from != tc.from || ok != tc.ok {
				t.Errorf("got %+v %q %v, want %+v %q %v", got, from, ok, tc.want, tc.from, tc.ok)
			}
			if strings.Contains(from, got.Secret) && got.Secret != "" {
				t.Errorf("the description %q shows the secret", from)
			}
		})
	}
	// Only a [basic] section counts: global credentials carry no project.
	globalOnly := t.TempDir()
	writeFile(t, filepath.Join(globalOnly, ".huaweicloud", "credentials"), "[global]\nak=A\nsk=B\n")
	if _, _, ok := findPlain(nil, globalOnly); ok {
		t.Error("a [global] section was taken")
	}
	// Nothing was written anywhere under the homes.
	entries, _ := os.ReadDir(empty)
	if len(entries) != 0 {
		t.Errorf("files appeared in an empty home: %v", entries)
	}
}

// findPlain is FindCredentials as the plain cases run: no profile flag, no
// metadata.
func findPlain(env map[string]string, home string) (cloud.Credentials, string, bool) {
	c, id, err := Driver{}.FindCredentials(context.Background(), cloud.CredQuery{Env: envOf(env), Home: home})
	return c, id.Source, err == nil
}

// TestEnvAgencyGoesWithTheEnvSearch: HW_ASSUME_ROLE_AGENCY_NAME is the
// environment's agency: --profile reads nothing else, so it is not assumed
// there; a profile chosen by HW_PROFILE takes it; and a profile with an
// agency of its own stops rather than have it replaced by another.
func TestEnvAgencyGoesWithTheEnvSearch(t *testing.T) {
	home := t.TempDir()
	writeFile(t, filepath.Join(home, ".hcloud", "config.json"), `{"current": "keys", "profiles": [
		{"name": "keys", "mode": "AKSK", "accessKeyId": "AKKEYS", "secretAccessKey": "s"},
		{"name": "agent", "mode": "AKSK", "accessKeyId": "AKAGENT", "secretAccessKey": "s", "agencyName": "own", "agencyDomainName": "acme"}]}`)
	q := func(profile string, env map[string]string) (cloud.Identity, error) {
		env[envAgencyName], env[envAgencyDomain] = "from-env", "acme"
		_, id, err := Driver{}.FindCredentials(context.Background(), cloud.CredQuery{Env: envOf(env), Home: home, Profile: profile, Offline: true})
		return id, err
	}
	if id, err := q("keys", map[string]string{}); err != nil || id.Role != "" {
		t.Errorf("--profile keys: role %q, %v (the environment's agency must not be read)", id.Role, err)
	}
	if id, err := q("", map[string]string{tfProfile: "keys"}); err != nil || !strings.Contains(id.Role, "from-env") {
		t.Errorf("HW_PROFILE=keys: role %q, %v", id.Role, err)
	}
	var stop *cloud.CredentialError
	if _, err := q("", map[string]string{tfProfile: "agent"}); !errors.As(err, &stop) || !strings.Contains(stop.Msg, "own") || !strings.Contains(stop.Msg, "from-env") {
		t.Errorf("a profile with its own agency beside the environment's: %v", err)
	}
}
