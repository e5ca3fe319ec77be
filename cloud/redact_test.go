package cloud

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strings"
	"testing"
)

// TestScrubEveryEncoding: a key is masked in each form a request or an
// answer carries it: raw, a JSON string (HTML-escaped or not), a form or
// URL query, a JSON string inside a query (Alibaba's IkeConfig), base64.
func TestScrubEveryEncoding(t *testing.T) {
	keys := []string{`k"ey\with<all>&'quotes'`, "p@ss word+/=%?#", "Zq7W~!`@#$%^&*()_-+={}[]|;:\",.<>/?", "ключ-密钥", "ab", `a"`, "x"}
	for _, key := range keys {
		js, _ := json.Marshal(map[string]string{"Psk": key})
		var plain strings.Builder
		e := json.NewEncoder(&plain)
		e.SetEscapeHTML(false)
		e.Encode(map[string]string{"Psk": key})
		carriers := map[string]string{
			"raw":           "Psk=" + key + " rest",
			"json":          string(js),
			"json no html":  plain.String(),
			"form":          url.Values{"Psk": {key}, "x": {"1"}}.Encode(),
			"query of json": "https://h/?" + url.Values{"IkeConfig": {string(js)}}.Encode(),
			"path":          "/v5/" + url.PathEscape(key) + "/x",
			"base64":        "Authorization: Basic " + base64.StdEncoding.EncodeToString([]byte(key)),
		}
		for name, text := range carriers {
			got := Scrub(text, []string{key})
			if !strings.Contains(got, Mask) {
				t.Errorf("key %q in %s: not masked: %s", key, name, got)
			}
			if len(key) >= minScrub {
				for _, form := range encodings(key) {
					if strings.Contains(got, form) {
						t.Errorf("key %q in %s: %q left in %s", key, name, form, got)
					}
				}
			}
		}
	}
	// A short key is masked where it stands as a value, not inside words.
	if got := Scrub("about abc: Psk=ab&Name=x", []string{"ab"}); got != "about abc: Psk="+Mask+"&Name=x" {
		t.Errorf("short key: %s", got)
	}
}
