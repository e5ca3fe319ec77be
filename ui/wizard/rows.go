package wizard

import (
	"strings"

	"charm.land/huh/v2"
	"github.com/charmbracelet/x/ansi"
)

// A pick list's row is one line, cut with "…" where it is too wide: huh
// wraps a wide option at '.', '-' and ',', which splits an address over
// two rows ("172.16." over "0.11  ACTIVE") and reads as two entries.

// rowFrame is what huh's select draws before an option: the focus bar
// and its padding (2) and the cursor "> " (2).
const rowFrame = 4

// fitRows cuts each option's label to the rows' width (State.Cols; none
// with plain prompts, which do not draw rows).
func (s *State) fitRows(opts []huh.Option[string]) []huh.Option[string] {
	if s.Accessible || s.Cols <= 0 {
		return opts
	}
	for i := range opts {
		opts[i].Key = fitRow(opts[i].Key, s.Cols)
	}
	return opts
}

// fitRow cuts a label wider than width at its last joint that fits,
// marked "…": between the parts a resource row is made of (two spaces:
// id, name, addresses, state), else at a space, else at width. A part,
// an address, is shown whole or not at all.
func fitRow(label string, width int) string {
	if ansi.StringWidth(label) <= width {
		return label
	}
	for _, sep := range []string{"  ", " "} {
		parts := strings.Split(label, sep)
		for n := len(parts) - 1; n > 0; n-- {
			if head := strings.Join(parts[:n], sep) + sep + "…"; ansi.StringWidth(head) <= width {
				return head
			}
		}
	}
	return truncate(label, width)
}
