package drivertest

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"tunnelwiz/cloud"
)

// CaseFile is one vendor's list of specs, in one format for every vendor
// (testdata/cases.yaml): the valid spec files, the named bases, and the
// cases, each a small change to a base with the issue it must draw (or
// valid: true when the changed spec must validate and plan).
type CaseFile struct {
	// Valid are spec files that validate without errors, the seed's own
	// example first. Every check of the conformance suite runs on them.
	Valid []string `yaml:"valid"`
	// Bases names spec files the cases change ("" or absent: Valid[0]).
	Bases map[string]string `yaml:"bases,omitempty"`
	Cases []Case            `yaml:"cases"`
}

// Case is one change of a base spec and what it must draw.
type Case struct {
	Name string `yaml:"name"`
	Base string `yaml:"base,omitempty"`
	// Set maps instance paths (IKESet.dhGroupName, Tags[0].Key,
	// spdAcl["10.0.0.0/24"][1]) to values, written as in a spec file.
	Set yaml.Node `yaml:"set,omitempty"`
	// Del lists instance paths to remove.
	Del []string `yaml:"del,omitempty"`
	// Target sets target keys; a null value removes the key.
	Target map[string]*string `yaml:"target,omitempty"`

	// Field, Severity and Message: the issue the change must draw, at
	// exactly this instance path, holding every one of these strings.
	Field    string   `yaml:"field,omitempty"`
	Severity string   `yaml:"severity,omitempty"`
	Message  []string `yaml:"message,omitempty"`
	// Clean lists paths that must draw no issue at all.
	Clean []string `yaml:"clean,omitempty"`
	// Secret is a value no message may echo (the spec's own secrets are
	// always checked).
	Secret string `yaml:"secret,omitempty"`
	// Valid: the changed spec must validate without errors and plan.
	Valid bool `yaml:"valid,omitempty"`
}

// LoadCases reads a case file.
func LoadCases(t testing.TB, path string) *CaseFile {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cf CaseFile
	d := yaml.NewDecoder(strings.NewReader(string(b)))
	d.KnownFields(true)
	if err := d.Decode(&cf); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(cf.Valid) == 0 {
		t.Fatalf("%s lists no valid spec", path)
	}
	return &cf
}

// base returns the spec file a case changes.
func (cf *CaseFile) base(name string) (string, error) {
	if name == "" {
		return cf.Valid[0], nil
	}
	if p, ok := cf.Bases[name]; ok {
		return p, nil
	}
	return "", fmt.Errorf("no base %q (bases: %v)", name, cf.Bases)
}

// apply builds the changed spec: deletions, then values, then target keys.
func (c *Case) apply(t *testing.T, base *cloud.Spec) *cloud.Spec {
	t.Helper()
	s := Clone(base)
	p := cloud.Params(s.Params)
	for _, path := range c.Del {
		p.Delete(path)
	}
	if c.Set.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(c.Set.Content); i += 2 {
			path := c.Set.Content[i].Value
			v, err := specValue(c.Set.Content[i+1])
			if err != nil {
				t.Fatalf("set %s: %v", path, err)
			}
			if err := p.Set(path, v); err != nil {
				t.Fatalf("set %s: %v", path, err)
			}
		}
	} else if c.Set.Kind != 0 {
		t.Fatalf("set must be a mapping of instance paths to values")
	}
	for k, v := range c.Target {
		if v == nil {
			delete(s.Target, k)
		} else {
			s.Target[k] = *v
		}
	}
	return s
}

// specValue reads a value exactly as a spec file's params would hold it
// (numbers kept as written, timestamps as text), through the spec parser.
func specValue(n *yaml.Node) (any, error) {
	doc := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{
		{Kind: yaml.ScalarNode, Value: "vendor"}, {Kind: yaml.ScalarNode, Value: "x"},
		{Kind: yaml.ScalarNode, Value: "params"}, {Kind: yaml.MappingNode, Content: []*yaml.Node{
			{Kind: yaml.ScalarNode, Value: "v"}, n,
		}},
	}}
	b, err := yaml.Marshal(doc)
	if err != nil {
		return nil, err
	}
	s, err := cloud.ParseSpec(b)
	if err != nil {
		return nil, err
	}
	return s.Params["v"], nil
}

// matches reports whether issues hold one at field with the severity and
// every message string.
func (c *Case) matches(is cloud.Issues) bool {
	for _, i := range is.For(c.Field) {
		if string(i.Severity) != c.Severity {
			continue
		}
		ok := true
		for _, w := range c.Message {
			ok = ok && strings.Contains(i.Message, w)
		}
		if ok {
			return true
		}
	}
	return false
}

// RunCases checks every case of a case file against the driver's catalog.
func RunCases(t *testing.T, d cloud.Driver, cf *CaseFile) {
	c := d.Catalog()
	bases := map[string]*cloud.Spec{}
	for i := range cf.Cases {
		tc := &cf.Cases[i]
		t.Run(tc.Name, func(t *testing.T) {
			path, err := cf.base(tc.Base)
			if err != nil {
				t.Fatal(err)
			}
			if bases[path] == nil {
				bases[path] = LoadSeed(t, path)
			}
			base := bases[path]
			s := tc.apply(t, base)
			_, issues := c.Check(Clone(s))
			if tc.Valid {
				if tc.Field != "" || tc.Severity != "" {
					t.Fatal("a valid case names no issue")
				}
				if issues.Errors() > 0 {
					t.Fatalf("refused: %v", issues)
				}
				if _, _, err := cloud.Plan(Clone(s), false); err != nil {
					t.Errorf("plan: %v", err)
				}
				return
			}
			if tc.Field == "" || (tc.Severity != string(cloud.Error) && tc.Severity != string(cloud.Warning)) {
				t.Fatalf("a case needs field and severity error or warning (or valid: true)")
			}
			// The unchanged base must not draw the issue already, or the
			// case could never fail.
			if _, before := c.Check(Clone(base)); tc.matches(before) {
				t.Fatalf("the unchanged base already reports %s at %s: %q", tc.Severity, tc.Field, tc.Message)
			}
			if !tc.matches(issues) {
				t.Errorf("want %s at %s holding %q; got:\n%s", tc.Severity, tc.Field, tc.Message, issueList(issues))
			}
			for _, p := range tc.Clean {
				if got := issues.For(p); len(got) > 0 {
					t.Errorf("unexpected issue at %s: %v", p, got)
				}
			}
			secrets := c.SecretValues(s.Params)
			if tc.Secret != "" {
				secrets = append(secrets, tc.Secret)
			}
			for _, i := range issues {
				for _, sec := range secrets {
					if len(sec) >= 4 && strings.Contains(i.Message, sec) {
						t.Errorf("message echoes a secret: %s", i)
					}
				}
			}
		})
	}
}

func issueList(is cloud.Issues) string {
	var b strings.Builder
	for _, i := range is {
		b.WriteString("  " + i.String() + "\n")
	}
	return b.String()
}
