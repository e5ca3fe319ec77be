package wizard

import (
	"charm.land/bubbles/v2/key"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tunnelwiz/cloud"
	"tunnelwiz/ui/front"
)

// previewPage shows the exact request (key masked) or what still stops it.
type previewPage struct {
	vp    viewport.Model
	text  string
	width int // what the text was wrapped for
}

func (p *previewPage) Name() string { return "Preview" }

func (p *previewPage) Enter(m *Model) tea.Cmd {
	p.text = previewText(m.St, m.destinationText())
	p.vp = viewport.New(viewport.WithWidth(m.bodyWidth()), viewport.WithHeight(m.bodyHeight()))
	p.width = 0
	return nil
}

// wrapTokens breaks long lines for the screen between tokens: at spaces,
// after a comma or an ampersand (JSON members, form parameters), never
// inside a name; the bytes sent are unchanged.
func wrapTokens(s string, width int) string {
	if width <= 0 {
		return s
	}
	var out []string
	for _, line := range strings.Split(s, "\n") {
		cur := ""
		for _, tok := range tokens(line) {
			if cur != "" && ansi.StringWidth(cur+tok) > width {
				out = append(out, cur)
				cur = ""
			}
			cur += tok
			for ansi.StringWidth(cur) > width { // one token longer than a line
				out = append(out, ansi.Truncate(cur, width, ""))
				cur = ansi.TruncateLeft(cur, width, "")
			}
		}
		out = append(out, cur)
	}
	return strings.Join(out, "\n")
}

// tokens splits a line after each space, comma and ampersand.
func tokens(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		if c := line[i]; c == ' ' || c == ',' || c == '&' {
			out = append(out, line[start:i+1])
			start = i + 1
		}
	}
	if start < len(line) {
		out = append(out, line[start:])
	}
	return out
}

// previewText is the plan as `tunnelwiz plan` prints it, or the errors,
// after where it goes.
func previewText(st *State, dest string) string {
	c := st.Catalog()
	var b strings.Builder
	fmt.Fprintf(&b, "Goes to %s.\n\n", dest)
	if n := st.Issues.Errors(); n > 0 {
		verb := "stop"
		if n == 1 {
			verb = "stops"
		}
		fmt.Fprintf(&b, "%s %s this request; ctrl+e goes to the first.\n\n", fmtCount(n, "error"), verb)
		for _, i := range st.Issues {
			if i.Severity == cloud.Error {
				fmt.Fprintf(&b, "  %s: %s\n", i.Field, i.Message)
			}
		}
		return cloud.Scrub(b.String(), c.SecretValues(st.Params()))
	}
	req, issues, err := cloud.Plan(st.Spec, false)
	if err != nil {
		return "The preview failed: " + err.Error()
	}
	// The same rendering as `tunnelwiz plan`, decoded parameters included.
	front.WritePlan(&b, c.Title, req, true)
	for _, i := range issues {
		fmt.Fprintf(&b, "\nwarning %s: %s", i.Field, i.Message)
	}
	b.WriteString("\n")
	return cloud.Scrub(b.String(), c.SecretValues(st.Params()))
}

func (p *previewPage) Update(m *Model, msg tea.Msg) (tea.Cmd, Nav) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, m.Keys.Submit):
			if m.St.Issues.Errors() > 0 {
				m.note = "Fix the errors first: ctrl+e goes to the first one."
				return nil, Stay
			}
			return nil, Next
		case key.Matches(k, m.Keys.Save):
			return m.saveCmd(false), Stay
		case key.Matches(k, m.Keys.SaveKey):
			return m.saveCmd(true), Stay
		case key.Matches(k, m.Keys.Jump):
			// Back to any step by its number in the tab row.
			return m.go_(int(k.String()[0] - '1')), Stay
		}
	}
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return cmd, Stay
}

func (p *previewPage) Leave(m *Model) {}

func (p *previewPage) View(m *Model, w, h int) string {
	if p.width != w {
		p.width = w
		p.vp.SetContent(wrapTokens(p.text, w))
	}
	p.vp.SetWidth(w)
	p.vp.SetHeight(h)
	return p.vp.View()
}
