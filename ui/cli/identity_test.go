package cli

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
	"tunnelwiz/ui/front"
)

// identityHome makes a HOME holding tccli profiles: work (the sandbox's
// keys) and role (the sandbox's keys and a role to assume).
func identityHome(t *testing.T) {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, v := range cloud.CredentialVariables() {
		t.Setenv(v, "")
	}
	dir := filepath.Join(home, ".tccli")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	k := sandbox.Keys
	for name, body := range map[string]string{
		"work": `{"secretId": "` + k.ID + `", "secretKey": "` + k.Secret + `"}`,
		"role": `{"secretId": "` + k.ID + `", "secretKey": "` + k.Secret + `", "role-arn": "qcs::cam::uin/100000000001:roleName/vpn-admin"}`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name+".credential"), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// noSecrets fails if any output shows more of a key than its last four
// characters, a secret or a token.
func noSecrets(t *testing.T, outputs ...string) {
	t.Helper()
	for _, s := range outputs {
		for _, bad := range []string{sandbox.Keys.ID, sandbox.Keys.Secret, "STS.sandbox", "sandbox-temporary-secret-", "sandbox-token-"} {
			if strings.Contains(s, bad) {
				t.Errorf("output shows %q:\n%s", bad, s)
			}
		}
	}
}

// TestIdentityShown: apply, status and delete say who signed, on the
// destination line and in --json: the profile and its file, the key id's
// last four, the role and whether a token is in use.
func TestIdentityShown(t *testing.T) {
	identityHome(t)
	file := "../../examples/tencent.yaml"

	out, errs, err := runCmd(Apply, file, "--sandbox", "--profile", "work", "--yes", "--json")
	if err != nil {
		t.Fatalf("apply: %v\n%s", err, errs)
	}
	var a struct {
		ID       string         `json:"id"`
		Identity cloud.Identity `json:"identity"`
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	tail := cloud.Tail(sandbox.Keys.ID)
	if a.Identity.Profile != "work" || a.Identity.KeyIDTail != tail || a.Identity.Token || a.Identity.Role != "" ||
		a.Identity.Source != "~/.tccli/work.credential, chosen by --profile" {
		t.Errorf("apply --json identity %+v", a.Identity)
	}
	if !strings.Contains(errs, "Destination: the built-in SANDBOX (") ||
		!strings.Contains(errs, "as profile work from ~/.tccli/work.credential, chosen by --profile, key id …"+tail+": nothing is created") {
		t.Errorf("destination line:\n%s", errs)
	}
	noSecrets(t, out, errs)

	// A role: assumed at the sandbox's STS; the temporary key signs.
	_, url := lifeSandbox(t)
	out, errs, err = runCmd(Apply, file, "--endpoint", url, "--profile", "role", "--yes", "--json")
	if err != nil {
		t.Fatalf("apply as a role: %v\n%s", err, errs)
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.Identity.Role != "qcs::cam::uin/100000000001:roleName/vpn-admin" || !a.Identity.Token || a.Identity.KeyIDTail == tail {
		t.Errorf("apply --json identity as a role %+v", a.Identity)
	}
	if !strings.Contains(errs, "role qcs::cam::uin/100000000001:roleName/vpn-admin, with a security token") {
		t.Errorf("destination line as a role:\n%s", errs)
	}
	noSecrets(t, out, errs)

	for _, cmd := range []struct {
		name string
		run  func([]string, IO) error
		args []string
	}{
		{"status", Status, []string{a.ID, file, "--endpoint", url, "--profile", "role", "--json"}},
		{"delete", Delete, []string{a.ID, file, "--endpoint", url, "--profile", "role", "--yes", "--json"}},
	} {
		out, errs, err := runCmd(cmd.run, cmd.args...)
		if err != nil {
			t.Fatalf("%s: %v\n%s", cmd.name, err, errs)
		}
		var s struct {
			Identity cloud.Identity `json:"identity"`
		}
		if json.Unmarshal([]byte(out), &s) != nil || !s.Identity.Token || s.Identity.Profile != "role" || s.Identity.KeyIDTail == "" {
			t.Errorf("%s --json: %s", cmd.name, out)
		}
		if !strings.Contains(errs, "Destination: the tunnelwiz SANDBOX at "+url+" as profile role") {
			t.Errorf("%s destination line:\n%s", cmd.name, errs)
		}
		noSecrets(t, out, errs)
	}
}

// TestUnknownProfileExits2: a profile named but not found is a usage
// error (exit 2) in one line naming the profile and the files.
func TestUnknownProfileExits2(t *testing.T) {
	identityHome(t)
	_, errs, err := runCmd(Apply, "../../examples/tencent.yaml", "--sandbox", "--profile", "nope", "--yes")
	var ue *UsageError
	if err == nil || !errors.As(err, &ue) || !strings.Contains(ue.Msg, `"nope"`) || !strings.Contains(ue.Msg, "~/.tccli/nope.credential") {
		t.Fatalf("want a usage error naming the profile and file, got %v\n%s", err, errs)
	}
}

// TestPeerLookUpSaysIdentity: peer's look-up signs, so it says as whom.
func TestPeerLookUpSaysIdentity(t *testing.T) {
	identityHome(t)
	var out, errb strings.Builder
	env := front.OSEnv() // HOME is the test's, with the tccli profiles
	err := PeerIn(env, []string{"../../examples/tencent.yaml", "--device", "strongswan", "--sandbox", "--profile", "work"},
		IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	if err != nil {
		t.Fatalf("%v\n%s", err, errb.String())
	}
	if !strings.Contains(errb.String(), "Looking the gateways up at the built-in SANDBOX (") ||
		!strings.Contains(errb.String(), "as profile work from ~/.tccli/work.credential, chosen by --profile, key id …"+cloud.Tail(sandbox.Keys.ID)) {
		t.Errorf("stderr:\n%s", errb.String())
	}
	noSecrets(t, out.String(), errb.String())
}
