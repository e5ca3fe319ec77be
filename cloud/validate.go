package cloud

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Validate checks a spec against its vendor's catalog. The error is for an
// unknown vendor only; everything else is an Issue.
func Validate(s *Spec) (Issues, error) {
	d, err := DriverFor(s.Vendor)
	if err != nil {
		return nil, err
	}
	_, is := d.Catalog().Check(s)
	return is, nil
}

// DriverFor returns the driver for a vendor key, or an error naming the
// known vendors.
func DriverFor(vendor string) (Driver, error) {
	d, ok := Lookup(vendor)
	if !ok {
		return nil, &FormatError{Msg: fmt.Sprintf("unknown vendor %q: use one of %s", vendor, OrList(Vendors()))}
	}
	return d, nil
}

// Check validates a spec and returns its parameters normalized to the
// catalog's types (numbers written for string fields become strings,
// quoted numbers for integer fields become numbers, nulls are dropped).
// The builder sends the normalized parameters, never the raw ones.
func (c *Catalog) Check(s *Spec) (Params, Issues) { return c.CheckListed(s, nil) }

// CheckListed is Check where the gateways were looked up: the rules with
// a Listed form decide from inv (nil: as Check).
func (c *Catalog) CheckListed(s *Spec, inv *Inventory) (Params, Issues) {
	c.index()
	w := &walker{c: c}
	w.checkTarget(s.Target)
	w.targetControls(s.Target)
	p := Params(s.Params).Clone()
	if p == nil {
		p = Params{}
	}
	w.root = p
	w.controls(map[string]any(p), "", "")
	w.object(p, "", "")
	for _, ch := range c.Checks {
		if inv != nil && ch.Listed != nil {
			w.out = append(w.out, ch.Listed(p, s.Target, inv)...)
			continue
		}
		w.out = append(w.out, ch.Run(p, s.Target)...)
	}
	w.secretCopies(p)
	sortIssues(w.out)
	return p, w.out
}

// secretCopies warns about a non-secret field that holds the same value
// as a secret one: the key would travel in clear there.
func (w *walker) secretCopies(p Params) {
	secrets := w.c.SecretValues(p)
	if len(secrets) == 0 {
		return
	}
	secretPaths := map[string]bool{}
	for _, sp := range w.c.Secrets() {
		secretPaths[sp] = true
	}
	var visit func(v any, inst string)
	visit = func(v any, inst string) {
		switch x := v.(type) {
		case map[string]any:
			for _, k := range sortedKeys(x) {
				visit(x[k], join(inst, k))
			}
		case []any:
			for i, e := range x {
				visit(e, fmt.Sprintf("%s[%d]", inst, i))
			}
		case string:
			// The value test first: it is cheap, the path test is not.
			if contains(secrets, x) && !secretPaths[catalogPath(inst)] {
				w.add(Warnf(inst, "holds the same value as the pre-shared key, which would then be sent in clear text here too"))
			}
		}
	}
	visit(map[string]any(p), "")
}

type walker struct {
	c    *Catalog
	root Params
	out  Issues
}

func (w *walker) add(i Issue) { w.out = append(w.out, i) }

func (w *walker) checkTarget(t map[string]string) {
	for _, k := range sortedKeys(t) {
		f := w.c.target[k]
		if hasControl(k) {
			continue // reported by targetControls, and never a known name
		}
		if f == nil {
			names := make([]string, 0, len(w.c.Target)+2)
			for _, tf := range w.c.Target {
				names = append(names, tf.Path)
			}
			w.add(unknownIssue(k, k, append(names, "vendor", "params")))
			continue
		}
		if isControlString(t[k]) {
			continue // reported by targetControls
		}
		w.scalar(t[k], k, f)
	}
	for i := range w.c.Target {
		f := &w.c.Target[i]
		if _, ok := t[f.Path]; !ok && f.Required {
			w.add(requiredIssue(f.Path, f))
		}
	}
}

func join(base, name string) string {
	if base == "" {
		return name
	}
	return base + "." + name
}

// object walks an object's members: each must be in the catalog, present
// members are checked, absent required ones are reported.
func (w *walker) object(m map[string]any, inst, pat string) {
	for _, k := range sortedKeys(m) {
		childPat := join(pat, k)
		f := w.c.byPath[childPat]
		if hasControl(k) {
			continue // reported by controls, and never a known name
		}
		if f == nil {
			w.add(unknownIssue(join(inst, k), k, w.c.children[pat]))
			continue
		}
		if l, ok := m[k].([]any); m[k] == nil || ok && len(l) == 0 || f.Type == Map && isEmptyMap(m[k]) {
			// "key:" with no value, an empty list or an empty map means
			// absent: the SDKs send nothing for any of them.
			delete(m, k)
			continue
		}
		if f.Deprecated != "" {
			w.add(Warnf(join(inst, k), "is deprecated by the vendor: use %s instead", f.Deprecated))
		}
		if f.Effective != nil && !w.holds(f.Effective, m, pat) {
			w.add(Issue{Field: join(inst, k), Severity: Warning,
				Message: fmt.Sprintf("has no effect unless %s is %s", condName(f.Effective), OrList(f.Effective.In)),
				Allowed: f.Effective.In})
		}
		if f.OnlyWhen != nil && !w.holds(f.OnlyWhen, m, pat) {
			w.add(Issue{Field: join(inst, k), Severity: Error,
				Message: fmt.Sprintf("applies only when %s is %s; remove it or change %s", condName(f.OnlyWhen), OrList(f.OnlyWhen.In), condName(f.OnlyWhen)),
				Allowed: f.OnlyWhen.In})
		}
		m[k] = w.value(m[k], join(inst, k), childPat, f)
	}
	for _, name := range w.c.children[pat] {
		if _, ok := m[name]; ok {
			continue
		}
		f := w.c.byPath[join(pat, name)]
		if f.Required || (f.RequiredWhen != nil && w.holds(f.RequiredWhen, m, pat)) {
			w.add(requiredIssue(join(inst, name), f))
		}
	}
}

func condName(c *Cond) string { return strings.TrimPrefix(c.Path, "/") }

// holds evaluates a condition against the object that holds the field.
func (w *walker) holds(c *Cond, parent map[string]any, parentPat string) bool {
	var v any
	var ok bool
	fieldPat := strings.TrimPrefix(c.Path, "/")
	switch {
	case strings.HasPrefix(c.Path, "/") || strings.Contains(c.Path, "."):
		v, ok = w.root.Get(fieldPat)
	default:
		v, ok = parent[c.Path]
		fieldPat = join(parentPat, c.Path)
	}
	s, _ := scalarString(v)
	if !ok || v == nil {
		if c.Explicit {
			return false
		}
		if f := w.c.byPath[fieldPat]; f != nil {
			s = f.Default
		}
	}
	for _, want := range c.In {
		if s == want {
			return true
		}
	}
	return false
}

// value checks one present value and returns it normalized.
func (w *walker) value(v any, inst, pat string, f *Field) any {
	if isControlString(v) {
		return v // reported by controls
	}
	switch f.Type {
	case Object:
		m, ok := v.(map[string]any)
		if !ok {
			w.add(Errorf(inst, "must be an object with members %s", OrList(w.c.children[pat])))
			return v
		}
		w.object(m, inst, pat)
		return m
	case Map:
		m, ok := v.(map[string]any)
		if !ok {
			w.add(Errorf(inst, "must be a mapping of %s keys to values", formatName(f.Format)))
			return v
		}
		w.count(len(m), inst, f, "entries")
		vf := w.c.byPath[pat+".*"]
		for _, k := range sortedKeys(m) {
			kinst := fmt.Sprintf("%s[%q]", inst, k)
			if msg := checkFormat(k, f.Format); msg != "" && !hasControl(k) {
				w.add(Errorf(kinst, "key %s", msg))
			}
			if vf != nil && m[k] != nil {
				m[k] = w.value(m[k], kinst, pat+".*", vf)
			}
		}
		return m
	case List:
		l, ok := v.([]any)
		if !ok {
			w.add(Errorf(inst, "must be a list"))
			return v
		}
		w.count(len(l), inst, f, "items")
		ef := w.c.byPath[pat+"[]"]
		if ef == nil {
			return l
		}
		for i := range l {
			einst := fmt.Sprintf("%s[%d]", inst, i)
			if l[i] == nil {
				w.add(Errorf(einst, "is empty"))
				continue
			}
			l[i] = w.value(l[i], einst, pat+"[]", ef)
		}
		return l
	case Integer:
		n, ok := toInt(v)
		if !ok {
			if len(f.Allowed) > 0 {
				w.add(Issue{Field: inst, Severity: Error, Message: "must be a whole number: one of " + OrList(f.Allowed), Allowed: f.Allowed})
			} else {
				w.add(Errorf(inst, "must be a whole number%s", rangeText(f.Range)))
			}
			return v
		}
		if f.Range != nil && (n < f.Range.Min || n > f.Range.Max) {
			w.add(Errorf(inst, "%d is out of range: must be from %d to %d", n, f.Range.Min, f.Range.Max))
		}
		if len(f.Allowed) > 0 && !contains(f.Allowed, strconv.FormatInt(n, 10)) {
			w.add(Issue{Field: inst, Severity: Error, Message: fmt.Sprintf("%d is not allowed; allowed: %s", n, OrList(f.Allowed)), Allowed: f.Allowed})
		}
		return n
	case Boolean:
		switch x := v.(type) {
		case bool:
			return x
		case string:
			if b, err := strconv.ParseBool(x); err == nil && (x == "true" || x == "false") {
				return b
			}
		}
		w.add(Issue{Field: inst, Severity: Error, Message: "must be true or false", Allowed: []string{"true", "false"}})
		return v
	}
	s, ok := scalarString(v)
	if !ok {
		if len(f.Allowed) > 0 {
			w.add(Issue{Field: inst, Severity: Error, Message: "must be a single value, one of " + OrList(f.Allowed), Allowed: f.Allowed})
		} else {
			w.add(Errorf(inst, "must be a single value (%s), not a list or object", formatName(f.Format)))
		}
		return v
	}
	w.scalar(s, inst, f)
	return s
}

func (w *walker) count(n int, inst string, f *Field, what string) {
	if f.Len != nil && (int64(n) < f.Len.Min || int64(n) > f.Len.Max) {
		w.add(Errorf(inst, "has %d %s: must have from %d to %d", n, what, f.Len.Min, f.Len.Max))
	}
}

// scalar checks a string value against every declarative rule of its field.
// Secret values are never quoted back.
func (w *walker) scalar(s, inst string, f *Field) {
	shown := strconv.Quote(s)
	if f.Secret {
		shown = "the value"
		if s == Mask {
			// A masked file read back (a draft, a preview pasted into a
			// spec) must never send the mask as the key.
			w.add(Errorf(inst, "is the mask %s, not a key: type the pre-shared key", Mask))
			return
		}
	}
	if f.Len != nil {
		n := int64(utf8.RuneCountInString(s))
		if n < f.Len.Min || n > f.Len.Max {
			if f.Secret { // even a key's length is not shown
				w.add(Errorf(inst, "must be %d to %d characters long", f.Len.Min, f.Len.Max))
			} else {
				w.add(Errorf(inst, "is %d characters long: must be %d to %d characters", n, f.Len.Min, f.Len.Max))
			}
		}
	}
	if len(f.Known) > 0 && !contains(f.Known, s) {
		msg := fmt.Sprintf("%s is not among the values known to tunnelwiz (%s); the vendor may still accept it", shown, OrList(f.Known))
		if alt := suggestValue(s, f.Known); alt != "" {
			msg = fmt.Sprintf("%s is not a value tunnelwiz knows (did you mean %s?); the vendor may still accept it", shown, alt)
		}
		w.add(Issue{Field: inst, Severity: Warning, Message: msg, Allowed: f.Known})
	}
	if len(f.Allowed) > 0 && !contains(f.Allowed, s) {
		if why, ok := f.Tolerated[s]; ok {
			w.add(Issue{Field: inst, Severity: Warning, Allowed: f.Allowed,
				Message: fmt.Sprintf("%s is not among the documented values (%s); it is accepted with a warning: %s", shown, OrList(f.Allowed), why)})
			return
		}
		msg := fmt.Sprintf("%s is not allowed; allowed: %s", shown, OrList(f.Allowed))
		if len(f.Tolerated) > 0 {
			msg += fmt.Sprintf(" (accepted with a warning: %s)", OrList(sortedKeys(f.Tolerated)))
		}
		if alt := suggestValue(s, append(append([]string(nil), f.Allowed...), sortedKeys(f.Tolerated)...)); alt != "" && !f.Secret {
			msg += fmt.Sprintf(" (did you mean %s?)", alt)
		}
		w.add(Issue{Field: inst, Severity: Error, Message: msg, Allowed: f.Allowed})
		return
	}
	if f.Chars != nil && !f.Chars.Match(s) {
		w.add(Errorf(inst, "%s is not allowed: %s", shown, f.Chars.Describe))
	}
	if msg := checkFormat(s, f.Format); msg != "" {
		if f.Secret {
			msg = "is not in the required format: " + formatName(f.Format)
		}
		if f.Format == Digits {
			msg += rangeText(f.Range)
		}
		w.add(Errorf(inst, "%s", msg))
	} else if f.Format == Digits && f.Range != nil {
		n, _ := strconv.ParseInt(s, 10, 64)
		if n < f.Range.Min || n > f.Range.Max {
			w.add(Errorf(inst, "%d is out of range: must be from %d to %d", n, f.Range.Min, f.Range.Max))
		}
	}
	if f.Check != nil {
		if msg := f.Check(s); msg != "" {
			w.add(Errorf(inst, "%s", msg))
		}
	}
}

func rangeText(r *Range) string {
	if r == nil {
		return ""
	}
	return fmt.Sprintf(" from %d to %d", r.Min, r.Max)
}

func requiredIssue(inst string, f *Field) Issue {
	msg := "is required"
	if f.RequiredWhen != nil {
		msg = fmt.Sprintf("is required when %s is %s", condName(f.RequiredWhen), OrList(f.RequiredWhen.In))
	}
	if len(f.Allowed) > 0 {
		msg += "; allowed: " + OrList(f.Allowed)
	} else if f.Range != nil {
		msg += rangeText(f.Range)
	} else if f.Format != Plain {
		msg += "; expected " + formatName(f.Format)
	}
	return Issue{Field: inst, Severity: Error, Message: msg, Allowed: f.Allowed}
}

// unknownIssue reports a parameter name the vendor does not have, with the
// nearest known name when one is close.
func unknownIssue(inst, name string, known []string) Issue {
	msg := fmt.Sprintf("unknown parameter %q", name)
	if s := Nearest(name, known); len(s) > 0 {
		msg += fmt.Sprintf(" (did you mean %s?)", OrList(s))
	} else if len(known) > 0 {
		msg += "; known here: " + OrList(known)
	}
	return Issue{Field: inst, Severity: Error, Message: msg, Allowed: known}
}

// Nearest returns the known names closest to name by edit distance (case
// folded), if they are close enough to be a plausible typo; none
// otherwise. Several are returned when they are equally near (bsh: bash
// and zsh): picking the first would be arbitrary. The command line uses
// it for a mistyped command or flag.
func Nearest(name string, known []string) []string {
	var best []string
	bestD := math.MaxInt
	ln := strings.ToLower(name)
	for _, k := range known {
		lk := strings.ToLower(k)
		d := editDistance(ln, lk)
		switch {
		case d < bestD:
			best, bestD = []string{k}, d
		case d == bestD && !slices.ContainsFunc(best, func(b string) bool { return strings.EqualFold(b, k) }):
			best = append(best, k)
		}
	}
	if bestD <= max(2, len(name)/3) {
		return best
	}
	return nil
}

// nearest is the one known name nearest to name, or "" when none is near
// or several are equally near. A value is never guessed among equals: for
// an allowed list in the vendor's order the first is often the weakest
// (GROUP3 would point at GROUP1, 768-bit DH), and the whole list is
// printed beside the suggestion anyway.
func nearest(name string, known []string) string {
	if n := Nearest(name, known); len(n) == 1 {
		return n[0]
	}
	return ""
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// suggestValue finds the allowed value the user most likely meant: the
// same letters in another case, a unique allowed value that merely adds a
// prefix or suffix (Tencent PFS "DH-GROUP14" for IKE-style "GROUP14"), or
// the nearest by edit distance.
func suggestValue(s string, allowed []string) string {
	if s == "" {
		return ""
	}
	ls := strings.ToLower(s)
	for _, a := range allowed {
		if strings.EqualFold(a, s) {
			return a
		}
	}
	var affix []string
	for _, a := range allowed {
		la := strings.ToLower(a)
		if strings.HasSuffix(la, ls) || strings.HasPrefix(la, ls) || strings.HasSuffix(ls, la) {
			affix = append(affix, a)
		}
	}
	if len(affix) == 1 {
		return affix[0]
	}
	return nearest(s, allowed)
}

func contains(vs []string, s string) bool {
	for _, v := range vs {
		if v == s {
			return true
		}
	}
	return false
}

func toInt(v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case int:
		return int64(x), true
	case int32:
		return int64(x), true
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return int64(x), true
		}
	case json.Number:
		if n, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return n, true
		}
		if f, err := strconv.ParseFloat(string(x), 64); err == nil {
			return toInt(f)
		}
	case string:
		n, err := strconv.ParseInt(strings.TrimSpace(x), 10, 64)
		return n, err == nil
	}
	return 0, false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func isEmptyMap(v any) bool {
	m, ok := v.(map[string]any)
	return ok && len(m) == 0
}
