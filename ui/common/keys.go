package common

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// Keys are the wizard's own keys, the one place they are defined: the
// handlers match them and the help line is written from them. huh's keys
// (tab, shift+tab, enter, arrows) work inside each form.
type Keys struct {
	Next, NextStep, Back, Preview, FirstError, Quit key.Binding
	NewKey, Reveal                                  key.Binding
	Submit, Jump, Save, SaveKey, Scroll             key.Binding
	Finish, YourSide, Device, View                  key.Binding
}

// DefaultKeys avoid what huh uses inside a form, and work over SSH on
// any terminal (no function keys, no mouse).
func DefaultKeys() Keys {
	return Keys{
		Next: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")),
		// The rest of a step is passed over: what it holds stays.
		NextStep:   key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("ctrl+n", "next step")),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Preview:    key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "preview")),
		FirstError: key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "first error")),
		Quit:       key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		NewKey:     key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", "new key")),
		Reveal:     key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "show/hide key")),
		// Not enter: it is pressed through every field, and this may create in a cloud.
		Submit:  key.NewBinding(key.WithKeys("ctrl+g"), key.WithHelp("ctrl+g", "submit")),
		Jump:    key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8"), key.WithHelp("1-8", "go to step")),
		Save:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		SaveKey: key.NewBinding(key.WithKeys("ctrl+y"), key.WithHelp("ctrl+y", "save with key")),
		Scroll:  key.NewBinding(key.WithKeys("up", "down", "pgup", "pgdown"), key.WithHelp("↑↓", "scroll")),
		Finish:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "finish")),
		// The customer gateway's configuration (tunnelwiz peer), from
		// the preview and the result.
		YourSide: key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "your side")),
		Device:   key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←→", "device")),
		// On the preview: the request, or the same as Terraform, a CLI line, curl.
		View: key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←→", "view")),
	}
}

// HelpLine writes bindings as the key line: "ctrl+p preview · esc back".
func HelpLine(bs ...key.Binding) string {
	parts := make([]string, 0, len(bs))
	for _, b := range bs {
		h := b.Help()
		parts = append(parts, h.Key+" "+h.Desc)
	}
	return strings.Join(parts, " · ")
}
