package wizard

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"
)

// typeFiltered: Enter on a pick list whose filter matches nothing takes
// what was typed as the value, under "type another", with the cursor in
// its text field (huh's own Enter does nothing there: no entry is
// highlighted, and "type another" is filtered out with the rest). A
// region or id the list lacks is typed as it would be said.
func (p *formPage) typeFiltered(m *Model, k tea.KeyPressMsg) (tea.Cmd, bool) {
	if k.String() != "enter" || p.form == nil {
		return nil, false
	}
	sel, ok := p.form.GetFocusedField().(*huh.Select[string])
	if !ok || !sel.GetFiltering() {
		return nil, false
	}
	if _, hovered := sel.Hovered(); hovered {
		return nil, false
	}
	text := filterText(sel.View())
	path := strings.TrimSuffix(sel.GetKey(), "#pick")
	for _, pk := range p.picks {
		if pk.in.Path == path && text != "" {
			pk.choice, pk.typed = manual, text
			p.Leave(m)
			m.movedHere = true
			return tea.Batch(p.Enter(m), p.refocus(path)), true
		}
	}
	return nil, false
}

// filterText is a filtering select's filter, read from its view: huh
// keeps it unexported, and draws it as "/text" on the field's first line.
func filterText(view string) string {
	for _, line := range strings.Split(ansi.Strip(view), "\n") {
		line = strings.TrimLeft(line, "┃│ ")
		if line == "" {
			continue
		}
		if rest, ok := strings.CutPrefix(line, "/"); ok {
			return strings.TrimSpace(rest)
		}
		return ""
	}
	return ""
}
