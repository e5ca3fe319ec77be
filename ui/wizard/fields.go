package wizard

import (
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"charm.land/huh/v2"

	"tunnelwiz/cloud"
	"tunnelwiz/forms"
)

// binding ties one catalog input to one huh widget: text is what the
// widget edits; apply writes it into the spec through the same paths the
// validator reports.
//
// orig is the text the widget started with and given the value it stood
// for: while the text is unchanged the value is left exactly as it was
// (a number as written, a list as given), so that opening a step never
// changes what will be sent.
type binding struct {
	in     forms.Input
	text   string
	target bool // a top-level target key (region, project_id), not a parameter

	orig     string
	origVal  any
	origHave bool
}

func newBinding(st *State, in forms.Input) *binding {
	b := &binding{in: in}
	v, ok := st.Params().At(in.Path)
	if ok {
		switch in.Kind {
		case forms.Group:
			b.text = given
		case forms.Rows:
			b.text = forms.RowsText(st.Catalog(), in.Field, v)
		default:
			b.text = scalarText(v)
		}
		b.origVal, b.origHave = cloud.Params(map[string]any{"v": v}).Clone()["v"], true
	}
	b.orig = b.text
	return b
}

func newTargetBinding(st *State, in forms.Input) *binding {
	v, ok := st.Spec.Target[in.Path]
	return &binding{in: in, target: true, text: v, orig: v, origVal: v, origHave: ok}
}

func scalarText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// value converts the widget's text to the parameter's value; nil means
// absent.
func (b *binding) value(c *cloud.Catalog, text string) (any, error) {
	f := b.in.Field
	if b.in.Kind == forms.Rows {
		return forms.ParseRows(c, f, text)
	}
	if strings.TrimSpace(text) == "" && f.Type != cloud.String {
		return nil, nil
	}
	if text == "" {
		return nil, nil
	}
	switch f.Type {
	case cloud.Boolean:
		return text == "true", nil
	case cloud.Integer:
		if n, err := strconv.ParseInt(strings.TrimSpace(text), 10, 64); err == nil {
			return n, nil
		}
	}
	return text, nil
}

// apply writes the text into the spec. Text the engineer has not changed
// puts back the value it came from; rows that do not parse leave the
// last value and report why, instead of dropping what was typed.
func (b *binding) apply(st *State) {
	delete(st.FormErrs, b.in.Path)
	if b.target {
		switch {
		case b.text == b.orig && b.origHave:
			st.Spec.Target[b.in.Path] = b.origVal.(string)
		case strings.TrimSpace(b.text) == "":
			delete(st.Spec.Target, b.in.Path)
		default:
			st.Spec.Target[b.in.Path] = b.text
		}
		return
	}
	if b.in.Kind == forms.Group {
		b.applyGroup(st)
		return
	}
	if b.text == b.orig {
		if b.origHave {
			st.Params().Set(b.in.Path, cloud.Params(map[string]any{"v": b.origVal}).Clone()["v"])
		} else {
			st.Params().Delete(b.in.Path)
		}
		return
	}
	v, err := b.value(st.Catalog(), b.text)
	if err != nil {
		st.FormErrs[b.in.Path] = err.Error()
		return
	}
	if v == nil {
		st.Params().Delete(b.in.Path)
		return
	}
	st.Params().Set(b.in.Path, v)
}

// check is the live validation of one field: the whole catalog runs on a
// copy of the spec with this value in it, and the issues about this field
// (or inside it) come back as the widget's error.
func (b *binding) check(st *State, text string) error {
	v, err := b.value(st.Catalog(), text)
	if err != nil {
		return err
	}
	target := map[string]string{}
	for k, tv := range st.Spec.Target {
		target[k] = tv
	}
	spec := &cloud.Spec{Vendor: st.Spec.Vendor, Target: target, Params: cloud.Params(st.Spec.Params).Clone()}
	p := cloud.Params(spec.Params)
	switch {
	case b.target && text == "":
		delete(target, b.in.Path)
	case b.target:
		target[b.in.Path] = text
	case v == nil:
		p.Delete(b.in.Path)
	default:
		p.Set(b.in.Path, v)
	}
	_, issues := st.check(spec)
	for _, i := range issues {
		if i.Severity == cloud.Error && (i.Field == b.in.Path || strings.HasPrefix(i.Field, b.in.Path+"[") || strings.HasPrefix(i.Field, b.in.Path+".")) {
			msg := i.Message
			if i.Field != b.in.Path {
				msg = strings.TrimPrefix(i.Field, b.in.Path) + ": " + msg
			}
			return errors.New(msg)
		}
	}
	return nil
}

// widget builds the huh field for the binding.
func (b *binding) widget(st *State) huh.Field {
	in := b.in
	title := in.Title
	if in.Required {
		title += " (required)"
	}
	desc := in.Help
	if in.Hint != "" {
		desc = in.Hint + ". " + desc
	}
	if st.Accessible {
		// Plain prompts show titles only: the help goes with the title.
		title += "\n  " + desc + "\n "
	}
	switch in.Kind {
	case forms.Group:
		if st.Accessible {
			now := "not given"
			if b.text == given {
				now = "given"
			}
			title = strings.Replace(title, "\n", " [now: "+now+"; enter keeps it]\n", 1)
		}
		return huh.NewSelect[string]().Key(in.Path).Title(title).Description(desc).
			Options(huh.NewOption("(not given)", ""), huh.NewOption("given: its settings follow", given)).Value(&b.text)
	case forms.Select, forms.Toggle:
		if st.Accessible {
			cur := b.text
			if cur == "" {
				cur = "not set"
			}
			title = strings.Replace(title, "\n", " [now: "+cur+"; enter keeps it]\n", 1)
		}
		var opts []huh.Option[string]
		if b.text != "" && !offers(in, b.text) {
			// A value no list entry holds (a spec's own spelling) stays
			// the choice, shown as it is, and its error is reported.
			opts = append(opts, huh.NewOption(b.text+"  (as given; not a value this vendor lists)", b.text))
		}
		if in.Required && b.text == "" && st.Given {
			// A spec or draft left it out: Enter keeps it out.
			opts = append(opts, huh.NewOption("(not set)", ""))
		}
		if !in.Required {
			def := "not set"
			if in.Field.Default != "" {
				def = "not set: the vendor's default, " + in.Field.Default
			}
			opts = append(opts, huh.NewOption("("+def+")", ""))
		}
		if in.Kind == forms.Toggle {
			opts = append(opts, huh.NewOption("true", "true"), huh.NewOption("false", "false"))
		}
		for _, o := range in.Options {
			opts = append(opts, huh.NewOption(o.Label, o.Value))
		}
		return huh.NewSelect[string]().Key(in.Path).Title(title).Description(desc).Options(st.fitRows(opts)...).Value(&b.text)
	case forms.Rows:
		cols, _ := forms.Columns(st.Catalog(), in.Field)
		rowHelp := "one per line"
		if cols != nil {
			rowHelp = "one per line: " + strings.Join(cols, " | ")
		}
		if st.Accessible {
			// One line answers here: rows are separated by ";".
			now := strings.ReplaceAll(b.text, "\n", "; ")
			if now == "" {
				now = "none"
			}
			title = strings.Replace(title, "\n", " [now: "+now+"; enter keeps it]\n", 1)
			return huh.NewText().Key(in.Path).Title(title).Description(rowHelp + ", rows separated by ;. " + desc).
				Validate(b.requiredPlain()).Value(&b.text)
		}
		return huh.NewText().Key(in.Path).Title(title).Description(rowHelp + "; " + addRowHelp + ". " + desc).Lines(3).Value(&b.text)
	}
	mark := ""
	switch {
	case st.Accessible && b.text != "" && in.Kind != forms.Secret:
		mark = " [now: " + b.text + "; enter keeps it]"
	case st.Accessible && in.Kind == forms.Secret && b.text == "":
		mark = " [enter makes one]"
	case st.Accessible && in.Kind == forms.Secret:
		mark = " [set; enter keeps it]"
	}
	if mark != "" {
		title = strings.Replace(title, "\n", mark+"\n", 1) // after the name, before the help
	}
	// No rule of the vendor's as Validate: a field with an error can
	// still be left (the panel and the preview keep reporting it), so a
	// value that needs another field's value first never traps the
	// cursor. Plain prompts only ask a required field again when empty.
	i := huh.NewInput().Key(in.Path).Title(title).Description(desc).Value(&b.text)
	if st.Accessible && in.Kind != forms.Secret {
		i.Validate(b.requiredPlain()) // an empty key prompt makes a key instead
	}
	if in.Kind == forms.Secret {
		if !st.Revealed && !st.EchoKey {
			i.EchoMode(huh.EchoModePassword)
		}
	}
	if len(in.Field.Known) > 0 {
		i.Suggestions(in.Field.Known)
	}
	return i
}

// requiredPlain is a plain prompt's check: a required field left empty is
// asked again, saying so (the full-screen form moves on and reports it;
// plain prompts cannot come back to it). An empty answer that keeps a
// value shown passes.
func (b *binding) requiredPlain() func(string) error {
	return func(answer string) error {
		if b.in.Required && strings.TrimSpace(answer) == "" && strings.TrimSpace(b.text) == "" {
			return fmt.Errorf("  %s is required: type a value", b.in.Title)
		}
		return nil
	}
}

// given is a folded object's choice to give it (see forms.Foldable).
const given = "given"

// applyGroup gives a folded object or takes it away: what it held is set
// aside and comes back when it is given again.
func (b *binding) applyGroup(st *State) {
	p := st.Params()
	v, has := p.At(b.in.Path)
	switch {
	case b.text == given && !has:
		if old, ok := st.Folded[b.in.Path]; ok {
			p.Set(b.in.Path, old)
			delete(st.Folded, b.in.Path)
		} else {
			p.Set(b.in.Path, map[string]any{})
		}
	case b.text != given && has:
		if st.Folded == nil {
			st.Folded = map[string]any{}
		}
		st.Folded[b.in.Path] = v
		p.Delete(b.in.Path)
	}
}

// addRowHelp says how to add a row: huh's Text takes alt+enter or ctrl+j
// for a new line (enter moves on).
const addRowHelp = "alt+enter or ctrl+j adds a row"

// offers reports whether a select lists the value.
func offers(in forms.Input, v string) bool {
	if in.Kind == forms.Toggle && (v == "true" || v == "false") {
		return true
	}
	for _, o := range in.Options {
		if o.Value == v {
			return true
		}
	}
	return false
}

// generateKey makes a pre-shared key the vendor's rules accept: random
// letters and digits (and a dash), 24 characters, checked against the
// catalog as if typed.
func generateKey(st *State, b *binding) string {
	const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-"
	for try := 0; try < 100; try++ {
		var sb strings.Builder
		for i := 0; i < 24; i++ {
			n, _ := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
			sb.WriteByte(alphabet[n.Int64()])
		}
		if b.check(st, sb.String()) == nil {
			return sb.String()
		}
	}
	return ""
}
