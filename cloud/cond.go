package cloud

import "strings"

// At returns the value at an instance path with list indexes
// ("Rules[0].Local"); "[]" means element 0.
func (p Params) At(path string) (any, bool) {
	parts, err := splitInstance(path)
	if err != nil {
		return nil, false
	}
	var cur any = map[string]any(p)
	for _, part := range parts {
		switch x := cur.(type) {
		case map[string]any:
			if part.name == "" && !part.key {
				return nil, false
			}
			cur = x[part.name]
		case []any:
			if part.name != "" || part.key || part.index >= len(x) {
				return nil, false
			}
			cur = x[part.index]
		default:
			return nil, false
		}
		if cur == nil {
			return nil, false
		}
	}
	return cur, true
}

// Applies reports whether the field at an instance path applies given
// the other values in p: false when its OnlyWhen condition fails. The
// wizard hides fields that do not apply.
func (c *Catalog) Applies(f *Field, p Params, inst string) bool {
	return (f.OnlyWhen == nil || c.holdsAt(f.OnlyWhen, p, inst)) &&
		(f.Effective == nil || c.holdsAt(f.Effective, p, inst))
}

// RequiredNow reports whether the field at an instance path is required
// given the other values in p.
func (c *Catalog) RequiredNow(f *Field, p Params, inst string) bool {
	return f.Required || (f.RequiredWhen != nil && c.holdsAt(f.RequiredWhen, p, inst))
}

func (c *Catalog) holdsAt(cond *Cond, p Params, inst string) bool {
	c.index()
	parentInst, parentPat := "", ""
	if i := strings.LastIndexByte(inst, '.'); i >= 0 {
		parentInst = inst[:i]
		parentPat = catalogPath(parentInst)
	}
	parent := map[string]any(p)
	if parentInst != "" {
		v, _ := p.At(parentInst)
		parent, _ = v.(map[string]any)
	}
	w := &walker{c: c, root: p}
	return w.holds(cond, parent, parentPat)
}

// catalogPath turns an instance path into its catalog path:
// "Rules[3].Remote[0]" -> "Rules[].Remote[]",
// `spdAcl["10.0.0.0/24"][0]` -> "spdAcl.*[]".
func catalogPath(inst string) string {
	parts, err := splitInstance(inst)
	if err != nil {
		return inst
	}
	var b strings.Builder
	for i, p := range parts {
		switch {
		case p.key:
			b.WriteString(".*")
		case p.name == "":
			b.WriteString("[]")
		default:
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(p.name)
		}
	}
	return b.String()
}

// CatalogPath is catalogPath for callers outside the package (the wizard
// maps an issue's instance path back to its field).
func CatalogPath(inst string) string { return catalogPath(inst) }
