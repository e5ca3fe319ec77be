package wizard

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/presets"
	"tunnelwiz/ui/front"
)

// answerer plays a person at plain prompts: each time a prompt waits for
// a line (a Read), it looks at what was printed last and answers; no
// clock is involved.
type answerer struct {
	mu     sync.Mutex
	out    strings.Builder
	answer func(prompt string) string
	asked  int
	seen   int
}

func (a *answerer) Write(p []byte) (int, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.out.Write(p)
}

func (a *answerer) Read(p []byte) (int, error) {
	a.mu.Lock()
	screen := a.out.String()
	prompt := screen[a.seen:] // what was printed since the last answer
	a.seen = len(screen)
	a.asked++
	n := a.asked
	a.mu.Unlock()
	if n > 400 {
		return 0, io.EOF
	}
	return copy(p, a.answer(prompt)+"\n"), nil
}

func (a *answerer) text() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.out.String()
}

// TestAccessiblePreset: with plain prompts, a preset chosen is applied
// once, the IKE questions are asked once (with the preset's values shown),
// and Enter at the key prompt keeps the key (issue 7).
func TestAccessiblePreset(t *testing.T) {
	spec, err := cloud.LoadSpec(filepath.Join("..", "..", "examples", "tencent.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	key := cloud.Params(spec.Params).Str("PreShareKey")
	_, where := newRecorder(t)
	m := New(Options{From: spec, SaveDir: t.TempDir(), Sandbox: where})
	legacy, err := presets.Find("legacy-ikev1")
	if err != nil {
		t.Fatal(err)
	}
	option := regexp.MustCompile(`(?m)^(\d+)\. ` + regexp.QuoteMeta(legacy.Title) + `$`)
	a := &answerer{}
	a.answer = func(prompt string) string {
		switch {
		case strings.Contains(prompt, "Create this connection"):
			return "n"
		case strings.Contains(prompt, "Preset") && option.MatchString(prompt):
			return option.FindStringSubmatch(prompt)[1]
		}
		return ""
	}
	err = runAccessible(m, a, a)
	var aborted *front.AbortedError
	if !errors.As(err, &aborted) {
		t.Fatalf("run: %v\n%s", err, a.text())
	}
	out := a.text()
	if n := strings.Count(out, "IKEOptionsSpecification.PropoEncryAlgorithm [now:"); n != 1 {
		t.Errorf("the IKE encryption was asked %d times, want once:\n%s", n, out)
	}
	if !strings.Contains(out, "Applied "+legacy.Title) {
		t.Errorf("the preset was not applied:\n%s", out)
	}
	if got := m.St.Params().Str("IKEOptionsSpecification.IKEVersion"); got != "IKEV1" {
		t.Errorf("IKEVersion %q after the legacy preset", got)
	}
	if got := m.St.Params().Str("PreShareKey"); got != key {
		t.Errorf("the key changed at an empty answer: %q", got)
	}
	if n := strings.Count(out, "PreShareKey (required)"); n != 1 {
		t.Errorf("the key was asked %d times, want once", n)
	}
	if strings.Contains(out, key) {
		t.Errorf("the key was printed")
	}
}

// TestAccessibleFresh: a whole connection with plain prompts from an
// empty start: the region typed, the first gateways kept, the row
// completed on one line, Enter at the empty key prompt makes a key (and
// says it), the preset chosen, and a yes creates it.
func TestAccessibleFresh(t *testing.T) {
	_, where := newRecorder(t)
	m := New(Options{SaveDir: t.TempDir(), Sandbox: where})
	modern, err := presets.Find("modern-ikev2")
	if err != nil {
		t.Fatal(err)
	}
	option := regexp.MustCompile(`(?m)^(\d+)\. ` + regexp.QuoteMeta(modern.Title) + `$`)
	a := &answerer{}
	a.answer = func(prompt string) string {
		switch {
		case strings.Contains(prompt, "Create this connection"):
			return "y"
		case strings.Contains(prompt, "region (required)"):
			return "ap-guangzhou"
		case strings.Contains(prompt, "SecurityPolicyDatabases (required)"):
			return "10.8.0.0/16 | 192.168.10.0/24"
		case strings.Contains(prompt, "Preset") && option.MatchString(prompt):
			return option.FindStringSubmatch(prompt)[1]
		}
		return ""
	}
	if err := runAccessible(m, a, a); err != nil {
		t.Fatalf("run: %v\n%s", err, tail(a.text(), 3000))
	}
	out := a.text()
	if m.St.Final == nil || m.Outcome != Done {
		t.Fatalf("not created:\n%s", tail(out, 3000))
	}
	key := m.St.Params().Str("PreShareKey")
	if key == "" || !strings.Contains(out, "Generated PreShareKey: "+key) {
		t.Errorf("no key generated and shown (%q)", key)
	}
	sent := m.St.Created.Params
	if v, _ := sent.At("IKEOptionsSpecification.IKEVersion"); v != "IKEV2" {
		t.Errorf("the preset was not applied: IKEVersion %v", v)
	}
	if v, _ := sent.At("SecurityPolicyDatabases[0].RemoteCidrBlock[0]"); v != "192.168.10.0/24" {
		t.Errorf("SPD %v", sent.List("SecurityPolicyDatabases"))
	}
	if strings.Contains(out, "IKEOptionsSpecification.LocalFqdnName") {
		t.Errorf("a field of another identity mode was asked")
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// TestAccessibleRequiredAskedAgain: with plain prompts, Enter at an empty
// required field (the region) asks it again, saying it is required, in
// words with no keys of the full-screen wizard (it went on, and the run
// ended on "ctrl+e goes to the first" and exit 1).
func TestAccessibleRequiredAskedAgain(t *testing.T) {
	_, where := newRecorder(t)
	m := New(Options{SaveDir: t.TempDir(), Sandbox: where})
	regions := 0
	a := &answerer{}
	a.answer = func(prompt string) string {
		switch {
		case strings.Contains(prompt, "Create this connection"):
			return "y"
		case strings.Contains(prompt, "region (required)"), strings.Contains(prompt, "region is required"):
			regions++
			if regions == 1 {
				return ""
			}
			return "ap-guangzhou"
		case strings.Contains(prompt, "SecurityPolicyDatabases (required)"):
			return "10.8.0.0/16 | 192.168.10.0/24"
		}
		return ""
	}
	if err := runAccessible(m, a, a); err != nil {
		t.Fatalf("run: %v\n%s", err, tail(a.text(), 3000))
	}
	out := a.text()
	if regions != 2 || !strings.Contains(out, "region is required") || m.St.Final == nil {
		t.Errorf("region asked %d times, want twice with a word why; created %v\n%s", regions, m.St.Final != nil, tail(out, 3000))
	}
	if strings.Contains(out, "ctrl+") {
		t.Errorf("a full-screen key in plain prompts:\n%s", tail(out, 3000))
	}
}

// TestAccessibleGoesBackToErrors: a request that still has errors at the
// preview (a spec's value this vendor does not allow, kept by Enter)
// offers to go back to the step that holds the first; yes asks that
// step again, and the connection is created once it is fixed (exit 0).
// No ctrl+ key is named: plain prompts have none.
func TestAccessibleGoesBackToErrors(t *testing.T) {
	m := group3Model(t)
	group14 := regexp.MustCompile(`(?m)^(\d+)\. GROUP14 `)
	back, dh := 0, 0
	a := &answerer{}
	a.answer = func(prompt string) string {
		switch {
		case strings.Contains(prompt, "Create this connection"):
			return "y"
		case strings.Contains(prompt, "Go back to"):
			back++
			return ""
		case strings.Contains(prompt, "DhGroupName [now:"):
			dh++
			if dh > 1 {
				return group14.FindStringSubmatch(prompt)[1]
			}
		}
		return ""
	}
	if err := runAccessible(m, a, a); err != nil {
		t.Fatalf("run: %v\n%s", err, tail(a.text(), 3000))
	}
	out := a.text()
	if back != 1 || dh != 2 || m.St.Final == nil || m.Outcome != Done {
		t.Errorf("went back %d times, DhGroupName asked %d times, created %v:\n%s", back, dh, m.St.Final != nil, tail(out, 3000))
	}
	if strings.Contains(out, "ctrl+") {
		t.Errorf("a full-screen key in plain prompts:\n%s", tail(out, 3000))
	}
}

// TestAccessibleErrorsNotFixed: answering no to going back ends the run
// as quitting does (exit 130, as the wizard's promise: 0 done, 130 quit,
// 3 failed), the draft kept.
func TestAccessibleErrorsNotFixed(t *testing.T) {
	m := group3Model(t)
	a := &answerer{}
	a.answer = func(prompt string) string {
		if strings.Contains(prompt, "Go back to") {
			return "n"
		}
		return ""
	}
	err := runAccessible(m, a, a)
	var aborted *front.AbortedError
	if !errors.As(err, &aborted) || !strings.Contains(a.text(), "draft") {
		t.Errorf("want an abort (130) with the draft kept, got %v:\n%s", err, tail(a.text(), 2000))
	}
	if _, err := os.Stat(m.opts.DraftPath); err != nil {
		t.Errorf("no draft: %v", err)
	}
}

// TestAccessibleBackOnce: Enter at every question (each one's default, as
// at the end of the input) goes back to an error once; when the trip
// leaves it as it was, the run ends with the errors (exit 1) instead of
// offering the same trip for good (a review found that loop).
func TestAccessibleBackOnce(t *testing.T) {
	m := group3Model(t)
	offers := 0
	a := &answerer{}
	a.answer = func(prompt string) string {
		if strings.Contains(prompt, "Go back to") {
			if offers++; offers > 3 {
				return "n" // out of the loop, to fail below rather than hang
			}
		}
		return ""
	}
	err := runAccessible(m, a, a)
	var invalid *cloud.InvalidError
	if !errors.As(err, &invalid) || offers != 1 {
		t.Errorf("want the errors (exit 1) after one offer; got %v after %d offers", err, offers)
	}
}

// group3Model is the Tencent example with an IKE DH group the vendor does
// not allow (GROUP3), in a fresh wizard at the sandbox that keeps drafts.
func group3Model(t *testing.T) *Model {
	t.Helper()
	spec, err := cloud.LoadSpec(filepath.Join("..", "..", "examples", "tencent.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cloud.Params(spec.Params).Set("IKEOptionsSpecification.DhGroupName", "GROUP3")
	_, where := newRecorder(t)
	return New(Options{From: spec, SaveDir: t.TempDir(), Sandbox: where, DraftPath: filepath.Join(t.TempDir(), "draft.yaml")})
}
