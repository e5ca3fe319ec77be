package all

import (
	"context"
	"encoding/base64"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

// marker starts every key tried: letters and a digit survive every
// encoding a key can take on its way (URL query, form, JSON escapes), so
// finding the marker finds the key, however it was written.
const marker = "Zq7W"

// keysOf are keys that start with marker and together hold every
// printable ASCII character the vendor's key rule allows (the catalog's
// own Chars and Check), each within the rule's length.
func keysOf(t *testing.T, c *cloud.Catalog) []string {
	t.Helper()
	f := c.RoleField(cloud.RolePSK)
	if f == nil {
		t.Fatalf("%s: no pre-shared key field", c.API)
	}
	ok := func(k string) bool {
		return (f.Chars == nil || f.Chars.Match(k)) && (f.Check == nil || f.Check(k) == "")
	}
	var allowed []byte
	for b := byte(0x20); b < 0x7f; b++ {
		if ok(marker + string(b) + "aA1") {
			allowed = append(allowed, b)
		}
	}
	room := 32
	if f.Len != nil && f.Len.Max > 0 {
		room = min(room, int(f.Len.Max)-len(marker)-3)
	}
	var out []string
	for len(allowed) > 0 {
		n := min(room, len(allowed))
		out = append(out, marker+string(allowed[:n])+"aA1")
		allowed = allowed[n:]
	}
	return out
}

// TestTransportErrorsHoldNoKey: an endpoint that refuses the connection,
// or drops it after reading the request, makes an error; whatever the
// key's characters, the error carries no trace of it.
func TestTransportErrorsHoldNoKey(t *testing.T) {
	dropping := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer dropping.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	refusing := "http://" + ln.Addr().String()
	ln.Close()

	for _, vendor := range cloud.Vendors() {
		d, _ := cloud.Lookup(vendor)
		c := d.Catalog()
		spec, err := cloud.LoadSpec(filepath.Join("..", "..", "examples", vendor+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		for _, key := range keysOf(t, c) {
			if err := cloud.Params(spec.Params).Set(c.RoleField(cloud.RolePSK).Path, key); err != nil {
				t.Fatal(err)
			}
			ps, issues := c.Check(spec)
			for _, is := range issues.For(c.RoleField(cloud.RolePSK).Path) {
				if is.Severity == cloud.Error {
					t.Fatalf("%s: key %q refused: %s", vendor, key, is.Message)
				}
			}
			for name, at := range map[string]string{"refused": refusing, "dropped": dropping.URL} {
				u, _ := url.Parse(at)
				_, err := d.Create(context.Background(), u, cloud.Credentials{ID: "AKIDEXAMPLE", Secret: "secretEXAMPLE"}, spec.Target, ps)
				if err == nil {
					t.Fatalf("%s %s: no error", vendor, name)
				}
				text := err.Error()
				for _, form := range []string{marker, base64.StdEncoding.EncodeToString([]byte(key))[:8], base64.URLEncoding.EncodeToString([]byte(key))[:8]} {
					if strings.Contains(text, form) {
						t.Errorf("%s, connection %s: the error holds the key (%q): %s", vendor, name, form, text)
					}
				}
			}
		}
	}
}
