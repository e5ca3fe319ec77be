package drivertest

import (
	"context"
	"sync"
	"testing"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// clock is a sandbox clock the test moves by hand, so that pending and
// deleting phases are seen without waiting for them.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// lifecycle follows a connection through the sandbox from create to gone:
// the tunnel is not up after create, comes up when the peer side
// connects (and the connection is available), goes down when it
// disconnects; the driver's Delete is accepted, the connection reads
// deleting, a second delete is refused, and then it is gone (not found,
// not listed, not deletable). A lost delete answer still deletes it once;
// throttled deletes are sent again.
func lifecycle(t *testing.T, d cloud.Driver, s *cloud.Spec) {
	const settle = time.Minute
	clk := &clock{t: time.Now()} // signatures are checked against it: it starts now
	srv, base := StartSandbox(t, sandbox.Options{Settle: settle, Now: clk.now}, nil)
	at := cloud.Base{URL: base, Cred: sandbox.Keys, Target: s.Target}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	p, issues := d.Catalog().Check(Clone(s))
	if issues.Errors() > 0 {
		t.Fatalf("spec does not validate: %v", issues)
	}
	res, err := (&cloud.Submission{Driver: d, At: at, Params: p, Sleep: noSleep}).Run(ctx)
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	id := res.ID
	read := func(want cloud.Phase) *cloud.Connection {
		t.Helper()
		c, err := cloud.ReadConnection(ctx, d, at, id)
		if err != nil {
			t.Fatalf("read %s: %v", id, err)
		}
		if c.Phase != want {
			t.Fatalf("read %s: phase %s (state %q), want %s", id, c.Phase, c.State, want)
		}
		return c
	}

	c := read(cloud.PhasePending)
	if c.Tunnel == cloud.TunnelUp {
		t.Errorf("a new connection's tunnel is up: %+v", c.Status())
	}
	// The peer connects before the connection is ready: not up yet.
	if err := srv.Connect(id, true); err != nil {
		t.Fatal(err)
	}
	if c := read(cloud.PhasePending); c.Tunnel == cloud.TunnelUp {
		t.Errorf("a pending connection's tunnel is up: %+v", c.Status())
	}
	clk.advance(settle)
	c = read(cloud.PhaseAvailable)
	if c.Tunnel != cloud.TunnelUp || c.TunnelState == "" {
		t.Errorf("connected and available, the tunnel is %+v, want up with the vendor's word", c.Status())
	}
	list, err := cloud.ListConnections(ctx, d, at, cloud.Filter{})
	if err != nil || len(list) != 1 || list[0].ID != id || list[0].Tunnel != cloud.TunnelUp {
		t.Errorf("listing: %+v %v, want %s with its tunnel up", list, err, id)
	}
	if err := srv.Connect(id, false); err != nil {
		t.Fatal(err)
	}
	if c := read(cloud.PhaseAvailable); c.Tunnel != cloud.TunnelDown || c.TunnelState == "" {
		t.Errorf("disconnected, the tunnel is %+v, want down with the vendor's word", c.Status())
	}

	// Delete: accepted, deleting, a second delete refused (busy), the
	// core's Deletion taking "already deleting" as done.
	if err := d.Delete(ctx, base, sandbox.Keys, s.Target, id); err != nil {
		t.Fatalf("delete: %v", err)
	}
	read(cloud.PhaseDeleting)
	err = d.Delete(ctx, base, sandbox.Keys, s.Target, id)
	if code := cloud.CodeOf(err); code != cloud.CodeConflict && code != cloud.CodeThrottled {
		t.Errorf("a second delete while deleting: want a conflict (or busy), got %v", err)
	}
	if err := (&cloud.Deletion{Driver: d, At: at, ID: id, Sleep: noSleep}).Run(ctx); err != nil {
		t.Errorf("deleting a connection being deleted: %v", err)
	}
	clk.advance(settle)
	if _, err := cloud.ReadConnection(ctx, d, at, id); cloud.CodeOf(err) != cloud.CodeNotFound {
		t.Errorf("deleted: reading it should be not-found, got %v", err)
	}
	if err := cloud.WaitGone(ctx, d, at, id, time.Millisecond, nil); err != nil {
		t.Errorf("wait gone: %v", err)
	}
	if list, err := cloud.ListConnections(ctx, d, at, cloud.Filter{}); err != nil || len(list) != 0 {
		t.Errorf("deleted: still listed %+v %v", list, err)
	}
	if err := d.Delete(ctx, base, sandbox.Keys, s.Target, id); cloud.CodeOf(err) != cloud.CodeNotFound {
		t.Errorf("deleting what is gone: want not-found, got %v", err)
	}
	if n := len(srv.Backend().Connections(d.Catalog().API, s.Region(), cloud.Filter{})); n != 0 {
		t.Errorf("the sandbox still holds %d connections", n)
	}

	// A delete whose answer is dropped (after the sandbox acted on it) is
	// found deleting, not sent again into a refusal.
	res, err = (&cloud.Submission{Driver: d, At: at, Params: p, Sleep: noSleep}).Run(ctx)
	if err != nil {
		t.Fatalf("create again: %v", err)
	}
	srv.Inject(sandbox.Fault{Kind: sandbox.Drop, Vendor: d.Catalog().API, Op: sandbox.OpDelete})
	if err := (&cloud.Deletion{Driver: d, At: at, ID: res.ID, Sleep: noSleep}).Run(ctx); err != nil {
		t.Errorf("delete through a dropped answer: %v", err)
	}
	if c, err := cloud.ReadConnection(ctx, d, at, res.ID); err != nil || c.Phase != cloud.PhaseDeleting {
		t.Errorf("after a dropped delete answer: %+v %v, want deleting", c, err)
	}

	// Throttled deletes are sent again, and the throttling answer is the
	// vendor's, mapped to throttled.
	clk.advance(settle)
	res, err = (&cloud.Submission{Driver: d, At: at, Params: p, Sleep: noSleep}).Run(ctx)
	if err != nil {
		t.Fatalf("create a third time: %v", err)
	}
	srv.Inject(sandbox.Fault{Kind: sandbox.Throttle, Vendor: d.Catalog().API, Op: sandbox.OpDelete})
	if err := d.Delete(ctx, base, sandbox.Keys, s.Target, res.ID); cloud.CodeOf(err) != cloud.CodeThrottled {
		t.Errorf("a throttled delete: want code throttled, got %v", err)
	}
	srv.Inject(sandbox.Fault{Kind: sandbox.Throttle, Vendor: d.Catalog().API, Op: sandbox.OpDelete, Count: 2})
	if err := (&cloud.Deletion{Driver: d, At: at, ID: res.ID, Sleep: noSleep}).Run(ctx); err != nil {
		t.Errorf("delete through throttling: %v", err)
	}
	if c, err := cloud.ReadConnection(ctx, d, at, res.ID); err != nil || c.Phase != cloud.PhaseDeleting {
		t.Errorf("after a throttled delete: %+v %v, want deleting", c, err)
	}
}
