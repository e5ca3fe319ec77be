package sandbox

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

// send makes one request to the sandbox with the given Host, Origin and
// Content-Type ("" leaves each out) and returns the status and body.
func send(t *testing.T, hs *httptest.Server, method, path, host, origin, ctype, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, hs.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if host != "" {
		req.Host = host
	}
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	req.Header.Set("Key", Keys.ID) // the toy frontend's "signature"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// wantRefusal checks a refusal's status and that it is a JSON error
// that hands out no key.
func wantRefusal(t *testing.T, what string, status int, body string, want int) {
	t.Helper()
	var e struct{ Error string }
	if status != want || json.Unmarshal([]byte(body), &e) != nil || e.Error == "" {
		t.Errorf("%s: HTTP %d %s, want %d with a JSON error", what, status, body, want)
	}
	if strings.Contains(body, Keys.ID) || strings.Contains(body, Keys.Secret) {
		t.Errorf("%s: a refusal shows the sandbox's keys: %s", what, body)
	}
}

const toyCreate = `{"name":"a","gw":"gw-1","remote":"10.1.0.0/24"}`

// TestControlRefusesCrossSitePosts: a page on another site can make a
// browser POST text/plain (no preflight) with its own Origin; the control
// endpoints take only JSON, and no foreign Origin anywhere.
func TestControlRefusesCrossSitePosts(t *testing.T) {
	s, hs := newToy(t, 0, nil)
	fault := `{"kind":"throttle","op":"create","count":5}`
	for _, ct := range []string{"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""} {
		status, body := send(t, hs, "POST", "/_sandbox/faults", "", "", ct, fault)
		wantRefusal(t, "faults as "+ct, status, body, http.StatusUnsupportedMediaType)
	}
	for _, origin := range []string{"http://evil.example", "null", "http://127.0.0.1", "https://" + hs.Listener.Addr().String()} {
		status, body := send(t, hs, "POST", "/_sandbox/faults", "", origin, "application/json", fault)
		wantRefusal(t, "faults from "+origin, status, body, http.StatusForbidden)
	}
	if code, _ := post(t, hs, "a", "10.1.0.0/24"); code != 200 {
		t.Fatalf("a refused fault was injected: create answered %d", code)
	}
	status, body := send(t, hs, "POST", "/_sandbox/reset", "", "", "text/plain", "")
	wantRefusal(t, "reset as text/plain", status, body, http.StatusUnsupportedMediaType)
	status, body = send(t, hs, "POST", "/_sandbox/reset", "", "http://evil.example", "application/json", "")
	wantRefusal(t, "reset from a foreign origin", status, body, http.StatusForbidden)
	if n := len(s.Backend().Connections("toy", "r1", cloud.Filter{})); n != 1 {
		t.Errorf("a refused reset forgot the connection: %d left", n)
	}
	status, body = send(t, hs, "GET", "/_sandbox/info", "", "http://evil.example", "", "")
	wantRefusal(t, "info from a foreign origin", status, body, http.StatusForbidden)
	status, body = send(t, hs, "POST", "/toy/create", "", "http://evil.example", "application/json", toyCreate)
	wantRefusal(t, "an API call from a foreign origin", status, body, http.StatusForbidden)
}

// TestForeignHostRefused: DNS rebinding points a name of the attacker's
// at 127.0.0.1, so the browser sends that name as Host; the sandbox
// answers nothing, its keys least of all, to a Host that is not loopback.
func TestForeignHostRefused(t *testing.T) {
	s, hs := newToy(t, 0, nil)
	port := hs.Listener.Addr().(*net.TCPAddr).Port
	for _, host := range []string{"evil.example", "evil.example:" + strconv.Itoa(port), "127.0.0.1.evil.example",
		"localhost.evil.example", "attacker.localhost.example:80", "[::ffff:8.8.8.8]", "10.0.0.1"} {
		status, body := send(t, hs, "GET", "/_sandbox/info", host, "", "", "")
		wantRefusal(t, "info for Host "+host, status, body, http.StatusForbidden)
		status, body = send(t, hs, "POST", "/toy/create", host, "", "application/json", toyCreate)
		wantRefusal(t, "an API call for Host "+host, status, body, http.StatusForbidden)
		status, body = send(t, hs, "GET", "/nothing/here", host, "", "", "")
		wantRefusal(t, "an unknown path for Host "+host, status, body, http.StatusForbidden)
	}
	if n := len(s.Backend().Connections("toy", "r1", cloud.Filter{})); n != 0 {
		t.Errorf("a foreign Host made %d connections", n)
	}
}

// TestLoopbackAccepted: every loopback spelling, with or without a port,
// the sandbox's own origin, and JSON with a charset are served as before.
func TestLoopbackAccepted(t *testing.T) {
	_, hs := newToy(t, 0, nil)
	own := hs.Listener.Addr().String()
	port := strconv.Itoa(hs.Listener.Addr().(*net.TCPAddr).Port)
	for _, host := range []string{"", own, "localhost", "localhost:" + port, "LocalHost:" + port, "localhost.", "127.0.0.1",
		"127.1.2.3:" + port, "[::1]", "[::1]:" + port, "[::ffff:127.0.0.1]:" + port} {
		status, body := send(t, hs, "GET", "/_sandbox/info", host, "", "", "")
		var info Info
		if status != 200 || json.Unmarshal([]byte(body), &info) != nil || info.Keys.ID != Keys.ID {
			t.Errorf("info for Host %q: %d %s", host, status, body)
		}
	}
	if status, body := send(t, hs, "POST", "/_sandbox/faults", "", "http://"+own, "application/json; charset=utf-8",
		`{"kind":"throttle","op":"create"}`); status != http.StatusNoContent {
		t.Errorf("fault from the sandbox's own origin: %d %s", status, body)
	}
	if status, body := send(t, hs, "POST", "/toy/create", "localhost:"+port, "", "application/json", toyCreate); status != 429 {
		t.Errorf("API call for localhost after a throttle fault: %d %s", status, body)
	}
	if status, body := send(t, hs, "POST", "/_sandbox/reset", "", "", "application/json", ""); status != http.StatusNoContent {
		t.Errorf("reset: %d %s", status, body)
	}
}

// TestListenAddressAccepted: a sandbox listening beyond loopback
// (tunnelwiz sandbox --listen sandbox.lan:8642) is reached by the name it
// was told to listen on or by the address it was dialled at; both are
// accepted as Host, others are not. The request is handed to the handler
// directly: no test leaves loopback.
func TestListenAddressAccepted(t *testing.T) {
	s, err := New(Options{Fixtures: toyFixtures, Seed: 7, Listen: "Sandbox.LAN:8642"})
	if err != nil {
		t.Fatal(err)
	}
	local := &net.TCPAddr{IP: net.ParseIP("192.0.2.10"), Port: 8642}
	for host, want := range map[string]int{"192.0.2.10:8642": 200, "192.0.2.10": 200, "sandbox.lan:8642": 200,
		"192.0.2.11:8642": 403, "sandbox.example:8642": 403, "sandbox.lan.evil.example": 403} {
		r := httptest.NewRequest("GET", "/_sandbox/info", nil)
		r = r.WithContext(context.WithValue(r.Context(), http.LocalAddrContextKey, net.Addr(local)))
		r.Host = host
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Host %s on a sandbox listening at %s: %d, want %d", host, local, w.Code, want)
		}
	}
}
