package cloud

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sync"
	"time"
)

// A connection's life after its create: list, read, watch and delete,
// every call paced by the vendor's rate limit like the create's.

// idChars are the characters of every vendor's connection ids (vpnx-...,
// vco-..., Huawei's UUIDs, API 2.0's legacy numbers). An id becomes a
// URL path segment (Huawei) or a parameter value, so anything else is
// refused before it is sent: it could only be a mistake, or a path.
// Compiled on first use: the bounded repetition makes it 136 KB, paid at
// every start of the program otherwise.
var idChars = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$`)
})

// CheckID refuses what cannot be a connection id.
func CheckID(id string) error {
	if !idChars().MatchString(id) {
		return fmt.Errorf("%q is not a connection id: ids are letters, digits, '.', '_' and '-' (such as vpnx-f49l6u0z, vco-bp1bbi27hojx80nck9k1i or a UUID)", id)
	}
	return nil
}

// ListConnections lists the connections at a destination that pass f.
func ListConnections(ctx context.Context, d Driver, at Base, f Filter) ([]Connection, error) {
	if err := limit(ctx, d.Catalog()); err != nil {
		return nil, err
	}
	conns, err := d.Connections(ctx, at.URL, at.Cred, at.Target, f)
	for i := range conns {
		conns[i].inUTC()
	}
	return conns, err
}

// ReadConnection reads one connection; one that does not exist is an
// error with CodeNotFound.
func ReadConnection(ctx context.Context, d Driver, at Base, id string) (*Connection, error) {
	if err := CheckID(id); err != nil {
		return nil, err
	}
	if err := limit(ctx, d.Catalog()); err != nil {
		return nil, err
	}
	c, err := d.Connection(ctx, at.URL, at.Cred, at.Target, id)
	if c != nil {
		c.inUTC()
	}
	return c, err
}

// Deletion is one delete, sent so that a lost answer or a busy vendor
// does not leave the user guessing: a try whose answer was lost, or that
// was refused as throttled or as clashing with the connection's state,
// is followed by a look at the connection; one that is gone or deleting
// is deleted (by this try or another), otherwise the delete is sent again
// after a pause, at most Tries times.
type Deletion struct {
	Driver Driver
	At     Base
	ID     string
	// Tries bounds the attempts; 0 means 5.
	Tries int
	// Sleep waits between tries; tests replace it so they never sleep.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Run sends the delete. It returns nil once the vendor has accepted it
// (the connection may still read as deleting: see WaitGone).
func (x *Deletion) Run(ctx context.Context) error {
	tries := x.Tries
	if tries <= 0 {
		tries = 5
	}
	sleep := x.Sleep
	if sleep == nil {
		sleep = sleepCtx
	}
	if err := CheckID(x.ID); err != nil {
		return err
	}
	c := x.Driver.Catalog()
	var last error
	for attempt := 1; attempt <= tries; attempt++ {
		if err := limit(ctx, c); err != nil {
			return err
		}
		err := x.Driver.Delete(ctx, x.At.URL, x.At.Cred, x.At.Target, x.ID)
		if err == nil {
			return nil
		}
		last = err
		code := CodeOf(err)
		if code == CodeNotFound && attempt > 1 {
			return nil // an earlier try, whose answer was lost, deleted it
		}
		if ctx.Err() != nil || !(Lost(err) || code == CodeThrottled || code == CodeConflict) {
			return err
		}
		// Look before sending again: the connection may be going already.
		conn, rerr := ReadConnection(ctx, x.Driver, x.At, x.ID)
		switch {
		case CodeOf(rerr) == CodeNotFound:
			return nil
		case rerr == nil && conn.Phase == PhaseDeleting:
			return nil
		}
		if attempt < tries {
			if err := sleep(ctx, backoff(attempt)); err != nil {
				return err
			}
		}
	}
	return fmt.Errorf("gave up after %d tries: %w", tries, last)
}

// WaitGone polls a connection whose delete was accepted until the vendor
// no longer finds it, reporting each reading to progress. A slow or busy
// API is polled again; any other error ends the wait.
func WaitGone(ctx context.Context, d Driver, at Base, id string, every time.Duration, progress func(*Connection)) error {
	for {
		c, err := ReadConnection(ctx, d, at, id)
		switch {
		case CodeOf(err) == CodeNotFound:
			return nil
		case err == nil:
			if progress != nil {
				progress(c)
			}
		case ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded):
			return err
		case CodeOf(err) == CodeThrottled || Lost(err):
		default:
			return fmt.Errorf("reading connection %s: %w", id, err)
		}
		if err := sleepCtx(ctx, every); err != nil {
			return err
		}
	}
}

// ErrGone is what Watch returns when the connection disappears.
var ErrGone = errors.New("the connection no longer exists")

// Watch reads a connection every so often until what it reports (its
// Status) differs from the first reading, and returns the first and the
// last reading. Each reading goes to progress. When ctx ends first, last
// is the latest reading and err is ctx's error; a connection that
// disappears ends the watch with ErrGone (wrapping the vendor's
// not-found).
func Watch(ctx context.Context, d Driver, at Base, id string, every time.Duration, progress func(*Connection)) (first, last *Connection, err error) {
	for {
		c, err := ReadConnection(ctx, d, at, id)
		switch {
		case err == nil:
			if progress != nil {
				progress(c)
			}
			if first == nil {
				first = c
			}
			last = c
			if c.Status() != first.Status() {
				return first, last, nil
			}
		case ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded):
			return first, last, err
		case CodeOf(err) == CodeNotFound && first != nil:
			return first, last, fmt.Errorf("%w: %w", ErrGone, err)
		case CodeOf(err) == CodeThrottled || Lost(err) && first != nil:
			// keep watching: a slow or busy API is no change
		default:
			return first, last, err
		}
		if err := sleepCtx(ctx, every); err != nil {
			return first, last, err
		}
	}
}
