package aliyuntest

import (
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

// CatalogData checks what the conformance suite leaves to the drivers:
// every field (nested ones too) has a wizard Step and a Source, every
// secret-looking field is Secret, and every allowed value of a field with
// a Role maps to a vocabulary term.
func CatalogData(t *testing.T, c *cloud.Catalog) {
	for _, f := range append(append([]cloud.Field{}, c.Target...), c.Fields...) {
		if f.Step == "" {
			t.Errorf("%s: no Step", f.Path)
		}
		if f.Source == "" {
			t.Errorf("%s: no Source", f.Path)
		}
		if f.Name() == "Psk" && !f.Secret {
			t.Errorf("%s: a pre-shared key must be Secret", f.Path)
		}
		if f.Role != "" && len(f.Allowed) > 0 {
			for _, a := range f.Allowed {
				if _, ok := f.Means[a]; !ok {
					t.Errorf("%s: allowed value %q has no vocabulary term", f.Path, a)
				}
			}
		}
	}
}

// Header returns a previewed header by name, whatever case the SDK wrote
// it in (the preview keeps the case as sent: the v7 SDK writes lower case).
func Header(r *cloud.Request, name string) (string, bool) {
	for k, v := range r.Headers {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return "", false
}
