package wizard

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// The text the wizard wraps itself (the preview, your side, the panel,
// the result) breaks between tokens: at spaces, after a comma or an
// ampersand (JSON members, form parameters). A token that fits on a row is
// never cut, so an address, a host name or a URL is read whole ("172.16."
// over "0.11" reads as two values). Only a token wider than a whole row is
// cut, at its own joints ('/', '?', '=', '&', ';', before a '%' escape),
// else at the row's end. The bytes sent and saved are never wrapped.

// contMark starts a viewer row that continues the line above. A wrapped
// comment's tail would otherwise read as configuration; the mark is
// faint and a character no configuration line starts with.
const contMark = "↪ "

// wrap breaks prose (messages, the result) for width, with no mark.
func wrap(s string, width int) string { return wrapTokens(s, width, "") }

// wrapTokens breaks a viewer's text for width: each row that continues a
// line starts with the line's own indentation and mark (faint contMark in
// the viewers), so that what is one line in the file is seen to be one.
func wrapTokens(s string, width int, mark string) string {
	if width <= 0 {
		return s
	}
	var out []string
	for _, line := range strings.Split(s, "\n") {
		out = append(out, breakLine(line, width, contOf(line, width, mark))...)
	}
	return strings.Join(out, "\n")
}

// contOf is what a continuation row of line starts with: its indentation
// (at most a third of the row) and the mark; nothing without a mark.
func contOf(line string, width int, mark string) string {
	if mark == "" {
		return ""
	}
	indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
	indent = strings.ReplaceAll(indent, "\t", "    ")
	if len(indent) > width/3 {
		indent = indent[:width/3]
	}
	return indent + mark
}

// breakLine cuts one line into rows no wider than width.
func breakLine(line string, width int, cont string) []string {
	if ansi.StringWidth(line) <= width {
		return []string{line}
	}
	var rows []string
	cur := "" // the row so far: after the first, it starts with cont
	for _, tok := range tokens(line) {
		words := strings.TrimSpace(cur) != strings.TrimSpace(cont) && strings.TrimSpace(cur) != ""
		if !words && len(rows) > 0 && strings.TrimSpace(tok) == "" {
			continue // no blank at the start of a continuation
		}
		if words && ansi.StringWidth(strings.TrimRight(cur+tok, " ")) > width {
			rows = append(rows, strings.TrimRight(cur, " "))
			cur = cont
		}
		from := len(cur)
		cur += tok
		for ansi.StringWidth(strings.TrimRight(cur, " ")) > width {
			head, tail := cutToken(cur, from, width)
			rows = append(rows, head)
			cur, from = cont+tail, len(cont)
		}
	}
	return append(rows, strings.TrimRight(cur, " "))
}

// cutToken cuts s, whose token begins at byte from, at the last joint
// that leaves a head no wider than width, else at width.
func cutToken(s string, from, width int) (head, tail string) {
	at := -1
	for i := from + 1; i < len(s); i++ {
		if ansi.StringWidth(s[:i]) > width {
			break
		}
		switch c, prev := s[i], s[i-1]; {
		case c == '%', prev == '/' || prev == '?' || prev == '=' || prev == '&' || prev == ';':
			at = i
		}
	}
	if at < 0 {
		head = ansi.Truncate(s, width, "")
		return head, s[len(head):]
	}
	return s[:at], s[at:]
}

// tokens splits a line after each space, comma and ampersand; a comment
// leader ("# ", "! ") stays with the word after it, so that a row never
// ends in a bare "#".
func tokens(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		if c := line[i]; c == ' ' || c == ',' || c == '&' {
			if t := line[start : i+1]; t == "# " || t == "! " {
				continue
			}
			out = append(out, line[start:i+1])
			start = i + 1
		}
	}
	if start < len(line) {
		out = append(out, line[start:])
	}
	return out
}

// viewerMark is contMark as the viewers draw it: faint.
func (m *Model) viewerMark() string { return m.Styles.Muted.Render(contMark) }
