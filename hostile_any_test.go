package main

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// anyVendorCases are refused before any vendor's rules apply, or hold no
// vendor worth naming: empty and binary files, shapes that are not a spec,
// unknown vendors, nesting and alias bombs.
func anyVendorCases() []hostileCase {
	out := []hostileCase{
		hc(2, "", "any-empty"),
		hc(2, "\n\n", "any-empty-lines"),
		hc(2, "   \n\t\n", "any-blank"),
		hc(2, "# only a comment\n# and another\n", "any-only-comments"),
		hc(2, "# c\n---\n# c\n", "any-only-comments-and-marker"),
		hc(2, "---\n", "any-only-marker"),
		hc(2, "...\n", "any-only-end-marker"),
		hc(2, "~\n", "any-null"),
		hc(2, "null\n", "any-null-word"),
		hc(2, "{}\n", "any-empty-map"),
		hc(2, "[]\n", "any-empty-list"),
		hc(2, "\ufeff", "any-bom-only"),
		hc(2, "\x00", "any-nul-only"),
		hc(2, "just some text\n", "any-shape-text"),
		hc(2, "- vendor: tencent\n- region: x\n", "any-shape-list"),
		hc(2, "42\n", "any-shape-number"),
		hc(2, "vendor: tencent\nparams: [a, b]\n", "any-shape-params-list"),
		hc(2, "vendor: tencent\nparams: 3\n", "any-shape-params-number"),
		hc(2, "vendor: tencent\nregion: {a: b}\n", "any-shape-region-map"),
		hc(2, "vendor: tencent\nregion: [a]\n", "any-shape-region-list"),
		hc(2, "region: ap-guangzhou\nparams: {}\n", "any-vendor-missing"),
		hc(2, "vendor:\nparams: {}\n", "any-vendor-null"),
		hc(2, "vendor: ''\n", "any-vendor-empty"),
		hc(2, "vendor: azure\n", "any-vendor-unknown"),
		hc(2, "vendor: TENCENT\n", "any-vendor-upper-case"),
		hc(2, "vendor: 'tencent '\n", "any-vendor-trailing-space"),
		hc(2, "vendor: [tencent]\n", "any-vendor-list"),
		hc(2, "vendor: {tencent: 1}\n", "any-vendor-map"),
		hc(2, "vendor: 1\n", "any-vendor-number"),
		hc(2, "vendor: true\n", "any-vendor-bool"),
		hc(2, "vendor: "+strings.Repeat("v", 10_000)+"\n", "any-vendor-long"),
		hc(2, "vendor: !!binary dGVuY2VudA==\n", "any-vendor-binary-tag"),
		hc(1, "vendor: !custom tencent\n", "any-vendor-custom-tag"),
		hc(1, "vendor: tencent\nparams: !!python/object:os.system {}\n", "any-python-tag"),
		hc(2, "vendor: tencent\n? [a, b]\n: x\n", "any-complex-key"),
		hc(2, "vendor: tencent\n*a : x\n", "any-alias-key-undefined"),
		hc(2, "k: &a x\nvendor: tencent\n*a : y\n", "any-alias-as-key"),
		hc(1, "vendor: tencent\n~: x\n", "any-null-key"),
		hc(2, "vendor: tencent\nparams: {a: *nowhere}\n", "any-alias-undefined"),
		hc(2, "a: &a [*a]\nvendor: tencent\nparams: {x: *a}\n", "any-alias-cycle"),
		hc(2, laughs(9, 9), "any-alias-billion-laughs"),
		hc(2, laughs(4, 40), "any-alias-wide-laughs"),
		hc(2, "a: &a ["+strings.Repeat("x,", 999)+"x]\nvendor: tencent\nparams: {x: ["+strings.Repeat("*a,", 199)+"*a]}\n", "any-alias-quadratic"),
		hc(2, "vendor: tencent\nparams: {x: "+strings.Repeat("[", 100)+strings.Repeat("]", 100)+"}\n", "any-nesting-flow-100"),
		hc(2, strings.Repeat("[", 10_001)+strings.Repeat("]", 10_001), "any-nesting-flow-10001"),
		hc(2, strings.Repeat("{a: ", 5000)+"x"+strings.Repeat("}", 5000), "any-nesting-flow-maps"),
		hc(2, "vendor: tencent\nparams:\n"+blockNest(80), "any-nesting-block-80"),
		hc(1, "vendor: tencent\nregion: ap-guangzhou\nparams:\n"+blockNest(40), "any-nesting-block-40"),
		hc(2, "vendor: tencent\nparams:\n"+strings.Repeat("- ", 200)+"x\n", "any-nesting-dashes"),
	}
	for _, c := range controls {
		out = append(out, hc(2, "vendor: "+yamlQuote("tencent"+c.s)+"\n", "any-vendor-control", c.name))
		out = append(out, hc(2, yamlQuote(c.s)+": x\nvendor: ''\n", "any-key-control-no-vendor", c.name))
	}
	return append(out, binaryCases()...)
}

// binaryCases are files that are not text at all.
func binaryCases() []hostileCase {
	rng := rand.New(rand.NewPCG(8, 3)) // fixed: the corpus must not change between runs
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	return []hostileCase{
		hc(2, string(random), "any-binary-random"),
		hc(2, strings.Repeat("\x00", 4096), "any-binary-nuls"),
		hc(2, strings.Repeat("\xff", 4096), "any-binary-ff"),
		hc(2, "\x7fELF\x02\x01\x01\x00"+string(random[:512]), "any-binary-elf"),
		hc(2, "\x89PNG\r\n\x1a\n"+string(random[:512]), "any-binary-png"),
		hc(2, "\x1f\x8b\x08\x00"+string(random[:512]), "any-binary-gzip"),
		hc(2, "PK\x03\x04"+string(random[:512]), "any-binary-zip"),
		hc(2, "v\x00e\x00n\x00d\x00o\x00r\x00:\x00 \x00x\x00\n\x00", "any-binary-utf16-no-bom"),
	}
}

// laughs is the "billion laughs": depth levels of width aliases each.
func laughs(depth, width int) string {
	var b strings.Builder
	b.WriteString("l0: &l0 [lol]\n")
	for i := 1; i <= depth; i++ {
		b.WriteString("l" + strconv.Itoa(i) + ": &l" + strconv.Itoa(i) + " [")
		for j := 0; j < width; j++ {
			if j > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*l" + strconv.Itoa(i-1))
		}
		b.WriteString("]\n")
	}
	b.WriteString("vendor: tencent\nregion: ap-guangzhou\nparams: {x: *l" + strconv.Itoa(depth) + "}\n")
	return b.String()
}

// blockNest nests n mappings in block style under an unknown key.
func blockNest(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString(strings.Repeat("  ", i) + "k:\n")
	}
	b.WriteString(strings.Repeat("  ", n+1) + "v: x\n")
	return b.String()
}

// yamlQuote writes s as a YAML double-quoted string, escaping what YAML
// cannot hold raw.
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteString(`\` + string(r))
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			b.WriteString(`\u00` + hex2(int(r)))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func hex2(n int) string { return string("0123456789abcdef"[n>>4]) + string("0123456789abcdef"[n&15]) }
