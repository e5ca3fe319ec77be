package cloud

import (
	"fmt"
	"unicode"
)

// A spec's strings reach HTTP headers, query strings and the terminal. A
// control character in one (NUL, CR, LF, ESC, DEL, C1, also TAB) is never
// part of a real name, id or key; in a header or a query it splits or ends
// the value, on a screen it moves the cursor or retitles the window. So it
// is an error at the field, checked here once for every vendor: no
// vendor's rules allow multi-line text in any field tunnelwiz sends.

// firstControl returns the first control character in s and its position
// (1-based, in characters).
func firstControl(s string) (rune, int, bool) {
	n := 0
	for _, r := range s {
		n++
		if unicode.IsControl(r) {
			return r, n, true
		}
	}
	return 0, 0, false
}

func hasControl(s string) bool {
	_, _, ok := firstControl(s)
	return ok
}

// isControlString reports a string value holding a control character: the
// other checks skip it, so the field gets one clear error, not three.
func isControlString(v any) bool {
	s, ok := v.(string)
	return ok && hasControl(s)
}

// controls reports every key and string value under v that holds a
// control character, at its instance path. pat is v's catalog path, to
// tell a Map's data keys (shown as Map["key"]) from member names, and a
// secret (never described) from the rest.
func (w *walker) controls(v any, inst, pat string) {
	switch x := v.(type) {
	case map[string]any:
		f := w.c.byPath[pat]
		isMap := f != nil && f.Type == Map
		for _, k := range sortedKeys(x) {
			kinst, kpat := join(inst, k), join(pat, k)
			if isMap {
				kinst, kpat = fmt.Sprintf("%s[%q]", inst, k), pat+".*"
			}
			if r, at, ok := firstControl(k); ok {
				what := "the parameter name"
				if isMap {
					what = "the key"
				}
				w.add(Errorf(kinst, "%s holds a control character (%q at character %d): names must be printable text on one line", what, string(r), at))
			}
			w.controls(x[k], kinst, kpat)
		}
	case []any:
		for i, e := range x {
			w.controls(e, fmt.Sprintf("%s[%d]", inst, i), pat+"[]")
		}
	case string:
		w.controlValue(x, inst, w.c.byPath[pat])
	}
}

// controlValue reports one value; a secret's character and position are
// not told.
func (w *walker) controlValue(s, inst string, f *Field) {
	r, at, ok := firstControl(s)
	switch {
	case !ok:
	case f != nil && f.Secret:
		w.add(Errorf(inst, "holds a control character (a line break, tab, NUL or the like): a key must be printable text on one line"))
	default:
		w.add(Errorf(inst, "holds a control character (%q at character %d): names, ids and keys must be printable text on one line", string(r), at))
	}
}

// targetControls reports the target keys and values that hold one.
func (w *walker) targetControls(t map[string]string) {
	for _, k := range sortedKeys(t) {
		if r, at, ok := firstControl(k); ok {
			w.add(Errorf(k, "the key holds a control character (%q at character %d): names must be printable text on one line", string(r), at))
		}
		w.controlValue(t[k], k, w.c.target[k])
	}
}
