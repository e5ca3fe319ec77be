package sandbox

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"tunnelwiz/cloud"
)

// TestTunnelFollowsThePeer: down after create, up once the peer side
// connects and the connection is available, down again when it
// disconnects; the control calls are JSON POSTs like the others.
func TestTunnelFollowsThePeer(t *testing.T) {
	now := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	s, hs := newToy(t, 3*time.Second, func() time.Time { return now })
	_, m := post(t, hs, "a", "10.1.0.0/24")
	id := m["id"]
	b := s.Backend()
	up := func() bool {
		c, ref := b.Connection("toy", "r1", id)
		if ref != nil {
			t.Fatal(ref)
		}
		return b.Up(c)
	}
	if up() {
		t.Error("up after create")
	}
	if status, body := send(t, hs, "POST", "/_sandbox/connect", "", "", "application/json", `{"id":"`+id+`"}`); status != http.StatusNoContent {
		t.Fatalf("connect: %d %s", status, body)
	}
	if up() {
		t.Error("up while pending")
	}
	now = now.Add(3 * time.Second)
	if !up() {
		t.Error("connected and available, but not up")
	}
	if status, body := send(t, hs, "POST", "/_sandbox/disconnect", "", "", "application/json", `{"id":"`+id+`"}`); status != http.StatusNoContent {
		t.Fatalf("disconnect: %d %s", status, body)
	}
	if up() {
		t.Error("up after the peer went away")
	}
	status, body := send(t, hs, "POST", "/_sandbox/connect", "", "", "application/json", `{"id":"tc-nosuch"}`)
	if status != http.StatusNotFound || !strings.Contains(body, "tc-nosuch") {
		t.Errorf("connect an unknown id: %d %s", status, body)
	}
	status, body = send(t, hs, "POST", "/_sandbox/connect", "", "", "application/json", `{}`)
	wantRefusal(t, "connect without an id", status, body, http.StatusBadRequest)
	status, body = send(t, hs, "POST", "/_sandbox/connect", "", "", "text/plain", `{"id":"`+id+`"}`)
	wantRefusal(t, "connect as text/plain", status, body, http.StatusUnsupportedMediaType)
}

// TestDeleteThenGone: a deleted connection is deleting for the settle
// time, refuses a second delete, and is then gone everywhere.
func TestDeleteThenGone(t *testing.T) {
	now := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	s, hs := newToy(t, 3*time.Second, func() time.Time { return now })
	_, m := post(t, hs, "a", "10.1.0.0/24")
	b := s.Backend()
	if _, ref := b.Delete("toy", "r1", "tc-nosuch"); ref == nil || ref.Reason != ReasonNoConnection {
		t.Errorf("delete unknown: %v", ref)
	}
	c, ref := b.Delete("toy", "r1", m["id"])
	if ref != nil || b.Phase(c) != cloud.PhaseDeleting {
		t.Fatalf("delete: %v %+v", ref, c)
	}
	if _, ref := b.Delete("toy", "r1", m["id"]); ref == nil || ref.Reason != ReasonInvalidState || ref.Code != cloud.CodeConflict {
		t.Errorf("second delete: %v", ref)
	}
	if n := len(b.Connections("toy", "r1", cloud.Filter{})); n != 1 {
		t.Errorf("deleting: %d listed, want 1", n)
	}
	now = now.Add(3 * time.Second)
	if _, ref := b.Connection("toy", "r1", m["id"]); ref == nil || ref.Reason != ReasonNoConnection {
		t.Errorf("gone: %v", ref)
	}
	if n := len(b.Connections("toy", "r1", cloud.Filter{})); n != 0 {
		t.Errorf("gone: %d listed", n)
	}
	// Its name and subnets are free again.
	if code, _ := post(t, hs, "a", "10.1.0.0/24"); code != 200 {
		t.Errorf("the same connection again after the delete: %d", code)
	}
	if err := (Fault{Kind: Throttle, Op: OpDelete}).Validate(); err != nil {
		t.Errorf("a fault aimed at deletes: %v", err)
	}
}
