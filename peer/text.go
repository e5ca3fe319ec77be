package peer

import (
	"fmt"
	"strings"
)

// text builds an indented configuration with trailing comments.
type text struct {
	b      strings.Builder
	indent int
	unit   string
}

// line writes "key = value" (or a bare key when value is empty) with an
// optional trailing comment, prefixed by mark ("# " for comments).
func (x *text) line(s string, comment ...string) {
	x.b.WriteString(strings.Repeat(x.unit, x.indent))
	x.b.WriteString(s)
	if c := strings.Join(nonEmpty(comment), "; "); c != "" {
		x.b.WriteString("  # " + c)
	}
	x.b.WriteString("\n")
}

// comment writes a whole-line comment.
func (x *text) comment(format string, args ...any) {
	x.b.WriteString(strings.Repeat(x.unit, x.indent))
	x.b.WriteString("# " + sprintf(format, args...) + "\n")
}

func (x *text) open(s string) {
	x.line(s + " {")
	x.indent++
}

func (x *text) close() {
	x.indent--
	x.line("}")
}

func (x *text) String() string { return x.b.String() }

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// from says where a value came from, for a comment: "Field TOKEN", and
// "(vendor default)" when the spec left it unset.
func from(v Value) string {
	if !v.Known() {
		return ""
	}
	if v.Field == "" {
		return "no parameter sets it: " + v.Token + " (documented)"
	}
	s := v.Field + " " + v.Token
	if v.Default {
		s += " (vendor default)"
	}
	return s
}

// safeName keeps letters, digits, '-' and '_' of a connection name, for
// section names and identifiers on every device.
func safeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	out := strings.Trim(b.String(), "-")
	if len(out) > 40 {
		out = out[:40]
	}
	if out == "" {
		return "tunnelwiz"
	}
	return out
}

func seconds(n int64) string { return fmt.Sprintf("%ds", n) }
