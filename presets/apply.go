package presets

import (
	"maps"
	"os"
	"path/filepath"
	"slices"

	"fmt"
	"gopkg.in/yaml.v3"
	"sort"
	"strconv"
	"strings"

	"tunnelwiz/cloud"
)

// Change is one parameter a preset set.
type Change struct {
	Role  cloud.Role
	Path  string
	Value any
	Term  string // the vocabulary term it expresses
}

// Problem is a setting the vendor cannot express; nothing is set for it.
type Problem struct {
	Role    cloud.Role
	Term    string
	Message string
}

func (p Problem) Error() string { return p.Message }

// Map works out which parameters a preset sets on one vendor, without
// changing anything. A setting the vendor cannot express becomes a Problem
// naming what the vendor offers instead; it is never silently dropped.
func Map(p *Preset, c *cloud.Catalog) ([]Change, []Problem) {
	var changes []Change
	var problems []Problem
	for _, ch := range p.choices() {
		fields := roleFields(c, ch.role)
		if len(fields) == 0 {
			switch im := impliedTerm(c, ch.role); im {
			case ch.term:
				// The API applies it with no parameter (Tencent API 2.0 is
				// IKEv1): expressed, with nothing to set.
			case "":
				problems = append(problems, Problem{ch.role, ch.String(),
					fmt.Sprintf("no %s setting here (%s not applied)", ch.role, ch)})
			default:
				problems = append(problems, Problem{ch.role, ch.String(),
					fmt.Sprintf("no %s setting here: the API applies %s (%s not applied)", ch.role, im, ch)})
			}
			continue
		}
		for _, f := range fields {
			v, prob := express(f, ch)
			if prob != "" {
				problems = append(problems, Problem{ch.role, ch.String(), fmt.Sprintf("%s: %s", f.Path, prob)})
				continue
			}
			changes = append(changes, Change{Role: ch.role, Path: f.Path, Value: v, Term: ch.String()})
		}
	}
	return changes, problems
}

// Implied are the preset's settings the vendor applies with no parameter
// (the catalog's Implied, the same term): expressed, though nothing is
// set for them, so a listing can say so.
func Implied(p *Preset, c *cloud.Catalog) []Change {
	var out []Change
	for _, ch := range p.choices() {
		if len(roleFields(c, ch.role)) == 0 && ch.term != "" && impliedTerm(c, ch.role) == ch.term {
			out = append(out, Change{Role: ch.role, Term: ch.term})
		}
	}
	return out
}

// impliedTerm is the term the catalog says the API applies for a role no
// parameter sets, or "".
func impliedTerm(c *cloud.Catalog, r cloud.Role) string {
	im, _ := c.ImpliedFor(r)
	return im.Term
}

// Apply sets a preset's parameters into params and reports what it could
// not express.
func Apply(p *Preset, c *cloud.Catalog, params cloud.Params) ([]Change, []Problem) {
	changes, problems := Map(p, c)
	set := map[string]bool{}
	for _, ch := range changes {
		set[ch.Path] = true
	}
	// A twin field for the same role that the preset did not choose would
	// contradict it: remove it.
	for _, ch := range p.choices() {
		for i := range c.Fields {
			f := &c.Fields[i]
			if f.Role == ch.role && !set[f.Path] && !strings.Contains(f.Path, "[]") && anySet(changes, ch) {
				params.Delete(f.Path)
			}
		}
	}
	for _, ch := range changes {
		if err := params.Set(ch.Path, ch.Value); err != nil {
			problems = append(problems, Problem{Term: ch.Term, Message: fmt.Sprintf("%s: %v", ch.Path, err)})
		}
	}
	return changes, problems
}

// roleFields are the top-level (not per-tunnel list) fields with a role.
// A deprecated field is used only when the vendor has no other for the
// role (Tencent's IntegrityAlgorith twin), so a preset never sets both.
func roleFields(c *cloud.Catalog, r cloud.Role) []*cloud.Field {
	var current, deprecated []*cloud.Field
	for i := range c.Fields {
		f := &c.Fields[i]
		if f.Role != r || strings.Contains(f.Path, "[]") {
			continue
		}
		if f.Deprecated != "" {
			deprecated = append(deprecated, f)
		} else {
			current = append(current, f)
		}
	}
	if len(current) > 0 {
		return current
	}
	return deprecated
}

// express finds the vendor token (or number) for one choice.
func express(f *cloud.Field, ch choice) (any, string) {
	if ch.term == "" {
		if f.Range != nil && (ch.seconds < f.Range.Min || ch.seconds > f.Range.Max) {
			return nil, fmt.Sprintf("%d seconds is outside the vendor's range %d to %d", ch.seconds, f.Range.Min, f.Range.Max)
		}
		if f.Type == cloud.String {
			return strconv.FormatInt(ch.seconds, 10), ""
		}
		return ch.seconds, ""
	}
	var offered []string
	for _, tok := range f.Allowed {
		term := f.Means[tok]
		if term == ch.term {
			return tok, ""
		}
		if term != "" {
			// The vendor's own word first, as its pick list shows it.
			if !strings.EqualFold(tok, term) {
				term = tok + " (" + term + ")"
			}
			offered = append(offered, term)
		}
	}
	// A token only weaker evidence names is still the vendor's word for
	// the term: it is set, and validation warns why (Field.Tolerated).
	for _, tok := range slices.Sorted(maps.Keys(f.Tolerated)) {
		if f.Means[tok] == ch.term {
			return tok, ""
		}
	}
	sort.Strings(offered)
	return nil, fmt.Sprintf("the vendor cannot express %s; it offers %s", ch.term, strings.Join(dedup(offered), ", "))
}

func dedup(s []string) []string {
	var out []string
	for i, v := range s {
		if i == 0 || s[i-1] != v {
			out = append(out, v)
		}
	}
	return out
}

// VendorDefaults is the preset a vendor applies when the request sets
// nothing: each role field's documented Default, in vocabulary terms.
func VendorDefaults(c *cloud.Catalog) *Preset {
	p := &Preset{Name: "defaults", Title: c.Title + " documented defaults"}
	for i := range c.Fields {
		f := &c.Fields[i]
		if f.Role == "" || f.Default == "" || strings.Contains(f.Path, "[]") {
			continue
		}
		// A default the vendor ignores under the other defaults is not one
		// it applies (Huawei's phase1_negotiation_mode main takes effect
		// with ike_version v1 only, and v2 is the default): setting it
		// would draw tunnelwiz's own "has no effect" warning.
		if !c.Applies(f, cloud.Params{}, f.Path) {
			continue
		}
		term, seconds := p.slot(f.Role)
		switch {
		case term != nil:
			*term = f.Means[f.Default]
		case seconds != nil:
			*seconds, _ = strconv.ParseInt(f.Default, 10, 64)
		}
	}
	return p
}

func anySet(changes []Change, ch choice) bool {
	for _, c := range changes {
		if c.Role == ch.role {
			return true
		}
	}
	return false
}

// FromParams reads a preset back out of a request: each role field's value
// in vocabulary terms. It is how the wizard remembers the last-used
// algorithms in a form any vendor can take.
func FromParams(c *cloud.Catalog, p cloud.Params) *Preset {
	out := &Preset{Name: "last-used", Title: "the algorithms used last time"}
	for _, r := range presetRoles {
		term, seconds := out.slot(r)
		for _, f := range roleFields(c, r) {
			v, ok := p.At(f.Path)
			if !ok {
				continue
			}
			s := fmt.Sprint(v)
			switch {
			case term != nil && f.Means[s] != "":
				*term = f.Means[s]
			case seconds != nil:
				*seconds, _ = strconv.ParseInt(s, 10, 64)
			}
		}
	}
	return out
}

// Load reads a preset file (the last-used one).
func Load(path string) (*Preset, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var p Preset
	if err := yaml.Unmarshal(b, &p); err != nil {
		return nil, err
	}
	return &p, nil
}

// Save writes a preset file.
func (p *Preset) Save(path string) error {
	b, err := yaml.Marshal(p)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o600)
}
