package wizard

import (
	tea "charm.land/bubbletea/v2"
)

// Nav is what a page asks the host to do after a message.
type Nav int

const (
	Stay Nav = iota
	Next
	Prev
)

// Page is one screen of the wizard.
type Page interface {
	// Name is the page's tab label.
	Name() string
	// Enter (re)builds the page from the state each time it is shown.
	Enter(m *Model) tea.Cmd
	// Update handles a message the host did not.
	Update(m *Model, msg tea.Msg) (tea.Cmd, Nav)
	// View renders the page body in width x height.
	View(m *Model, width, height int) string
	// Leave writes what the page holds into the state.
	Leave(m *Model)
}
