// Package canon builds the canonical forms that request signatures are
// computed over, where vendors agree on the shape and differ only in how
// they percent-encode.
package canon

import (
	"net/url"
	"sort"
	"strings"
)

// Query is the canonical query string of signature schemes in the
// AWS SigV4 family (Huawei SDK-HMAC-SHA256, Alibaba ACS3): names sorted,
// each name's values sorted, name=value pairs joined by "&", names and
// values encoded by escape.
func Query(q url.Values, escape func(string) string) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		vs := append([]string(nil), q[k]...)
		sort.Strings(vs)
		for _, v := range vs {
			parts = append(parts, escape(k)+"="+escape(v))
		}
	}
	return strings.Join(parts, "&")
}
