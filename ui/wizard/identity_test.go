package wizard

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
	"tunnelwiz/ui/front"
)

// tccliHome is a home whose tccli profile "work" holds the sandbox's keys.
func tccliHome(t *testing.T) front.Env {
	t.Helper()
	home := t.TempDir()
	dir := filepath.Join(home, ".tccli")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	body := `{"secretId": "` + sandbox.Keys.ID + `", "secretKey": "` + sandbox.Keys.Secret + `"}`
	if err := os.WriteFile(filepath.Join(dir, "work.credential"), []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return front.Env{Home: home, Getenv: func(string) string { return "" }}
}

// TestDestinationSaysIdentity: with --profile, the wizard's destination
// line says who signs, as the commands do: the profile, its file and the
// key id's last four, never the key.
func TestDestinationSaysIdentity(t *testing.T) {
	m := New(Options{SaveDir: t.TempDir(), Env: tccliHome(t), Profile: "work"})
	defer m.Close()
	m.St.SetVendor("tencent")
	m.St.UseSandbox = true
	m.St.Spec.Target["region"] = "ap-guangzhou"
	if err := m.ensureDest(); err != nil {
		t.Fatal(err)
	}
	said := m.destinationText()
	if !strings.Contains(said, "as profile work from ~/.tccli/work.credential, chosen by --profile, key id …"+cloud.Tail(sandbox.Keys.ID)) ||
		strings.Contains(said, sandbox.Keys.ID) || strings.Contains(said, sandbox.Keys.Secret) {
		t.Errorf("destination %q", said)
	}
}

// TestUnknownProfileSaysSo: choosing the cloud with a profile that does
// not exist is told at once, naming it.
func TestUnknownProfileSaysSo(t *testing.T) {
	m := New(Options{SaveDir: t.TempDir(), Env: tccliHome(t), Profile: "nope"})
	defer m.Close()
	vp := m.pages[0].(*vendorPage)
	vp.Enter(m)
	vp.vendor, vp.dest = "tencent", "cloud"
	vp.Leave(m)
	if !strings.Contains(m.note, `"nope"`) || !strings.Contains(m.note, "~/.tccli/nope.credential") {
		t.Errorf("note %q", m.note)
	}
}
