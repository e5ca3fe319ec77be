package aliyun

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"tunnelwiz/cloud"
)

// The sandbox reads a create back into the spec's params shape, the
// reverse of the builders: JSON-string objects (IkeConfig, ...) are parsed
// and flattened keys (Tags.1.Key, TunnelOptionsSpecification.2.TunnelIkeConfig.Psk)
// become lists of objects again. The catalog says which name is which;
// Catalog.Check then normalizes the types as it does for a spec file.

// DecodeFlat rebuilds parameters from the wire's flat name=value pairs
// (RPC query and form fields).
func DecodeFlat(c *cloud.Catalog, flat map[string]string) cloud.Params {
	p := cloud.Params{}
	for k, v := range flat {
		put(p, c, "", strings.Split(k, "."), v)
	}
	compact(p)
	return p
}

// DecodeJSON rebuilds parameters from a JSON body (the Apsara route): the
// values keep their JSON types; only JSON-string objects are parsed.
func DecodeJSON(c *cloud.Catalog, body map[string]any) cloud.Params {
	p := cloud.Params{}
	for k, v := range body {
		if f := c.Field(k); f != nil && f.Type == cloud.Object {
			if s, ok := v.(string); ok {
				v = parseObject(s)
			}
		}
		p[k] = v
	}
	return p
}

func put(m map[string]any, c *cloud.Catalog, pat string, parts []string, v string) {
	name := parts[0]
	fp := name
	if pat != "" {
		fp = pat + "." + name
	}
	f := c.Field(fp)
	if len(parts) == 1 {
		if f != nil && f.Type == cloud.Object {
			m[name] = parseObject(v)
		} else {
			m[name] = v
		}
		return
	}
	if i, err := strconv.Atoi(parts[1]); err == nil && i >= 1 && i <= 1000 && f != nil && f.Type == cloud.List {
		l, _ := m[name].([]any)
		for len(l) < i {
			l = append(l, nil)
		}
		if len(parts) == 2 {
			l[i-1] = v
		} else {
			el, _ := l[i-1].(map[string]any)
			if el == nil {
				el = map[string]any{}
			}
			put(el, c, fp+"[]", parts[2:], v)
			l[i-1] = el
		}
		m[name] = l
		return
	}
	child, _ := m[name].(map[string]any)
	if child == nil {
		child = map[string]any{}
	}
	put(child, c, fp, parts[1:], v)
	m[name] = child
}

// compact drops list holes left by indexes that skip numbers (.1 and .3):
// the SDK numbers from 1 without gaps, so a hole is a client's mistake
// and the element simply is not there.
func compact(v any) {
	switch x := v.(type) {
	case cloud.Params:
		compact(map[string]any(x))
	case map[string]any:
		for k, e := range x {
			if l, ok := e.([]any); ok {
				out := l[:0]
				for _, el := range l {
					if el != nil {
						out = append(out, el)
					}
				}
				x[k] = out
			}
			compact(x[k])
		}
	case []any:
		for _, e := range x {
			compact(e)
		}
	}
}

// parseObject reads a JSON-string object; what does not parse stays a
// string, and Check reports that it is not an object.
func parseObject(s string) any {
	d := json.NewDecoder(bytes.NewReader([]byte(s)))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil || m == nil {
		return s
	}
	return m
}
