package drivertest

import (
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

// Suite is one vendor's whole conformance suite, which each driver package
// runs once (TestConformance) and fuzzes once (FuzzValidate): the driver,
// its case file (the valid specs, the bases and the cases, in the one
// format of cases.go), how the API carries parameters, and the seeds'
// example requests.
type Suite struct {
	Driver cloud.Driver
	// Cases is the case file, testdata/cases/cases.yaml: its valid specs
	// (the seed's own example first, the vendor's example spec among them)
	// run every check below.
	Cases        string
	Wire         Wire
	SeedExamples []SeedExample
}

// Run runs every check: the rule table's own rules and its sources, each
// valid spec (validates, plans, masks its key), every allowed, tolerated
// and out-of-range value, required and misspelt names, every case of the
// case file, the wire coverage, the seed examples, and the sandbox over
// loopback HTTP.
func (s Suite) Run(t *testing.T) {
	cf := LoadCases(t, s.Cases)
	d := s.Driver
	t.Run("Rules", func(t *testing.T) { Run(t, d, Options{Seed: cf.Valid[0], More: cf.Valid[1:]}) })
	t.Run("CatalogData", func(t *testing.T) { catalogData(t, d.Catalog()) })
	t.Run("Cases", func(t *testing.T) { RunCases(t, d, cf) })
	t.Run("Wire", func(t *testing.T) { RunWire(t, d, s.Wire, cf.Valid...) })
	t.Run("SeedExamples", func(t *testing.T) { RunSeedExamples(t, d, s.Wire, s.SeedExamples...) })
	t.Run("Sandbox", func(t *testing.T) { RunSandbox(t, d, cf.Valid...) })
}

// Fuzz fuzzes the validator from the case file's valid specs.
func (s Suite) Fuzz(f *testing.F) {
	FuzzValidate(f, s.Driver, LoadCases(f, s.Cases).Valid...)
}

// catalogData checks what the wizard needs of every field, nested ones
// too: a wizard Step, and a Secret flag on anything named like a key.
// (Whether each token has a vocabulary term is the vendor's affair: some
// have none, such as Tencent's AES192GCM128.)
func catalogData(t *testing.T, c *cloud.Catalog) {
	for _, f := range append(append([]cloud.Field{}, c.Target...), c.Fields...) {
		if f.Step == "" {
			t.Errorf("%s: no Step", f.Path)
		}
		if n := strings.ToLower(f.Name()); (n == "psk" || strings.Contains(n, "presharedkey") || strings.Contains(n, "presharekey")) && !f.Secret {
			t.Errorf("%s: a pre-shared key must be Secret", f.Path)
		}
	}
}

// Header returns a previewed header by name, whatever case the SDK wrote
// it in (the preview keeps the case as sent).
func Header(r *cloud.Request, name string) (string, bool) {
	for k, v := range r.Headers {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return "", false
}
