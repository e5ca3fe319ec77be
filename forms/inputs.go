// Package forms derives the wizard's inputs from a vendor's rule catalog:
// which widget each field needs, its options with the vendor's default
// marked, the range or format hint and the vendor's help text. Nothing here
// knows a vendor; everything comes from cloud.Field data.
package forms

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"tunnelwiz/cloud"
)

// Kind is the widget a field needs.
type Kind string

const (
	Select Kind = "select" // one of the Allowed values
	Toggle Kind = "toggle" // true / false
	Number Kind = "number" // a whole number with a range
	Text   Kind = "text"   // free text with a format or charset rule
	Secret Kind = "secret" // masked text (pre-shared keys)
	Rows   Kind = "rows"   // a list: rows the user adds and removes
	Group  Kind = "group"  // an object: a sub-form
)

// Option is one choice of a Select.
type Option struct {
	Value   string
	Label   string // the value, what it means, and "(default)"
	Default bool
}

// Input is one field of a wizard step.
type Input struct {
	Path     string // catalog path
	Title    string
	Kind     Kind
	Options  []Option
	Hint     string // range, length, format and default, in one line
	Help     string
	Required bool
	Field    *cloud.Field
}

// StepOf is the wizard step a field belongs to: its own, else its
// nearest ancestor's.
func StepOf(c *cloud.Catalog, f *cloud.Field) cloud.Step {
	for p := f.Path; ; {
		if g := c.Field(p); g != nil && g.Step != "" {
			return g.Step
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			return ""
		}
		p = p[:i]
	}
}

// ForStep lists the inputs of one step, in catalog order, leaving out
// list elements (their rows are edited inside the list's input) and
// fields that do not apply to the values chosen so far, unless they hold
// a value: what was given is always shown (and its issue reported).
func ForStep(c *cloud.Catalog, step cloud.Step, p cloud.Params) []Input {
	var out []Input
	for i := range c.Fields {
		f := &c.Fields[i]
		if strings.Contains(f.Path, "[]") || strings.Contains(f.Path, ".*") || StepOf(c, f) != step {
			continue
		}
		if (!c.Applies(f, p, f.Path) || otherMode(c, f, p)) && !p.Has(f.Path) || inFolded(c, f, p) {
			continue
		}
		out = append(out, New(c, f, p))
	}
	return out
}

// Foldable: an optional settings object of the extras step (Tencent's
// BgpConfig and HealthCheckConfig, Huawei's ikepolicy.dpd) is offered as
// one choice, given or not, rather than field by field: BGP settings then
// do not fill a static tunnel's step. Its fields are asked once it is
// given.
func Foldable(c *cloud.Catalog, f *cloud.Field) bool {
	return f.Type == cloud.Object && !f.Required && StepOf(c, f) == cloud.StepExtras && !strings.Contains(f.Path, "[]")
}

// inFolded: a field inside a foldable object that is not given.
func inFolded(c *cloud.Catalog, f *cloud.Field, p cloud.Params) bool {
	for path := f.Path; ; {
		i := strings.LastIndexByte(path, '.')
		if i < 0 || strings.Contains(path[:i], "[]") {
			return false
		}
		path = path[:i]
		if g := c.Field(path); g != nil && Foldable(c, g) && !p.Has(path) {
			return true
		}
	}
}

// otherMode: a field needed only in a mode not chosen (Tencent's
// LocalFqdnName while the identity is ADDRESS, Huawei's peer_subnets on a
// BGP tunnel) is not asked; a value given there is still shown. The mode's
// default counts as chosen.
func otherMode(c *cloud.Catalog, f *cloud.Field, p cloud.Params) bool {
	if f.RequiredWhen == nil || f.Required {
		return false
	}
	g := *f
	cond := *f.RequiredWhen
	cond.Explicit = false
	g.RequiredWhen = &cond
	return !c.RequiredNow(&g, p, f.Path)
}

// New describes one field as an input.
func New(c *cloud.Catalog, f *cloud.Field, p cloud.Params) Input {
	in := Input{Path: f.Path, Title: title(c, f), Help: f.Help, Field: f,
		Required: c.RequiredNow(f, p, f.Path) && parentGiven(c, f, p), Kind: kindOf(f)}
	for _, v := range f.Allowed {
		o := Option{Value: v, Label: v, Default: v == f.Default}
		if t, ok := cloud.Term(f.Means[v]); ok {
			o.Label += " - " + t.IANA
		}
		if o.Default {
			o.Label += " (default)"
		}
		in.Options = append(in.Options, o)
	}
	// Values only weaker evidence names come last and say so: choosing
	// one draws the validator's warning with the reason.
	for _, v := range slices.Sorted(maps.Keys(f.Tolerated)) {
		o := Option{Value: v, Label: v}
		if t, ok := cloud.Term(f.Means[v]); ok {
			o.Label += " - " + t.IANA
		}
		o.Label += " (undocumented here: warns)"
		in.Options = append(in.Options, o)
	}
	in.Hint = hint(f)
	return in
}

func kindOf(f *cloud.Field) Kind {
	switch {
	case f.Secret:
		return Secret
	case len(f.Allowed) > 0:
		return Select
	case f.Type == cloud.Boolean:
		return Toggle
	case f.Type == cloud.Integer || f.Format == cloud.Digits:
		return Number
	case f.Type == cloud.List || f.Type == cloud.Map:
		return Rows
	case f.Type == cloud.Object:
		return Group
	}
	return Text
}

// hint states a field's limits in one line, from the same data the
// validator enforces.
func hint(f *cloud.Field) string {
	var parts []string
	if f.Range != nil {
		parts = append(parts, fmt.Sprintf("%d to %d", f.Range.Min, f.Range.Max))
	}
	if f.Len != nil {
		unit := "characters"
		if f.Type == cloud.List || f.Type == cloud.Map {
			unit = "entries"
		}
		parts = append(parts, fmt.Sprintf("%d to %d %s", f.Len.Min, f.Len.Max, unit))
	}
	if f.Chars != nil {
		parts = append(parts, f.Chars.Describe)
	}
	if w := formatWords[f.Format]; w != "" {
		parts = append(parts, w)
	}
	if f.Default != "" && len(f.Allowed) == 0 && !f.Secret {
		parts = append(parts, "default "+f.Default)
	}
	return strings.Join(parts, "; ")
}

// formatWords name a format in a few words for the hint line.
var formatWords = map[cloud.Format]string{
	cloud.CIDR:          "IPv4 CIDR block, no host bits",
	cloud.CIDRLoose:     "IPv4 CIDR block",
	cloud.CIDRList:      "comma-separated IPv4 CIDR blocks",
	cloud.CIDRListLoose: "comma-separated IPv4 CIDR blocks",
	cloud.IPv4:          "IPv4 address",
	cloud.InterfaceAddr: "address/prefix, such as 169.254.76.1/30",
	cloud.UUID:          "36-character id",
	cloud.UUIDOrIPv4:    "36-character EIP id or IPv4 address",
	cloud.JSON:          "JSON",
}

// title is the field's path as the user reads it: the full path, so that
// HealthCheckConfig.enable is not just "enable", less a single object that
// wraps the whole request (Huawei's vpn_connection).
func title(c *cloud.Catalog, f *cloud.Field) string {
	if top := c.Children(""); len(top) == 1 {
		if rest, ok := strings.CutPrefix(f.Path, top[0]+"."); ok {
			return rest
		}
	}
	return f.Path
}

// parentGiven: a member of an optional object (Tencent's BgpConfig) is
// required only once that object is given, as the validator has it.
func parentGiven(c *cloud.Catalog, f *cloud.Field, p cloud.Params) bool {
	i := strings.LastIndexByte(f.Path, '.')
	if i < 0 {
		return true
	}
	parent := f.Path[:i]
	if pf := c.Field(parent); pf != nil && pf.Required {
		return true // a required object is there (Huawei's vpn_connection)
	}
	return p.Has(parent)
}
