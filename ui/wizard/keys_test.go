package wizard

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"tunnelwiz/cloud"
)

func keyDown() tea.KeyPressMsg { return tea.KeyPressMsg{Code: tea.KeyDown} }

func specModel(t *testing.T, path string) *Model {
	t.Helper()
	spec, err := cloud.LoadSpec(path)
	if err != nil {
		t.Fatal(err)
	}
	_, where := newRecorder(t)
	return New(Options{From: spec, SaveDir: t.TempDir(), Sandbox: where})
}

// driveSlowly is a typist slow enough that each of huh's own moves
// arrives before the next key: every key is handled, and a move's
// message delivered, before the next.
func driveSlowly(m *Model, keys []tea.KeyPressMsg) {
	m.Init()
	for _, k := range keys {
		m.Update(k)
		if isMove(k) && m.moving != nil {
			if k.String() == "shift+tab" {
				m.Update(huh.PrevField())
			} else {
				m.Update(huh.NextField())
			}
		}
	}
}

// driveFast sends every key at once, as a paste or a fast typist on a
// slow link would, and returns the model once the last has been handled.
func driveFast(t *testing.T, m *Model, keys []tea.KeyPressMsg) *Model {
	t.Helper()
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	for _, k := range keys {
		tm.Send(k)
	}
	tm.Send(keyCtrl('c'))
	return tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(*Model)
}

// TestFastKeysOnModeSelect: on Huawei's IKE step, ike_version changes
// which fields show; keys typed faster than huh moves the cursor land
// where slow ones do (issue 7: Down Down Enter Down Down Down Enter at
// 0.3 s lost ike_version and set the wrong field).
func TestFastKeysOnModeSelect(t *testing.T) {
	example := filepath.Join("..", "..", "examples", "huawei.yaml")
	enter := press("enter")
	keys := []tea.KeyPressMsg{press("ctrl+p"), press("5"), enter, enter, // preset, key: on to ike_version
		keyDown(), keyDown(), enter, keyDown(), keyDown(), keyDown(), enter}
	slow := specModel(t, example)
	driveSlowly(slow, keys)
	fast := driveFast(t, specModel(t, example), keys)
	for _, p := range []string{"vpn_connection.ikepolicy.ike_version", "vpn_connection.ikepolicy.authentication_algorithm",
		"vpn_connection.ikepolicy.phase1_negotiation_mode", "vpn_connection.ikepolicy.encryption_algorithm"} {
		a, _ := slow.St.Params().At(p)
		b, _ := fast.St.Params().At(p)
		if fmtAny(a) != fmtAny(b) {
			t.Errorf("%s: slow keys gave %v, fast keys %v", p, a, b)
		}
	}
	orig, _ := cloud.LoadSpec(example)
	a, _ := cloud.Params(orig.Params).At("vpn_connection.ikepolicy.ike_version")
	b, _ := slow.St.Params().At("vpn_connection.ikepolicy.ike_version")
	if fmtAny(a) == fmtAny(b) {
		t.Errorf("the keys did not change ike_version (%v): the test drives the wrong field", a)
	}
}

// TestLeaveFieldWithError: a field whose value is wrong, or missing for
// now, can be left with Enter (tencent-v2: userGwCidrBlock is needed
// only when spdAcl is not given, and spdAcl comes after it).
func TestLeaveFieldWithError(t *testing.T) {
	m := specModel(t, filepath.Join("testdata", "specs", "tencent-v2-spdacl-only.yaml"))
	final := driveFast(t, m, []tea.KeyPressMsg{press("ctrl+p"), press("4"), press("enter")})
	fp, ok := final.pages[final.cur].(*formPage)
	if !ok || fp.step != cloud.StepSubnets {
		t.Fatalf("on %s, want Subnets", final.pages[final.cur].Name())
	}
	if got := fp.focusedKey(); got != "spdAcl" {
		t.Errorf("Enter on userGwCidrBlock left the cursor on %q, want spdAcl", got)
	}
}

// TestSavedAfterRefusal: the cloud refuses the first submit; the engineer
// changes the name and submits again: the saved spec (named in the
// headless command) holds what was sent the second time.
func TestSavedAfterRefusal(t *testing.T) {
	rc, _, tm := conflicting(t)
	tm.Send(press("ctrl+p"))
	tm.Send(keyCtrl('g'))
	waitText(t, tm, "VpnConnCidrConflict", 30*time.Second)
	rc.srv.Reset() // the other connection is gone
	tm.Send(press("ctrl+p"))
	tm.Send(press("8")) // Tags: the name first
	for _, r := range "-b" {
		tm.Send(press(string(r)))
	}
	tm.Send(press("ctrl+p"))
	tm.Send(keyCtrl('g'))
	waitText(t, tm, "Press enter to finish", 30*time.Second)
	tm.Send(press("enter"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if got := final.St.Created.Params.Str("VpnConnectionName"); got != "gz-to-dc1-b" {
		t.Fatalf("sent name %q", got)
	}
	b, err := os.ReadFile(final.St.Saved)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "gz-to-dc1-b") {
		t.Errorf("the saved spec holds the refused attempt's values:\n%s", b)
	}
}

// TestFirstErrorFocusesField: ctrl+e goes to the step of the first error
// and puts the cursor on that field, not on the step's first.
func TestFirstErrorFocusesField(t *testing.T) {
	m := specModel(t, filepath.Join("testdata", "specs", "tencent-invalid.yaml"))
	final := driveFast(t, m, []tea.KeyPressMsg{keyCtrl('e')})
	fp, ok := final.pages[final.cur].(*formPage)
	if !ok || fp.step != cloud.StepIKE {
		t.Fatalf("on %s, want IKE", final.pages[final.cur].Name())
	}
	first := ""
	for _, i := range final.St.Issues {
		if i.Severity == cloud.Error {
			first = i.Field
			break
		}
	}
	if got := fp.focusedKey(); got != first {
		t.Errorf("cursor on %q, want the first error's field %q", got, first)
	}
}

// TestNewKeyKeepsFocus: ctrl+g makes a new key without moving the cursor,
// and ctrl+r then shows the key wherever the cursor is on the step.
func TestNewKeyKeepsFocus(t *testing.T) {
	m := specModel(t, filepath.Join("..", "..", "examples", "tencent.yaml"))
	old := m.St.Params().Str("PreShareKey")
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	for _, k := range []tea.KeyPressMsg{press("ctrl+p"), press("5"), press("enter"), press("enter"), keyCtrl('g'), keyCtrl('r')} {
		tm.Send(k)
	}
	var shown []byte
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { shown = b; return bytes.Contains(b, []byte("(ctrl+r hides it)")) },
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	tm.Send(keyCtrl('c'))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	fp := final.pages[final.cur].(*formPage)
	if got := fp.focusedKey(); got != "IKEOptionsSpecification.PropoEncryAlgorithm" {
		t.Errorf("after ctrl+g the cursor is on %q", got)
	}
	key := final.St.Params().Str("PreShareKey")
	if key == old || key == "" {
		t.Fatalf("no new key (%q)", key)
	}
	if !bytes.Contains(shown, []byte(key)) {
		t.Errorf("ctrl+r did not show the key with the cursor on another field")
	}
}

// TestNoDraftAfterCreate: once a connection is made, no draft is left to
// be offered (it would invite making the same connection twice).
func TestNoDraftAfterCreate(t *testing.T) {
	spec, err := cloud.LoadSpec(filepath.Join("..", "..", "examples", "tencent.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	_, where := newRecorder(t)
	draft := filepath.Join(t.TempDir(), "draft.yaml")
	m := New(Options{From: spec, SaveDir: t.TempDir(), Sandbox: where, DraftPath: draft})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	tm.Send(press("ctrl+p"))
	tm.Send(keyCtrl('g'))
	waitText(t, tm, "Created ", 30*time.Second)
	tm.Send(keyCtrl('c')) // before it is ready
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if final.St.Created == nil {
		t.Fatal("not created")
	}
	if _, err := os.Stat(draft); err == nil {
		t.Errorf("a draft was left after the create")
	}
}

// TestFoldedSettings: an optional settings group of the extras step is
// one choice; its fields are asked only once it is given, and taking it
// back sets its values aside (they come back with it).
func TestFoldedSettings(t *testing.T) {
	m := exampleModel(t, "tencent")
	var fp *formPage
	for i, p := range m.pages {
		if f, ok := p.(*formPage); ok && f.step == cloud.StepExtras {
			m.cur, fp = i, f
		}
	}
	fp.Enter(m)
	if !slices.Contains(fp.keys, "BgpConfig") || slices.Contains(fp.keys, "BgpConfig.TunnelCidr") {
		t.Fatalf("BgpConfig not folded: %v", fp.keys)
	}
	var group *binding
	for _, b := range fp.bindings {
		if b.in.Path == "BgpConfig" {
			group = b
		}
	}
	group.text = given
	fp.Leave(m)
	fp.Enter(m)
	if !slices.Contains(fp.keys, "BgpConfig.TunnelCidr") {
		t.Fatalf("given, but its fields are not asked: %v", fp.keys)
	}
	m.St.Params().Set("BgpConfig.TunnelCidr", "169.254.128.0/30")
	for _, b := range fp.bindings {
		if b.in.Path == "BgpConfig" {
			b.text = ""
		}
	}
	fp.Leave(m)
	if m.St.Params().Has("BgpConfig") {
		t.Errorf("taken back, but still sent")
	}
	fp.Enter(m)
	for _, b := range fp.bindings {
		if b.in.Path == "BgpConfig" {
			b.text = given
		}
	}
	fp.Leave(m)
	if got := m.St.Params().Str("BgpConfig.TunnelCidr"); got != "169.254.128.0/30" {
		t.Errorf("given again, TunnelCidr %q", got)
	}
}

// TestSavedWithKeySaysSo: a spec saved with ctrl+y before the submit is
// kept up to date at the submit, still with the key, and the result says
// the file holds it.
func TestSavedWithKeySaysSo(t *testing.T) {
	m := specModel(t, filepath.Join("..", "..", "examples", "tencent.yaml"))
	key := m.St.Params().Str("PreShareKey")
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	tm.Send(press("ctrl+p"))
	tm.Send(keyCtrl('y'))
	waitText(t, tm, "0600).", 10*time.Second) // one word of the saved note, wherever it wraps
	tm.Send(keyCtrl('g'))
	waitText(t, tm, "Press enter to finish", 30*time.Second)
	tm.Send(press("enter"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	// Words, not lines: where the wrap falls depends on the temporary
	// directory's name.
	if text := resultText(final, 80, true); !strings.Contains(strings.Join(strings.Fields(text), " "), "with the pre-shared key (mode 0600") {
		t.Errorf("the result does not say the file holds the key:\n%s", text)
	}
	b, err := os.ReadFile(final.St.Saved)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), key) {
		t.Errorf("the file saved with ctrl+y lost the key at the submit")
	}
}

// TestFirstErrorInStepOrder: from a fresh start, ctrl+e goes to the
// missing region (the Target step), not to the customer gateway whose
// name sorts first but whose list needs the region.
func TestFirstErrorInStepOrder(t *testing.T) {
	m := New(Options{SaveDir: t.TempDir()})
	final := driveFast(t, m, []tea.KeyPressMsg{keyCtrl('e')})
	fp, ok := final.pages[final.cur].(*formPage)
	if !ok || fp.step != cloud.StepTarget {
		t.Fatalf("on %s, want Target", final.pages[final.cur].Name())
	}
	if got := fp.focusedKey(); got != "region#pick" && got != "region" {
		t.Errorf("cursor on %q, want the region", got)
	}
}

// TestResultKeepsTheKeyReachable: on the result screen ctrl+r shows the
// key and ctrl+y puts it into the spec just saved (not a second file);
// what is printed after the wizard closes names no key of a closed screen.
func TestResultKeepsTheKeyReachable(t *testing.T) {
	m := specModel(t, filepath.Join("..", "..", "examples", "tencent.yaml"))
	key := m.St.Params().Str("PreShareKey")
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	tm.Send(press("ctrl+p"))
	tm.Send(keyCtrl('g'))
	waitText(t, tm, "Press enter to finish", 30*time.Second)
	tm.Send(keyCtrl('r'))
	waitText(t, tm, key, 10*time.Second)
	tm.Send(keyCtrl('y'))
	// One word of the note: where it wraps depends on the temporary
	// directory's name ("0600)." only ends the note of a file with the key).
	waitText(t, tm, "0600).", 10*time.Second)
	tm.Send(press("enter"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	files, _ := filepath.Glob(filepath.Join(final.opts.SaveDir, "*.yaml"))
	if len(files) != 1 || files[0] != final.St.Saved {
		t.Fatalf("files saved: %v (the session's: %s)", files, final.St.Saved)
	}
	if b, _ := os.ReadFile(files[0]); !strings.Contains(string(b), key) {
		t.Errorf("ctrl+y did not put the key into %s", files[0])
	}
	final.St.SavedWithKey = false // as if ctrl+y had not been pressed
	if text := final.summary(); strings.Contains(text, "ctrl+") {
		t.Errorf("after the wizard closed, the text names keys of a closed screen:\n%s", text)
	}
}
