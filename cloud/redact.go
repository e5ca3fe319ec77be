package cloud

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"regexp"
	"sort"
	"strings"
)

// Mask replaces secrets in every output unless the user asks to see them.
const Mask = "********"

// Redact returns a copy of p with every secret parameter (by the catalog)
// replaced by Mask. Building the request from the redacted copy, rather
// than masking its text afterwards, keeps the preview exact in shape: the
// mask sits where the key would, in the wire encoding the vendor uses.
func (c *Catalog) Redact(p Params) Params {
	out := p.Clone()
	for _, path := range c.Secrets() {
		maskAt(map[string]any(out), strings.Split(path, "."))
	}
	return out
}

// WithoutSecrets returns a copy of p with every secret parameter removed,
// in every list element: for files written without the key (save, draft).
func (c *Catalog) WithoutSecrets(p Params) Params {
	out := p.Clone()
	for _, path := range c.Secrets() {
		walkAt(map[string]any(out), strings.Split(path, "."), func(m map[string]any, k string) { delete(m, k) })
	}
	return out
}

// SecretValues lists the secret values present in p, for tests and for
// scrubbing text that did not come from a catalog-driven builder.
func (c *Catalog) SecretValues(p Params) []string {
	var out []string
	for _, path := range c.Secrets() {
		collectAt(map[string]any(p), strings.Split(path, "."), &out)
	}
	return out
}

func maskAt(v any, parts []string) {
	walkAt(v, parts, func(m map[string]any, k string) {
		if s, ok := m[k]; ok && s != nil {
			m[k] = Mask
		}
	})
}

func collectAt(v any, parts []string, out *[]string) {
	walkAt(v, parts, func(m map[string]any, k string) {
		if s, ok := scalarString(m[k]); ok && s != "" {
			*out = append(*out, s)
		}
	})
}

// walkAt visits every object holding the last element of a catalog path,
// descending into every element where a part ends in "[]".
func walkAt(v any, parts []string, visit func(m map[string]any, k string)) {
	m, ok := v.(map[string]any)
	if !ok || len(parts) == 0 {
		return
	}
	name, isList := strings.CutSuffix(parts[0], "[]")
	if len(parts) == 1 {
		if !isList {
			visit(m, name)
		}
		return
	}
	if !isList {
		walkAt(m[name], parts[1:], visit)
		return
	}
	l, _ := m[name].([]any)
	for _, e := range l {
		walkAt(e, parts[1:], visit)
	}
}

// minScrub is the shortest secret Scrub masks wherever it occurs:
// masking a one- to three-character key inside every word would wreck the
// output. Shorter ones are masked where they stand as a whole value
// (after "=", ":", a quote or a space, before "&", a quote, a comma, a
// brace, a space or the end), which is how a request or an answer
// carries them.
const minScrub = 4

// Scrub masks every occurrence of the secret values in text, in each
// encoding a request or an answer can carry them in: raw; JSON string
// escapes (with and without HTML escaping); each of those URL-query
// (form) and URL-path escaped, as an RPC query holding a JSON string
// does; and standard and URL-safe base64. It is the last pass over
// anything printed: errors and previews are built from a redacted copy
// of the request, so the key should never reach it; Scrub is for the
// places no catalog foresees (a key typed as a parameter name, copied
// into another field, or echoed by an endpoint).
func Scrub(text string, secrets []string) string {
	for _, sec := range secrets {
		if sec == "" {
			continue
		}
		for _, form := range encodings(sec) {
			if len(sec) >= minScrub {
				text = strings.ReplaceAll(text, form, Mask)
				continue
			}
			re := regexp.MustCompile(`(^|[=:"' /]|%22|%3A|%3D|%2F)` + regexp.QuoteMeta(form) + `($|[&"' ,}/\n]|%22|%2C|%7D|%2F)`)
			text = re.ReplaceAllString(text, "${1}"+Mask+"${2}")
		}
	}
	return text
}

// encodings are the ways a secret can be written into a request, longest
// first so that a longer form is masked whole before a shorter one inside
// it.
func encodings(sec string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, js := range []string{sec, jsonEscaped(sec, true), jsonEscaped(sec, false)} {
		add(js)
		add(url.QueryEscape(js))
		add(url.PathEscape(js))
		add(strings.ReplaceAll(url.QueryEscape(js), "+", "%20"))
	}
	add(base64.StdEncoding.EncodeToString([]byte(sec)))
	add(base64.URLEncoding.EncodeToString([]byte(sec)))
	add(base64.RawStdEncoding.EncodeToString([]byte(sec)))
	add(base64.RawURLEncoding.EncodeToString([]byte(sec)))
	sort.SliceStable(out, func(a, b int) bool { return len(out[a]) > len(out[b]) })
	return out
}

// jsonEscaped is sec as it sits between a JSON string's quotes.
func jsonEscaped(sec string, html bool) string {
	var b strings.Builder
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(html)
	if err := e.Encode(sec); err != nil {
		return sec
	}
	q := strings.TrimSpace(b.String()) // "..." and a newline
	return q[1 : len(q)-1]
}
