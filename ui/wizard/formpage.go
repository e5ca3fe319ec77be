package wizard

import (
	"charm.land/bubbles/v2/key"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"tunnelwiz/cloud"
	"tunnelwiz/forms"
)

// formDone and formBack are what an embedded huh form says when it is
// finished, instead of quitting the program.
type formDone struct{}

// formPage shows one wizard step's catalog fields as a huh form.
type formPage struct {
	name     string
	step     cloud.Step
	form     *huh.Form
	bindings []*binding
	picks    []*pickBinding
	// generic are the paths of the catalog inputs shown, to notice when a
	// mode change makes others apply.
	generic []string
	empty   bool
	// extra builds page-specific widgets (pick lists) before the generic ones.
	extra func(m *Model, p *formPage) []huh.Field
	// skip hides inputs the extra widgets already cover.
	skip func(in forms.Input) bool
	// after runs after each update (the IKE page applies a preset).
	after func(m *Model, p *formPage, msg tea.Msg, focused string) tea.Cmd
	// preset is the IKE page's preset choice.
	preset string
	// dependsOn names a value some widget's options are built from (the
	// chosen VPN gateway, for its addresses): when it changes the page is
	// rebuilt, rather than huh re-reading our state from its goroutine.
	dependsOn func(m *Model) string
	dep       string
}

func (p *formPage) Name() string { return p.name }

func (p *formPage) Enter(m *Model) tea.Cmd {
	st := m.St
	p.bindings, p.picks = nil, nil
	var fields []huh.Field
	if p.extra != nil {
		fields = append(fields, p.extra(m, p)...)
	}
	inputs := p.inputs(m)
	p.generic = nil
	for _, in := range inputs {
		p.generic = append(p.generic, in.Path)
	}
	for _, in := range inputs {
		b := newBinding(st, in)
		p.bindings = append(p.bindings, b)
		fields = append(fields, b.widget(st))
	}
	p.empty = len(fields) == 0
	if p.empty {
		fields = append(fields, huh.NewNote().Title(p.name).Description("This vendor has no settings in this step. Press enter to go on."))
	}
	p.form = newForm(m, fields...)
	if p.dependsOn != nil {
		p.dep = p.dependsOn(m)
	}
	return p.form.Init()
}

// newForm makes an embedded form: no help of its own (the host draws the
// keys), and done/abort reported to the host.
func newForm(m *Model, fields ...huh.Field) *huh.Form {
	f := huh.NewForm(huh.NewGroup(fields...)).WithShowHelp(false).WithTheme(huh.ThemeFunc(huh.ThemeBase16)).
		WithWidth(m.bodyWidth()).WithHeight(m.bodyHeight()).WithAccessible(false)
	f.SubmitCmd = func() tea.Msg { return formDone{} }
	f.CancelCmd = nil
	return f
}

func (p *formPage) Update(m *Model, msg tea.Msg) (tea.Cmd, Nav) {
	if _, ok := msg.(formDone); ok {
		p.Leave(m)
		return nil, Next
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.Keys.Reveal) {
		for _, b := range p.bindings {
			if b.input != nil {
				if m.St.Revealed = !m.St.Revealed; m.St.Revealed {
					b.input.EchoMode(huh.EchoModeNormal)
				} else {
					b.input.EchoMode(huh.EchoModePassword)
				}
			}
		}
		return nil, Stay
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.Keys.NewKey) && p.hasSecret() {
		for _, b := range p.bindings {
			if b.in.Kind == forms.Secret {
				if key := generateKey(m.St, b); key != "" {
					b.text = key
					b.apply(m.St)
					m.note = "A new pre-shared key was generated (ctrl+r shows it). Give the customer gateway the same key."
				}
			}
		}
		// huh widgets keep their own copy of the text: rebuild them from
		// the spec so the new key shows.
		return p.Enter(m), Stay
	}
	focused := ""
	if ff := p.form.GetFocusedField(); ff != nil {
		focused = ff.GetKey()
	}
	f, cmd := p.form.Update(msg)
	p.form = f.(*huh.Form)
	// Live: what is typed goes into the spec at once, so the issue panel
	// and the other fields' rules see it.
	p.Leave(m)
	if p.after != nil {
		if c := p.after(m, p, msg, focused); c != nil {
			return tea.Batch(cmd, c), Stay
		}
	}
	// A mode field changed what applies (style, DpdEnable, identity
	// type): rebuild so that fields which no longer apply disappear and
	// new ones appear, and put the cursor back where it was.
	if p.visibleChanged(m) || p.dependsOn != nil && p.dependsOn(m) != p.dep {
		focus := ""
		if ff := p.form.GetFocusedField(); ff != nil {
			focus = ff.GetKey()
		}
		return tea.Batch(cmd, p.Enter(m), p.refocus(focus)), Stay
	}
	return cmd, Stay
}

// inputs are the catalog inputs this page shows now: those of its step
// that apply, less what its own widgets cover and nested per-tunnel
// settings that only a spec file can express.
func (p *formPage) inputs(m *Model) []forms.Input {
	var out []forms.Input
	for _, in := range forms.ForStep(m.St.Catalog(), p.step, m.St.Params()) {
		if in.Kind == forms.Group || (p.skip != nil && p.skip(in)) {
			continue
		}
		if _, ok := forms.Columns(m.St.Catalog(), in.Field); in.Kind == forms.Rows && !ok {
			continue
		}
		out = append(out, in)
	}
	return out
}

// visibleChanged reports whether the inputs that apply now differ from
// the ones shown.
func (p *formPage) visibleChanged(m *Model) bool {
	now := p.inputs(m)
	if len(now) != len(p.generic) {
		return true
	}
	for i, in := range now {
		if in.Path != p.generic[i] {
			return true
		}
	}
	return false
}

// refocus moves the rebuilt form's cursor to the field with key.
func (p *formPage) refocus(key string) tea.Cmd {
	if key == "" {
		return nil
	}
	for i := 0; i < 100; i++ {
		if ff := p.form.GetFocusedField(); ff == nil || ff.GetKey() == key {
			return nil
		}
		if next := p.form.NextField(); next != nil {
			f, _ := p.form.Update(next())
			p.form = f.(*huh.Form)
		}
	}
	return nil
}

func (p *formPage) Leave(m *Model) {
	for _, pb := range p.picks {
		pb.sync()
	}
	for _, b := range p.bindings {
		b.apply(m.St)
	}
	m.St.Revalidate()
}

func (p *formPage) View(m *Model, width, height int) string {
	if p.form == nil {
		return ""
	}
	v := p.form.View()
	if e := m.St.CloudErr; e != nil && m.St.StepOf(e.Field) == p.step {
		v = m.Styles.Error.Render(wrap("The cloud refused: "+e.Error(), width)) + "\n" + v
	}
	return v
}

func wrap(s string, width int) string {
	if width <= 0 || len(s) <= width {
		return s
	}
	var out []string
	for len(s) > width {
		i := strings.LastIndexByte(s[:width], ' ')
		if i <= 0 {
			i = width
		}
		out = append(out, s[:i])
		s = strings.TrimLeft(s[i:], " ")
	}
	return strings.Join(append(out, s), "\n")
}

func (p *formPage) hasSecret() bool {
	for _, b := range p.bindings {
		if b.in.Kind == forms.Secret {
			return true
		}
	}
	return false
}
