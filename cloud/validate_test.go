package cloud

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func mustParse(t *testing.T, src string) *Spec {
	t.Helper()
	s, err := ParseSpec([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestValidSpecNormalizes(t *testing.T) {
	s := mustParse(t, fakeSpec)
	p, is := fakeCatalog.Check(s)
	if len(is) != 0 {
		t.Fatalf("want no issues, got %v", is)
	}
	// Timeout was written as a number in YAML; the field is a string.
	if v := p["Timeout"]; v != "30" {
		t.Errorf("Timeout normalized to %#v, want \"30\"", v)
	}
	if s.Params["Timeout"] != json.Number("30") {
		t.Errorf("Check changed the caller's params: %#v", s.Params["Timeout"])
	}
}

func TestValidatorRules(t *testing.T) {
	cases := []struct {
		name, path string
		value      any
		del        string
		field      string
		sev        Severity
		want       []string
	}{
		{name: "enum", path: "Mode", value: "DYNAMIC", field: "Mode", sev: Error, want: []string{"STATIC", "POLICY"}},
		{name: "enum case hint", path: "Mode", value: "policy", field: "Mode", sev: Error, want: []string{"did you mean POLICY?"}},
		{name: "tolerated value warns", path: "Mode", value: "ROUTE", field: "Mode", sev: Warning, want: []string{"STATIC or POLICY", "accepted with a warning: only a provider lists it"}},
		{name: "enum names tolerated", path: "Mode", value: "DYNAMIC", field: "Mode", sev: Error, want: []string{"allowed: STATIC or POLICY (accepted with a warning: ROUTE)"}},
		{name: "tolerated case hint", path: "Mode", value: "route", field: "Mode", sev: Error, want: []string{"did you mean ROUTE?"}},
		{name: "length", path: "Name", value: "a", field: "Name", sev: Error, want: []string{"2 to 8"}},
		{name: "charset", path: "Name", value: "1abc", field: "Name", sev: Error, want: []string{"start with a letter"}},
		{name: "range", path: "Ike.Lifetime", value: int64(59), field: "Ike.Lifetime", sev: Error, want: []string{"60", "86400"}},
		{name: "not a number", path: "Ike.Lifetime", value: "soon", field: "Ike.Lifetime", sev: Error, want: []string{"whole number", "60"}},
		{name: "digits range", path: "Timeout", value: "61", field: "Timeout", sev: Error, want: []string{"30", "60"}},
		{name: "digits format", path: "Timeout", value: "3O", field: "Timeout", sev: Error, want: []string{"whole number"}},
		{name: "bool", path: "Enable", value: "yes", field: "Enable", sev: Error, want: []string{"true or false"}},
		{name: "cidr host bits", path: "Rules[0].Local", value: "10.0.0.1/24", field: "Rules[0].Local", sev: Error, want: []string{"host bits", "10.0.0.0/24"}},
		{name: "cidr in list", path: "Rules[0].Remote[0]", value: "300.1.1.0/24", field: "Rules[0].Remote[0]", sev: Error, want: []string{"IPv4 CIDR"}},
		{name: "list too long", path: "Rules[2].Local", value: "10.1.0.0/24", field: "Rules", sev: Error, want: []string{"0 to 2"}},
		{name: "required in list element", path: "Rules[1].Remote", value: []any{"10.2.0.0/24"}, field: "Rules[1].Local", sev: Error, want: []string{"required"}},
		{name: "only when", path: "Mode", value: "STATIC", field: "Rules", sev: Error, want: []string{"Mode is POLICY"}},
		{name: "required when default", del: "Ike.Address", field: "Ike.Address", sev: Error, want: []string{"required when Identity is ADDRESS"}},
		{name: "required when set", path: "Ike.Identity", value: "FQDN", field: "Ike.Fqdn", sev: Error, want: []string{"required when Identity is FQDN"}},
		{name: "ipv4", path: "Ike.Address", value: "192.0.2", field: "Ike.Address", sev: Error, want: []string{"IPv4 address"}},
		{name: "unknown nested name", path: "Ike.Adress", value: "x", field: "Ike.Adress", sev: Error, want: []string{"did you mean Address?"}},
		{name: "unknown far name", path: "Zzzzzzzzzz", value: "x", field: "Zzzzzzzzzz", sev: Error, want: []string{"known here", "Name"}},
		{name: "required top", del: "Key", field: "Key", sev: Error, want: []string{"required"}},
		{name: "deprecated", path: "Old", value: "x", field: "Old", sev: Warning, want: []string{"use Name"}},
		{name: "map key", path: "Acl", value: map[string]any{"10.0.0.0/33": []any{"10.1.0.0/24"}}, field: `Acl["10.0.0.0/33"]`, sev: Error, want: []string{"IPv4 CIDR"}},
		{name: "map value", path: "Acl", value: map[string]any{"10.0.0.0/24": []any{"10.1.0.1/24"}}, field: `Acl["10.0.0.0/24"][0]`, sev: Error, want: []string{"host bits"}},
		{name: "object expected", path: "Ike", value: "x", field: "Ike", sev: Error, want: []string{"Identity", "Lifetime"}},
		{name: "cross check", path: "Rules[0].Local", value: "10.9.9.0/24", field: "Rules[0].Local", sev: Warning, want: []string{"suspicious"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := mustParse(t, fakeSpec)
			p := Params(s.Params)
			if c.del != "" {
				p.Delete(c.del)
			} else if err := p.Set(c.path, c.value); err != nil {
				t.Fatal(err)
			}
			_, is := fakeCatalog.Check(s)
			got := is.For(c.field)
			if len(got) == 0 {
				t.Fatalf("no issue on %s; all: %v", c.field, is)
			}
			if got[0].Severity != c.sev {
				t.Errorf("severity %s, want %s", got[0].Severity, c.sev)
			}
			for _, w := range c.want {
				if !strings.Contains(got[0].Message, w) {
					t.Errorf("message %q lacks %q", got[0].Message, w)
				}
			}
		})
	}
}

func TestSecretNeverEchoed(t *testing.T) {
	s := mustParse(t, fakeSpec)
	const secret = "x"
	Params(s.Params).Set("Key", secret+"-short")
	Params(s.Params).Set("Key", strings.Repeat("Q", 30))
	_, is := fakeCatalog.Check(s)
	if len(is.For("Key")) == 0 {
		t.Fatal("overlong key not reported")
	}
	for _, i := range is {
		if strings.Contains(i.Message, "QQQQ") {
			t.Errorf("secret echoed: %s", i.Message)
		}
	}
}

func TestTargetRules(t *testing.T) {
	s := mustParse(t, strings.Replace(fakeSpec, "region: north", "region: west\nprojct_id: p", 1))
	_, is := fakeCatalog.Check(s)
	if got := is.For("region"); len(got) != 1 || got[0].Severity != Warning || !strings.Contains(got[0].Message, "north") {
		t.Errorf("unknown region: want one warning naming the known ones, got %v", got)
	}
	if got := is.For("projct_id"); len(got) != 1 || !strings.Contains(got[0].Message, "did you mean project_id?") {
		t.Errorf("misspelt target key: got %v", got)
	}
	s = mustParse(t, strings.Replace(fakeSpec, "region: north\n", "", 1))
	_, is = fakeCatalog.Check(s)
	if len(is.For("region")) != 1 {
		t.Errorf("missing region not reported: %v", is)
	}
}

func TestIssuesSortedErrorsFirst(t *testing.T) {
	s := mustParse(t, fakeSpec)
	p := Params(s.Params)
	p.Set("Old", "x")
	p.Set("Mode", "nope")
	_, is := fakeCatalog.Check(s)
	if len(is) < 2 || is[0].Severity != Error || is[len(is)-1].Severity != Warning {
		t.Errorf("want errors before warnings: %v", is)
	}
}

func BenchmarkValidateFake(b *testing.B) {
	s, _ := ParseSpec([]byte(fakeSpec))
	b.ReportAllocs()
	for b.Loop() {
		fakeCatalog.Check(s)
	}
}

func TestAppliesAndRequiredNow(t *testing.T) {
	s := mustParse(t, fakeSpec)
	p := Params(s.Params)
	rules := fakeCatalog.Field("Rules")
	if !fakeCatalog.Applies(rules, p, "Rules") {
		t.Error("Rules should apply in POLICY mode")
	}
	p.Set("Mode", "STATIC")
	if fakeCatalog.Applies(rules, p, "Rules") {
		t.Error("Rules should not apply in STATIC mode")
	}
	fq := fakeCatalog.Field("Ike.Fqdn")
	if fakeCatalog.RequiredNow(fq, p, "Ike.Fqdn") {
		t.Error("Fqdn required with ADDRESS identity")
	}
	p.Set("Ike.Identity", "FQDN")
	if !fakeCatalog.RequiredNow(fq, p, "Ike.Fqdn") {
		t.Error("Fqdn not required with FQDN identity")
	}
	if got := CatalogPath(`Rules[3].Remote[0]`); got != "Rules[].Remote[]" {
		t.Errorf("CatalogPath: %s", got)
	}
}

func TestEffectiveWarns(t *testing.T) {
	c := &Catalog{API: "e", Fields: []Field{
		{Path: "Dpd", Type: Integer, Allowed: []string{"0", "1"}, Default: "0"},
		{Path: "Timeout", Type: String, Format: Digits, Range: &Range{30, 60}, Effective: &Cond{Path: "Dpd", In: []string{"1"}}},
	}}
	_, is := c.Check(&Spec{Params: map[string]any{"Timeout": "40"}})
	if got := is.For("Timeout"); len(got) != 1 || got[0].Severity != Warning || !strings.Contains(got[0].Message, "Dpd is 1") {
		t.Errorf("want a warning naming the condition: %v", is)
	}
	_, is = c.Check(&Spec{Params: map[string]any{"Dpd": 1, "Timeout": "4O"}})
	if got := is.For("Timeout"); len(got) != 1 || !strings.Contains(got[0].Message, "30 to 60") {
		t.Errorf("digits format error must name the range: %v", is)
	}
	_, is = c.Check(&Spec{Params: map[string]any{"Dpd": "x"}})
	if got := is.For("Dpd"); len(got) != 1 || !strings.Contains(got[0].Message, "0 or 1") {
		t.Errorf("integer enum must name its values: %v", is)
	}
	if !c.Applies(c.Field("Timeout"), Params{"Dpd": int64(1)}, "Timeout") || c.Applies(c.Field("Timeout"), Params{}, "Timeout") {
		t.Error("Applies ignores Effective")
	}
}

func TestTopLevelCondFromListElement(t *testing.T) {
	c := &Catalog{API: "t", Fields: []Field{
		{Path: "Bgp", Type: Boolean, Default: "false"},
		{Path: "T", Type: List},
		{Path: "T[]", Type: Object},
		{Path: "T[].Asn", Type: Integer, Effective: &Cond{Path: "/Bgp", In: []string{"true"}}},
	}}
	_, is := c.Check(&Spec{Params: map[string]any{"T": []any{map[string]any{"Asn": int64(65000)}}}})
	if got := is.For("T[0].Asn"); len(got) != 1 || !strings.Contains(got[0].Message, "unless Bgp is true") {
		t.Errorf("want a warning naming Bgp: %v", is)
	}
	_, is = c.Check(&Spec{Params: map[string]any{"Bgp": true, "T": []any{map[string]any{"Asn": int64(65000)}}}})
	if len(is) != 0 {
		t.Errorf("Bgp true: %v", is)
	}
}

func TestSuggestValue(t *testing.T) {
	pfs := []string{"NULL", "DH-GROUP1", "DH-GROUP2", "DH-GROUP14", "DH-GROUP24"}
	for in, want := range map[string]string{
		"GROUP14":   "DH-GROUP14", // the IKE spelling in the PFS field
		"GROUP1":    "DH-GROUP1",
		"dh-group2": "DH-GROUP2",
		"DH-GRUP24": "DH-GROUP24",
		"zzz":       "",
	} {
		if got := suggestValue(in, pfs); got != want {
			t.Errorf("suggestValue(%q) = %q, want %q", in, got, want)
		}
	}
	if got := suggestValue("ap-guangzho", []string{"ap-guangzhou", "ap-shanghai"}); got != "ap-guangzhou" {
		t.Errorf("region suggestion: %q", got)
	}
	// Equally near values: no pick. GROUP3 is one edit from GROUP1, GROUP2
	// and GROUP5; suggesting the first would point at 768-bit DH.
	ike := []string{"GROUP1", "GROUP2", "GROUP5", "GROUP14", "GROUP24"}
	for _, c := range []struct {
		in      string
		allowed []string
	}{{"GROUP3", ike}, {"DH-GROUP3", pfs}, {"GRUP3", ike}} {
		if got := suggestValue(c.in, c.allowed); got != "" {
			t.Errorf("suggestValue(%q) = %q, want no suggestion among equally near values", c.in, got)
		}
	}
	// Names (commands, flags, parameters): every one of the equally near.
	if got := Nearest("bsh", []string{"bash", "zsh", "fish"}); !slices.Equal(got, []string{"bash", "zsh"}) {
		t.Errorf("Nearest tie = %q, want bash and zsh", got)
	}
	if got := Nearest("jsn", []string{"json", "JSON", "yes"}); !slices.Equal(got, []string{"json"}) {
		t.Errorf("Nearest with names differing only in case = %q, want json", got)
	}
}
