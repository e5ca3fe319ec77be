package cloud

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Spec is one VPN connection for one vendor API, as read from a spec file.
//
//	vendor: tencent            # the API: see Vendors()
//	region: ap-guangzhou       # target keys: region, and per vendor project_id, endpoint, ...
//	params: {...}              # the request parameters, spelled as the vendor spells them
type Spec struct {
	Vendor string
	// Target holds the top-level keys other than vendor and params: where
	// the request goes (region, Huawei project_id, Apsara organization, an
	// endpoint override). Each vendor's catalog lists the keys it accepts.
	Target map[string]string
	// Params is the vendor's request, objects kept as objects even where
	// the wire wants a JSON string or indexed keys.
	Params map[string]any
}

// Region is the target region (every vendor has one).
func (s *Spec) Region() string { return s.Target["region"] }

// FormatError means the input is not a spec file at all (not YAML/JSON, not
// a mapping, no vendor): the command line maps it to exit status 2.
type FormatError struct{ Msg string }

func (e *FormatError) Error() string { return e.Msg }

// ParseSpec parses YAML or JSON (JSON is read as YAML 1.2). It checks only
// the file's structure; Validate checks the content.
func ParseSpec(data []byte) (*Spec, error) {
	doc, err := oneDocument(data)
	if err != nil {
		return nil, err
	}
	budget := maxValues
	v, err := fromNode(doc, 0, &budget)
	if err != nil {
		return nil, err
	}
	top, ok := v.(map[string]any)
	if !ok {
		return nil, errors.New("a spec file must be a mapping with vendor, region and params")
	}
	s := &Spec{Target: map[string]string{}, Params: map[string]any{}}
	for k, val := range top {
		switch k {
		case "vendor":
			s.Vendor, _ = scalarString(val)
		case "params":
			if val == nil {
				continue
			}
			m, ok := val.(map[string]any)
			if !ok {
				return nil, errors.New("params must be a mapping of the vendor's request parameters")
			}
			s.Params = m
		default:
			str, ok := scalarString(val)
			if !ok {
				return nil, fmt.Errorf("%s must be a single value", k)
			}
			s.Target[k] = str
		}
	}
	if s.Vendor == "" {
		return nil, fmt.Errorf("no vendor: set vendor to one of %s", OrList(Vendors()))
	}
	return s, nil
}

// oneDocument parses the file's one YAML document. A second one is an
// error rather than ignored (as yaml.Unmarshal would): the user would
// believe its settings apply. The parser builds a node tree without
// expanding aliases, and stops at 10,000 levels of nesting; fromNode
// bounds both further.
func oneDocument(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return nil, errors.New("empty spec file")
		}
		return nil, notYAML(err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == io.EOF:
		return &doc, nil
	case err != nil:
		return nil, fmt.Errorf("a spec file holds one YAML document; after it: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return nil, fmt.Errorf("line %d: a second YAML document; a spec file holds one", next.Line)
}

func notYAML(err error) error {
	return fmt.Errorf("not a YAML or JSON spec: %s", strings.TrimPrefix(err.Error(), "yaml: "))
}

// maxDepth bounds nesting so that a hostile file cannot exhaust the stack,
// and maxValues bounds the values a file may expand to, so that nested
// aliases ("billion laughs") cannot take exponential time. A real spec has
// a few hundred values; 10,000 also bounds the validation of a file within
// the size cap (each unknown key costs an issue and a did-you-mean search:
// 22,000 of them took 0.6 s and 110 MB).
const (
	maxDepth  = 64
	maxValues = 10_000
)

// fromNode converts a YAML node to plain Go values: map[string]any, []any,
// string, int64, float64, bool, nil. Scalars keep YAML's resolution except
// that timestamps and binaries stay the text the user wrote.
func fromNode(n *yaml.Node, depth int, budget *int) (any, error) {
	if depth > maxDepth {
		return nil, errors.New("spec nested too deeply")
	}
	if *budget--; *budget < 0 {
		return nil, fmt.Errorf("spec too large: more than %d values (after expanding aliases)", maxValues)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return fromNode(n.Content[0], depth+1, budget)
	case yaml.AliasNode:
		return fromNode(n.Alias, depth+1, budget)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			kn := n.Content[i]
			if kn.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("line %d: a key must be a plain name", kn.Line)
			}
			if kn.Tag == "!!merge" {
				return nil, fmt.Errorf("line %d: YAML merge keys are not supported", kn.Line)
			}
			if _, dup := m[kn.Value]; dup {
				return nil, fmt.Errorf("line %d: key %q appears twice", kn.Line, kn.Value)
			}
			v, err := fromNode(n.Content[i+1], depth+1, budget)
			if err != nil {
				return nil, err
			}
			m[kn.Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		l := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := fromNode(c, depth+1, budget)
			if err != nil {
				return nil, err
			}
			l = append(l, v)
		}
		return l, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool":
			var b bool
			if err := n.Decode(&b); err != nil {
				return n.Value, nil
			}
			return b, nil
		case "!!int", "!!float":
			// Kept as written: "0123456" stays 0123456 (a PSK or a name
			// must never be reformatted as 123456, 1.10 as 1.1, 0x1F as
			// 31); Check turns it into a number only for integer fields.
			return json.Number(n.Value), nil
		}
		return n.Value, nil
	}
	return nil, fmt.Errorf("line %d: unsupported YAML node", n.Line)
}

// scalarString renders a scalar the way the user most likely meant it.
func scalarString(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case json.Number:
		return string(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case int:
		return strconv.Itoa(x), true
	case int32:
		return strconv.FormatInt(int64(x), 10), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(x), true
	case nil:
		return "", true
	}
	return "", false
}

// Marshal renders the spec back as YAML for "save": vendor first, then
// the target keys (region first), then params; numbers as written.
func (s *Spec) Marshal() ([]byte, error) {
	doc := &yaml.Node{Kind: yaml.MappingNode}
	add := func(k string, v any) error {
		var n yaml.Node
		if err := n.Encode(v); err != nil {
			return err
		}
		doc.Content = append(doc.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, &n)
		return nil
	}
	add("vendor", s.Vendor)
	keys := sortedKeys(s.Target)
	sort.SliceStable(keys, func(i, j int) bool { return keys[i] == "region" && keys[j] != "region" })
	for _, k := range keys {
		add(k, s.Target[k])
	}
	if err := add("params", toYAML(map[string]any(s.Params))); err != nil {
		return nil, err
	}
	return yaml.Marshal(doc)
}

// toYAML replaces json.Number leaves with YAML number nodes, so that a
// saved file keeps 0123 as 0123 and as a number.
func toYAML(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = toYAML(e)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = toYAML(e)
		}
		return l
	case json.Number:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: string(x)}
	}
	return v
}
