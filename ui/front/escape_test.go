package front

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

func TestEscape(t *testing.T) {
	cases := map[string]string{
		"plain 北京 é":      "plain 北京 é",
		"a\nb\tc\rd":      `a\nb\tc\rd`,
		"\x1b]0;t\x07":    `\x1b]0;t\x07`,
		"\x00\x7f":        `\x00\u007f`,
		"\u009b2J\u0085":  `\u009b2J\u0085`,
		"bad\x9b\xffutf8": `bad\x9b\xffutf8`,
		"\ufffd kept":     "\ufffd kept",
	}
	for in, want := range cases {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// The terminal writer keeps the output's own lines and tabs and escapes
// the rest; DEL and C1 become escapes that JSON reads back.
func TestTerminalWriter(t *testing.T) {
	var b bytes.Buffer
	w := Terminal(&b)
	if Terminal(w) != w {
		t.Error("wrapped twice")
	}
	text := "line\tone\n\x1b[2Jtwo\r\n"
	w.Write([]byte(text))
	if got, want := b.String(), "line\tone\n\\x1b[2Jtwo\\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	b.Reset()
	enc, _ := json.Marshal(map[string]string{"k": "\x7f\u009b\x1b"})
	w.Write(enc)
	var back map[string]string
	if err := json.Unmarshal(b.Bytes(), &back); err != nil || back["k"] != "\x7f\u009b\x1b" {
		t.Errorf("JSON through the writer: %s (%v)", b.Bytes(), err)
	}
	if Underlying(w) != &b {
		t.Error("Underlying does not unwrap")
	}
}

// The plan shows each header and decoded parameter escaped: a value with
// a line break must not fake a header line, nor an ESC reach the screen.
func TestWritePlanEscapesValues(t *testing.T) {
	r := &cloud.Request{Method: "POST", URL: "https://api.example.test/",
		Headers: map[string]string{"X-Name": "a\r\nX-Injected: 1\x1b[2J"},
		Body:    map[string]string{"Name\x1b": "v\nw\x07"}, Raw: []byte("Name%1B=v%0Aw%07")}
	var b strings.Builder
	WritePlan(&b, "Fake", r, true)
	out := b.String()
	for _, bad := range []string{"\x1b", "\r", "\x07", "\nX-Injected", "\nw"} {
		if strings.Contains(out, bad) {
			t.Errorf("raw %q in the plan:\n%s", bad, out)
		}
	}
	for _, want := range []string{`X-Name: a\r\nX-Injected: 1\x1b[2J`, `#   Name\x1b = v\nw\x07`} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in the plan:\n%s", want, out)
		}
	}
}
