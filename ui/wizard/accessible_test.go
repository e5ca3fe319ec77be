package wizard

import (
	"errors"
	"io"
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
	answer func(screen string) string
	asked  int
}

func (a *answerer) Write(p []byte) (int, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.out.Write(p)
}

func (a *answerer) Read(p []byte) (int, error) {
	a.mu.Lock()
	screen := a.out.String()
	a.asked++
	n := a.asked
	a.mu.Unlock()
	if n > 400 {
		return 0, io.EOF
	}
	return copy(p, a.answer(screen)+"\n"), nil
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
	a.answer = func(screen string) string {
		trimmed := strings.TrimRight(screen, "\n ")
		last := trimmed[strings.LastIndex(trimmed, "\n")+1:]
		head := screen[max(0, strings.LastIndex(screen, "Preset")):]
		switch {
		case strings.Contains(last, "Create this connection"):
			return "n"
		case strings.Contains(screen, "Preset") && !strings.Contains(head, "Applied") && option.MatchString(head):
			return option.FindStringSubmatch(head)[1]
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
