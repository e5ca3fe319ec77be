package cloud

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestLimitDeadline: a wait the limiter refuses because it would outlast
// the deadline is the deadline (errors.Is), not the limiter's own words
// alone: a --timeout during apply or --watch says what it is.
func TestLimitDeadline(t *testing.T) {
	c := &Catalog{API: "test-limit-deadline", RateLimit: 0.001} // a token each 1000 s
	if err := limit(context.Background(), c); err != nil {
		t.Fatal(err) // the first token
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // far less than the wait
	defer cancel()
	err := limit(ctx, c)
	if err == nil || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a wait past the deadline: %v, want context.DeadlineExceeded", err)
	}
	gone, stop := context.WithCancel(context.Background())
	stop()
	if err := limit(gone, c); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled context: %v, want context.Canceled", err)
	}
}
