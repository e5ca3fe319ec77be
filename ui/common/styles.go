// Package common holds what every screen of the wizard shares: styles and
// keys. Colours are ANSI basics so that they follow the terminal's own
// palette; bubbletea drops them under NO_COLOR or a colourless terminal.
package common

import "charm.land/lipgloss/v2"

// Styles are the wizard's few styles.
type Styles struct {
	Title, Tab, ActiveTab, Muted, Error, Warning, OK, Panel, Key, Sandbox lipgloss.Style
}

// DefaultStyles uses the terminal's own colours (ANSI 0-15).
func DefaultStyles() Styles {
	return Styles{
		Title:     lipgloss.NewStyle().Bold(true),
		Tab:       lipgloss.NewStyle().Foreground(lipgloss.BrightBlack),
		ActiveTab: lipgloss.NewStyle().Bold(true).Underline(true),
		Muted:     lipgloss.NewStyle().Foreground(lipgloss.BrightBlack),
		Error:     lipgloss.NewStyle().Foreground(lipgloss.Red),
		Warning:   lipgloss.NewStyle().Foreground(lipgloss.Yellow),
		OK:        lipgloss.NewStyle().Foreground(lipgloss.Green),
		Panel:     lipgloss.NewStyle().Border(lipgloss.NormalBorder(), true, false, false, false).BorderForeground(lipgloss.BrightBlack),
		Key:       lipgloss.NewStyle().Bold(true),
		Sandbox:   lipgloss.NewStyle().Reverse(true).Bold(true),
	}
}
