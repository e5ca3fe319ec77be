package export

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"

	"tunnelwiz/cloud"
	_ "tunnelwiz/cloud/all"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// schemaAttr is one attribute of a recorded provider schema
// (testdata/schema/<provider>.json, read from the provider's source).
type schemaAttr struct {
	Type     string                 `json:"type"`
	Elem     string                 `json:"elem"`
	Required bool                   `json:"required"`
	Optional bool                   `json:"optional"`
	Block    map[string]*schemaAttr `json:"block"`
}

type schemaDoc struct {
	Provider   string                 `json:"provider"`
	Resource   string                 `json:"resource"`
	Commit     string                 `json:"commit"`
	Version    string                 `json:"version"`
	Attributes map[string]*schemaAttr `json:"attributes"`
	Config     map[string]*schemaAttr `json:"provider_config"`
}

func loadSchema(t *testing.T, provider string) *schemaDoc {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "schema", provider+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var d schemaDoc
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	return &d
}

// lookup finds an attribute path ("ike_config.psk", "provider.region").
func (d *schemaDoc) lookup(path string) *schemaAttr {
	attrs := d.Attributes
	if rest, ok := strings.CutPrefix(path, "provider."); ok {
		return d.Config[rest]
	}
	parts := strings.Split(path, ".")
	for i, p := range parts {
		a := attrs[p]
		if a == nil {
			return nil
		}
		if i == len(parts)-1 {
			return a
		}
		attrs = a.Block
	}
	return nil
}

func catalogs(t *testing.T) []*cloud.Catalog {
	var out []*cloud.Catalog
	for _, v := range cloud.Vendors() {
		d, err := cloud.DriverFor(v)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, d.Catalog())
	}
	return out
}

// sample is a value of the field's type, as a normalized spec holds it.
func sample(c *cloud.Catalog, f *cloud.Field) any {
	switch f.Type {
	case cloud.Integer:
		if len(f.Allowed) > 0 {
			n, _ := strconv.ParseInt(f.Allowed[0], 10, 64)
			return n
		}
		if f.Range != nil {
			return f.Range.Min
		}
		return int64(1)
	case cloud.Boolean:
		return true
	case cloud.List:
		if e := c.Field(f.Path + "[]"); e != nil && e.Type == cloud.Object {
			m := map[string]any{}
			for _, n := range c.Children(e.Path) {
				m[n] = "x"
			}
			return []any{m}
		}
		return []any{"10.0.0.0/24"}
	case cloud.Map:
		return map[string]any{"10.0.0.0/24": []any{"10.1.0.0/24"}}
	}
	switch {
	case len(f.Allowed) > 0:
		return f.Allowed[len(f.Allowed)-1]
	case f.Format == cloud.Digits:
		if f.Range != nil {
			return strconv.FormatInt(f.Range.Min, 10)
		}
		return "30"
	case f.Format == cloud.CIDRList || f.Format == cloud.CIDRListLoose:
		return "10.0.0.0/24,10.0.1.0/24"
	}
	return "x"
}

// place puts v at the field's path (lists get one element).
func place(root map[string]any, path string, v any) {
	parts := strings.Split(path, ".")
	cur := root
	for i, p := range parts {
		last := i == len(parts)-1
		if name, ok := strings.CutSuffix(p, "[]"); ok {
			l, _ := cur[name].([]any)
			if len(l) == 0 {
				l = []any{map[string]any{}}
				cur[name] = l
			}
			if last {
				cur[name] = v
				return
			}
			cur = l[0].(map[string]any)
			continue
		}
		if last {
			cur[p] = v
			return
		}
		next, _ := cur[p].(map[string]any)
		if next == nil {
			next = map[string]any{}
			cur[p] = next
		}
		cur = next
	}
}

// inst is the instance path the exporter reports for a catalog path
// holding one list element each.
func inst(path string) string { return strings.ReplaceAll(path, "[]", "[0]") }

// underMap reports whether a field is a member of a list exported as one
// map (Tags[].Key: the whole list is the value).
func underMap(c *cloud.Catalog, f *cloud.Field) bool {
	for p := f.Path; ; {
		i := strings.LastIndex(p, ".")
		j := strings.LastIndex(p, "[]")
		if i < 0 && j < 0 {
			return false
		}
		p = p[:max(i, j)]
		if g := c.Field(p); g != nil && strings.HasSuffix(g.Export[cloud.ExportTerraform], "|map") && g.Path != f.Path {
			return true
		}
	}
}

func ctyMatches(v cty.Value, a *schemaAttr) bool {
	ty := v.Type()
	switch a.Type {
	case "string":
		return ty == cty.String
	case "int", "float":
		return ty == cty.Number
	case "bool":
		return ty == cty.Bool
	case "list", "set":
		return (ty.IsListType() && ty.ElementType() == cty.String && a.Elem == "string")
	case "map":
		return ty.IsMapType()
	}
	return false
}

// findAttr returns the value written for an attribute path in the built tree.
func findAttr(t *tfBuilder, path string) (attr, bool) {
	b := t.root
	if rest, ok := strings.CutPrefix(path, "provider."); ok {
		b, path = t.provider, rest
	}
	parts := strings.Split(path, ".")
outer:
	for i, p := range parts {
		if i == len(parts)-1 {
			for _, a := range b.attrs {
				if a.name == p {
					return a, true
				}
			}
			return attr{}, false
		}
		for _, nb := range b.blocks {
			if nb.name == p {
				b = nb.b
				continue outer
			}
		}
		return attr{}, false
	}
	return attr{}, false
}

// TestEveryFieldMapsToTheProviderSchema: for every field of every catalog
// with a provider, a spec that sets it exports an attribute that exists in
// the recorded provider schema, can be set (not computed only) and has the
// schema's type, or the export warns naming the field.
func TestEveryFieldMapsToTheProviderSchema(t *testing.T) {
	for _, c := range catalogs(t) {
		if c.Terraform.Resource == "" {
			continue
		}
		t.Run(c.API, func(t *testing.T) {
			sch := loadSchema(t, c.Terraform.Provider)
			if sch.Resource != c.Terraform.Resource || !strings.Contains(c.Terraform.Schema, sch.Commit) ||
				!strings.HasPrefix(sch.Version, "v"+c.Terraform.Version) {
				t.Fatalf("catalog names %s at %q, recorded schema is %s at %s", c.Terraform.Resource, c.Terraform.Schema, sch.Resource, sch.Commit)
			}
			var mapped, warned int
			check := func(f *cloud.Field, target bool) {
				if f.Type == cloud.Object || underMap(c, f) {
					return
				}
				if e := c.Field(f.Path + "[]"); f.Type == cloud.List && e != nil && e.Type == cloud.Object &&
					!strings.HasSuffix(f.Export[cloud.ExportTerraform], "|map") {
					return // its members are the values
				}
				if strings.HasSuffix(f.Path, "[]") && c.Field(strings.TrimSuffix(f.Path, "[]")).Type == cloud.List {
					if e := c.Field(f.Path); e.Type != cloud.Object {
						return // a list of scalars is one value
					}
				}
				var b *tfBuilder
				if target {
					b = build(c, map[string]string{f.Path: "x"}, cloud.Params{}, false)
				} else {
					p := map[string]any{}
					place(p, f.Path, sample(c, f))
					b = build(c, nil, p, false)
				}
				at, ok := b.mapped[inst(f.Path)]
				if !ok {
					for _, w := range b.warns {
						name, _, _ := strings.Cut(w, ":")
						if strings.HasPrefix(inst(f.Path), name) {
							warned++
							return
						}
					}
					t.Errorf("%s: neither exported nor warned about (warnings %q)", f.Path, b.warns)
					return
				}
				a := sch.lookup(at)
				if a == nil {
					t.Errorf("%s -> %s: not in %s's recorded schema", f.Path, at, sch.Resource)
					return
				}
				if !a.Required && !a.Optional {
					t.Errorf("%s -> %s: computed only in %s", f.Path, at, sch.Resource)
				}
				w, ok := findAttr(b, at)
				if !ok {
					t.Errorf("%s -> %s: recorded but not written", f.Path, at)
					return
				}
				if w.secret != "" {
					if a.Type != "string" {
						t.Errorf("%s -> %s: the key variable is a string, the schema says %s", f.Path, at, a.Type)
					}
				} else if !ctyMatches(w.val, a) {
					t.Errorf("%s -> %s: wrote %s, the schema says %s of %s", f.Path, at, w.val.Type().FriendlyName(), a.Type, a.Elem)
				}
				mapped++
			}
			for i := range c.Target {
				check(&c.Target[i], true)
			}
			for i := range c.Fields {
				check(&c.Fields[i], false)
			}
			t.Logf("%s: %d values mapped to %s attributes, %d warned about", c.API, mapped, sch.Resource, warned)
		})
	}
}

func examples(t *testing.T) map[string]*cloud.Spec {
	files, err := filepath.Glob("../examples/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatal("no examples", err)
	}
	out := map[string]*cloud.Spec{}
	for _, f := range files {
		s, err := cloud.LoadSpec(f)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".yaml")] = s
	}
	return out
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./export -update writes it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file:\n%s", name, got)
	}
}

// TestTerraformExamples: every example exports (Tencent API 2.0 refused),
// the HCL parses with hcl/v2, is already formatted, holds no key unless
// asked, and matches its golden file.
func TestTerraformExamples(t *testing.T) {
	for name, s := range examples(t) {
		t.Run(name, func(t *testing.T) {
			res, err := Terraform(s, Options{ConnectionID: "conn-0123456789"})
			var np *NoProviderError
			if name == "tencent-v2" {
				if !errors.As(err, &np) {
					t.Fatalf("want NoProviderError, got %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkHCL(t, res.Text)
			for _, key := range []string{"Xr7!pL2#vQ9@mN4k"} {
				if strings.Contains(res.Text, key) || res.HasSecret {
					t.Errorf("the key is in the output without --show-secrets")
				}
			}
			if !strings.Contains(res.Text, "var."+SecretVariable) || !strings.Contains(res.Text, "sensitive   = true") {
				t.Errorf("no sensitive key variable:\n%s", res.Text)
			}
			if !strings.Contains(res.Text, "import {") || !strings.Contains(res.Text, `id = "conn-0123456789"`) {
				t.Errorf("no import block:\n%s", res.Text)
			}
			golden(t, name+".tf", res.Text)
			golden(t, name+".warnings", strings.Join(res.Warnings, "\n")+"\n")

			shown, err := Terraform(s, Options{ShowSecrets: true})
			if err != nil {
				t.Fatal(err)
			}
			checkHCL(t, shown.Text)
			if !strings.Contains(shown.Text, `"Xr7!pL2#vQ9@mN4k"`) || !shown.HasSecret {
				t.Errorf("--show-secrets: the key is not in the output")
			}
			if strings.Contains(shown.Text, "variable") || strings.Contains(shown.Text, "import {") {
				t.Errorf("--show-secrets without --connection: unexpected variable or import block")
			}
		})
	}
}

func checkHCL(t *testing.T, text string) {
	t.Helper()
	f, diags := hclsyntax.ParseConfig([]byte(text), "export.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("the HCL does not parse: %s\n%s", diags.Error(), text)
	}
	if _, diags := f.Body.(*hclsyntax.Body), diags; diags.HasErrors() {
		t.Fatal(diags.Error())
	}
	if got := string(hclwrite.Format([]byte(text))); got != text {
		t.Errorf("not in canonical format (terraform fmt would change it)")
	}
}

func TestInvalidSpecIsNotExported(t *testing.T) {
	s := examples(t)["tencent"]
	s.Params["IKEOptionsSpecification"].(map[string]any)["DhGroupName"] = "GROUP3"
	_, err := Terraform(s, Options{})
	var inv *cloud.InvalidError
	if !errors.As(err, &inv) {
		t.Fatalf("want InvalidError, got %v", err)
	}
}

// TestEveryValidTestdataSpecExports: every spec in the repository that
// validates exports to each of its formats without an error, and its HCL
// parses and is formatted.
func TestEveryValidTestdataSpecExports(t *testing.T) {
	var files []string
	for _, g := range []string{"../examples/*.yaml", "../cloud/*/testdata/*.yaml", "../cloud/*/testdata/cases/*.yaml", "../testdata/*.yaml"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	n := 0
	for _, f := range files {
		s, err := cloud.LoadSpec(f)
		if err != nil {
			continue
		}
		if is, err := cloud.Validate(s); err != nil || is.Errors() > 0 {
			continue
		}
		n++
		d, _ := cloud.DriverFor(s.Vendor)
		c := d.Catalog()
		if c.Terraform.Resource != "" {
			res, err := Terraform(s, Options{ConnectionID: "x-1"})
			if err != nil {
				t.Errorf("%s: terraform: %v", f, err)
				continue
			}
			checkHCL(t, res.Text)
		}
		if _, err := Curl(s, Options{}); err != nil {
			t.Errorf("%s: curl: %v", f, err)
		}
		if c.CLI != "" {
			if _, err := CLI(c.CLI)(s, Options{}); err != nil {
				t.Errorf("%s: %s: %v", f, c.CLI, err)
			}
		}
	}
	if n < 10 {
		t.Fatalf("only %d valid specs found", n)
	}
	t.Logf("%d valid specs exported", n)
}

// Tunnels with keys of their own get a variable each: one shared variable
// would give both tunnels the first key.
func TestEachDistinctKeyHasItsVariable(t *testing.T) {
	s, err := cloud.LoadSpec("../cloud/alibaba/testdata/dual-tunnel.yaml")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Terraform(s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`variable "pre_shared_key" {`, `variable "pre_shared_key_2" {`,
		"psk          = var.pre_shared_key\n", "psk          = var.pre_shared_key_2\n"} {
		if !strings.Contains(res.Text, want) {
			t.Errorf("missing %q in\n%s", want, res.Text)
		}
	}
	if strings.Contains(res.Text, "tw-tunnel") {
		t.Error("a key is in the output")
	}
}
