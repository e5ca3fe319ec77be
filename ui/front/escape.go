package front

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Text from outside (a spec's keys and values, a file name, an endpoint's
// answer) must never drive the user's terminal: an ESC or a C1 CSI in it
// could retitle the window, clear the screen or hide the lines before it,
// a CR could overwrite them. So it is shown with its control characters
// as text: \n, \t and \r as such, any other C0 control as \x1b, DEL and C1
// controls as \u007f and \u009b (which are valid escapes inside a JSON
// string too, so JSON output stays JSON), and a byte that is not UTF-8 as
// \xff (a lone 0x9b is CSI to an 8-bit terminal).

// Escape returns s with every control character escaped, line breaks and
// tabs included: one value, shown on one line.
func Escape(s string) string {
	if clean(s, false) {
		return s
	}
	var b strings.Builder
	escape(&b, s, false)
	return b.String()
}

// Terminal wraps the writer of a command's output so that no control
// character from outside reaches the terminal raw, whatever code path
// printed it: everything is escaped but \n and \t, the structure of the
// output itself. Each Write is escaped on its own; a write that ends in
// the middle of a UTF-8 character has that part escaped as bytes (every
// caller writes whole strings).
func Terminal(w io.Writer) io.Writer {
	if _, ok := w.(terminal); ok {
		return w
	}
	return terminal{w}
}

type terminal struct{ w io.Writer }

func (t terminal) Write(p []byte) (int, error) {
	s := string(p)
	if !clean(s, true) {
		var b strings.Builder
		escape(&b, s, true)
		s = b.String()
	}
	if _, err := io.WriteString(t.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (t terminal) Unwrap() io.Writer { return t.w }

// Underlying returns the writer beneath the wrappers that escape or mask
// output, for the program's own control sequences (a progress line's
// carriage return) and to ask whether the output is a terminal.
func Underlying(w io.Writer) io.Writer {
	for {
		u, ok := w.(interface{ Unwrap() io.Writer })
		if !ok {
			return w
		}
		w = u.Unwrap()
	}
}

// clean reports whether s has nothing to escape (the common case, checked
// without allocating).
func clean(s string, keepLines bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && !(keepLines && (c == '\n' || c == '\t')) || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r < 0xa0 {
			return false
		}
		i += n
	}
	return true
}

func escape(b *strings.Builder, s string, keepLines bool) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(b, `\x%02x`, s[i])
		case (r == '\n' || r == '\t') && keepLines:
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20:
			fmt.Fprintf(b, `\x%02x`, r)
		case r == 0x7f || r >= 0x80 && r < 0xa0:
			fmt.Fprintf(b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
}
