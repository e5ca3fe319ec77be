package cloud

import "strings"

// Params is a request's parameters as parsed from a spec file: nested
// map[string]any / []any / string / int64 / float64 / bool. Cross-field
// checks read it with the accessors below, which return zero values for
// absent or mistyped parameters (the per-field rules report those).
type Params map[string]any

// Get returns the value at a dotted path of object members (no lists).
func (p Params) Get(path string) (any, bool) {
	var cur any = map[string]any(p)
	for _, part := range strings.Split(path, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		cur, ok = m[part]
		if !ok || cur == nil {
			return nil, false
		}
	}
	return cur, true
}

// Has reports whether a parameter is present.
func (p Params) Has(path string) bool {
	_, ok := p.Get(path)
	return ok
}

// Str returns a string parameter ("" when absent or not a string).
func (p Params) Str(path string) string {
	v, _ := p.Get(path)
	s, _ := v.(string)
	return s
}

// Int returns an integer parameter and whether it was one.
func (p Params) Int(path string) (int64, bool) {
	v, _ := p.Get(path)
	i, ok := v.(int64)
	return i, ok
}

// Bool returns a boolean parameter (false when absent).
func (p Params) Bool(path string) bool {
	v, _ := p.Get(path)
	b, _ := v.(bool)
	return b
}

// Obj returns an object parameter as Params (nil when absent).
func (p Params) Obj(path string) Params {
	v, _ := p.Get(path)
	m, _ := v.(map[string]any)
	return m
}

// List returns a list parameter (nil when absent).
func (p Params) List(path string) []any {
	v, _ := p.Get(path)
	l, _ := v.([]any)
	return l
}

// Strings returns a list parameter's string elements.
func (p Params) Strings(path string) []string {
	var out []string
	for _, e := range p.List(path) {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// Clone deep-copies parameters, so that a redacted or normalized copy never
// aliases the user's input.
func (p Params) Clone() Params {
	c, _ := cloneValue(map[string]any(p)).(map[string]any)
	return c
}

func cloneValue(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = cloneValue(e)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = cloneValue(e)
		}
		return l
	}
	return v
}
