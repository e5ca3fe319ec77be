package aliyun

import (
	"bytes"
	"encoding/json"

	"tunnelwiz/cloud"
)

// JSONString encodes an object parameter the way both APIs take it: a JSON
// document carried in a string. Members come in catalog order, which is the
// documents' own order, so the preview of a document's example matches it
// byte for byte. A member the catalog does not know (only possible for
// unvalidated input) is left out: no name the rule table lacks reaches the
// wire.
func JSONString(c *cloud.Catalog, path string, obj map[string]any) string {
	var buf bytes.Buffer
	buf.WriteByte('{')
	first := true
	for _, name := range c.Children(path) {
		v, ok := obj[name]
		if !ok || v == nil {
			continue
		}
		if !first {
			buf.WriteByte(',')
		}
		first = false
		buf.Write(marshal(name))
		buf.WriteByte(':')
		buf.Write(marshal(v))
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
