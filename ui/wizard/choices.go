package wizard

import (
	"maps"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"tunnelwiz/cloud"
)

// listed is a target key's values as a look-up found them (Huawei's
// projects of the region, an Apsara deployment's regions), for its pick
// list in place of an id copied out of a console.
type listed struct {
	// For names the vendor, destination and values the look-up used: a
	// change to any of them looks up again.
	For   string
	Items []cloud.Resource
	Err   error
	Done  bool
}

// choicesLoaded carries a look-up's answer to the model.
type choicesLoaded struct {
	path, key string
	items     []cloud.Resource
	err       error
}

// listKey is what a look-up of f would use now, or "" while one of the
// keys it needs is empty or in error.
func (s *State) listKey(f *cloud.Field) string {
	parts := []string{s.Spec.Vendor, s.destKind()}
	for _, k := range f.ListedAfter {
		v := s.Spec.Target[k]
		if v == "" || s.Issues.For(k).Errors() > 0 {
			return ""
		}
		parts = append(parts, v)
	}
	return strings.Join(parts, "|")
}

func (s *State) destKind() string {
	switch {
	case s.UseSandbox:
		return "sandbox"
	case s.UseEndpoint:
		return "endpoint"
	}
	return "cloud"
}

// listing is the loaded list for a target key, if it matches what the
// key's look-up would use now.
func (s *State) listing(f *cloud.Field) *listed {
	l, ok := s.Listed[f.Path]
	if !ok || !l.Done || l.For != s.listKey(f) || l.For == "" {
		return nil
	}
	return l
}

// lookUpChoices starts each look-up the target's values now allow and
// that has not been made for them yet, except while the cursor is still
// on a value it needs (each arrow key on the region list would otherwise
// ask the cloud). It runs in a command: the answer comes back as
// choicesLoaded.
func (m *Model) lookUpChoices(focused string) tea.Cmd {
	st := m.St
	var cmds []tea.Cmd
	for i := range st.Catalog().Target {
		f := &st.Catalog().Target[i]
		key := st.listKey(f)
		if f.ListedAfter == nil || key == "" || st.Listed[f.Path] != nil && st.Listed[f.Path].For == key ||
			slices.Contains(f.ListedAfter, strings.TrimSuffix(focused, "#pick")) {
			continue
		}
		if st.Listed == nil {
			st.Listed = map[string]*listed{}
		}
		st.Listed[f.Path] = &listed{For: key}
		if err := m.ensureDest(); err != nil {
			st.Listed[f.Path] = &listed{For: key, Err: err, Done: true}
			continue
		}
		d, at, path := st.Driver, st.Dest.Base, f.Path
		at.Target = maps.Clone(st.Spec.Target)
		cmds = append(cmds, func() tea.Msg {
			ctx, cancel := contextTimeout()
			defer cancel()
			items, err := cloud.ListChoices(ctx, d, at, path)
			return choicesLoaded{path, key, items, err}
		})
	}
	return tea.Batch(cmds...)
}

// choicesArrived keeps a look-up's answer, if it is still the one wanted,
// and redraws the target page to show it.
func (m *Model) choicesArrived(msg choicesLoaded) tea.Cmd {
	l := m.St.Listed[msg.path]
	if l == nil || l.For != msg.key {
		return nil
	}
	l.Items, l.Err, l.Done = msg.items, msg.err, true
	if fp, ok := m.pages[m.cur].(*formPage); ok && fp.step == cloud.StepTarget {
		fp.Leave(m)
		return fp.rebuild(m)
	}
	return nil
}

// listNote says where a listed key's look-up stands, before its help.
func listNote(s *State, f *cloud.Field) string {
	if f.ListedAfter == nil || s.Accessible {
		return ""
	}
	l := s.Listed[f.Path]
	switch {
	case s.listKey(f) == "":
		return "Listed once " + strings.Join(f.ListedAfter, " and ") + " is set. "
	case l == nil || l.For != s.listKey(f) || !l.Done:
		return "Looking it up... "
	case l.Err != nil:
		return "The look-up failed (" + l.Err.Error() + "); type it. "
	case len(l.Items) == 0:
		return "The look-up found none; type it. "
	}
	return ""
}
