package huawei

import (
	"context"
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
