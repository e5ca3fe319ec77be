package forms

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"tunnelwiz/cloud"
)

// Lists and maps are edited as text, one row a line, so that rows are
// added and removed with the keyboard alone. A list of objects shows one
// column per member, separated by " | "; a member that is itself a list
// holds its items separated by spaces:
//
//	10.8.4.0/24 | 192.168.10.0/24 192.168.11.0/24     (Tencent SPD rule)
//	env | prod                                        (a tag)
//
// A map shows its key as the first column (Tencent API 2.0 spdAcl).

// Columns names the columns of a list or map field's rows, or nil for a
// list of plain values. ok is false when a row holds nested objects that
// a line cannot express (Alibaba's dual-tunnel options): edit those in a
// spec file.
func Columns(c *cloud.Catalog, f *cloud.Field) (cols []string, ok bool) {
	elem := c.Field(elemPath(f))
	if elem == nil || elem.Type != cloud.Object {
		if f.Type == cloud.Map {
			return []string{"key", "values"}, true
		}
		return nil, elem == nil || elem.Type != cloud.List
	}
	for _, name := range c.Children(elemPath(f)) {
		m := c.Field(elemPath(f) + "." + name)
		if m.Type == cloud.Object || m.Type == cloud.Map {
			return nil, false
		}
		if m.Type == cloud.List {
			if g := c.Field(m.Path + "[]"); g == nil || g.Type == cloud.Object {
				return nil, false
			}
		}
		cols = append(cols, name)
	}
	return cols, true
}

func elemPath(f *cloud.Field) string {
	if f.Type == cloud.Map {
		return f.Path + ".*"
	}
	return f.Path + "[]"
}

// RowsText renders a list or map value as editable rows.
func RowsText(c *cloud.Catalog, f *cloud.Field, v any) string {
	var lines []string
	switch x := v.(type) {
	case []any:
		cols, _ := Columns(c, f)
		for _, e := range x {
			if m, ok := e.(map[string]any); ok && cols != nil {
				var cells []string
				for _, col := range cols {
					cells = append(cells, cellText(m[col]))
				}
				// Empty trailing cells go, unless a required one is
				// missing: its separator stays, so the cursor at the end
				// of the row is where it is typed.
				for len(cells) > 1 && cells[len(cells)-1] == "" && !c.Field(elemPath(f)+"."+cols[len(cells)-1]).Required {
					cells = cells[:len(cells)-1]
				}
				lines = append(lines, strings.Join(cells, " | "))
			} else {
				lines = append(lines, cellText(e))
			}
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			lines = append(lines, k+" | "+cellText(x[k]))
		}
	}
	return strings.Join(lines, "\n")
}

func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case []any:
		var parts []string
		for _, e := range x {
			parts = append(parts, cellText(e))
		}
		return strings.Join(parts, " ")
	case string:
		return x
	}
	return fmt.Sprint(v)
}

// ParseRows turns edited rows back into the field's value; blank lines are
// skipped, and no rows at all means absent (nil). Values are left as text
// (numbers as written) for the catalog's normalization to type.
func ParseRows(c *cloud.Catalog, f *cloud.Field, text string) (any, error) {
	cols, ok := Columns(c, f)
	if !ok {
		return nil, fmt.Errorf("%s holds nested settings that rows cannot express: edit it in a spec file", f.Path)
	}
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return nil, nil
	}
	if f.Type == cloud.Map {
		m := map[string]any{}
		for i, l := range lines {
			k, rest, found := strings.Cut(l, "|")
			if !found {
				return nil, fmt.Errorf("row %d: want \"key | values\"", i+1)
			}
			m[strings.TrimSpace(k)] = words(rest)
		}
		return m, nil
	}
	out := make([]any, 0, len(lines))
	for i, l := range lines {
		if cols == nil {
			out = append(out, strings.TrimSpace(l))
			continue
		}
		cells := strings.Split(l, "|")
		if len(cells) > len(cols) {
			return nil, fmt.Errorf("row %d has %d columns; the columns are %s", i+1, len(cells), strings.Join(cols, " | "))
		}
		m := map[string]any{}
		for j, cell := range cells {
			cell = strings.TrimSpace(cell)
			if cell == "" {
				continue
			}
			member := c.Field(elemPath(f) + "." + cols[j])
			switch {
			case member.Type == cloud.List:
				m[cols[j]] = words(cell)
			case member.Type == cloud.Integer:
				if n, err := strconv.ParseInt(cell, 10, 64); err == nil {
					m[cols[j]] = n
				} else {
					m[cols[j]] = cell
				}
			default:
				m[cols[j]] = cell
			}
		}
		out = append(out, m)
	}
	return out, nil
}

func words(s string) []any {
	var out []any
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
		out = append(out, w)
	}
	return out
}
