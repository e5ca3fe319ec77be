package main

import (
	"regexp"
	"strings"
	"unicode/utf16"
)

var (
	regionLine = regexp.MustCompile(`(?m)^region:.*\n`)
	paramsLine = regexp.MustCompile(`(?m)^params:\n(  \S.*\n)`)
	lifetime   = "86400" // every example's IKE lifetime, a number
)

// textCases change the example's bytes: encodings, raw bytes, numbers
// written as YAML allows, duplicate keys, more documents.
func textCases(v hostileVendor, ex []byte) []hostileCase {
	src := string(ex)
	// Without its region the spec has one error at a known field: an
	// encoding that is read correctly gives exit 1, not a parse failure.
	noRegion := regionLine.ReplaceAllString(src, "")
	firstParam := paramsLine.FindStringSubmatch(src)[1]
	out := []hostileCase{
		hc(1, "\ufeff"+noRegion, "encoding-bom"),
		hc(1, strings.ReplaceAll(noRegion, "\n", "\r\n"), "encoding-crlf"),
		hc(1, strings.ReplaceAll(noRegion, "\n", "\r"), "encoding-cr-only"),
		hc(1, strings.TrimSuffix(noRegion, "\n"), "encoding-no-final-newline"),
		hc(1, strings.ReplaceAll(noRegion, "\n", "   \t\n"), "encoding-trailing-blanks"),
		hc(1, utf16LE(noRegion), "encoding-utf16le-bom"),
		hc(1, utf16BE(noRegion), "encoding-utf16be-bom"),
		hc(1, strings.Replace(noRegion, ": ", ":\t", 3), "tab-after-colon"),
		hc(2, strings.ReplaceAll(src, "\n  ", "\n\t"), "tab-indentation"),
		hc(2, strings.ReplaceAll(src, "\n    ", "\n  \t  "), "tab-inside-indentation"),
		hc(1, strings.Replace(src, "-to-", "-\tto-", 1), "tab-raw-in-value"),
		hc(2, strings.Replace(src, "-to-", "-\x1b[31mto-", 1), "raw-esc-in-value"),
		hc(2, strings.Replace(src, "-to-", "-\x1b]0;pwned\x07to-", 1), "raw-osc-in-value"),
		hc(2, strings.Replace(src, "-to-", "-\x00to-", 1), "raw-nul-in-value"),
		hc(2, strings.Replace(src, "-to-", "-\x7fto-", 1), "raw-del-in-value"),
		hc(2, strings.Replace(src, "-to-", "-\u009b2Jto-", 1), "raw-c1-in-value"),
		hc(2, strings.Replace(src, "-to-", "-\xffto-", 1), "raw-invalid-utf8-in-value"),
		hc(2, strings.Replace(src, "-to-", "-\x9bto-", 1), "raw-lone-9b-in-value"),
		hc(2, strings.Replace(src, "-to-", "-\xc0\xafto-", 1), "raw-overlong-utf8"),
		hc(2, strings.Replace(src, "-to-", "-\xed\xa0\x80to-", 1), "raw-surrogate-utf8"),
		hc(2, src+"# cut\xe4\xb8", "raw-truncated-utf8-at-end"),
		hc(2, "# \x1b]0;pwned\x07\n"+src, "raw-osc-in-comment"),
		hc(2, strings.Replace(src, "params:", "par\x1b[8mams:", 1), "raw-esc-in-key"),
		hc(2, strings.Replace(src, "\n", "\x00\n", 1), "raw-nul-at-line-end"),
		hc(2, src+"vendor: "+v.vendor+"\n", "duplicate-vendor"),
		hc(2, src+"region: elsewhere\n", "duplicate-region"),
		hc(2, strings.Replace(src, firstParam, firstParam+firstParam, 1), "duplicate-param"),
		hc(2, src+"params: {}\n", "duplicate-params"),
		hc(1, strings.Replace(src, "region:", "Region:", 1), "key-case-region"),
		hc(2, src+"---\n"+src, "documents-two"),
		hc(2, src+"---\n", "documents-empty-second"),
		hc(2, src+"...\n--- |\n  text\n", "documents-text-second"),
		hc(2, src+"---\n[unclosed\n", "documents-broken-second"),
		hc(2, strings.Replace(src, "params:", "params: &p", 1)+"more: *p\nagain: *p\n", "alias-params-as-target"),
		hc(2, strings.Replace(src, "params:", "params:\n  <<: {Injected: 1}", 1), "merge-key"),
	}
	for _, n := range []string{"1e400", "99999999999999999999999999", "-99999999999999999999999999", "0x7fffffffffffffff",
		"-0x8000000000000001", ".inf", "-.inf", ".nan", "0b11", "-1", "1.5", "86400.5",
		strings.Repeat("9", 400), "0o777777777777777777777777", "8.64e400"} {
		out = append(out, hc(1, strings.Replace(src, lifetime, n, 1), "number", n))
	}
	return out
}

func utf16LE(s string) string {
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

func utf16BE(s string) string {
	b := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}
