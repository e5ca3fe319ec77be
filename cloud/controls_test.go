package cloud

import (
	"strings"
	"testing"
)

// A control character in any string the spec gives (a name, an id, the
// key, a target value, a list item, a map key) is an error at that field,
// from the validation core, whatever the vendor's own rules say: a NUL or
// a line break in a header or a query is a request-smuggling tool, and an
// ESC is a terminal attack when the value is shown.
func TestControlCharactersAreFieldErrors(t *testing.T) {
	controls := []string{"\x00", "\n", "\r", "\t", "\x1b", "\x07", "\x7f", "\u0085", "\u009b"}
	at := []struct{ path, field, value string }{
		{"Name", "Name", "ab%scd"},                         // a charset rule of its own
		{"Ike.Fqdn", "Ike.Fqdn", "vpn%s.example"},          // no charset rule
		{"Key", "Key", "s3cret%sKEY"},                      // the secret
		{"Old", "Old", "x%s"},                              // deprecated, still sent
		{"Rules[0].Remote[0]", "Rules[0].Remote[0]", "%s"}, // a list item
	}
	for _, c := range controls {
		for _, a := range at {
			s := mustParse(t, fakeSpec)
			if a.path == "Ike.Fqdn" {
				Params(s.Params).Set("Ike.Identity", "FQDN")
			}
			Params(s.Params).Set(a.path, strings.Replace(a.value, "%s", c, 1))
			_, is := fakeCatalog.Check(s)
			if !hasControlIssue(is.For(a.field)) {
				t.Errorf("%q in %s: no control-character error there; got %v", c, a.path, is)
			}
			if a.path == "Key" {
				for _, i := range is {
					if strings.Contains(i.Message, "s3cret") {
						t.Errorf("the key is quoted back: %v", i)
					}
				}
			}
		}
		s := mustParse(t, fakeSpec)
		s.Target["project_id"] = "p" + c
		_, is := fakeCatalog.Check(s)
		if !hasControlIssue(is.For("project_id")) {
			t.Errorf("%q in a target value: %v", c, is)
		}
		s = mustParse(t, fakeSpec)
		s.Params["Acl"] = map[string]any{"10.0.0.0/8" + c: []any{"10.1.0.0/16"}}
		_, is = fakeCatalog.Check(s)
		found := false
		for _, i := range is {
			found = found || strings.HasPrefix(i.Field, "Acl[") && strings.Contains(i.Message, "control character")
		}
		if !found {
			t.Errorf("%q in a map key: %v", c, is)
		}
	}
}

func hasControlIssue(is Issues) bool {
	for _, i := range is {
		if i.Severity == Error && strings.Contains(i.Message, "control character") {
			return true
		}
	}
	return false
}

// Printable text, including non-ASCII letters and a no-break space,
// is not affected.
func TestPrintableTextIsNotAControlCharacter(t *testing.T) {
	s := mustParse(t, fakeSpec)
	Params(s.Params).Set("Ike.Identity", "FQDN")
	Params(s.Params).Set("Ike.Fqdn", "vpn-北京 é\u00a0x")
	_, is := fakeCatalog.Check(s)
	if hasControlIssue(is) {
		t.Errorf("printable text flagged: %v", is)
	}
}
