package tencentv2

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

func envOf(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestFindCredentials(t *testing.T) {
	home := t.TempDir()
	write(t, filepath.Join(home, ".tccli", "default.credential"), `{"secretId":"AKIDtccli","secretKey":"tccli-key","region":"ap-guangzhou"}`)
	write(t, filepath.Join(home, ".tccli", "work.credential"), `{"secretId":"AKIDwork","secretKey":"work-key","token":"work-token"}`)
	write(t, filepath.Join(home, ".tccli", "broken.credential"), `{"secretId":"AKIDonly"}`)
	sdkHome := t.TempDir()
	write(t, filepath.Join(sdkHome, ".tencentcloud", "credentials"), "; the SDK's profile\n[other]\nsecret_id = AKIDother\n\n[default]\nsecret_id = AKIDsdk\nsecret_key = sdk-key\n")
	custom := filepath.Join(t.TempDir(), "creds.ini")
	write(t, custom, "[default]\nsecret_id=AKIDcustom\nsecret_key=custom-key\n")

	cases := []struct {
		name  string
		env   map[string]string
		home  string
		want  cloud.Credentials
		from  string
		found bool
	}{
		{"environment first", map[string]string{"TENCENTCLOUD_SECRET_ID": "AKIDenv", "TENCENTCLOUD_SECRET_KEY": "env-key", "TENCENTCLOUD_SESSION_TOKEN": "tok"},
			home, cloud.Credentials{ID: "AKIDenv", Secret: "env-key", Token: "tok"}, "environment TENCENTCLOUD_SECRET_ID", true},
		{"half an environment is not enough", map[string]string{"TENCENTCLOUD_SECRET_ID": "AKIDenv"},
			home, cloud.Credentials{ID: "AKIDtccli", Secret: "tccli-key"}, "~/.tccli/default.credential", true},
		{"tccli default profile", nil, home, cloud.Credentials{ID: "AKIDtccli", Secret: "tccli-key"}, "tccli profile ~/.tccli/default.credential", true},
		{"tccli named profile", map[string]string{"TCCLI_PROFILE": "work"}, home,
			cloud.Credentials{ID: "AKIDwork", Secret: "work-key", Token: "work-token"}, "~/.tccli/work.credential", true},
		{"tccli profile without a key", map[string]string{"TCCLI_PROFILE": "broken"}, home, cloud.Credentials{}, "", false},
		{"profile name cannot leave ~/.tccli", map[string]string{"TCCLI_PROFILE": "../.tccli/default"}, home, cloud.Credentials{}, "", false},
		{"SDK profile file", nil, sdkHome, cloud.Credentials{ID: "AKIDsdk", Secret: "sdk-key"}, "~/.tencentcloud/credentials", true},
		{"TENCENTCLOUD_CREDENTIALS_FILE", map[string]string{"TENCENTCLOUD_CREDENTIALS_FILE": custom}, t.TempDir(),
			cloud.Credentials{ID: "AKIDcustom", Secret: "custom-key"}, "TENCENTCLOUD_CREDENTIALS_FILE " + custom, true},
		{"nothing", nil, t.TempDir(), cloud.Credentials{}, "", false},
		{"no home", nil, "", cloud.Credentials{}, "", false},
	}
	for _, c := range cases {
		got, from, ok := Driver{}.FindCredentials(envOf(c.env), c.home)
		if ok != c.found || got != c.want || !strings.Contains(from, c.from) {
			t.Errorf("%s: got %+v from %q (%v)", c.name, got, from, ok)
		}
		if strings.Contains(from, got.Secret) && got.Secret != "" {
			t.Errorf("%s: where-found text %q holds the secret", c.name, from)
		}
	}
}

// TestFindCredentialsReadsOnly: looking never creates or changes a file.
func TestFindCredentialsReadsOnly(t *testing.T) {
	home := t.TempDir()
	Driver{}.FindCredentials(envOf(nil), home)
	entries, _ := os.ReadDir(home)
	if len(entries) != 0 {
		t.Errorf("FindCredentials wrote %v", entries)
	}
	// A directory where a credential file should be is skipped, not read.
	os.MkdirAll(filepath.Join(home, ".tccli", "default.credential"), 0o700)
	if _, _, ok := (Driver{}).FindCredentials(envOf(nil), home); ok {
		t.Error("a directory read as credentials")
	}
}
