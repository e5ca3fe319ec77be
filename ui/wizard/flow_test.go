package wizard

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tunnelwiz/cloud"
	_ "tunnelwiz/cloud/all"
	"tunnelwiz/cloud/sandbox"
	"tunnelwiz/ui/front"
)

// recorder is a sandbox that keeps every request that reaches it.
type recorder struct {
	srv  *sandbox.Server
	mu   sync.Mutex
	reqs []recordedReq
}

type recordedReq struct {
	r    *http.Request
	body []byte
}

func (rc *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	rc.reqs = append(rc.reqs, recordedReq{r.Clone(r.Context()), body})
	rc.mu.Unlock()
	r.Body = io.NopCloser(bytes.NewReader(body))
	rc.srv.ServeHTTP(w, r)
}

// creates counts the create requests received.
func (rc *recorder) creates() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	n := 0
	for _, r := range rc.reqs {
		if isCreate(r) {
			n++
		}
	}
	return n
}

func isCreate(r recordedReq) bool {
	s := string(r.body) + r.r.URL.RawQuery + r.r.Header.Get("X-TC-Action") + r.r.Header.Get("x-acs-action")
	return strings.Contains(s, "CreateVpnConnection") || strings.Contains(s, "AddVpnConnEx") ||
		r.r.Method == "POST" && strings.HasSuffix(r.r.URL.Path, "/vpn-connection")
}

func newRecorder(t *testing.T) (*recorder, *front.Where) {
	t.Helper()
	srv, err := sandbox.New(sandbox.Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	rc := &recorder{srv: srv}
	hs := httptest.NewServer(rc)
	t.Cleanup(hs.Close)
	u, _ := url.Parse(hs.URL)
	return rc, &front.Where{Base: cloud.Base{URL: u, Cred: sandbox.Keys}, Sandbox: true, Said: "the test sandbox"}
}

func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "ctrl+p":
		return tea.KeyPressMsg{Code: 'p', Mod: tea.ModCtrl}
	}
	return tea.KeyPressMsg{Code: rune(s[0]), Text: s}
}

// compareWithPlan finds the create request the sandbox received and
// compares it with Plan for the example the wizard was filled from (plus
// the idempotency token the submission added): a value the wizard dropped
// or changed on the way shows. The spec the wizard saved must plan the
// same too, once the key it leaves out is put back.
func compareWithPlan(t *testing.T, rc *recorder, m *Model, original *cloud.Spec) {
	t.Helper()
	c := m.St.Catalog()
	ref := &cloud.Spec{Vendor: original.Vendor, Target: original.Target, Params: cloud.Params(original.Params).Clone()}
	saved, err := cloud.LoadSpec(m.St.Saved)
	if err != nil {
		t.Fatalf("saved spec: %v", err)
	}
	if f := c.RoleField(cloud.RoleClientToken); f != nil {
		cloud.Params(ref.Params).Set(f.Path, m.St.Created.Params.Str(f.Path))
		cloud.Params(saved.Params).Set(f.Path, m.St.Created.Params.Str(f.Path))
	}
	if len(c.SecretValues(saved.Params)) != 0 {
		t.Errorf("the saved spec holds the key")
	}
	for _, p := range c.Secrets() {
		for i := 0; i < 8; i++ { // every element of a list (Alibaba's two tunnels)
			ip := strings.ReplaceAll(p, "[]", fmt.Sprintf("[%d]", i))
			if v, ok := cloud.Params(original.Params).At(ip); ok {
				cloud.Params(saved.Params).Set(ip, v)
			}
		}
	}
	fromSaved, _, err := cloud.Plan(saved, true)
	if err != nil {
		t.Fatalf("plan of the saved spec: %v", err)
	}
	want, _, err := cloud.Plan(ref, true)
	if err != nil {
		t.Fatalf("plan of the example: %v", err)
	}
	if string(fromSaved.Raw) != string(want.Raw) || fromSaved.RawQuery != want.RawQuery {
		t.Errorf("the saved spec plans differently from the example:\n%s%s\n%s%s", fromSaved.Raw, fromSaved.RawQuery, want.Raw, want.RawQuery)
	}
	if err != nil {
		t.Fatalf("plan of the saved spec: %v", err)
	}
	d, _ := cloud.Lookup(saved.Vendor)
	real, _ := d.Endpoint(saved.Target)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	for _, r := range rc.reqs {
		got := cloud.RequestFrom(c.API, real, r.r, r.body)
		if !isCreate(r) {
			continue
		}
		// The test server hands over canonical header names; Plan keeps
		// them as the SDK wrote them. Names compare case-insensitively.
		got.Headers, want.Headers = lowerKeys(got.Headers), lowerKeys(want.Headers)
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(want)
		if string(gj) != string(wj) || string(got.Raw) != string(want.Raw) {
			t.Errorf("sent:\n%s\n%s\nplan of the saved spec:\n%s\n%s", gj, got.Raw, wj, want.Raw)
		}
		return
	}
	t.Fatalf("no create request reached the sandbox (%d requests)", len(rc.reqs))
}

func lowerKeys(h map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range h {
		out[strings.ToLower(k)] = v
	}
	return out
}
