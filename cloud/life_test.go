package cloud

import (
	"context"
	"errors"
	"io"
	"net/url"
	"strings"
	"testing"
	"time"
)

// lifeDriver answers Delete and Connection from scripts: each call takes
// the next answer, the last one repeating.
type lifeDriver struct {
	fakeDriver
	deletes []error
	reads   []lifeRead
	nDelete int
	nRead   int
}

type lifeRead struct {
	c   *Connection
	err error
}

func (d *lifeDriver) Catalog() *Catalog { return lifeCatalog }

func (d *lifeDriver) Delete(context.Context, *url.URL, Credentials, map[string]string, string) error {
	i := min(d.nDelete, len(d.deletes)-1)
	d.nDelete++
	return d.deletes[i]
}

func (d *lifeDriver) Connection(context.Context, *url.URL, Credentials, map[string]string, string) (*Connection, error) {
	i := min(d.nRead, len(d.reads)-1)
	d.nRead++
	return d.reads[i].c, d.reads[i].err
}

var lifeCatalog = &Catalog{API: "life-test", RateLimit: 1e6}

var (
	notFound = &APIError{Code: CodeNotFound, Message: "no such connection"}
	busy     = &APIError{Code: CodeConflict, Message: "the connection is busy"}
	refused  = &APIError{Code: CodeInvalid, Message: "bad id"}
)

func conn(phase Phase, state string, tunnel Tunnel, word string) lifeRead {
	return lifeRead{c: &Connection{ID: "c1", Phase: phase, State: state, Tunnel: tunnel, TunnelState: word}}
}

func runDeletion(d *lifeDriver) error {
	x := &Deletion{Driver: d, ID: "c1", Sleep: func(context.Context, time.Duration) error { return nil }}
	return x.Run(context.Background())
}

func TestDeletion(t *testing.T) {
	available := conn(PhaseAvailable, "AVAILABLE", TunnelDown, "UNAVAILABLE")
	deleting := conn(PhaseDeleting, "DELETING", TunnelDown, "UNAVAILABLE")
	for _, tc := range []struct {
		name           string
		d              *lifeDriver
		ok             bool
		deletes, reads int
		wantCode       Code
	}{
		{"accepted", &lifeDriver{deletes: []error{nil}}, true, 1, 0, ""},
		{"not found at once is an error", &lifeDriver{deletes: []error{notFound}}, false, 1, 0, CodeNotFound},
		{"refused is an error, not retried", &lifeDriver{deletes: []error{refused}}, false, 1, 0, CodeInvalid},
		{"lost, then the connection reads deleting", &lifeDriver{deletes: []error{io.ErrUnexpectedEOF}, reads: []lifeRead{deleting}}, true, 1, 1, ""},
		{"lost, then gone", &lifeDriver{deletes: []error{io.ErrUnexpectedEOF}, reads: []lifeRead{{err: notFound}}}, true, 1, 1, ""},
		{"lost, still there: sent again", &lifeDriver{deletes: []error{io.ErrUnexpectedEOF, nil}, reads: []lifeRead{available}}, true, 2, 1, ""},
		{"lost, then not found on the second try", &lifeDriver{deletes: []error{io.ErrUnexpectedEOF, notFound}, reads: []lifeRead{available}}, true, 2, 1, ""},
		{"busy because someone deletes it", &lifeDriver{deletes: []error{busy}, reads: []lifeRead{deleting}}, true, 1, 1, ""},
		{"busy every time", &lifeDriver{deletes: []error{busy}, reads: []lifeRead{available}}, false, 5, 5, CodeConflict},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := runDeletion(tc.d)
			if (err == nil) != tc.ok || tc.d.nDelete != tc.deletes || tc.d.nRead != tc.reads {
				t.Errorf("err %v, %d deletes, %d reads; want ok %v, %d deletes, %d reads", err, tc.d.nDelete, tc.d.nRead, tc.ok, tc.deletes, tc.reads)
			}
			if err != nil && CodeOf(err) != tc.wantCode {
				t.Errorf("code %s, want %s", CodeOf(err), tc.wantCode)
			}
		})
	}
}

func TestWaitGone(t *testing.T) {
	deleting := conn(PhaseDeleting, "DELETING", TunnelDown, "UNAVAILABLE")
	d := &lifeDriver{reads: []lifeRead{deleting, {err: io.ErrUnexpectedEOF}, deleting, {err: notFound}}}
	var seen int
	if err := WaitGone(context.Background(), d, Base{}, "c1", time.Microsecond, func(*Connection) { seen++ }); err != nil || seen != 2 {
		t.Errorf("err %v, %d readings", err, seen)
	}
	d = &lifeDriver{reads: []lifeRead{{err: refused}}}
	if err := WaitGone(context.Background(), d, Base{}, "c1", time.Microsecond, nil); CodeOf(err) != CodeInvalid {
		t.Errorf("a refusal ends the wait: %v", err)
	}
}

func TestWatch(t *testing.T) {
	down := conn(PhaseAvailable, "AVAILABLE", TunnelDown, "UNAVAILABLE")
	up := conn(PhaseAvailable, "AVAILABLE", TunnelUp, "AVAILABLE")
	d := &lifeDriver{reads: []lifeRead{down, down, {err: &APIError{Code: CodeThrottled}}, down, up}}
	var seen int
	first, last, err := Watch(context.Background(), d, Base{}, "c1", time.Microsecond, func(*Connection) { seen++ })
	if err != nil || first.Tunnel != TunnelDown || last.Tunnel != TunnelUp || seen != 4 {
		t.Errorf("first %+v last %+v err %v, %d readings", first, last, err, seen)
	}

	// The vendor's own word changing is a change too.
	d = &lifeDriver{reads: []lifeRead{conn(PhaseAvailable, "active", TunnelDown, "ike_sa_not_established"), conn(PhaseAvailable, "active", TunnelDown, "ipsec_sa_not_established")}}
	if _, last, err := Watch(context.Background(), d, Base{}, "c1", time.Microsecond, nil); err != nil || last.TunnelState != "ipsec_sa_not_established" {
		t.Errorf("last %+v err %v", last, err)
	}

	// No change before the time runs out: the last reading and ctx's error.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	d = &lifeDriver{reads: []lifeRead{down}}
	first, last, err = Watch(ctx, d, Base{}, "c1", time.Millisecond, nil)
	if !errors.Is(err, context.DeadlineExceeded) || first == nil || last == nil || last.Tunnel != TunnelDown {
		t.Errorf("first %+v last %+v err %v", first, last, err)
	}

	// Gone while watched.
	d = &lifeDriver{reads: []lifeRead{down, {err: notFound}}}
	if _, _, err := Watch(context.Background(), d, Base{}, "c1", time.Microsecond, nil); !errors.Is(err, ErrGone) || CodeOf(err) != CodeNotFound {
		t.Errorf("gone: %v", err)
	}
	// Not there at all: the vendor's error as it is.
	d = &lifeDriver{reads: []lifeRead{{err: notFound}}}
	if _, _, err := Watch(context.Background(), d, Base{}, "c1", time.Microsecond, nil); errors.Is(err, ErrGone) || CodeOf(err) != CodeNotFound {
		t.Errorf("never there: %v", err)
	}
}

func TestStatusUnsetTunnelIsUnknown(t *testing.T) {
	c := &Connection{Phase: PhaseAvailable, State: "DOWN"}
	if c.Status().Tunnel != TunnelUnknown {
		t.Errorf("%+v", c.Status())
	}
}

func TestCheckID(t *testing.T) {
	for _, id := range []string{"vpnx-f49l6u0z", "vco-bp1bbi27hojx80nck9k1i", "b39bd30a-484a-4437-ba2a-38f586c6749b", "399", "a_b.c"} {
		if err := CheckID(id); err != nil {
			t.Errorf("%s: %v", id, err)
		}
	}
	for _, id := range []string{"", "../v5/x", "a/b", "vpnx-1?x=1", "-x", "a b", "vpnx\x1b", strings.Repeat("a", 129)} {
		if CheckID(id) == nil {
			t.Errorf("%q accepted", id)
		}
	}
	d := &lifeDriver{reads: []lifeRead{conn(PhaseAvailable, "AVAILABLE", TunnelUp, "AVAILABLE")}, deletes: []error{nil}}
	if _, err := ReadConnection(context.Background(), d, Base{}, "../x"); err == nil || d.nRead != 0 {
		t.Errorf("a path for an id was read: %v", err)
	}
	if err := (&Deletion{Driver: d, ID: "a/b"}).Run(context.Background()); err == nil || d.nDelete != 0 {
		t.Errorf("a path for an id was deleted: %v", err)
	}
}
