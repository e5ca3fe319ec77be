package tencentv2

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"

	"tunnelwiz/cloud"
)

// encode flattens spec parameters into API 2.0 form parameters, led by the
// catalog: objects become name.member keys (IKESet.dhGroupName), lists
// name.0, name.1, ... (userGwCidrBlock.0), and maps one JSON string
// (spdAcl={"10.0.0.5/24":["172.123.10.5/16"]}), as the seed documents.
func encode(p cloud.Params) (url.Values, error) {
	out := url.Values{}
	if err := encodeObject(out, map[string]any(p), "", ""); err != nil {
		return nil, err
	}
	return out, nil
}

func encodeObject(out url.Values, m map[string]any, key, pat string) error {
	for name, v := range m {
		if v == nil {
			continue
		}
		k, fp := join(key, name), join(pat, name)
		if err := encodeValue(out, v, k, fp); err != nil {
			return err
		}
	}
	return nil
}

func encodeValue(out url.Values, v any, key, pat string) error {
	f := catalog().Field(pat)
	if f == nil {
		return fmt.Errorf("tencentv2: unknown parameter %s", key)
	}
	switch f.Type {
	case cloud.Object:
		m, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("tencentv2: %s must be an object", key)
		}
		return encodeObject(out, m, key, pat)
	case cloud.List:
		l, ok := v.([]any)
		if !ok {
			return fmt.Errorf("tencentv2: %s must be a list", key)
		}
		for i, e := range l {
			if e == nil {
				continue
			}
			if err := encodeValue(out, e, key+"."+strconv.Itoa(i), pat+"[]"); err != nil {
				return err
			}
		}
		return nil
	case cloud.Map:
		m, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("tencentv2: %s must be a mapping", key)
		}
		if len(m) == 0 {
			return nil // an empty policy says nothing; validation warned
		}
		s, err := compactJSON(m)
		if err != nil {
			return fmt.Errorf("tencentv2: %s: %w", key, err)
		}
		out.Set(key, s)
		return nil
	}
	s, ok := scalar(v)
	if !ok {
		return fmt.Errorf("tencentv2: %s must be a single value", key)
	}
	out.Set(key, s)
	return nil
}

// compactJSON renders without HTML escaping, so that what is sent is the
// plain JSON the seed shows (encoding/json sorts map keys: deterministic).
func compactJSON(v any) (string, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return "", err
	}
	return string(bytes.TrimRight(b.Bytes(), "\n")), nil
}

func scalar(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case int64:
		return strconv.FormatInt(x, 10), true
	case int:
		return strconv.Itoa(x), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case bool:
		return strconv.FormatBool(x), true
	}
	return "", false
}

func join(base, name string) string {
	if base == "" {
		return name
	}
	return base + "." + name
}
