package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"

	"tunnelwiz/cloud"
)

// toy speaks a minimal protocol: POST /toy/create {"name","gw","remote"};
// GET /toy/get?id=. It is enough to exercise the vendor-neutral server.
type toy struct{}

func (toy) Vendor() string             { return "toy" }
func (toy) Match(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/toy/") }
func (toy) Op(r *http.Request, _ []byte) Op {
	if strings.HasSuffix(r.URL.Path, "/create") {
		return OpCreate
	}
	return OpConnection
}
func (toy) Fail(w http.ResponseWriter, _ *http.Request, ref *Refusal) {
	status := map[cloud.Code]int{cloud.CodeThrottled: 429, cloud.CodeUnavailable: 500, cloud.CodeNotFound: 404, cloud.CodeConflict: 409, cloud.CodeQuota: 403}[ref.Code]
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"reason": string(ref.Reason)})
}
func (t toy) Serve(w http.ResponseWriter, r *http.Request, body []byte, b *Backend) {
	if r.Header.Get("Key") != b.Keys().ID {
		t.Fail(w, r, &Refusal{cloud.CodeAuth, ReasonAuth, "bad key"})
		return
	}
	if strings.HasSuffix(r.URL.Path, "/get") {
		c, ref := b.Connection("toy", "r1", r.URL.Query().Get("id"))
		if ref != nil {
			t.Fail(w, r, ref)
			return
		}
		json.NewEncoder(w).Encode(map[string]string{"id": c.ID, "phase": string(b.Phase(c))})
		return
	}
	var in struct{ Name, Gw, Remote string }
	json.Unmarshal(body, &in)
	c, ref := b.Create("toy", "r1", NewConn{ID: b.NewID("tc-", 8), Name: in.Name, VPNGatewayID: in.Gw,
		CustomerGatewayID: "cgw-1", Remote: []netip.Prefix{netip.MustParsePrefix(in.Remote)}})
	if ref != nil {
		t.Fail(w, r, ref)
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"id": c.ID})
}

func init() { Register(toy{}) }

var toyFixtures = Fixtures{"toy": {"r1": &Region{
	VPNGateways:      []Gateway{{Resource: cloud.Resource{ID: "gw-1"}, MaxConnections: 2}},
	CustomerGateways: []cloud.Resource{{ID: "cgw-1"}},
}}}

func newToy(t *testing.T, settle time.Duration, now func() time.Time) (*Server, *httptest.Server) {
	s, err := New(Options{Fixtures: toyFixtures, Seed: 7, Settle: settle, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s)
	t.Cleanup(hs.Close)
	return s, hs
}

func post(t *testing.T, hs *httptest.Server, name, remote string) (int, map[string]string) {
	t.Helper()
	req, _ := http.NewRequest("POST", hs.URL+"/toy/create", strings.NewReader(`{"name":"`+name+`","gw":"gw-1","remote":"`+remote+`"}`))
	req.Header.Set("Key", Keys.ID)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return -1, nil
	}
	defer resp.Body.Close()
	if resp.Header.Get(Header) != "true" {
		t.Errorf("answer not labelled as the sandbox")
	}
	var m map[string]string
	json.NewDecoder(resp.Body).Decode(&m)
	return resp.StatusCode, m
}

func TestBackendRules(t *testing.T) {
	_, hs := newToy(t, 0, nil)
	if code, m := post(t, hs, "a", "10.1.0.0/24"); code != 200 || !strings.HasPrefix(m["id"], "tc-") {
		t.Fatalf("create: %d %v", code, m)
	}
	if code, m := post(t, hs, "a", "10.2.0.0/24"); code != 409 || m["reason"] != string(ReasonDuplicateName) {
		t.Errorf("duplicate name: %d %v", code, m)
	}
	if code, m := post(t, hs, "b", "10.1.0.128/25"); code != 409 || m["reason"] != string(ReasonCIDRConflict) {
		t.Errorf("cidr conflict: %d %v", code, m)
	}
	if code, _ := post(t, hs, "b", "10.2.0.0/24"); code != 200 {
		t.Errorf("second connection: %d", code)
	}
	if code, m := post(t, hs, "c", "10.3.0.0/24"); code != 403 || m["reason"] != string(ReasonQuota) {
		t.Errorf("quota of 2: %d %v", code, m)
	}
}

func TestPendingThenAvailable(t *testing.T) {
	now := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	s, hs := newToy(t, 3*time.Second, func() time.Time { return now })
	_, m := post(t, hs, "a", "10.1.0.0/24")
	c, ref := s.Backend().Connection("toy", "r1", m["id"])
	if ref != nil || s.Backend().Phase(c) != cloud.PhasePending {
		t.Fatalf("new connection: %v %v", ref, c)
	}
	now = now.Add(3 * time.Second)
	if s.Backend().Phase(c) != cloud.PhaseAvailable {
		t.Errorf("not available after the settle time")
	}
}

func TestFaults(t *testing.T) {
	s, hs := newToy(t, 0, nil)
	s.Inject(Fault{Kind: Throttle, Op: OpCreate, Count: 2})
	for i := 0; i < 2; i++ {
		if code, _ := post(t, hs, "a", "10.1.0.0/24"); code != 429 {
			t.Errorf("throttle %d: %d", i, code)
		}
	}
	if n := len(s.Backend().Connections("toy", "r1", cloud.Filter{})); n != 0 {
		t.Errorf("throttled requests created %d", n)
	}
	s.Inject(Fault{Kind: ErrorAfterCommit, Op: OpCreate})
	if code, _ := post(t, hs, "a", "10.1.0.0/24"); code != 500 {
		t.Errorf("error after commit: %d", code)
	}
	if n := len(s.Backend().Connections("toy", "r1", cloud.Filter{})); n != 1 {
		t.Errorf("error-after-commit made %d connections, want 1", n)
	}
	s.Inject(Fault{Kind: Drop, Vendor: "toy"})
	if code, _ := post(t, hs, "b", "10.2.0.0/24"); code != -1 {
		t.Errorf("drop: got an answer %d", code)
	}
	if n := len(s.Backend().Connections("toy", "r1", cloud.Filter{})); n != 2 {
		t.Errorf("the dropped create was not committed: %d", n)
	}
	// Faults aimed elsewhere do not hit.
	s.Inject(Fault{Kind: Throttle, Vendor: "other"})
	if code, _ := post(t, hs, "c", "10.3.0.0/24"); code == 429 {
		t.Errorf("a fault for another vendor hit")
	}
	if err := s.Inject(Fault{Kind: "explode"}); err == nil {
		t.Errorf("unknown fault kind accepted")
	}
}

func TestControlEndpoints(t *testing.T) {
	_, hs := newToy(t, 0, nil)
	resp, err := http.Get(hs.URL + "/_sandbox/info")
	if err != nil {
		t.Fatal(err)
	}
	var info Info
	json.NewDecoder(resp.Body).Decode(&info)
	resp.Body.Close()
	if !info.Sandbox || info.Keys.ID != Keys.ID || len(info.Regions["toy"]) != 1 {
		t.Errorf("info: %+v", info)
	}
	r, _ := http.Post(hs.URL+"/_sandbox/faults", "application/json", strings.NewReader(`{"kind":"throttle","op":"create"}`))
	if r.StatusCode != 204 {
		t.Errorf("inject fault over HTTP: %d", r.StatusCode)
	}
	if code, _ := post(t, hs, "a", "10.1.0.0/24"); code != 429 {
		t.Errorf("fault injected over HTTP did not hit: %d", code)
	}
	post(t, hs, "a", "10.1.0.0/24")
	r, _ = http.Get(hs.URL + "/_sandbox/connections")
	b, _ := io.ReadAll(r.Body)
	if !strings.Contains(string(b), `"toy/r1"`) {
		t.Errorf("connections: %s", b)
	}
	http.Post(hs.URL+"/_sandbox/reset", "application/json", nil) // JSON only: see guard.go
	r, _ = http.Get(hs.URL + "/_sandbox/connections")
	b, _ = io.ReadAll(r.Body)
	if strings.TrimSpace(string(b)) != "{}" {
		t.Errorf("after reset: %s", b)
	}
	r, _ = http.Get(hs.URL + "/nothing/here")
	if r.StatusCode != 404 {
		t.Errorf("unknown path: %d", r.StatusCode)
	}
}

func TestSeededIDsRepeat(t *testing.T) {
	a, _ := New(Options{Fixtures: toyFixtures, Seed: 42})
	b, _ := New(Options{Fixtures: toyFixtures, Seed: 42})
	if a.Backend().NewID("x-", 8) != b.Backend().NewID("x-", 8) || a.Backend().NewUUID() != b.Backend().NewUUID() {
		t.Errorf("same seed, different ids")
	}
	if u := a.Backend().NewUUID(); len(u) != 36 || u[14] != '4' {
		t.Errorf("uuid %q", u)
	}
}
