package wizard

import (
	"charm.land/bubbles/v2/key"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"tunnelwiz/cloud"
	"tunnelwiz/export"
	"tunnelwiz/ui/front"
)

// previewPage shows the exact request (key masked) or what still stops it,
// and the same connection in the export formats this vendor has
// (Terraform, its CLI, curl), one view at a time.
type previewPage struct {
	vp    viewport.Model
	text  string
	width int // what the text was wrapped for
	// views are the export formats that write this spec; view is the one
	// shown, 0 for the request itself.
	views []export.Format
	view  int
	// names are the views' names, drawn above the scrolled text so that
	// the view shown stays in sight (none when there is only the request).
	names []string
}

func (p *previewPage) Name() string { return "Preview" }

func (p *previewPage) Enter(m *Model) tea.Cmd {
	p.views = nil
	if m.St.Issues.Errors() == 0 {
		for _, f := range export.Formats {
			if _, err := f.Write(m.St.Spec, export.Options{}); err == nil {
				p.views = append(p.views, f)
			}
		}
	}
	p.view = min(p.view, len(p.views))
	p.render(m)
	p.vp = viewport.New(viewport.WithWidth(m.bodyWidth()), viewport.WithHeight(m.bodyHeight()))
	return nil
}

// render writes the view chosen, under a line naming the views.
func (p *previewPage) render(m *Model) {
	p.width, p.names = 0, nil
	if len(p.views) == 0 {
		p.text = previewText(m.St, m.destinationText())
		return
	}
	p.names = []string{"request"}
	for _, f := range p.views {
		p.names = append(p.names, f.Name)
	}
	if p.view == 0 {
		p.text = previewText(m.St, m.destinationText())
		return
	}
	res, err := p.views[p.view-1].Write(m.St.Spec, export.Options{})
	if err != nil {
		p.text = "Not written: " + err.Error()
		return
	}
	var b strings.Builder
	for _, w := range res.Warnings {
		b.WriteString("warning " + w + "\n")
	}
	if len(res.Warnings) > 0 {
		b.WriteString("\n")
	}
	p.text = b.String() + cloud.Scrub(res.Text, m.St.Catalog().SecretValues(m.St.Params()))
}

// saveViewCmd writes the export shown to a new file (never over one),
// with the key only when asked (ctrl+y); 0600 either way.
func (p *previewPage) saveViewCmd(m *Model, withKey bool) tea.Cmd {
	f := p.views[p.view-1]
	res, err := f.Write(m.St.Spec, export.Options{ShowSecrets: withKey})
	name := "tunnelwiz-" + m.St.Spec.Vendor
	if fl := m.St.Catalog().RoleField(cloud.RoleName); fl != nil && m.St.Params().Str(fl.Path) != "" {
		name = safeName(m.St.Params().Str(fl.Path))
	}
	dir := m.opts.SaveDir
	return func() tea.Msg {
		if err != nil {
			return yourSideSaved{err: err}
		}
		path, err := writeNew(dir, name+"-"+f.Name, f.Ext, []byte(res.Text))
		return yourSideSaved{path: path, withKey: res.HasSecret, err: err, hint: "ctrl+y saves it with the key"}
	}
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
		// Plain prompts have no keys to move with: they offer to go
		// back to the step instead (runAccessible).
		goTo := "; ctrl+e goes to the first"
		if st.Accessible {
			goTo = ""
		}
		fmt.Fprintf(&b, "%s %s this request%s.\n\n", fmtCount(n, "error"), verb, goTo)
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
		case key.Matches(k, m.Keys.View) && len(p.views) > 0:
			n := len(p.views) + 1
			if k.String() == "right" {
				p.view = (p.view + 1) % n
			} else {
				p.view = (p.view + n - 1) % n
			}
			p.render(m)
			p.vp.GotoTop()
			return nil, Stay
		case key.Matches(k, m.Keys.Save) && p.view > 0:
			return p.saveViewCmd(m, false), Stay
		case key.Matches(k, m.Keys.SaveKey) && p.view > 0:
			return p.saveViewCmd(m, true), Stay
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
		p.vp.SetContent(wrapTokens(p.text, w, m.viewerMark()))
	}
	p.vp.SetWidth(w)
	if len(p.names) == 0 {
		p.vp.SetHeight(h)
		return p.vp.View()
	}
	head := pickerLine("View (←→): ", p.names, p.view, w) + "\n"
	p.vp.SetHeight(max(h-strings.Count(head, "\n")-1, 1))
	return head + "\n" + p.vp.View()
}
