package cloud

import (
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"
)

// Submission is one create, sent so that it never makes two connections:
// a vendor idempotency token is filled once and kept across tries (Alibaba
// ClientToken); elsewhere a lost answer is followed by a look-up for a
// connection that appeared since the first try before anything is resent.
// Throttling answers are retried after a growing pause.
type Submission struct {
	Driver Driver
	At     Base
	// Params are validated and normalized (Catalog.Check); Run copies them.
	Params Params
	// Tries bounds the attempts; 0 means 5.
	Tries int
	// Progress hears about each step, for a progress line.
	Progress func(Event)
	// Sleep waits between tries; tests replace it so they never sleep.
	Sleep func(ctx context.Context, d time.Duration) error
	// Before holds the ids of the connections that existed before this
	// create was first tried. Run fills it when nil; a caller that may run
	// the same create again (the wizard, after a failure) keeps it, so a
	// connection made by an earlier run is found, never made twice.
	Before map[string]bool
}

// Event is one step of a submission.
type Event struct {
	Attempt int
	Kind    EventKind
	Err     error
	Wait    time.Duration
}

// EventKind names a step.
type EventKind string

const (
	EventSending   EventKind = "sending"
	EventThrottled EventKind = "throttled" // the vendor asked to slow down
	EventLost      EventKind = "lost"      // no answer: looking the connection up
	EventRecovered EventKind = "recovered" // the lost create had happened: found it
)

// Result is what Run made.
type Result struct {
	Created
	// Recovered is true when the create's answer was lost and the
	// connection was found by looking it up.
	Recovered bool
	// Attempts counts the create requests sent.
	Attempts int
	// Params are the parameters sent (with any idempotency token filled).
	Params Params
}

// ErrAmbiguous means a lost create left several new connections that fit:
// tunnelwiz will not guess, nor send again.
var ErrAmbiguous = errors.New("the create's answer was lost and several new connections match it; not retrying")

// Run sends the create with retries.
func (s *Submission) Run(ctx context.Context) (*Result, error) {
	c := s.Driver.Catalog()
	p := s.Params.Clone()
	tries := s.Tries
	if tries <= 0 {
		tries = 5
	}
	sleep := s.Sleep
	if sleep == nil {
		sleep = sleepCtx
	}
	emit := func(e Event) {
		if s.Progress != nil {
			s.Progress(e)
		}
	}
	token := false
	if f := c.RoleField(RoleClientToken); f != nil {
		if !p.Has(f.Path) {
			p.Set(f.Path, NewToken())
		}
		token = true
	}
	filter := s.identity(c, p)
	if s.Before == nil {
		// What exists already, so that a connection found after a lost
		// answer is known to be ours: with a token too, since a create
		// whose answers stay lost is looked up before giving up. A failed
		// listing only narrows the recovery to the name.
		if err := limit(ctx, c); err != nil {
			return nil, err
		}
		if conns, err := s.Driver.Connections(ctx, s.At.URL, s.At.Cred, s.At.Target, filter); err == nil {
			s.Before = map[string]bool{}
			for _, cn := range conns {
				s.Before[cn.ID] = true
			}
		}
	}
	before := s.Before
	var last error
	lostBefore := false
	for attempt := 1; attempt <= tries; attempt++ {
		if lostBefore && !token {
			// Look again just before sending again: a cloud may commit a
			// create some time after the answer was lost.
			found, ferr := s.recover(ctx, c, filter, before)
			if ferr != nil {
				return nil, ferr
			}
			if found != nil {
				emit(Event{Attempt: attempt - 1, Kind: EventRecovered})
				return &Result{Created: Created{ID: found.ID, State: found.State}, Recovered: true, Attempts: attempt - 1, Params: p}, nil
			}
		}
		if err := limit(ctx, c); err != nil {
			return nil, err
		}
		emit(Event{Attempt: attempt, Kind: EventSending})
		created, err := s.Driver.Create(ctx, s.At.URL, s.At.Cred, s.At.Target, p)
		if err == nil {
			return &Result{Created: *created, Attempts: attempt, Params: p}, nil
		}
		last = err
		var noID *CreatedNoIDError
		if errors.As(err, &noID) {
			// Made, but nameless: never sent again, only looked for.
			return s.lastLook(ctx, c, filter, before, p, attempt, err)
		}
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			// The time given ran out with a create in flight: it may
			// have been made. One last look, on time of its own.
			return s.lastLook(ctx, c, filter, before, p, attempt, err)
		}
		wait := backoff(attempt)
		if attempt == tries {
			wait = 0 // no "trying again" after the last try
		}
		switch {
		case CodeOf(err) == CodeThrottled:
			emit(Event{Attempt: attempt, Kind: EventThrottled, Err: err, Wait: wait})
		case Lost(err) && ctx.Err() == nil:
			lostBefore = true
			emit(Event{Attempt: attempt, Kind: EventLost, Err: err, Wait: wait})
			if !token {
				found, ferr := s.recover(ctx, c, filter, before)
				if ferr != nil {
					return nil, ferr
				}
				if found != nil {
					emit(Event{Attempt: attempt, Kind: EventRecovered})
					return &Result{Created: Created{ID: found.ID, State: found.State}, Recovered: true, Attempts: attempt, Params: p}, nil
				}
			}
		default:
			return nil, err
		}
		if attempt < tries {
			if err := sleep(ctx, wait); err != nil {
				if lostBefore && errors.Is(err, context.DeadlineExceeded) {
					return s.lastLook(ctx, c, filter, before, p, attempt, last)
				}
				return nil, err
			}
		}
	}
	if lostBefore {
		// An answer was lost on the way: the create may have happened
		// even though no try was answered (a token keeps the tries to
		// one connection, but says nothing of whether there is one).
		return s.lastLook(ctx, c, filter, before, p, tries, fmt.Errorf("gave up after %d tries: %w", tries, last))
	}
	return nil, fmt.Errorf("gave up after %d tries: %w", tries, last)
}

// lookTime bounds the last look-up made after the time given ran out.
const lookTime = 20 * time.Second

// lastLook is the look-up made before giving up on a create whose outcome
// is unknown: it returns the connection if one fits, else MayExistError,
// which says how to look for it by hand.
func (s *Submission) lastLook(ctx context.Context, c *Catalog, f Filter, before map[string]bool, p Params, attempts int, cause error) (*Result, error) {
	if ctx.Err() != nil {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(context.WithoutCancel(ctx), lookTime)
		defer cancel()
	}
	found, err := s.recover(ctx, c, f, before)
	if found != nil {
		if s.Progress != nil {
			s.Progress(Event{Attempt: attempts, Kind: EventRecovered})
		}
		return &Result{Created: Created{ID: found.ID, State: found.State}, Recovered: true, Attempts: attempts, Params: p}, nil
	}
	if errors.Is(err, ErrAmbiguous) {
		return nil, err
	}
	return nil, &MayExistError{Filter: f, Err: cause, LookErr: err}
}

// identity is the filter that finds this connection among others.
func (s *Submission) identity(c *Catalog, p Params) Filter {
	var f Filter
	if fl := c.RoleField(RoleVPNGateway); fl != nil {
		f.VPNGatewayID = p.Str(fl.Path)
	}
	if fl := c.RoleField(RoleCustomerGateway); fl != nil {
		f.CustomerGatewayID = p.Str(fl.Path)
	}
	if fl := c.RoleField(RoleName); fl != nil {
		f.Name = p.Str(fl.Path)
	}
	return f
}

// recover looks for the connection a lost create may have made. The
// look-up itself is retried a few times: the network that lost the answer
// may still be unwell.
func (s *Submission) recover(ctx context.Context, c *Catalog, f Filter, before map[string]bool) (*Connection, error) {
	var err error
	for i := 0; i < 3; i++ {
		if err = limit(ctx, c); err != nil {
			return nil, err
		}
		var conns []Connection
		conns, err = s.Driver.Connections(ctx, s.At.URL, s.At.Cred, s.At.Target, f)
		if err == nil {
			var fresh []Connection
			for _, cn := range conns {
				if f.Matches(cn) && !before[cn.ID] {
					fresh = append(fresh, cn)
				}
			}
			switch len(fresh) {
			case 0:
				return nil, nil
			case 1:
				return &fresh[0], nil
			}
			return nil, ErrAmbiguous
		}
		if e := sleepCtx(ctx, backoff(i+1)); e != nil {
			return nil, e
		}
	}
	return nil, fmt.Errorf("the create's answer was lost and looking the connection up failed, so it is not sent again: %w", err)
}

// backoff is the pause before try n+1: exponential from half a second,
// capped at 8 s, with jitter so that many clients do not retry in step.
func backoff(n int) time.Duration {
	d := 500 * time.Millisecond << min(n-1, 4)
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// NewToken makes an idempotency token: 32 hex characters, within every
// vendor's ASCII, 64-character limit. The wizard takes one per session, so
// that a submit again after a failure is the same create.
func NewToken() string {
	b := make([]byte, 16)
	if _, err := cryptoRead(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

var cryptoRead = crand.Read
