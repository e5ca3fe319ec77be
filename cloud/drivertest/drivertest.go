// Package drivertest is the conformance suite every vendor driver passes,
// in the manner of go-cloud's drivertest: the rules a catalog must obey as
// data, and what validation and the preview must do for any vendor.
package drivertest

import (
	"encoding/json"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

// Options tells the suite about one driver.
type Options struct {
	// Seed is a spec file holding the vendor document's example request.
	// It must validate without errors.
	Seed string
	// More are further valid spec files (other modes: BGP, policy, ...).
	More []string
}

// LoadSeed reads a spec file or fails the test.
func LoadSeed(t testing.TB, path string) *cloud.Spec {
	t.Helper()
	s, err := cloud.LoadSpec(path)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return s
}

// Clone copies a spec so a test can change it freely.
func Clone(s *cloud.Spec) *cloud.Spec {
	t := make(map[string]string, len(s.Target))
	for k, v := range s.Target {
		t[k] = v
	}
	return &cloud.Spec{Vendor: s.Vendor, Target: t, Params: cloud.Params(s.Params).Clone()}
}

// Run runs the whole suite.
func Run(t *testing.T, d cloud.Driver, o Options) {
	t.Run("CatalogIsWellFormed", func(t *testing.T) { catalogWellFormed(t, d.Catalog()) })
	t.Run("SourcesCiteOpenableDocuments", func(t *testing.T) { SourcesCite(t, d.Catalog()) })
	for _, path := range append([]string{o.Seed}, o.More...) {
		spec := LoadSeed(t, path)
		t.Run("Valid/"+path, func(t *testing.T) { validSpec(t, d, spec) })
		t.Run("PlanMasksSecrets/"+path, func(t *testing.T) { planMasks(t, d, spec) })
	}
	seed := LoadSeed(t, o.Seed)
	t.Run("EveryAllowedValueAccepted", func(t *testing.T) { everyAllowed(t, d, seed) })
	t.Run("EveryToleratedValueWarns", func(t *testing.T) { everyTolerated(t, d, seed) })
	t.Run("OutOfRangeRejected", func(t *testing.T) { outOfRange(t, d, seed) })
	t.Run("RequiredReported", func(t *testing.T) { required(t, d, seed) })
	t.Run("UnknownNameSuggested", func(t *testing.T) { unknownName(t, d, seed) })
	t.Run("PlanIsDeterministic", func(t *testing.T) { deterministic(t, seed) })
}

func catalogWellFormed(t *testing.T, c *cloud.Catalog) {
	if c.API == "" || c.Title == "" {
		t.Fatal("catalog needs API and Title")
	}
	seen := map[string]bool{}
	for _, f := range c.Fields {
		if seen[f.Path] {
			t.Errorf("%s: listed twice", f.Path)
		}
		seen[f.Path] = true
		if f.Source == "" {
			t.Errorf("%s: no Source: every rule records where it comes from", f.Path)
		}
		if f.Help == "" && !strings.HasSuffix(f.Path, "[]") && !strings.HasSuffix(f.Path, ".*") {
			t.Errorf("%s: no Help text", f.Path)
		}
		if f.Type == "" {
			t.Errorf("%s: no Type", f.Path)
		}
		if f.Step == "" && !strings.Contains(f.Path, ".") && !strings.HasSuffix(f.Path, "[]") {
			t.Errorf("%s: top-level field has no wizard Step", f.Path)
		}
		if f.Default != "" && len(f.Allowed) > 0 && !contains(f.Allowed, f.Default) {
			t.Errorf("%s: default %q is not among the allowed values %v", f.Path, f.Default, f.Allowed)
		}
		for tok, why := range f.Tolerated {
			if len(f.Allowed) == 0 || contains(f.Allowed, tok) {
				t.Errorf("%s: tolerated value %q must lie outside a non-empty Allowed", f.Path, tok)
			}
			if strings.TrimSpace(why) == "" {
				t.Errorf("%s: tolerated value %q gives no reason", f.Path, tok)
			}
		}
		for tok, term := range f.Means {
			if _, tolerated := f.Tolerated[tok]; len(f.Allowed) > 0 && !contains(f.Allowed, tok) && !tolerated {
				t.Errorf("%s: Means maps %q, which is not allowed", f.Path, tok)
			}
			if _, ok := cloud.Term(term); !ok && !contains(cloud.ModeTerms[f.Role], term) {
				t.Errorf("%s: %q means unknown term %q", f.Path, tok, term)
			}
		}
		dup := map[string]bool{}
		for _, a := range f.Allowed {
			if dup[a] {
				t.Errorf("%s: allowed value %q twice", f.Path, a)
			}
			dup[a] = true
		}
		if f.Range != nil && f.Range.Min > f.Range.Max {
			t.Errorf("%s: empty range", f.Path)
		}
	}
	// Every nested path's parent must exist, or the validator could never
	// reach it.
	for _, f := range c.Fields {
		parent := parentPath(f.Path)
		if parent != "" && !seen[parent] {
			t.Errorf("%s: parent %s is not in the catalog", f.Path, parent)
		}
	}
}

func parentPath(p string) string {
	if strings.HasSuffix(p, "[]") {
		return strings.TrimSuffix(p, "[]")
	}
	if strings.HasSuffix(p, ".*") {
		return strings.TrimSuffix(p, ".*")
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

func validSpec(t *testing.T, d cloud.Driver, s *cloud.Spec) {
	_, issues := d.Catalog().Check(Clone(s))
	for _, i := range issues {
		if i.Severity == cloud.Error {
			t.Errorf("valid spec rejected: %s", i)
		}
	}
}

func planMasks(t *testing.T, d cloud.Driver, s *cloud.Spec) {
	secrets := d.Catalog().SecretValues(s.Params)
	masked, _, err := cloud.Plan(Clone(s), false)
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	shown, _, err := cloud.Plan(Clone(s), true)
	if err != nil {
		t.Fatalf("plan --show-secrets: %v", err)
	}
	mj, _ := json.Marshal(masked)
	sj, _ := json.Marshal(shown)
	for _, sec := range secrets {
		for _, out := range []string{string(mj), string(masked.Raw), masked.RawQuery} {
			if strings.Contains(out, sec) {
				t.Errorf("secret visible in masked plan: %s", out)
			}
		}
		if !strings.Contains(string(sj)+string(shown.Raw)+shown.RawQuery, sec) &&
			!strings.Contains(string(sj), jsonEscape(sec)) {
			t.Errorf("secret missing from the unmasked plan (the request would not carry it)")
		}
	}
	if len(secrets) > 0 && !strings.Contains(string(mj), cloud.Mask) {
		t.Errorf("masked plan shows no mask: %s", mj)
	}
}

func jsonEscape(s string) string {
	b, _ := json.Marshal(s)
	return strings.Trim(string(b), `"`)
}

func deterministic(t *testing.T, s *cloud.Spec) {
	a, _, err := cloud.Plan(Clone(s), false)
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := cloud.Plan(Clone(s), false)
	aj, _ := json.Marshal(a)
	bj, _ := json.Marshal(b)
	if string(aj) != string(bj) || string(a.Raw) != string(b.Raw) || a.RawQuery != b.RawQuery {
		t.Errorf("two plans differ:\n%s\n%s", aj, bj)
	}
}

// instance turns a catalog path into an instance path (first elements).
func instance(p string) string { return strings.ReplaceAll(p, "[]", "[0]") }

// settable reports whether the suite can place a value at a catalog path
// (map values have data keys it cannot invent).
func settable(f cloud.Field) bool { return !strings.Contains(f.Path, ".*") }

func everyAllowed(t *testing.T, d cloud.Driver, seed *cloud.Spec) {
	c := d.Catalog()
	for _, f := range c.Fields {
		if len(f.Allowed) == 0 || !settable(f) {
			continue
		}
		for _, a := range f.Allowed {
			s := Clone(seed)
			var v any = a
			if f.Type == cloud.Integer {
				n, err := strconv.ParseInt(a, 10, 64)
				if err != nil {
					t.Fatalf("%s: allowed value %q is not a number", f.Path, a)
				}
				v = n
			}
			if err := cloud.Params(s.Params).Set(instance(f.Path), v); err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
			_, issues := c.Check(s)
			for _, i := range issues.For(instance(f.Path)) {
				if strings.Contains(i.Message, "not allowed") {
					t.Errorf("%s=%q rejected: %s", f.Path, a, i.Message)
				}
			}
		}
	}
}

// everyTolerated: a value only weaker evidence names is accepted with a
// warning that gives the reason, never refused.
func everyTolerated(t *testing.T, d cloud.Driver, seed *cloud.Spec) {
	c := d.Catalog()
	for _, f := range c.Fields {
		if !settable(f) {
			continue
		}
		for tok, why := range f.Tolerated {
			s := Clone(seed)
			if err := cloud.Params(s.Params).Set(instance(f.Path), tok); err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
			_, issues := c.Check(s)
			found := false
			for _, i := range issues.For(instance(f.Path)) {
				if i.Severity == cloud.Error && strings.Contains(i.Message, "not allowed") {
					t.Errorf("%s=%q refused: %s", f.Path, tok, i.Message)
				}
				if i.Severity == cloud.Warning && strings.Contains(i.Message, why) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s=%q: no warning giving the reason %q; got %v", f.Path, tok, why, issues.For(instance(f.Path)))
			}
		}
	}
}

func outOfRange(t *testing.T, d cloud.Driver, seed *cloud.Spec) {
	c := d.Catalog()
	for _, f := range c.Fields {
		if f.Range == nil || !settable(f) {
			continue
		}
		for _, bad := range []int64{f.Range.Min - 1, f.Range.Max + 1} {
			s := Clone(seed)
			var v any = bad
			if f.Type == cloud.String {
				v = itoa(bad)
			}
			cloud.Params(s.Params).Set(instance(f.Path), v)
			_, issues := c.Check(s)
			found := false
			for _, i := range issues.For(instance(f.Path)) {
				if i.Severity == cloud.Error && strings.Contains(i.Message, itoa(f.Range.Min)) && strings.Contains(i.Message, itoa(f.Range.Max)) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s=%d: no error naming the range %d..%d; got %v", f.Path, bad, f.Range.Min, f.Range.Max, issues)
			}
		}
	}
}

func required(t *testing.T, d cloud.Driver, seed *cloud.Spec) {
	c := d.Catalog()
	for _, f := range c.Fields {
		if !f.Required || strings.Contains(f.Path, ".") || strings.Contains(f.Path, "[]") {
			continue
		}
		s := Clone(seed)
		cloud.Params(s.Params).Delete(f.Path)
		_, issues := c.Check(s)
		if len(issues.For(f.Path)) == 0 {
			t.Errorf("%s removed: no issue reported", f.Path)
		}
	}
}

func unknownName(t *testing.T, d cloud.Driver, seed *cloud.Spec) {
	c := d.Catalog()
	names := c.Children("")
	sort.Strings(names)
	for _, n := range names {
		if len(n) < 6 {
			continue
		}
		typo := n[:len(n)-2] + n[len(n)-1:] // drop one letter
		if c.Field(typo) != nil {
			continue
		}
		s := Clone(seed)
		s.Params[typo] = "x"
		_, issues := c.Check(s)
		got := issues.For(typo)
		if len(got) == 0 || !strings.Contains(got[0].Message, "did you mean") {
			t.Errorf("unknown %q: want a did-you-mean suggestion, got %v", typo, got)
		}
	}
}

func contains(vs []string, s string) bool {
	for _, v := range vs {
		if v == s {
			return true
		}
	}
	return false
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// Seeds reads spec files for fuzz corpora.
func Seeds(paths ...string) [][]byte {
	var out [][]byte
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			out = append(out, b)
		}
	}
	return out
}

// ValidParams loads a spec file that must validate and returns its target
// and normalized parameters, as a driver receives them.
func ValidParams(t testing.TB, c *cloud.Catalog, path string) (map[string]string, cloud.Params) {
	t.Helper()
	s := LoadSeed(t, path)
	p, is := c.Check(s)
	if is.Errors() > 0 {
		t.Fatal(is)
	}
	return s.Target, p
}
