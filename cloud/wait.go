package cloud

import (
	"context"
	"fmt"
	"net/url"
	"time"
)

// Wait polls a new connection until it is available or failed, reporting
// each reading to progress. A connection not found just after its create
// is read again (listings lag behind creates); after notFoundGrace
// readings it is an error.
func Wait(ctx context.Context, d Driver, at Base, id string, every time.Duration, progress func(*Connection)) (*Connection, error) {
	const notFoundGrace = 5
	misses := 0
	for {
		if err := limit(ctx, d.Catalog()); err != nil {
			return nil, err
		}
		c, err := d.Connection(ctx, at.URL, at.Cred, at.Target, id)
		switch {
		case err == nil:
			c.inUTC()
			misses = 0
			if progress != nil {
				progress(c)
			}
			if c.Phase == PhaseAvailable || c.Phase == PhaseFailed {
				return c, nil
			}
		case CodeOf(err) == CodeNotFound && misses < notFoundGrace:
			misses++
		case CodeOf(err) == CodeThrottled || Lost(err):
			// keep polling: a slow or busy API is not a failed connection
		default:
			return nil, fmt.Errorf("reading connection %s: %w", id, err)
		}
		if err := sleepCtx(ctx, every); err != nil {
			return nil, err
		}
	}
}

// Base bundles where and as whom requests go.
type Base struct {
	URL    *url.URL
	Cred   Credentials
	Target map[string]string
}
