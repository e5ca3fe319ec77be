// Package export writes a validated spec as another tool's input: the
// vendor's official Terraform provider resource (HCL), the request as a
// curl command line, or the vendor CLI's command line.
//
// Nothing here knows a vendor: the Terraform resource comes from the
// catalog (cloud.Catalog.Terraform) and each attribute from the field's
// Export column (cloud.Field.Export), so a field is mapped where it is
// defined.
package export

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"tunnelwiz/cloud"
)

// Options are the export command's flags.
type Options struct {
	// ShowSecrets writes the pre-shared key itself instead of a reference
	// to a sensitive variable (or a placeholder).
	ShowSecrets bool
	// ConnectionID is an existing connection to adopt (Terraform import).
	ConnectionID string
}

// Result is an export: the text, and what could not be carried over.
type Result struct {
	Text string
	// Warnings name each spec value the format cannot express, as
	// "Path: reason" (never silently dropped).
	Warnings []string
	// HasSecret is true when the key itself is in Text.
	HasSecret bool
}

// NoProviderError means the vendor API has no official Terraform provider.
type NoProviderError struct{ Title string }

func (e *NoProviderError) Error() string {
	return fmt.Sprintf("%s has no official Terraform provider: nothing to export to --format terraform", e.Title)
}

// SecretVariable is the Terraform variable that carries the pre-shared key.
const SecretVariable = "pre_shared_key"

// validated checks the spec and returns its catalog and normalized
// parameters, or the issues as a *cloud.InvalidError.
func validated(s *cloud.Spec) (*cloud.Catalog, cloud.Params, error) {
	d, err := cloud.DriverFor(s.Vendor)
	if err != nil {
		return nil, nil, err
	}
	c := d.Catalog()
	p, is := c.Check(s)
	if is.Errors() > 0 {
		return nil, nil, &cloud.InvalidError{Issues: is}
	}
	return c, p, nil
}

// block is a Terraform block being built: attributes in the order the
// catalog lists the fields, nested blocks likewise.
type block struct {
	path   string // the block's names from the resource down ("ike_config"), or "provider"
	attrs  []attr
	blocks []*namedBlock
}

type attr struct {
	name   string
	val    cty.Value
	secret string // the variable it is written as (var.<secret>), or ""
}

type namedBlock struct {
	name string
	key  string // the spec instance it came from (one block per instance)
	b    *block
}

func (b *block) set(name string, v cty.Value, secret string) {
	for i := range b.attrs {
		if b.attrs[i].name == name {
			b.attrs[i] = attr{name, v, secret}
			return
		}
	}
	b.attrs = append(b.attrs, attr{name, v, secret})
}

func (b *block) has(name string) bool {
	for _, a := range b.attrs {
		if a.name == name {
			return true
		}
	}
	return false
}

// child returns the nested block name for the spec instance key, made on
// first use.
func (b *block) child(name, key string) *block {
	for _, nb := range b.blocks {
		if nb.name == name && nb.key == key {
			return nb.b
		}
	}
	nb := &namedBlock{name: name, key: key, b: &block{path: join(b.path, name)}}
	b.blocks = append(b.blocks, nb)
	return nb.b
}

// tfBuilder walks a spec's parameters along the catalog.
type tfBuilder struct {
	c        *cloud.Catalog
	show     bool
	root     *block
	provider *block
	warns    []string
	secrets  []string // the distinct secret values exported, one variable each
	leaked   bool     // a secret was written with its value
	// mapped records each spec value exported: its instance path (the
	// target key or parameter path) -> the attribute's path.
	mapped map[string]string
}

func (t *tfBuilder) warn(path, why string) {
	t.warns = append(t.warns, fmt.Sprintf("%s: %s", path, why))
}

func (t *tfBuilder) noAttr(path string) {
	t.warn(path, fmt.Sprintf("%s has no attribute for it; left out of the Terraform output", t.c.Terraform.Resource))
}

// Terraform writes the spec as the vendor provider's resource, with the
// provider block (and, given a connection id, an import block).
func Terraform(s *cloud.Spec, o Options) (*Result, error) {
	d, err := cloud.DriverFor(s.Vendor)
	if err != nil {
		return nil, err
	}
	if d.Catalog().Terraform.Resource == "" {
		return nil, &NoProviderError{Title: d.Catalog().Title}
	}
	c, p, err := validated(s)
	if err != nil {
		return nil, err
	}
	t := build(c, s.Target, p, o.ShowSecrets)
	return &Result{Text: t.write(p, o), Warnings: t.warns, HasSecret: t.leaked}, nil
}

// build maps target keys and normalized parameters onto the resource.
func build(c *cloud.Catalog, target map[string]string, p cloud.Params, show bool) *tfBuilder {
	t := &tfBuilder{c: c, show: show, root: &block{}, provider: &block{path: "provider"}, mapped: map[string]string{}}
	t.target(target)
	t.object(map[string]any(p), "", "", t.root)
	return t
}

// target maps the spec's target keys (region, project, ...), in catalog order.
func (t *tfBuilder) target(tg map[string]string) {
	for i := range t.c.Target {
		f := &t.c.Target[i]
		v, ok := tg[f.Path]
		if !ok || v == "" {
			continue
		}
		t.leaf(f, f.Path, v, t.root)
	}
}

// object maps the members of an object instance (inst) of catalog
// pattern pat into b, in catalog order.
func (t *tfBuilder) object(m map[string]any, inst, pat string, b *block) {
	for _, name := range t.c.Children(pat) {
		v, ok := m[name]
		if !ok || v == nil {
			continue
		}
		f := t.c.Field(join(pat, name))
		if f == nil {
			continue
		}
		t.value(f, join(inst, name), v, b)
	}
	t.defaults(m, inst, pat, b)
}

// defaults writes the vendor's documented default for each member the spec
// leaves unset: a provider's own default can differ from the API's
// (tencentcloud_vpn_connection defaults ipsec_integrity_algorithm to MD5
// where CreateVpnConnection applies SHA1), and the resource must make the
// connection the spec describes. A member that applies only in some mode,
// a deprecated spelling and a secret are left to the vendor.
func (t *tfBuilder) defaults(m map[string]any, inst, pat string, b *block) {
	for _, name := range t.c.Children(pat) {
		if v, ok := m[name]; ok && v != nil {
			continue
		}
		f := t.c.Field(join(pat, name))
		if f == nil || f.Default == "" || f.Secret || f.Deprecated != "" || f.Alias != "" ||
			f.OnlyWhen != nil || f.Effective != nil || f.RequiredWhen != nil {
			continue
		}
		attrName, _ := exportOf(f)
		if attrName == "" || attrName == "-" || f.Type == cloud.Object || f.Type == cloud.List || f.Type == cloud.Map {
			continue
		}
		var v any = f.Default
		switch f.Type {
		case cloud.Integer:
			n, err := strconv.ParseInt(f.Default, 10, 64)
			if err != nil {
				continue
			}
			v = n
		case cloud.Boolean:
			v = f.Default == "true"
		}
		before := len(t.warns)
		sub := &tfBuilder{c: t.c, show: t.show, root: t.root, provider: t.provider, mapped: map[string]string{}}
		tmp := &block{path: b.path}
		sub.leaf(f, join(inst, name), v, tmp)
		t.warns = t.warns[:before]
		for _, a := range tmp.attrs {
			if !b.has(a.name) {
				b.set(a.name, a.val, "")
			}
		}
	}
}

func join(base, name string) string {
	if base == "" {
		return name
	}
	return base + "." + name
}

// exportOf splits a field's Terraform mapping into attribute and conversion.
func exportOf(f *cloud.Field) (name, conv string) {
	e := f.Export[cloud.ExportTerraform]
	name, conv, _ = strings.Cut(e, "|")
	return name, conv
}

func (t *tfBuilder) value(f *cloud.Field, inst string, v any, b *block) {
	name, conv := exportOf(f)
	elem := t.c.Field(f.Path + "[]")
	switch {
	case f.Type == cloud.Object:
		m, _ := v.(map[string]any)
		switch name {
		case "-":
			t.noAttr(inst)
		case "":
			t.object(m, inst, f.Path, b)
		default:
			t.object(m, inst, f.Path, t.into(b, name, inst))
		}
	case f.Type == cloud.List && elem != nil && elem.Type == cloud.Object && conv != "map":
		l, _ := v.([]any)
		if name == "" || name == "-" {
			t.noAttr(inst)
			return
		}
		for i, e := range l {
			m, _ := e.(map[string]any)
			ei := fmt.Sprintf("%s[%d]", inst, i)
			t.object(m, ei, elem.Path, t.into(b, name, ei))
		}
	default:
		t.leaf(f, inst, v, b)
	}
}

// into resolves a block path ("a.b", "/a", "provider") from b.
func (t *tfBuilder) into(b *block, path, key string) *block {
	if strings.HasPrefix(path, "/") {
		b, path = t.root, path[1:]
	}
	if path == "provider" {
		return t.provider
	}
	for _, part := range strings.Split(path, ".") {
		b = b.child(part, key)
	}
	return b
}

func (t *tfBuilder) leaf(f *cloud.Field, inst string, v any, b *block) {
	name, conv := exportOf(f)
	if name == "" || name == "-" {
		t.noAttr(inst)
		return
	}
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		b, name = t.into(b, name[:i], ""), name[i+1:]
	}
	t.mapped[inst] = join(b.path, name)
	if f.Secret {
		if !t.show {
			b.set(name, cty.NilVal, t.secretVar(scalarText(v)))
			return
		}
		t.leaked = true
	}
	cv, err := convert(v, conv)
	if err != nil {
		delete(t.mapped, inst)
		t.warn(inst, err.Error()+"; left out of the Terraform output")
		return
	}
	b.set(name, cv, "")
}

// secretVar names the variable for a secret value: pre_shared_key, then
// pre_shared_key_2 ... when tunnels have keys of their own.
func (t *tfBuilder) secretVar(v string) string {
	i := 0
	for i < len(t.secrets) && t.secrets[i] != v {
		i++
	}
	if i == len(t.secrets) {
		t.secrets = append(t.secrets, v)
	}
	return secretVarName(i)
}

func secretVarName(i int) string {
	if i == 0 {
		return SecretVariable
	}
	return fmt.Sprintf("%s_%d", SecretVariable, i+1)
}

// convert turns a normalized spec value into a Terraform value.
func convert(v any, conv string) (cty.Value, error) {
	switch conv {
	case "int":
		s := fmt.Sprint(v)
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return cty.NilVal, fmt.Errorf("%q is not a whole number", s)
		}
		return cty.NumberIntVal(n), nil
	case "bool":
		switch fmt.Sprint(v) {
		case "true":
			return cty.True, nil
		case "false":
			return cty.False, nil
		}
		return cty.NilVal, fmt.Errorf("%q is not true or false", fmt.Sprint(v))
	case "string":
		return cty.StringVal(scalarText(v)), nil
	case "split":
		var out []cty.Value
		for _, part := range strings.Split(fmt.Sprint(v), ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, cty.StringVal(part))
			}
		}
		if len(out) == 0 {
			return cty.ListValEmpty(cty.String), nil
		}
		return cty.ListVal(out), nil
	case "map":
		l, _ := v.([]any)
		m := map[string]cty.Value{}
		for _, e := range l {
			kv, _ := e.(map[string]any)
			var k, val string
			for name, x := range kv {
				switch strings.ToLower(name) {
				case "key":
					k = scalarText(x)
				case "value":
					val = scalarText(x)
				}
			}
			m[k] = cty.StringVal(val)
		}
		if len(m) == 0 {
			return cty.MapValEmpty(cty.String), nil
		}
		return cty.MapVal(m), nil
	case "":
	default:
		return cty.NilVal, fmt.Errorf("unknown conversion %q", conv)
	}
	switch x := v.(type) {
	case string:
		return cty.StringVal(x), nil
	case bool:
		return cty.BoolVal(x), nil
	case int64:
		return cty.NumberIntVal(x), nil
	case int:
		return cty.NumberIntVal(int64(x)), nil
	case float64:
		return cty.NumberFloatVal(x), nil
	case []any:
		if len(x) == 0 {
			return cty.ListValEmpty(cty.String), nil
		}
		out := make([]cty.Value, len(x))
		for i, e := range x {
			out[i] = cty.StringVal(scalarText(e))
		}
		return cty.ListVal(out), nil
	}
	return cty.NilVal, fmt.Errorf("a %T value has no Terraform form", v)
}

func scalarText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

var notIdent = regexp.MustCompile(`[^A-Za-z0-9_]+`)

// label is the resource's name in Terraform: the connection's name made
// an identifier, else "this".
func label(c *cloud.Catalog, p cloud.Params) string {
	name := ""
	for i := range c.Fields {
		f := &c.Fields[i]
		if f.Role == cloud.RoleName && !strings.Contains(f.Path, "[]") {
			name = p.Str(f.Path)
			if name != "" {
				break
			}
		}
	}
	name = strings.Trim(notIdent.ReplaceAllString(strings.ToLower(name), "_"), "_")
	if name == "" || (name[0] >= '0' && name[0] <= '9') {
		name = "this"
	}
	return name
}

func (t *tfBuilder) write(p cloud.Params, o Options) string {
	tr := t.c.Terraform
	f := hclwrite.NewEmptyFile()
	body := f.Body()

	tf := body.AppendNewBlock("terraform", nil).Body()
	rp := tf.AppendNewBlock("required_providers", nil).Body()
	req := map[string]cty.Value{"source": cty.StringVal(tr.Source)}
	if tr.Version != "" {
		// The release the attribute mapping was checked against.
		req["version"] = cty.StringVal(">= " + tr.Version)
	}
	rp.SetAttributeValue(tr.Provider, cty.ObjectVal(req))
	body.AppendNewline()

	if len(t.provider.attrs) > 0 {
		pb := body.AppendNewBlock("provider", []string{tr.Provider}).Body()
		writeBlock(pb, t.provider)
		body.AppendNewline()
	}
	for i := range t.secrets {
		name := secretVarName(i)
		what := "The VPN connection's pre-shared key"
		if len(t.secrets) > 1 {
			what = fmt.Sprintf("Pre-shared key %d of the VPN connection", i+1)
		}
		vb := body.AppendNewBlock("variable", []string{name}).Body()
		vb.SetAttributeValue("description", cty.StringVal(what+" (TF_VAR_"+name+")."))
		vb.SetAttributeTraversal("type", hcl.Traversal{hcl.TraverseRoot{Name: "string"}})
		vb.SetAttributeValue("sensitive", cty.True)
		body.AppendNewline()
	}
	name := label(t.c, p)
	rb := body.AppendNewBlock("resource", []string{tr.Resource, name}).Body()
	writeBlock(rb, t.root)
	if o.ConnectionID != "" {
		body.AppendNewline()
		ib := body.AppendNewBlock("import", nil).Body()
		ib.SetAttributeTraversal("to", hcl.Traversal{hcl.TraverseRoot{Name: tr.Resource}, hcl.TraverseAttr{Name: name}})
		ib.SetAttributeValue("id", cty.StringVal(o.ConnectionID))
	}
	return string(hclwrite.Format(f.Bytes()))
}

func writeBlock(body *hclwrite.Body, b *block) {
	for _, a := range b.attrs {
		if a.secret != "" {
			body.SetAttributeTraversal(a.name, hcl.Traversal{hcl.TraverseRoot{Name: "var"}, hcl.TraverseAttr{Name: a.secret}})
			continue
		}
		body.SetAttributeValue(a.name, a.val)
	}
	for _, nb := range b.blocks {
		writeBlock(body.AppendNewBlock(nb.name, nil).Body(), nb.b)
	}
}

// WrongVendorError means the format is another vendor's CLI.
type WrongVendorError struct{ Format, Title, CLI string }

func (e *WrongVendorError) Error() string {
	if e.CLI == "" {
		return fmt.Sprintf("--format %s: %s has no vendor CLI that tunnelwiz writes; use --format curl", e.Format, e.Title)
	}
	return fmt.Sprintf("--format %s is not a CLI for %s: use --format %s", e.Format, e.Title, e.CLI)
}
