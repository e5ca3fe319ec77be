// Package aliyuntest holds the test helpers the Alibaba and Apsara drivers
// share. Run checks tables of invalid specs: each case is a small
// mutation of a valid spec and names the exact issue it must draw. The
// Alibaba and Apsara invalid_test.go files hold only their tables.
package aliyuntest

import (
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
)

type delT struct{}

// Del marks a parameter (or target key) to remove.
var Del = delT{}

// Case is one mutation and the issue it must draw.
type Case struct {
	Name   string
	Base   string         // key into the bases map given to Run ("" = the seed)
	Set    map[string]any // instance path -> value, or Del
	Target map[string]any // target key -> string value, or Del
	Edit   func(p cloud.Params)
	Field  string // exact instance path of the issue
	Sev    cloud.Severity
	Want   string // text the message must hold: allowed values, range or rule
	Secret string // a secret the messages must not echo
}

// Long is a string of n letters.
func Long(n int) string { return strings.Repeat("a", n) }

func (c Case) apply(t *testing.T, base string) *cloud.Spec {
	s := drivertest.Clone(drivertest.LoadSeed(t, base))
	for k, v := range c.Target {
		if v == Del {
			delete(s.Target, k)
		} else {
			s.Target[k] = v.(string)
		}
	}
	for k, v := range c.Set {
		if v == Del {
			cloud.Params(s.Params).Delete(k)
			continue
		}
		if n, ok := v.(int); ok {
			v = int64(n) // what a parsed spec holds
		}
		if err := cloud.Params(s.Params).Set(k, v); err != nil {
			t.Fatalf("set %s: %v", k, err)
		}
	}
	if c.Edit != nil {
		c.Edit(s.Params)
	}
	return s
}

func (c Case) match(is cloud.Issues) bool {
	for _, i := range is.For(c.Field) {
		if i.Severity == c.Sev && strings.Contains(i.Message, c.Want) {
			return true
		}
	}
	return false
}

// Run checks every case against catalog c; bases maps Case.Base to spec
// files and must hold "" (the seed).
func Run(t *testing.T, c *cloud.Catalog, bases map[string]string, cases []Case, min int) {
	if len(cases) < min {
		t.Fatalf("only %d cases; at least %d are wanted", len(cases), min)
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			base, ok := bases[tc.Base]
			if !ok {
				t.Fatalf("no base spec %q", tc.Base)
			}
			// The unchanged spec must not draw the issue already, or the
			// case could never fail.
			if _, before := c.Check(drivertest.Clone(drivertest.LoadSeed(t, base))); tc.match(before) {
				t.Fatalf("the unchanged spec already reports %s: %q", tc.Field, tc.Want)
			}
			_, is := c.Check(tc.apply(t, base))
			if !tc.match(is) {
				t.Fatalf("want %s on %s containing %q; got %v", tc.Sev, tc.Field, tc.Want, is)
			}
			if tc.Secret != "" {
				for _, i := range is {
					if strings.Contains(i.Message, tc.Secret) {
						t.Errorf("message echoes the secret: %s", i)
					}
				}
			}
		})
	}
}
