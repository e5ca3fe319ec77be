package wizard

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestYourSide: from the preview, ctrl+o shows the customer gateway's
// configuration with the key masked; ctrl+s saves it (0600, never over a
// file), ctrl+r then ctrl+s saves it with the key; esc goes back to the
// preview as it was.
func TestYourSide(t *testing.T) {
	m := specModel(t, filepath.Join("..", "..", "examples", "tencent.yaml"))
	key := m.St.Params().Str("PreShareKey")
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	wait := func(s string) { t.Helper(); waitText(t, tm, s, 10*time.Second) }
	tm.Send(press("ctrl+p"))
	wait("go to step")
	tm.Send(keyCtrl('o'))
	wait("connections {")
	tm.Send(keyCtrl('s'))
	wait("gz-to-dc1-strongswan.conf") // one word: the note wraps where the temporary directory's name says
	tm.Send(keyCtrl('r'))
	tm.Send(keyCtrl('s'))
	wait("-2.conf") // the renderer sends what changed: the name's end
	tm.Send(press("esc"))
	wait("Goes to the built-in")
	tm.Send(keyCtrl('c'))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if final.side != nil {
		t.Error("esc left the configuration open")
	}
	for name, withKey := range map[string]bool{"gz-to-dc1-strongswan.conf": false, "gz-to-dc1-strongswan-2.conf": true} {
		path := filepath.Join(final.opts.SaveDir, name)
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(path)
		if fi.Mode().Perm() != 0o600 || strings.Contains(string(b), key) != withKey || !strings.Contains(string(b), "connections {") {
			t.Errorf("%s: mode %v, holds the key %v (want %v)", name, fi.Mode().Perm(), strings.Contains(string(b), key), withKey)
		}
	}
}

// TestYourSideScreen: the view at 80x24 keeps the key masked.
func TestYourSideScreen(t *testing.T) {
	m := exampleModel(t, "huawei")
	lookUpNow(m)
	m.cur = m.previewIndex()
	m.pages[m.cur].Enter(m)
	m.side = newYourSide(m)
	out := screen(m)
	if strings.Contains(out, "Xr7!pL2") || !strings.Contains(out, "Your side: [strongswan]") {
		t.Errorf("screen:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if len([]rune(l)) > 80 {
			t.Errorf("line wider than 80: %q", l)
		}
	}
}

// TestPreviewViews: ←→ on the preview shows the same connection as
// Terraform (key a sensitive variable) and the vendor's CLI line; ctrl+s
// saves the view shown, ctrl+y with the key; the request view is first.
func TestPreviewViews(t *testing.T) {
	m := specModel(t, filepath.Join("..", "..", "examples", "tencent.yaml"))
	key := m.St.Params().Str("PreShareKey")
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	wait := func(s string) { t.Helper(); waitText(t, tm, s, 10*time.Second) }
	tm.Send(press("ctrl+p"))
	wait("[request]")
	tm.Send(press("right"))
	wait(`provider "tencentcloud"`)
	tm.Send(keyCtrl('s'))
	wait("gz-to-dc1-terraform.tf") // one word: the note wraps where the temporary directory's name says
	tm.Send(keyCtrl('y'))
	wait("-2.tf") // the renderer sends what changed: the name's end
	tm.Send(press("right"))
	wait("tccli vpc CreateVpnConnection")
	tm.Send(keyCtrl('c'))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	for name, withKey := range map[string]bool{"gz-to-dc1-terraform.tf": false, "gz-to-dc1-terraform-2.tf": true} {
		b, err := os.ReadFile(filepath.Join(final.opts.SaveDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), key) != withKey || !strings.Contains(string(b), "tencentcloud_vpn_connection") {
			t.Errorf("%s: holds the key %v, want %v", name, strings.Contains(string(b), key), withKey)
		}
	}
}
