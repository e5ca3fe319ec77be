package wizard

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// pickerLine is a viewer's choice of what it shows, on one line that
// stays above the scrolled text: label, then the names, the current one
// in brackets. Names that do not fit are left out from the far ends,
// an end cut marked "…", so that the current one is always seen.
func pickerLine(label string, names []string, at, width int) string {
	shown := make([]string, len(names))
	copy(shown, names)
	shown[at] = "[" + shown[at] + "]"
	line := func(lo, hi int) string {
		parts := append([]string{}, shown[lo:hi]...)
		if lo > 0 {
			parts = append([]string{"…"}, parts...)
		}
		if hi < len(shown) {
			parts = append(parts, "…")
		}
		return label + strings.Join(parts, " ")
	}
	lo, hi := at, at+1
	for grew := true; grew; {
		grew = false
		if hi < len(shown) && ansi.StringWidth(line(lo, hi+1)) <= width {
			hi, grew = hi+1, true
		}
		if lo > 0 && ansi.StringWidth(line(lo-1, hi)) <= width {
			lo, grew = lo-1, true
		}
	}
	return truncate(line(lo, hi), width)
}
