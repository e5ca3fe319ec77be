package drivertest

import (
	"testing"

	"tunnelwiz/cloud"
)

// FuzzValidate fuzzes one vendor's validator two ways: whole spec files
// (any structure), and single values placed at every catalog path of the
// seed (so CIDR, range and identity parsers see hostile text in context).
// Neither may panic, and a spec with no error must also plan.
func FuzzValidate(f *testing.F, d cloud.Driver, seedFiles ...string) {
	for _, b := range Seeds(seedFiles...) {
		f.Add(b, uint16(0), "")
	}
	f.Add([]byte("vendor: x\nparams: {a: [1, {b: c}]}"), uint16(3), "10.0.0.0/33")
	f.Add([]byte("{}"), uint16(7), "169.254.195.1/30")
	c := d.Catalog()
	seed := LoadSeed(f, seedFiles[0])
	f.Fuzz(func(t *testing.T, data []byte, at uint16, value string) {
		if s, err := cloud.ParseSpec(data); err == nil {
			s.Vendor = c.API
			c.Check(s)
		}
		fld := c.Fields[int(at)%len(c.Fields)]
		if !settable(fld) {
			return
		}
		s := Clone(seed)
		if cloud.Params(s.Params).Set(instance(fld.Path), value) != nil {
			return
		}
		if _, issues := c.Check(s); issues.Errors() == 0 {
			if _, _, err := cloud.Plan(s, false); err != nil {
				t.Fatalf("%s=%q: valid spec did not plan: %v", fld.Path, value, err)
			}
		}
	})
}
