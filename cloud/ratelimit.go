package cloud

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"golang.org/x/time/rate"
)

// DefaultRate is used where a vendor documents no limit: low enough never
// to trouble a real account, high enough not to slow a person down.
const DefaultRate = 20

var (
	limitersMu sync.Mutex
	limiters   = map[string]*rate.Limiter{}
)

// Pace waits for the vendor's rate limit before one more request. Drivers
// call it before a request of their own inside a call (the look-up that
// finds a new connection's id when the create answer has none), so that
// it counts too.
func Pace(ctx context.Context, c *Catalog) error { return limit(ctx, c) }

// limit blocks until the vendor's rate limit allows one more request. One
// limiter per vendor and process, shared by every call the drivers make
// through Submit, Wait and the look-ups, so that many connections created
// in one process together stay under the vendor's limit. A wait that
// would outlast ctx's deadline is the deadline: the limiter refuses
// before it passes (and it may pass between the refusal and the check),
// in words of its own that a --timeout should not show.
func limit(ctx context.Context, c *Catalog) error {
	err := limiterWait(ctx, c)
	switch cerr := ctx.Err(); {
	case err == nil || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled):
		return err
	case cerr != nil:
		return fmt.Errorf("%w (%v)", cerr, err)
	}
	if _, ok := ctx.Deadline(); ok {
		return fmt.Errorf("%w (%v)", context.DeadlineExceeded, err)
	}
	return err
}

func limiterWait(ctx context.Context, c *Catalog) error {
	limitersMu.Lock()
	l, ok := limiters[c.API]
	if !ok {
		r := c.RateLimit
		if r <= 0 {
			r = DefaultRate
		}
		// A burst of 1: requests are spread evenly, never bunched.
		l = rate.NewLimiter(rate.Limit(r), 1)
		limiters[c.API] = l
	}
	limitersMu.Unlock()
	return l.Wait(ctx)
}
