package export

import (
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

// shellWords splits a command line the way a POSIX shell does for the
// quoting ShellQuote writes: single quotes, backslash-newline, comments.
func shellWords(t *testing.T, text string) []string {
	t.Helper()
	return shellWordsEnv(t, text, nil)
}

// shellWordsEnv also reads double-quoted "$NAME" references from env.
func shellWordsEnv(t *testing.T, text string, env map[string]string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	in, have := false, false
	for i := 0; i < len(text); i++ {
		ch := text[i]
		switch {
		case !in && ch == '"':
			end := strings.IndexByte(text[i+1:], '"')
			if end < 0 {
				t.Fatalf("unterminated double quote in\n%s", text)
			}
			ref := text[i+1 : i+1+end]
			name, ok := strings.CutPrefix(ref, "$")
			if !ok || strings.ContainsAny(name, "$`\\") {
				t.Fatalf("double quotes hold more than one variable: %q", ref)
			}
			cur.WriteString(env[name])
			have = true
			i += end + 1
		case in && ch == '\'':
			in = false
		case in:
			cur.WriteByte(ch)
		case ch == '\'':
			in, have = true, true
		case ch == '\\' && i+1 < len(text) && text[i+1] == '\n':
			i++
		case ch == '\\' && i+1 < len(text):
			i++
			cur.WriteByte(text[i])
			have = true
		case ch == '#' && !have:
			for i < len(text) && text[i] != '\n' {
				i++
			}
		case ch == ' ' || ch == '\n' || ch == '\t':
			if have {
				words = append(words, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteByte(ch)
			have = true
		}
	}
	if in {
		t.Fatalf("unterminated quote in\n%s", text)
	}
	if have {
		words = append(words, cur.String())
	}
	return words
}

// Every example's curl line, read back by the shell's rules, is the
// planned request: method, URL with its query, each header, the body
// bytes; and it names the signature step.
func TestCurlIsThePlan(t *testing.T) {
	for name, s := range examples(t) {
		t.Run(name, func(t *testing.T) {
			res, err := Curl(s, Options{})
			if err != nil {
				t.Fatal(err)
			}
			r, _, err := cloud.Plan(s, false)
			if err != nil {
				t.Fatal(err)
			}
			d, _ := cloud.DriverFor(s.Vendor)
			if !strings.Contains(res.Text, "curl cannot sign it: before it is accepted it needs "+d.Catalog().Signing) || d.Catalog().Signing == "" {
				t.Errorf("the signature step is not named:\n%s", res.Text)
			}
			want := []string{"curl", "-X", r.Method, r.FullURL()}
			for _, k := range r.HeaderNames() {
				want = append(want, "-H", k+": "+r.Headers[k])
			}
			if len(r.Raw) > 0 {
				want = append(want, "--data-binary", string(r.Raw))
			}
			got := shellWords(t, res.Text)
			if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
				t.Errorf("read back:\n%q\nwant\n%q", got, want)
			}
			if strings.Contains(res.Text, "Xr7!pL2#vQ9@mN4k") {
				t.Error("the key is in the output without --show-secrets")
			}
			shown, err := Curl(s, Options{ShowSecrets: true})
			if err != nil {
				t.Fatal(err)
			}
			if !shown.HasSecret {
				t.Error("--show-secrets: HasSecret is false")
			}
		})
	}
}

func TestShellQuote(t *testing.T) {
	for _, s := range []string{"", "a b", "it's", `"$HOME"`, "x\ny", "plain-word_1.2/3:4"} {
		got := shellWords(t, "cmd "+ShellQuote(s))
		if len(got) != 2 || got[1] != s {
			t.Errorf("%q -> %s -> %q", s, ShellQuote(s), got)
		}
	}
}
