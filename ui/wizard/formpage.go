package wizard

import (
	"charm.land/bubbles/v2/key"
	"slices"
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
	name string
	step cloud.Step
	hosted
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
	// fields and keys are the widgets and their keys in order, to put
	// the cursor back (and to ask them one by one in plain prompts).
	fields []huh.Field
	keys   []string
	// manual remembers the pick lists switched to a typed id, by path,
	// and shape which of them were when the page was built.
	manual map[string]bool
	shape  string
	// cleared remembers the optional pick lists set to "(none)", so that
	// a rebuild does not offer the first entry again.
	cleared map[string]bool
}

// shapeNow says which pick lists show their typed-id field.
func (p *formPage) shapeNow() string {
	var b strings.Builder
	for _, pk := range p.picks {
		if pk.choice == manual {
			b.WriteString(pk.in.Path + ";")
		}
	}
	return b.String()
}

// shapeChanged notices a pick list moved to or from "type the id".
func (p *formPage) shapeChanged() bool { return p.shapeNow() != p.shape }

func (p *formPage) Name() string { return p.name }

func (p *formPage) Enter(m *Model) tea.Cmd {
	st := m.St
	st.Cols = m.bodyWidth() - rowFrame
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
	p.keys, p.fields = nil, fields
	for _, f := range fields {
		p.keys = append(p.keys, f.GetKey())
	}
	p.shape = p.shapeNow()
	p.empty = len(fields) == 0
	if p.empty {
		fields = append(fields, huh.NewNote().Title(p.name).Description("This vendor has no settings in this step. Press enter to go on."))
	}
	p.form = newForm(m, fields...)
	p.height = m.bodyHeight()
	if p.dependsOn != nil {
		p.dep = p.dependsOn(m)
	}
	return p.form.Init()
}

// newForm makes an embedded form: no help of its own (the host draws the
// keys), and done/abort reported to the host.
func newForm(m *Model, fields ...huh.Field) *huh.Form {
	// The theme goes on the fields first: NewGroup measures them, and a
	// field with no theme builds huh's Charm theme for each option it
	// measures, to be replaced by WithTheme at once.
	for _, f := range fields {
		f.WithTheme(theme)
	}
	f := huh.NewForm(huh.NewGroup(fields...)).WithShowHelp(false).WithTheme(theme).
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
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.Keys.Reveal) && p.hasSecret() {
		m.St.Revealed = !m.St.Revealed
		if m.St.Revealed {
			for _, b := range p.bindings {
				if b.in.Kind == forms.Secret && b.text != "" {
					m.keyNote = b.in.Title + ": " + b.text + "   (ctrl+r hides it)"
				}
			}
		}
		// huh draws a field's view when it updates: rebuild so the key
		// shows (or hides) at once, wherever the cursor is.
		return p.rebuild(m), Stay
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.Keys.NewKey) && p.hasSecret() {
		p.Leave(m) // what was typed elsewhere on the page first
		for _, b := range p.bindings {
			if b.in.Kind == forms.Secret {
				if psk := generateKey(m.St, b); psk != "" {
					b.text = psk
					b.apply(m.St)
					// Shown once, asked for: the engineer needs it for the
					// customer gateway (ctrl+r shows it again).
					m.keyNote = "New " + b.in.Title + ": " + psk + "   (give your side the same key; ctrl+r shows it again)"
				}
			}
		}
		m.St.Revalidate()
		// huh widgets keep their own copy of the text: rebuild them from
		// the spec so the new key shows, the cursor where it was.
		return p.rebuild(m), Stay
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if cmd, done := p.typeFiltered(m, k); done {
			return cmd, Stay
		}
	}
	focused := p.focusedKey()
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
	// type), or a pick list's choice what follows it: rebuild so that
	// fields which no longer apply disappear and new ones appear, the
	// cursor where it was. A pick list just left is drawn anew too: huh
	// leaves a long list scrolled where the cursor went.
	left := strings.HasSuffix(focused, "#pick") && p.focusedKey() != focused
	if left || p.visibleChanged(m) || p.dependsOn != nil && p.dependsOn(m) != p.dep || p.shapeChanged() {
		return tea.Batch(cmd, p.rebuild(m)), Stay
	}
	return cmd, Stay
}

// rebuild makes the page again from the state and puts the cursor back
// on the field it was on.
func (p *formPage) rebuild(m *Model) tea.Cmd {
	focus := p.focusedKey()
	init := p.Enter(m)
	return tea.Batch(init, p.refocus(focus))
}

// inputs are the catalog inputs this page shows now: those of its step
// that apply, less what its own widgets cover and nested per-tunnel
// settings that only a spec file can express.
func (p *formPage) inputs(m *Model) []forms.Input {
	var out []forms.Input
	for _, in := range forms.ForStep(m.St.Catalog(), p.step, m.St.Params()) {
		if in.Kind == forms.Group && !forms.Foldable(m.St.Catalog(), in.Field) || (p.skip != nil && p.skip(in)) || repeats(m.St, in.Field) {
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

// refocus moves the cursor to the field with key, synchronously (huh's
// own moves arrive later as messages, after keys typed meanwhile). A key
// no longer on the page leaves the cursor on the first field.
func (p *formPage) refocus(key string) tea.Cmd {
	if !slices.Contains(p.keys, key) {
		// A field that became a pick list (its values were looked up),
		// or a pick list that became a field, is the same field.
		if k, ok := strings.CutSuffix(key, "#pick"); ok {
			key = k
		} else {
			key += "#pick"
		}
	}
	if key == "" || !slices.Contains(p.keys, key) {
		return nil
	}
	var cmd tea.Cmd
	for i := 0; i < len(p.keys); i++ {
		if p.focusedKey() == key {
			return cmd
		}
		cmd = p.form.NextField()
	}
	return cmd
}

// keyFor is the key of the widget that edits an issue's field: the
// field's own, else the nearest enclosing one shown (a list for its row),
// else the pick list that holds it.
func (p *formPage) keyFor(field string) string {
	for path := cloud.CatalogPath(field); path != ""; {
		for _, k := range []string{path, path + "#pick"} {
			if slices.Contains(p.keys, k) {
				return k
			}
		}
		i := lastSep(path)
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return ""
}

func (p *formPage) Leave(m *Model) {
	if p.manual == nil {
		p.manual = map[string]bool{}
	}
	if p.cleared == nil {
		p.cleared = map[string]bool{}
	}
	for _, pb := range p.picks {
		p.manual[pb.in.Path] = pb.choice == manual
		p.cleared[pb.in.Path] = pb.choice == ""
		pb.sync()
	}
	for _, b := range p.bindings {
		b.apply(m.St)
	}
	if p.step == cloud.StepTarget {
		for _, b := range p.bindings {
			if b.target && b.in.Path == "region" {
				mirrorRegion(m.St, b.orig)
			}
		}
	}
	if p.step == cloud.StepGateways {
		if filled := autofill(m.St, p.picks); len(filled) > 0 {
			m.note = "Filled from the gateways and VPC picked: " + strings.Join(filled, ", ") + "."
		}
	}
	m.St.Revalidate()
}

func (p *formPage) View(m *Model, width, height int) string {
	if p.form == nil {
		return ""
	}
	v := p.form.View()
	if p.after != nil && m.St.PresetNote != "" {
		v = m.Styles.Warning.Render(wrap(m.St.PresetNote, width)) + "\n" + v
	}
	if e := m.St.CloudErr; e != nil && m.St.StepOf(e.Field) == p.step {
		v = m.Styles.Error.Render(wrap("The cloud refused: "+e.Error(), width)) + "\n" + v
	}
	return v
}

func (p *formPage) hasSecret() bool {
	for _, b := range p.bindings {
		if b.in.Kind == forms.Secret {
			return true
		}
	}
	return false
}
