package drivertest

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

// SeedExample is one example request of a vendor document, kept verbatim
// in a fixture file, and the spec that writes it (issue 10: the seed
// examples as fixtures).
type SeedExample struct {
	// Spec is the spec file written from the example.
	Spec string
	// Example is the fixture: the seed's example request copied verbatim,
	// either URL style (…?Action=X&name=value… over one or more lines) or a
	// JSON body (POST https://… { … }). Lines starting with # are notes.
	Example string
	// ListBase is the example's first list index in dotted names
	// (SecurityPolicyDatabases.0.LocalCidrBlock: 0).
	ListBase int
	// Masked are example parameters whose value is a mask or a stand-in
	// ("abcd****", "No sample value for this parameter."): the spec must
	// send the parameter, with its own value.
	Masked []string
	// Added are parameters the spec sends that the example lacks, each
	// with the reason (the seed's table requires it, say).
	Added map[string]string
	// Elsewhere are example parameters the API carries outside the
	// parameters (Action in an X-TC-Action or x-acs-action header).
	Elsewhere []string
}

// RunSeedExamples checks each example: the spec validates without errors,
// and its plan, through the real SDK on the loopback recorder, carries
// exactly the example's parameters with the example's values, under the
// vendor's wire rules.
func RunSeedExamples(t *testing.T, d cloud.Driver, w Wire, examples ...SeedExample) {
	for _, ex := range examples {
		t.Run(ex.Example, func(t *testing.T) { seedExample(t, d, w, ex) })
	}
}

func seedExample(t *testing.T, d cloud.Driver, w Wire, ex SeedExample) {
	c := d.Catalog()
	b, err := os.ReadFile(ex.Example)
	if err != nil {
		t.Fatal(err)
	}
	want, err := parseExample(c, w, string(b), ex.ListBase)
	if err != nil {
		t.Fatalf("%s: %v", ex.Example, err)
	}
	if len(want) == 0 {
		t.Fatalf("%s holds no parameters", ex.Example)
	}
	spec := LoadSeed(t, ex.Spec)
	if _, issues := c.Check(Clone(spec)); issues.Errors() > 0 {
		t.Fatalf("%s does not validate: %v", ex.Spec, issues)
	}
	req, _, err := cloud.Plan(Clone(spec), true)
	if err != nil {
		t.Fatal(err)
	}
	got, err := wireLeaves(c, w, req)
	if err != nil {
		t.Fatal(err)
	}
	skip := map[string]bool{}
	for _, e := range ex.Elsewhere {
		skip[e] = true
	}
	masked := map[string]bool{}
	for _, m := range ex.Masked {
		masked[m] = true
	}
	for _, inst := range sortedKeys(want) {
		g, ok := got[inst]
		switch {
		case skip[inst]:
		case !ok:
			t.Errorf("the example's %s = %q is not in the plan", inst, want[inst].text)
		case masked[inst]:
			if g.text == want[inst].text {
				t.Errorf("%s: the plan sends the example's stand-in %q", inst, g.text)
			}
		case g.text != want[inst].text:
			t.Errorf("%s: the example says %q, the plan sends %q", inst, want[inst].text, g.text)
		}
	}
	for _, inst := range sortedKeys(got) {
		if _, ok := want[inst]; ok {
			continue
		}
		if _, ok := ex.Added[inst]; ok {
			continue
		}
		if _, ok := w.Fixed[inst]; ok {
			continue
		}
		if _, ok := w.Copies[inst]; ok {
			continue
		}
		t.Errorf("the plan sends %s = %q, which the example does not", inst, got[inst].text)
	}
	for inst := range ex.Added {
		if _, ok := got[inst]; !ok {
			t.Errorf("%s is listed as added but the plan does not send it", inst)
		}
	}
}

var jsonStart = regexp.MustCompile(`\{\s*"`)

// parseExample reads a verbatim example into instance-path leaves.
func parseExample(c *cloud.Catalog, w Wire, s string, base int) (map[string]wireLeaf, error) {
	var lines []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "#") {
			lines = append(lines, strings.TrimSpace(l))
		}
	}
	text := strings.Join(lines, "\n")
	out := map[string]wireLeaf{}
	// A JSON body starts at the first '{' that opens an object ("{ \"…"),
	// not at a URL template's {Endpoint}.
	if loc := jsonStart.FindStringIndex(text); loc != nil && !strings.Contains(text[:loc[0]], "&") && !strings.Contains(text[:loc[0]], "=") {
		i := loc[0]
		d := json.NewDecoder(strings.NewReader(text[i:]))
		d.UseNumber()
		var body any
		if err := d.Decode(&body); err != nil {
			return nil, err
		}
		flattenJSON(c, w, out, "", body, true)
		for k, v := range out {
			out[k] = wireLeaf{v.text, "text"}
		}
		return out, nil
	}
	if i := strings.IndexByte(text, '?'); i >= 0 && !strings.Contains(text[:i], "&") {
		text = text[i+1:]
	}
	for _, part := range strings.Split(strings.ReplaceAll(text, "\n", ""), "&") {
		part = strings.TrimSpace(part)
		if part == "" || strings.HasPrefix(part, "<") {
			continue // "<Common request parameters>"
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			continue
		}
		inst, err := formKey(strings.TrimSpace(k), base)
		if err != nil {
			return nil, err
		}
		if isJSONString(w, inst) {
			flattenJSON(c, w, out, inst, v, true)
			continue
		}
		out[inst] = wireLeaf{v, "text"}
	}
	for k, v := range out {
		out[k] = wireLeaf{v.text, "text"}
	}
	return out, nil
}
