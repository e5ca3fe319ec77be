package all

import (
	"testing"

	"tunnelwiz/cloud"
)

// TestCharsetsCompile compiles every character rule a catalog holds:
// cloud.Charset compiles on first use, so a malformed expression would
// otherwise surface only when a user types into that field.
func TestCharsetsCompile(t *testing.T) {
	n := 0
	for _, v := range cloud.Vendors() {
		d, _ := cloud.Lookup(v)
		c := d.Catalog()
		for _, f := range append(append([]cloud.Field(nil), c.Target...), c.Fields...) {
			if f.Chars == nil {
				continue
			}
			n++
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s %s: the character rule %s does not compile: %v", v, f.Path, f.Chars, r)
					}
				}()
				f.Chars.Match("")
			}()
		}
	}
	if n == 0 {
		t.Fatal("no catalog holds a character rule: the test checks nothing")
	}
}

// TestRegisteredNames holds each driver's registered name to its
// catalog's API key: cloud.Register takes the name apart from the driver
// so that registering builds no catalog.
func TestRegisteredNames(t *testing.T) {
	vendors := cloud.Vendors()
	if len(vendors) < 5 {
		t.Fatalf("registered vendors %v: one per vendor package expected", vendors)
	}
	for _, v := range vendors {
		d, _ := cloud.Lookup(v)
		if api := d.Catalog().API; api != v {
			t.Errorf("a driver registered as %q has the catalog of %q", v, api)
		}
	}
}
