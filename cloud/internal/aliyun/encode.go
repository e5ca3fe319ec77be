package aliyun

import (
	"bytes"
	"encoding/json"
	"sort"

	"tunnelwiz/cloud"
)

// JSONString encodes an object parameter the way both APIs take it: a JSON
// document carried in a string. Members come in catalog order, which is the
// documents' own order, so the preview of a document's example matches it
// byte for byte; members the catalog does not know (only possible for
// unvalidated input) follow in name order so the output stays deterministic.
func JSONString(c *cloud.Catalog, path string, obj map[string]any) string {
	var buf bytes.Buffer
	buf.WriteByte('{')
	first := true
	write := func(k string, v any) {
		if v == nil {
			return
		}
		if !first {
			buf.WriteByte(',')
		}
		first = false
		buf.Write(marshal(k))
		buf.WriteByte(':')
		buf.Write(marshal(v))
	}
	seen := map[string]bool{}
	for _, name := range c.Children(path) {
		if v, ok := obj[name]; ok {
			write(name, v)
			seen[name] = true
		}
	}
	rest := make([]string, 0, len(obj))
	for k := range obj {
		if !seen[k] {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	for _, k := range rest {
		write(k, obj[k])
	}
	buf.WriteByte('}')
	return buf.String()
}

// marshal encodes one value without HTML escaping, so that a key holding
// "<" or "&" reads in the preview as the user typed it.
func marshal(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Only non-JSON values (channels, funcs) fail, and parsed specs
		// never hold them.
		return []byte("null")
	}
	return bytes.TrimRight(buf.Bytes(), "\n")
}
