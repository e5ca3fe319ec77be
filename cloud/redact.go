package cloud

import (
	"encoding/json"
	"net/url"
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

// minScrub is the shortest secret Scrub masks by value: masking a one- or
// two-character key everywhere would wreck the output, and such keys are
// still masked where the catalog puts them.
const minScrub = 4

// Scrub masks every occurrence of the secret values in text: raw, and as a
// URL query or JSON string would carry them. It is the last pass over
// anything printed, behind the catalog-driven redaction, for the places a
// key can leak that no catalog foresees (a key typed as a parameter name,
// or copied into another field).
func Scrub(text string, secrets []string) string {
	for _, sec := range secrets {
		if len(sec) < minScrub {
			continue
		}
		js, _ := json.Marshal(sec)
		for _, form := range []string{sec, url.QueryEscape(sec), url.PathEscape(sec), strings.Trim(string(js), `"`)} {
			text = strings.ReplaceAll(text, form, Mask)
		}
	}
	return text
}
