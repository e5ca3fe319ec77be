package wizard

import "strings"

// pickerRows is how many rows a viewer's picker may take.
const pickerRows = 2

// pickerLine is a viewer's choice of what it shows, on at most two rows
// that stay above the scrolled text: label, then the names, the current
// one in brackets, wrapped between names. Names that do not fit are left
// out from the far ends, an end cut marked "…", so that the current one
// is always seen.
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
	fits := func(lo, hi int) bool { return strings.Count(wrap(line(lo, hi), width), "\n") < pickerRows }
	lo, hi := at, at+1
	for grew := true; grew; {
		grew = false
		if hi < len(shown) && fits(lo, hi+1) {
			hi, grew = hi+1, true
		}
		if lo > 0 && fits(lo-1, hi) {
			lo, grew = lo-1, true
		}
	}
	rows := strings.Split(wrap(line(lo, hi), width), "\n")
	for i := range rows {
		rows[i] = truncate(rows[i], width) // one name wider than a row
	}
	return strings.Join(rows[:min(len(rows), pickerRows)], "\n")
}
