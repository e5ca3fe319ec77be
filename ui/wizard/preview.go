package wizard

import (
	"charm.land/bubbles/v2/key"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"tunnelwiz/cloud"
)

// previewPage shows the exact request (key masked) or what still stops it.
type previewPage struct {
	vp   viewport.Model
	text string
}

func (p *previewPage) Name() string { return "Preview" }

func (p *previewPage) Enter(m *Model) tea.Cmd {
	p.text = previewText(m.St)
	p.vp = viewport.New(viewport.WithWidth(m.bodyWidth()), viewport.WithHeight(m.bodyHeight()))
	p.vp.SoftWrap = true // long bodies wrap on screen; the bytes are unchanged
	p.vp.SetContent(p.text)
	return nil
}

// previewText is the plan as `tunnelwiz plan` prints it, or the errors.
func previewText(st *State) string {
	c := st.Catalog()
	var b strings.Builder
	if n := st.Issues.Errors(); n > 0 {
		fmt.Fprintf(&b, "%s stop this request; ctrl+e goes to the first.\n\n", fmtCount(n, "error"))
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
	if st.Dest != nil {
		fmt.Fprintf(&b, "Goes to %s; shown as the vendor's endpoint receives it.\n\n", st.Dest.Said)
	}
	fmt.Fprintf(&b, "%s %s\n", req.Method, req.FullURL())
	for _, k := range req.HeaderNames() {
		fmt.Fprintf(&b, "%s: %s\n", k, req.Headers[k])
	}
	b.WriteString("\n")
	b.Write(req.Raw)
	if len(req.Raw) > 0 && req.Raw[len(req.Raw)-1] != '\n' {
		b.WriteString("\n")
	}
	if m, ok := req.Body.(map[string]string); ok {
		b.WriteString("\nparameters:\n")
		for _, k := range sortedKeys(m) {
			fmt.Fprintf(&b, "  %s = %s\n", k, m[k])
		}
	}
	for _, i := range issues {
		fmt.Fprintf(&b, "\nwarning %s: %s", i.Field, i.Message)
	}
	b.WriteString("\n\nThe pre-shared key is masked. Signature, timestamp and nonce are added when sent.\n")
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
			m.save(false)
			return nil, Stay
		case key.Matches(k, m.Keys.SaveKey):
			m.save(true)
			return nil, Stay
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
	p.vp.SetWidth(w)
	p.vp.SetHeight(h)
	return p.vp.View()
}
