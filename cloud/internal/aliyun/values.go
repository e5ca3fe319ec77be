package aliyun

import (
	"math"
	"strconv"

	"tunnelwiz/cloud"
)

// The builders read normalized parameters (cloud.Catalog.Check), but they
// tolerate raw spec values too, so a driver called directly still sends
// what the user wrote rather than dropping it.

// Text returns a scalar parameter as the text the wire carries.
func Text(p cloud.Params, key string) (string, bool) {
	v, ok := p.Get(key)
	if !ok {
		return "", false
	}
	switch x := v.(type) {
	case string:
		return x, true
	case bool:
		return strconv.FormatBool(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	}
	return "", false
}

// Bool returns a boolean parameter.
func Bool(p cloud.Params, key string) (bool, bool) {
	v, ok := p.Get(key)
	if !ok {
		return false, false
	}
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		b, err := strconv.ParseBool(x)
		return b, err == nil
	}
	return false, false
}

// Int returns an integer parameter.
func Int(p cloud.Params, key string) (int64, bool) {
	v, ok := p.Get(key)
	if !ok {
		return 0, false
	}
	switch x := v.(type) {
	case int64:
		return x, true
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return int64(x), true
		}
	case string:
		n, err := strconv.ParseInt(x, 10, 64)
		return n, err == nil
	}
	return 0, false
}
