package wizard

import (
	"path/filepath"
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

// resultModel is the Tencent example just created in the sandbox, the
// spec saved without the key: the result screen at 80x24.
func resultModel(t *testing.T) *Model {
	t.Helper()
	m := specModel(t, filepath.Join("..", "..", "examples", "tencent.yaml"))
	m.width, m.height = 80, 24
	if err := m.ensureDest(); err != nil {
		t.Fatal(err)
	}
	settle(m, m.saveCmd(false))
	m.St.Created = &cloud.Result{Created: cloud.Created{ID: "vpnx-1"}}
	m.St.Final = &cloud.Connection{ID: "vpnx-1", State: "AVAILABLE", Phase: cloud.PhaseAvailable}
	m.cur = len(m.pages) - 1
	sp := m.pages[m.cur].(*submitPage)
	sp.started, sp.done = true, true
	return m
}

// TestResultCommandHoldsTheKey: the result screen offers `tunnelwiz
// apply` of the saved spec only once the file holds the key (before,
// apply of it stops at "PreShareKey: is required"): first it says that
// ctrl+y puts the key in; after ctrl+y the command shows, and the file it
// names passes the checks. After the wizard closes, the text left says
// which field to fill before the command.
func TestResultCommandHoldsTheKey(t *testing.T) {
	m := resultModel(t)
	if _, is := checkFile(t, m.St.Saved); is.Errors() == 0 {
		t.Fatal("the spec saved without the key passes the checks: this test needs one that does not")
	}
	out := strings.Join(strings.Fields(screen(m)), " ")
	if strings.Contains(out, "tunnelwiz apply") || !strings.Contains(out, "ctrl+y puts the key into it") {
		t.Errorf("before ctrl+y:\n%s", screen(m))
	}
	closed := strings.Join(strings.Fields(m.summary()), " ")
	if !strings.Contains(closed, "first put the key your customer gateway has into the file as PreShareKey, then: tunnelwiz apply --sandbox") {
		t.Errorf("after the wizard, without the key:\n%s", m.summary())
	}
	_, c := m.Update(keyCtrl('y'))
	settle(m, c)
	out = strings.Join(strings.Fields(screen(m)), " ")
	if !strings.Contains(out, "tunnelwiz apply --sandbox --yes --wait "+m.St.Saved) {
		t.Errorf("after ctrl+y, no command:\n%s", screen(m))
	}
	if _, is := checkFile(t, m.St.Saved); is.Errors() > 0 {
		t.Errorf("the command's file does not pass the checks: %v", is)
	}
}

func checkFile(t *testing.T, path string) (cloud.Params, cloud.Issues) {
	t.Helper()
	spec, err := cloud.LoadSpec(path)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := cloud.Lookup(spec.Vendor)
	return d.Catalog().Check(spec)
}

// TestResultSaysHowToFollow: the result names the status command that
// follows the connection where the destination outlives the wizard (an
// --endpoint), and says that the built-in sandbox does not (a walk ran
// `status ID --sandbox` after the wizard and found nothing).
func TestResultSaysHowToFollow(t *testing.T) {
	m := resultModel(t)
	for _, out := range []string{screen(m), m.summary()} {
		if words := strings.Join(strings.Fields(out), " "); !strings.Contains(words, "The built-in sandbox ends with the wizard") ||
			strings.Contains(words, "tunnelwiz status") {
			t.Errorf("built-in sandbox:\n%s", out)
		}
	}
	m.St.UseEndpoint, m.opts.Endpoint, m.opts.Profile = true, "http://127.0.0.1:9", "work"
	want := "tunnelwiz status vpnx-1 " + m.St.Saved + " --endpoint http://127.0.0.1:9 --profile work --watch"
	for _, out := range []string{screen(m), m.summary()} {
		if words := strings.Join(strings.Fields(out), " "); !strings.Contains(words, want) || strings.Contains(words, "ends with the wizard") {
			t.Errorf("--endpoint: want %q in\n%s", want, out)
		}
	}
	// With no spec saved (the save failed), the flags say where to look.
	m.St.Saved = ""
	want = "tunnelwiz status vpnx-1 --vendor tencent --region ap-guangzhou --endpoint http://127.0.0.1:9 --profile work --watch"
	if words := strings.Join(strings.Fields(m.summary()), " "); !strings.Contains(words, want) {
		t.Errorf("nothing saved: want %q in\n%s", want, m.summary())
	}
}
