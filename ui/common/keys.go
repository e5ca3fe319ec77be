package common

import "charm.land/bubbles/v2/key"

// Keys are the wizard's own keys; huh's (tab, shift+tab, enter, arrows)
// work inside each form.
type Keys struct {
	Back, Preview, FirstError, Save, Submit, Quit, Reveal, NewKey key.Binding
}

// DefaultKeys avoid what huh uses inside a form, and work over SSH on
// any terminal (no function keys, no mouse).
func DefaultKeys() Keys {
	return Keys{
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back a step")),
		Preview:    key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "preview")),
		FirstError: key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "first error")),
		Save:       key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save spec")),
		Submit:     key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", "submit")),
		Quit:       key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit (draft kept)")),
		Reveal:     key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "show/hide key")),
		NewKey:     key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", "new random key")),
	}
}
