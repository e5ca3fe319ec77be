package cloud

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseSpecShapes(t *testing.T) {
	bad := map[string]string{
		"not yaml":       "vendor: [unclosed",
		"scalar":         "just some text",
		"list":           "- a\n- b",
		"no vendor":      "region: x\nparams: {}",
		"params scalar":  "vendor: fake\nparams: 3",
		"target nested":  "vendor: fake\nregion: {a: b}",
		"duplicate key":  "vendor: fake\nparams: {A: 1, A: 2}",
		"empty":          "",
		"non-scalar key": "vendor: fake\nparams: {[a]: 1}",
		"merge key":      "vendor: fake\nbase: &b {A: 1}\nparams: {<<: *b}",
	}
	for name, src := range bad {
		if _, err := ParseSpec([]byte(src)); err == nil {
			t.Errorf("%s: parsed without error", name)
		}
	}
}

func TestParseSpecJSONAndScalars(t *testing.T) {
	s, err := ParseSpec([]byte(`{"vendor":"fake","region":"north","project_id":123,"params":{"A":"2020-01-01","B":7,"C":true,"D":null,"E":1.5}}`))
	if err != nil {
		t.Fatal(err)
	}
	if s.Target["project_id"] != "123" || s.Region() != "north" {
		t.Errorf("target %v", s.Target)
	}
	p := s.Params
	if p["A"] != "2020-01-01" || p["B"] != json.Number("7") || p["C"] != true || p["D"] != nil || p["E"] != json.Number("1.5") {
		t.Errorf("scalars %#v", p)
	}
}

func TestLoadSpecErrorsAreFormatErrors(t *testing.T) {
	var fe *FormatError
	if _, err := LoadSpec(filepath.Join(t.TempDir(), "missing.yaml")); !errors.As(err, &fe) {
		t.Errorf("missing file: %v", err)
	}
	f := filepath.Join(t.TempDir(), "x.yaml")
	os.WriteFile(f, []byte("\x00\x01binary"), 0o600)
	if _, err := LoadSpec(f); !errors.As(err, &fe) || !strings.Contains(err.Error(), "x.yaml") {
		t.Errorf("binary file: %v", err)
	}
	if _, err := DriverFor("nosuch"); !errors.As(err, &fe) || !strings.Contains(err.Error(), "fake") {
		t.Errorf("unknown vendor: %v", err)
	}
}

func TestParamsSetDelete(t *testing.T) {
	p := Params{}
	if err := p.Set("A.B[1].C", "x"); err != nil {
		t.Fatal(err)
	}
	if got := p.Obj("A").List("B"); len(got) != 2 || got[0] != nil {
		t.Fatalf("list grown wrongly: %#v", p)
	}
	if err := p.Set("A.B[].D", "y"); err != nil { // [] means element 0
		t.Fatal(err)
	}
	if p.Obj("A").List("B")[0].(map[string]any)["D"] != "y" {
		t.Errorf("A.B[].D not set in element 0: %#v", p)
	}
	p.Delete("A.B[1].C")
	if _, ok := p.Obj("A").List("B")[1].(map[string]any)["C"]; ok {
		t.Errorf("delete failed: %#v", p)
	}
	for _, bad := range []string{"", "A..B", "A[x]", "A[", "[0]"} {
		if err := p.Set(bad, 1); err == nil {
			t.Errorf("Set(%q) accepted", bad)
		}
	}
	if err := p.Set("A.B[0].C.D", 1); err != nil {
		t.Errorf("nested create: %v", err)
	}
	if err := p.Set("A.B[0].D.E", 1); err == nil {
		t.Errorf("descending into a string must fail")
	}
}

func FuzzParseSpec(f *testing.F) {
	f.Add([]byte(fakeSpec))
	f.Add([]byte(`{"vendor":"fake","params":{"Acl":{"10.0.0.0/8":["1.0.0.0/8"]}}}`))
	f.Add([]byte("a: &x [*x]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseSpec(data)
		if err != nil {
			return
		}
		s.Vendor = "fake"
		fakeCatalog.Check(s)
		if _, err := s.Marshal(); err != nil {
			t.Fatalf("parsed spec does not marshal: %v", err)
		}
	})
}

func TestMapKeyPaths(t *testing.T) {
	p := Params{}
	if err := p.Set(`Acl["10.0.0.0/24"][1]`, "192.168.1.0/24"); err != nil {
		t.Fatal(err)
	}
	if v, ok := p.At(`Acl["10.0.0.0/24"][1]`); !ok || v != "192.168.1.0/24" {
		t.Errorf("At: %v %v (%#v)", v, ok, p)
	}
	if got := CatalogPath(`Acl["10.0.0.0/24"][1]`); got != "Acl.*[]" {
		t.Errorf("CatalogPath: %s", got)
	}
	// The validator's own issue paths round-trip.
	s := mustParse(t, fakeSpec)
	Params(s.Params).Set(`Acl["10.0.0.0/24"][0]`, "10.1.0.1/24")
	_, is := fakeCatalog.Check(s)
	got := is.For(`Acl["10.0.0.0/24"][0]`)
	if len(got) == 0 {
		t.Fatalf("no issue at the map path: %v", is)
	}
	if _, ok := Params(s.Params).At(got[0].Field); !ok {
		t.Errorf("issue path %s does not resolve", got[0].Field)
	}
	for _, bad := range []string{`Acl["x`, `Acl["x"`, `Acl[x]`, `Acl.`, `.Acl`} {
		if err := p.Set(bad, 1); err == nil {
			t.Errorf("Set(%q) accepted", bad)
		}
	}
}

func TestAliasExpansionBounded(t *testing.T) {
	src := "a: &a [x,x,x,x,x,x,x,x,x]\n"
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		src += name + ": &" + name + " [" + strings.Repeat("*"+prev+",", 8) + "*" + prev + "]\n"
		prev = name
	}
	src += "vendor: fake\nparams: {x: *i}\n"
	_, err := ParseSpec([]byte(src))
	if err == nil || !strings.Contains(err.Error(), "too large") {
		t.Fatalf("want a size error, got %v", err)
	}
}

// Numbers are kept as written: a key or a name that looks like a number
// must reach the vendor unchanged, and a saved spec must read back the same.
func TestNumbersKeptAsWritten(t *testing.T) {
	s := mustParse(t, strings.Replace(fakeSpec, "Key: s3cretKEY", "Key: 0123456", 1)+"  Old: 0x1F\n")
	p, _ := fakeCatalog.Check(s)
	if p["Key"] != "0123456" || p["Old"] != "0x1F" {
		t.Errorf("string fields reformatted: Key=%#v Old=%#v", p["Key"], p["Old"])
	}
	if p.Obj("Ike")["Lifetime"] != int64(86400) {
		t.Errorf("integer field not a number: %#v", p.Obj("Ike")["Lifetime"])
	}
	b, err := s.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "Key: 0123456\n") {
		t.Errorf("saved spec changed the number:\n%s", b)
	}
	again := mustParse(t, string(b))
	if again.Params["Key"] != json.Number("0123456") {
		t.Errorf("round trip: %#v", again.Params["Key"])
	}
}

// A second YAML document would be silently ignored by yaml.Unmarshal: the
// user may believe its settings are applied.
func TestParseSpecRefusesASecondDocument(t *testing.T) {
	for _, src := range []string{
		fakeSpec + "---\nvendor: fake\nregion: south\n",
		fakeSpec + "---\n",
		fakeSpec + "...\n---\n[unclosed\n",
	} {
		_, err := ParseSpec([]byte(src))
		if err == nil || !strings.Contains(err.Error(), "document") {
			t.Errorf("second document: want an error naming it, got %v for\n%s", err, src)
		}
	}
	for _, src := range []string{"---\n" + fakeSpec, fakeSpec + "...\n", "---\n" + fakeSpec + "...\n# done\n"} {
		if _, err := ParseSpec([]byte(src)); err != nil {
			t.Errorf("one document with markers refused: %v", err)
		}
	}
}
