package wizard

import (
	"maps"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"tunnelwiz/cloud"
)

// promiseSpecs are every spec the project ships for the wizard to be
// filled from: the examples, each vendor's testdata and the wizard's own
// (values the pick lists lack, fields a mode hides).
func promiseSpecs(t *testing.T) []string {
	t.Helper()
	var out []string
	pats := []string{"../../examples/*.yaml", "../../cloud/*/testdata/*.yaml", "testdata/specs/*.yaml"}
	if testing.Short() {
		// The race detector's pass (scripts/test) walks one spec per
		// vendor and the wizard's own: the full set runs without it.
		pats = []string{"../../examples/*.yaml", "testdata/specs/*.yaml"}
	}
	for _, pat := range pats {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	if len(out) < 20 && !testing.Short() || len(out) < 8 {
		t.Fatalf("only %d specs found", len(out))
	}
	return out
}

// visitEveryStep is the walk of the promise: Enter through every field of
// every step from the first page, then from the preview each step by its
// digit and Enter through everything after it again.
func visitEveryStep() []tea.Msg {
	walk := func() []tea.Msg {
		var out []tea.Msg
		for i := 0; i < 90; i++ {
			out = append(out, press("enter"))
		}
		return out
	}
	keys := walk()
	for d := '1'; d <= '8'; d++ {
		keys = append(keys, press(string(d)))
		keys = append(keys, walk()...)
	}
	return keys
}

// errorSet is the errors of a set of issues, as "field: message" lines.
func errorSet(is cloud.Issues) []string {
	var out []string
	for _, i := range is {
		if i.Severity == cloud.Error {
			out = append(out, i.Field+": "+i.Message)
		}
	}
	sort.Strings(out)
	return out
}

// TestPromise: a spec loaded as --from, every step visited with the
// keyboard (all keys sent at once, as a fast typist or a paste would),
// submitted to a recording sandbox: the request received equals `plan`
// of the original spec. A spec with errors keeps exactly those errors.
func TestPromise(t *testing.T) {
	for _, path := range promiseSpecs(t) {
		name := strings.TrimSuffix(strings.ReplaceAll(strings.TrimPrefix(path, "../../"), "/", "_"), ".yaml")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			spec, err := cloud.LoadSpec(path)
			if err != nil {
				t.Fatal(err)
			}
			original := &cloud.Spec{Vendor: spec.Vendor, Target: maps.Clone(spec.Target), Params: cloud.Params(spec.Params).Clone()}
			want, err := cloud.Validate(original)
			if err != nil {
				t.Fatal(err)
			}
			rc, where := newRecorder(t)
			m := New(Options{From: spec, SaveDir: t.TempDir(), Sandbox: where})
			tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
			for _, k := range visitEveryStep() {
				tm.Send(k)
			}
			tm.Send(keyCtrl('g')) // on the preview: submit (refused while errors remain)
			valid := want.Errors() == 0
			wait := "Press enter to finish"
			if !valid {
				wait = "Fix the errors first"
			}
			waitText(t, tm, wait, 90*time.Second)
			if valid {
				tm.Send(press("enter"))
			} else {
				tm.Send(keyCtrl('c'))
			}
			final := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(*Model)
			if got, exp := errorSet(final.St.Issues), errorSet(want); strings.Join(got, "\n") != strings.Join(exp, "\n") {
				t.Errorf("errors after the walk:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(exp, "\n"))
			}
			if !valid {
				for _, p := range []string{"IKEOptionsSpecification.PropoEncryAlgorithm", "IKEOptionsSpecification.DhGroupName", "VpnGatewayId"} {
					a, _ := cloud.Params(original.Params).At(p)
					b, _ := final.St.Params().At(p)
					if fmtAny(a) != fmtAny(b) {
						t.Errorf("%s: %v became %v", p, a, b)
					}
				}
				return
			}
			if final.Outcome != Done {
				t.Fatalf("outcome %v (final %+v)", final.Outcome, final.St.Final)
			}
			compareWithPlan(t, rc, final, original)
		})
	}
}
