package command

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Section is a man page section beside those made from the commands
// (EXIT STATUS, ENVIRONMENT): a heading and its text.
type Section struct{ Title, Text string }

// Man writes root's man page in roff (man(7)), made from the same
// definitions as --help: one page, the root's flags under OPTIONS and
// each command under COMMANDS with its flags. It is written here rather
// than with cobra/doc, whose Markdown converter costs ~0.6 ms at every
// start of the program (blackfriday's init) for a page read rarely.
func Man(w io.Writer, root *cobra.Command, version string, extra ...Section) error {
	var b strings.Builder
	name := root.Name()
	// The footer names the program once: a version line may start with it.
	footer := version
	if !strings.HasPrefix(footer, name+" ") {
		footer = name + " " + footer
	}
	fmt.Fprintf(&b, ".TH %s 1 \"\" \"%s\" \"User Commands\"\n", strings.ToUpper(name), roff(footer))
	// No hyphenation, ragged right: a variable or flag name broken at a
	// line's end (ALIBABA_CLOUD_ACCESS_KEY_SE-CRET) cannot be searched.
	b.WriteString(".nh\n.ad l\n")
	fmt.Fprintf(&b, ".SH NAME\n%s \\- %s\n", name, roff(root.Short))
	b.WriteString(".SH SYNOPSIS\n")
	fmt.Fprintf(&b, ".B %s\n[\\fIflags\\fR]\n.br\n.B %s\n\\fICOMMAND\\fR [\\fIarguments\\fR] [\\fIflags\\fR]\n", name, name)
	b.WriteString(".SH DESCRIPTION\n")
	paragraphs(&b, root.Long)
	root.InitDefaultVersionFlag()
	b.WriteString(".SH OPTIONS\n")
	flags(&b, root.LocalFlags())
	b.WriteString(".SH COMMANDS\n")
	for _, c := range root.Commands() {
		if !c.IsAvailableCommand() {
			continue
		}
		fmt.Fprintf(&b, ".SS \"%s\"\n", roff(c.CommandPath()+strings.TrimPrefix(c.Use, c.Name())))
		paragraphs(&b, c.Short)
		paragraphs(&b, c.Long)
		if c.Example != "" {
			b.WriteString(".PP\nExamples:\n")
			paragraphs(&b, c.Example)
		}
		flags(&b, c.LocalFlags())
	}
	for _, s := range extra {
		fmt.Fprintf(&b, ".SH %s\n", strings.ToUpper(s.Title))
		paragraphs(&b, s.Text)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// flags lists flags as tagged paragraphs: the flag and its value's
// name, then what it does and its default.
func flags(b *strings.Builder, fs *pflag.FlagSet) {
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Name == "help" {
			return
		}
		value, usage := pflag.UnquoteUsage(f)
		b.WriteString(".TP\n")
		if f.Shorthand != "" {
			fmt.Fprintf(b, "\\fB\\-%s\\fR, ", f.Shorthand)
		}
		fmt.Fprintf(b, "\\fB\\-\\-%s\\fR", roff(f.Name))
		if value != "" && takesValue(f) {
			fmt.Fprintf(b, " \\fI%s\\fR", roff(value))
		}
		b.WriteString("\n" + roff(usage))
		if takesValue(f) && f.DefValue != "" && f.DefValue != "0" {
			fmt.Fprintf(b, " (default %s)", roff(f.DefValue))
		}
		b.WriteString("\n")
	})
}

// paragraphs writes text: blank lines part paragraphs, and a paragraph
// with an indented line (a command line, a list) is kept as it is laid out.
func paragraphs(b *strings.Builder, text string) {
	// Only blank lines are trimmed: the first line's indent is layout, as
	// the others' (the EXIT STATUS rows).
	for _, p := range strings.Split(strings.Trim(text, "\n"), "\n\n") {
		if strings.TrimSpace(p) == "" {
			continue
		}
		if strings.Contains(p, "\n ") || strings.HasPrefix(p, " ") {
			b.WriteString(".PP\n.nf\n")
			for _, line := range strings.Split(p, "\n") {
				b.WriteString(roffLine(line) + "\n")
			}
			b.WriteString(".fi\n")
			continue
		}
		b.WriteString(".PP\n" + roffLine(strings.Join(strings.Fields(p), " ")) + "\n")
	}
}

// roff escapes text for roff: a backslash would start an escape, a minus
// is written \- so that it prints (and is searched) as one, and a
// character beyond ASCII is written by its code point (\[u2026]): groff
// reads its input as Latin-1 unless told otherwise, and printed UTF-8's
// bytes one by one (HW_PROFILE… came out as HW_PROFILEâ¦).
func roff(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\e`)
		case r == '-':
			b.WriteString(`\-`)
		case r > 0x7e:
			fmt.Fprintf(&b, `\[u%04X]`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// roffLine is roff(s) safe at the start of a line, where . and ' begin a
// request.
func roffLine(s string) string {
	s = roff(s)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}
