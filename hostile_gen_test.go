package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The hostile-input corpus: spec files no one should write, kept under
// testdata/hostile so that anyone can feed them to any build (issue 8).
// They are generated from the tables in hostile_*_test.go; run
//
//	go test -run TestHostileCorpusIsCurrent -update-hostile .
//
// after changing a table. The multi-megabyte cases are made at test time
// instead (hostile_test.go), never committed.

var updateHostile = flag.Bool("update-hostile", false, "rewrite testdata/hostile from the generator")

const hostileDir = "testdata/hostile"

// hostileCase is one corpus file and the exit status validate must give:
// 1 (spec errors, each at a field) or 2 (a one-line refusal).
type hostileCase struct {
	name string
	data []byte
	code int
}

// hostileCorpus is every committed case, in file-name order.
func hostileCorpus(t testing.TB) []hostileCase {
	var all []hostileCase
	all = append(all, anyVendorCases()...)
	for _, v := range hostileVendors {
		ex, err := os.ReadFile(v.example)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range append(textCases(v, ex), specCases(t, v)...) {
			c.name = v.vendor + "-" + c.name
			all = append(all, c)
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].name < all[j].name })
	for i := 1; i < len(all); i++ {
		if all[i].name == all[i-1].name {
			t.Fatalf("two cases named %s", all[i].name)
		}
	}
	return all
}

// byName indexes the corpus by file name (with .yaml).
func byName(cases []hostileCase) map[string]hostileCase {
	m := make(map[string]hostileCase, len(cases))
	for _, c := range cases {
		m[c.name+".yaml"] = c
	}
	return m
}

// The committed files are exactly what the generator makes: a case edited
// in the table but not regenerated, or a stray file, fails here.
func TestHostileCorpusIsCurrent(t *testing.T) {
	cases := hostileCorpus(t)
	if *updateHostile {
		os.RemoveAll(hostileDir)
		if err := os.MkdirAll(hostileDir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			if err := os.WriteFile(filepath.Join(hostileDir, c.name+".yaml"), c.data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := byName(cases)
	files, _ := filepath.Glob(filepath.Join(hostileDir, "*"))
	total := 0
	for _, f := range files {
		c, ok := want[filepath.Base(f)]
		if !ok {
			t.Errorf("%s is not made by the generator", f)
			continue
		}
		got, _ := os.ReadFile(f)
		total += len(got)
		if !bytes.Equal(got, c.data) {
			t.Errorf("%s differs from the generator's: run with -update-hostile", f)
		}
		delete(want, filepath.Base(f))
	}
	for name := range want {
		t.Errorf("%s/%s is missing: run with -update-hostile", hostileDir, name)
	}
	if total > 2<<20 {
		t.Errorf("the corpus is %d bytes; keep it under 2 MiB (make big cases at test time)", total)
	}
	t.Logf("%d corpus files, %d bytes", len(files), total)
}

// label makes a file-name-safe name.
func label(parts ...string) string {
	s := strings.Join(parts, "-")
	if len(s) > 60 {
		s = s[:60]
	}
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		if r >= 'A' && r <= 'Z' {
			return r - 'A' + 'a'
		}
		return '-'
	}, s)
}

func hc(code int, data string, name ...string) hostileCase {
	return hostileCase{name: label(name...), data: []byte(data), code: code}
}
