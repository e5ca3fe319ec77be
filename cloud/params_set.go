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
			if part.name == "" && !part.key {
				return
			}
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
	name  string // object member or map key; "" for a list index
	key   bool   // name came from a quoted map key: ["10.0.0.0/24"]
	index int
}

// splitInstance parses an instance path: names separated by dots, list
// indexes in brackets ("[2]", "[]" for 0) and map keys as quoted strings
// in brackets (`spdAcl["10.0.0.0/24"][0]`), as the validator reports them.
func splitInstance(path string) ([]pathPart, error) {
	bad := errBadPath{path}
	var out []pathPart
	rest := path
	expectName := true
	for rest != "" || expectName {
		if expectName {
			i := strings.IndexAny(rest, ".[")
			if i < 0 {
				i = len(rest)
			}
			if i == 0 {
				return nil, bad
			}
			out = append(out, pathPart{name: rest[:i]})
			rest = rest[i:]
			expectName = false
			continue
		}
		switch rest[0] {
		case '.':
			rest = rest[1:]
			expectName = true
		case '[':
			rest = rest[1:]
			if strings.HasPrefix(rest, `"`) {
				q, err := strconv.QuotedPrefix(rest)
				if err != nil || !strings.HasPrefix(rest[len(q):], "]") {
					return nil, bad
				}
				key, _ := strconv.Unquote(q)
				out = append(out, pathPart{name: key, key: true})
				rest = rest[len(q)+1:]
				continue
			}
			j := strings.IndexByte(rest, ']')
			if j < 0 {
				return nil, bad
			}
			n := 0
			if j > 0 {
				var err error
				if n, err = strconv.Atoi(rest[:j]); err != nil || n < 0 || n > 1000 {
					return nil, fmt.Errorf("bad index in path %q", path)
				}
			}
			out = append(out, pathPart{index: n})
			rest = rest[j+1:]
		default:
			return nil, bad
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
	if part.name != "" || part.key {
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

// errBadPath is made only when a path is bad, not on every parse.
type errBadPath struct{ path string }

func (e errBadPath) Error() string { return fmt.Sprintf("bad path %q", e.path) }
