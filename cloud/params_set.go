package cloud

import (
	"fmt"
	"strconv"
	"strings"
)

// Set stores v at an instance path such as "IkeConfig.IkePfs" or
// "SecurityPolicyDatabases[0].RemoteCidrBlock[1]", creating objects and
// growing lists on the way. A catalog path's "[]" means element 0. The
// wizard writes every form value through it, so paths mean the same thing
// in forms, issues and files.
func (p Params) Set(path string, v any) error {
	parts, err := splitInstance(path)
	if err != nil {
		return err
	}
	var cur any = map[string]any(p)
	return setIn(&cur, parts, v)
}

// Delete removes the value at an instance path (no error when absent).
func (p Params) Delete(path string) {
	parts, err := splitInstance(path)
	if err != nil || len(parts) == 0 {
		return
	}
	var cur any = map[string]any(p)
	for _, part := range parts[:len(parts)-1] {
		switch x := cur.(type) {
		case map[string]any:
			cur = x[part.name]
		case []any:
			if part.index < 0 || part.index >= len(x) {
				return
			}
			cur = x[part.index]
		default:
			return
		}
	}
	last := parts[len(parts)-1]
	switch x := cur.(type) {
	case map[string]any:
		delete(x, last.name)
	}
}

type pathPart struct {
	name  string // object member, or "" for a list index
	index int
}

func splitInstance(path string) ([]pathPart, error) {
	var out []pathPart
	for _, seg := range strings.Split(path, ".") {
		name := seg
		var idx []string
		if i := strings.IndexByte(seg, '['); i >= 0 {
			name = seg[:i]
			rest := seg[i:]
			for rest != "" {
				j := strings.IndexByte(rest, ']')
				if rest[0] != '[' || j < 0 {
					return nil, fmt.Errorf("bad path %q", path)
				}
				idx = append(idx, rest[1:j])
				rest = rest[j+1:]
			}
		}
		if name == "" {
			return nil, fmt.Errorf("bad path %q", path)
		}
		out = append(out, pathPart{name: name})
		for _, s := range idx {
			n := 0
			if s != "" {
				var err error
				if n, err = strconv.Atoi(s); err != nil || n < 0 || n > 1000 {
					return nil, fmt.Errorf("bad index in path %q", path)
				}
			}
			out = append(out, pathPart{index: n})
		}
	}
	return out, nil
}

// setIn walks parts from *cur, creating containers as needed.
func setIn(cur *any, parts []pathPart, v any) error {
	if len(parts) == 0 {
		*cur = v
		return nil
	}
	part := parts[0]
	if part.name != "" {
		m, ok := (*cur).(map[string]any)
		if !ok {
			if *cur != nil {
				return fmt.Errorf("%s: not an object", part.name)
			}
			m = map[string]any{}
			*cur = m
		}
		child := m[part.name]
		if err := setIn(&child, parts[1:], v); err != nil {
			return err
		}
		m[part.name] = child
		return nil
	}
	l, ok := (*cur).([]any)
	if !ok {
		if *cur != nil {
			return fmt.Errorf("not a list")
		}
		l = nil
	}
	for len(l) <= part.index {
		l = append(l, nil)
	}
	child := l[part.index]
	if err := setIn(&child, parts[1:], v); err != nil {
		return err
	}
	l[part.index] = child
	*cur = l
	return nil
}
