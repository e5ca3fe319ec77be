package drivertest

import (
	"regexp"
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

// SeedFiles names the vendor documents of shared/seeds by file, as a Source
// must cite them.
var SeedFiles = map[string]string{
	"000_accd87d803ab9925.txt": "Tencent Cloud API 3.0 CreateVpnConnection",
	"001_4bf601b33cdb026b.txt": "Alibaba Apsara Stack CreateVpnConnection",
	"002_a73dda56220d68d0.txt": "Huawei Cloud VPN v5 Creating a VPN Connection",
	"003_d48dbbc54e54d40b.txt": "Tencent Cloud API 2.0 AddVpnConnEx",
	"004_a62ccea1f75c1805.txt": "Alibaba Cloud vpc CreateVpnConnection",
}

// The citation forms a reader can open (issue 10): a seed file, a Go
// module at a version with a file, a repository file at a commit, or a
// page address.
var (
	citeSeed     = regexp.MustCompile(`\bseed (\d{3}_[0-9a-f]{16}\.txt)`)
	citeModule   = regexp.MustCompile(`\b[a-z0-9.-]+\.[a-z]{2,}/[\w.\-/]+@v\d+\.\d+\.\d+\S* [\w.\-/]+\.go\b`)
	citeRepo     = regexp.MustCompile(`\b[\w.-]+/[\w.-]+@[0-9a-f]{7,40} [\w.\-/]+\.(go|md)\b`)
	citePage     = regexp.MustCompile(`https://[\w.-]+/\S+`)
	seedMention  = regexp.MustCompile(`\bseed \d{3}\b`)
	vagueMention = []string{
		// Forms the audit of issue 10 found, that name no document.
		"SDK v7 ", "newest SDK", "Chinese CreateVpnConnection reference", "console guide (product/", "provider docs",
		"API guides", "Chinese page", "decision 2026",
	}
)

// Citations returns the openable citations in a Source.
func Citations(s string) []string {
	var out []string
	for _, re := range []*regexp.Regexp{citeSeed, citeModule, citeRepo, citePage} {
		out = append(out, re.FindAllString(s, -1)...)
	}
	return out
}

// SourcesCite checks that every Source of a catalog (fields, target keys,
// cross-field rules, the rate) names at least one document a reader can
// open, that every seed it names is cited by its file, and that none uses
// a form that names no document. What each source says is for a reader to
// check: the citation is what makes that possible.
func SourcesCite(t *testing.T, c *cloud.Catalog) {
	t.Helper()
	check := func(what, s string) {
		if len(Citations(s)) == 0 {
			t.Errorf("%s: source cites no document a reader can open (seed file, module@version file, repo@commit file, https page): %q", what, s)
		}
		for _, m := range citeSeed.FindAllStringSubmatch(s, -1) {
			if _, ok := SeedFiles[m[1]]; !ok {
				t.Errorf("%s: cites unknown seed file %s", what, m[1])
			}
		}
		if bare := seedMention.FindAllStringIndex(s, -1); len(bare) > 0 {
			for _, b := range bare {
				if !citeSeed.MatchString(s[b[0]:]) || !strings.HasPrefix(s[b[0]:], citeSeed.FindString(s[b[0]:])) {
					t.Errorf("%s: names a seed without its file at %q", what, s[b[0]:min(len(s), b[0]+40)])
				}
			}
		}
		for _, v := range vagueMention {
			if strings.Contains(s, v) {
				t.Errorf("%s: %q names no document: %q", what, v, s)
			}
		}
	}
	for _, f := range c.Target {
		check("target "+f.Path, f.Source)
	}
	for _, f := range c.Fields {
		check(f.Path, f.Source)
		for tok := range f.Tolerated {
			// The warning's reason is short; the Source must cite why.
			if !strings.Contains(f.Source, tok) {
				t.Errorf("%s: tolerated value %q is not explained in the source: %q", f.Path, tok, f.Source)
			}
		}
	}
	for _, ch := range c.Checks {
		check("check "+ch.Name, ch.Source)
	}
	if c.RateSource != "" {
		check("rate", c.RateSource)
	}
}
