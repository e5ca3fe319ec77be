package wizard

import (
	"maps"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"tunnelwiz/cloud"
)

// screen renders the current page as the terminal shows it at 80x24 with
// no colour: the pinned size and colour profile of the golden files
// (testdata/*.golden; `go test ./ui/wizard -update` rewrites them, and
// they are read by eye before they are committed).
func screen(m *Model) string {
	return ansi.Strip(m.render())
}

func exampleModel(t *testing.T, vendor string) *Model {
	t.Helper()
	spec, err := cloud.LoadSpec(filepath.Join("..", "..", "examples", vendor+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	_, where := newRecorder(t)
	m := New(Options{From: spec, SaveDir: t.TempDir(), Sandbox: where})
	m.width, m.height = 80, 24
	return m
}

// TestStepScreens renders every step of every vendor, pre-filled from the
// vendor's example spec, with the gateways looked up in the sandbox.
func TestStepScreens(t *testing.T) {
	for _, vendor := range cloud.Vendors() {
		m := exampleModel(t, vendor)
		if msg, ok := m.loadInventory()().(invLoaded); !ok || msg.err != nil {
			t.Fatalf("%s: inventory: %v", vendor, msg.err)
		} else {
			m.St.Inventory = msg.inv
		}
		lookUpNow(m)
		for i, p := range m.pages {
			if _, ok := p.(*submitPage); ok {
				continue // sending is the flow tests' business
			}
			t.Run(vendor+"/"+p.Name(), func(t *testing.T) {
				m.cur = i
				p.Enter(m)
				out := screen(m)
				if n := strings.Count(out, "\n") + 1; n > 24 {
					t.Errorf("%d lines: taller than 24", n)
				}
				for _, l := range strings.Split(out, "\n") {
					if w := ansi.StringWidth(l); w > 80 {
						t.Errorf("line wider than 80 (%d): %q", w, l)
					}
				}
				if strings.Contains(out, "Xr7!pL2") {
					t.Errorf("the pre-shared key is on screen")
				}
				golden.RequireEqual(t, out)
			})
		}
	}
}

// lookUpNow makes the target's look-ups (Huawei's projects, Apsara's
// regions) at once, as the running wizard does in commands.
func lookUpNow(m *Model) {
	var run func(c tea.Cmd)
	run = func(c tea.Cmd) {
		if c == nil {
			return
		}
		switch msg := c().(type) {
		case tea.BatchMsg:
			for _, c := range msg {
				run(c)
			}
		case choicesLoaded:
			m.choicesArrived(msg)
		}
	}
	run(m.lookUpChoices(""))
}

// conflicting is the Tencent example in a sandbox where another
// connection on the same gateway already covers the remote range, so that
// Tencent answers InvalidParameterValue.VpnConnCidrConflict.
func conflicting(t *testing.T) (*recorder, *cloud.Spec, *teatest.TestModel) {
	t.Helper()
	spec, err := cloud.LoadSpec(filepath.Join("..", "..", "examples", "tencent.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rc, where := newRecorder(t)
	if _, ref := rc.srv.Backend().Create("tencent", "ap-guangzhou", sandboxConflict()); ref != nil {
		t.Fatal(ref)
	}
	original := &cloud.Spec{Vendor: spec.Vendor, Target: maps.Clone(spec.Target), Params: cloud.Params(spec.Params).Clone()}
	m := New(Options{From: spec, SaveDir: t.TempDir(), Sandbox: where})
	return rc, original, teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
}

// TestCloudErrorRoundTrip: the cloud refuses the create with a code that
// names a field; the wizard goes back to that field's step, shows the
// vendor's code and message there, and keeps everything typed.
func TestCloudErrorRoundTrip(t *testing.T) {
	_, spec, tm := conflicting(t)
	before := cloud.Params(spec.Params).Clone()
	tm.Send(press("ctrl+p"))
	waitText(t, tm, "go to step", 30*time.Second)
	tm.Send(keyCtrl('g'))
	waitText(t, tm, "VpnConnCidrConflict", 30*time.Second)
	tm.Send(keyCtrl('c'))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*Model)
	if got := final.pages[final.cur].Name(); got != "Subnets" {
		t.Errorf("after the refusal the wizard shows %s, want Subnets", got)
	}
	if e := final.St.CloudErr; e == nil || e.Code != cloud.CodeConflict || !strings.HasPrefix(e.Field, "SecurityPolicyDatabases") {
		t.Errorf("cloud error %+v", e)
	}
	for _, k := range []string{"PreShareKey", "SecurityPolicyDatabases", "IKEOptionsSpecification", "VpnConnectionName"} {
		a, _ := before.At(k)
		b, _ := final.St.Params().At(k)
		if fmtAny(a) != fmtAny(b) {
			t.Errorf("%s changed: %v -> %v", k, a, b)
		}
	}
	final.width, final.height = 80, 24
	golden.RequireEqual(t, screen(final))
}
