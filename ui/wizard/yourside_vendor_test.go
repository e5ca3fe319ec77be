package wizard

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"tunnelwiz/cloud"
	"tunnelwiz/peer"
)

// settle runs a command and delivers what it brings, as the program
// would, until nothing follows.
func settle(m *Model, c tea.Cmd) {
	if c == nil {
		return
	}
	switch msg := c().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			settle(m, c)
		}
	default:
		_, next := m.Update(msg)
		settle(m, next)
	}
}

// TestYourSideVendorExport: after a create, "your side" lists the
// vendor's own export devices after tunnelwiz's, looked up in commands;
// one chosen shows the vendor's text with the key masked (ctrl+r shows
// it), the interface it names as a visible placeholder, and ctrl+s saves
// it (0600).
func TestYourSideVendorExport(t *testing.T) {
	m := createdAtPreview(t, "tencent.yaml")
	key := m.St.Params().Str("PreShareKey")

	m.side = newYourSide(m)
	look := m.side.lookUpVendor(m)
	if out := screen(m); !strings.Contains(out, "Asking the vendor") {
		t.Errorf("before the list arrives:\n%s", out)
	}
	settle(m, look)
	if out := screen(m); !strings.Contains(out, "tencent:cisco-ios-v15.4") {
		t.Fatalf("the vendor's devices are not offered:\n%s", out)
	}
	for range peer.Devices() {
		_, c := m.Update(tea.KeyPressMsg{Code: tea.KeyRight})
		settle(m, c)
	}
	out, text := screen(m), m.side.text
	if !strings.Contains(out, "[tencent:cisco-ios-v15.4]") || !strings.Contains(text, "Outside interface        : "+ifacePlaceholder) ||
		!strings.Contains(text, "Pre-Shared Key           : ********") || strings.Contains(text, key) {
		t.Fatalf("the vendor's export, masked:\n%s", text)
	}
	for _, l := range strings.Split(out, "\n") {
		if len([]rune(l)) > 80 {
			t.Errorf("line wider than 80: %q", l)
		}
	}
	_, c := m.Update(keyCtrl('r'))
	settle(m, c)
	if !strings.Contains(m.side.text, key) {
		t.Errorf("ctrl+r does not show the key:\n%s", m.side.text)
	}
	_, c = m.Update(keyCtrl('s'))
	settle(m, c)
	path := filepath.Join(m.opts.SaveDir, m.St.Created.ID+"-cisco-ios-v15.4.conf")
	b, err := os.ReadFile(path)
	fi, _ := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 || !strings.Contains(string(b), key) {
		t.Errorf("saved %s: %v %v (note %q)", path, err, fi, m.note)
	}
}

// TestYourSideVendorLabel: the vendor's entries are labelled in words
// (PeerDevice.Label): Alibaba's export takes no device, and says so
// rather than gluing empty columns into a sentence.
func TestYourSideVendorLabel(t *testing.T) {
	for _, c := range []struct{ spec, title, line string }{
		{"alibaba.yaml", "the vendor's own export: the connection's parameters (Alibaba Cloud's DownloadVpnConnectionConfig: no device to choose)",
			"The vendor's own export, as it wrote it: the connection's parameters (Alibaba Cloud's DownloadVpnConnectionConfig: no device to choose).\n"},
		{"tencent.yaml", "the vendor's own export: cisco ios V15.4", "The vendor's own export, as it wrote it: cisco ios V15.4.\n"},
	} {
		m := createdAtPreview(t, c.spec)
		m.side = newYourSide(m)
		settle(m, m.side.lookUpVendor(m))
		for range peer.Devices() {
			_, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyRight})
			settle(m, cmd)
		}
		if m.side.title != c.title || !strings.HasPrefix(m.side.text, c.line) {
			t.Errorf("%s: title %q\n%s", c.spec, m.side.title, m.side.text)
		}
	}
}

// TestYourSideNoVendorExport: before a create, and for an API without an
// export, no look-up is made.
func TestYourSideNoVendorExport(t *testing.T) {
	m := specModel(t, filepath.Join("..", "..", "examples", "tencent.yaml"))
	m.width, m.height = 80, 24
	m.cur = m.previewIndex()
	m.pages[m.cur].Enter(m)
	m.side = newYourSide(m)
	if c := m.side.lookUpVendor(m); c != nil || strings.Contains(screen(m), "Asking the vendor") {
		t.Errorf("a look-up before any create:\n%s", screen(m))
	}
	v2 := specModel(t, filepath.Join("..", "..", "examples", "tencent-v2.yaml"))
	v2.ensureDest()
	v2.St.Created = &cloud.Result{Created: cloud.Created{ID: "vpnx-1"}}
	v2.side = newYourSide(v2)
	if c := v2.side.lookUpVendor(v2); c != nil {
		t.Error("a look-up for tencent-v2, which has no export")
	}
}

// createdAtPreview is an example created in the sandbox, the wizard on
// its preview at 80x24.
func createdAtPreview(t *testing.T, example string) *Model {
	t.Helper()
	m := specModel(t, filepath.Join("..", "..", "examples", example))
	m.width, m.height = 80, 24
	if err := m.ensureDest(); err != nil {
		t.Fatal(err)
	}
	p, issues := m.St.Catalog().Check(m.St.Spec)
	if issues.Errors() > 0 {
		t.Fatal(issues)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	res, err := (&cloud.Submission{Driver: m.St.Driver, At: m.St.Dest.Base, Params: p}).Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m.St.Created = res
	m.cur = m.previewIndex()
	m.pages[m.cur].Enter(m)
	return m
}
