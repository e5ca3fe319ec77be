package wizard

import (
	"strings"
	"testing"
)

func TestZZScratch(t *testing.T) {
	_, where := newRecorder(t)
	m := New(Options{SaveDir: t.TempDir(), Sandbox: where})
	a := &answerer{}
	a.answer = func(prompt string) string {
		if strings.Contains(prompt, "Create this connection") {
			return "n"
		}
		return ""
	}
	err := runAccessible(m, a, a)
	t.Logf("err=%v\n%s", err, a.text())
}
