package wizard

import (
	"sync"

	"charm.land/huh/v2"
)

// theme is huh's Base16 theme, built once per background shade. huh asks
// its theme for the whole style set at each render of each select option
// (Select.activeStyles), and huh.ThemeBase16 builds every style anew on
// each call: a tenth of the wizard's CPU to its first page went there.
// huh copies the styles it takes (lipgloss styles are values), so one
// shared set is safe.
var theme = onceTheme(huh.ThemeBase16)

func onceTheme(f huh.ThemeFunc) huh.ThemeFunc {
	dark := sync.OnceValue(func() *huh.Styles { return f(true) })
	light := sync.OnceValue(func() *huh.Styles { return f(false) })
	return func(isDark bool) *huh.Styles {
		if isDark {
			return dark()
		}
		return light()
	}
}
