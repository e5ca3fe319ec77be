package sandbox

import (
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestNonceUsedOnce: a nonce is new once per vendor; it is remembered
// while the request's timestamp is inside the window and forgotten after
// (the timestamp check refuses the copy then), and by Reset.
func TestNonceUsedOnce(t *testing.T) {
	now := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	s, _ := newToy(t, 0, func() time.Time { return now })
	b := s.Backend()
	const window = 15 * time.Minute
	if !b.FirstUse("toy", "n1", now, window) {
		t.Fatal("a new nonce refused")
	}
	if b.FirstUse("toy", "n1", now, window) {
		t.Error("a nonce used twice inside the window")
	}
	if !b.FirstUse("other", "n1", now, window) {
		t.Error("another vendor's nonce space is shared")
	}
	now = now.Add(window) // the last moment the timestamp passes
	if b.FirstUse("toy", "n1", now.Add(-window), window) {
		t.Error("forgotten while the timestamp still passes")
	}
	now = now.Add(time.Second)
	if !b.FirstUse("toy", "n1", now, window) {
		t.Error("a nonce whose window closed is still remembered")
	}
	s.Reset()
	if !b.FirstUse("toy", "n1", now, window) {
		t.Error("Reset kept the nonces")
	}
}

// TestNonceMemoryBounded: however many nonces arrive inside one window,
// the sandbox keeps at most maxNonces, forgetting the soonest to close.
func TestNonceMemoryBounded(t *testing.T) {
	now := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	s, _ := newToy(t, 0, func() time.Time { return now })
	b := s.Backend()
	b.FirstUse("toy", "oldest", now.Add(-time.Minute), 15*time.Minute)
	for i := 0; i < maxNonces+100; i++ {
		b.FirstUse("toy", strconv.Itoa(i), now, 15*time.Minute)
	}
	if n := s.nonces.len(); n != maxNonces {
		t.Errorf("%d nonces kept, want the cap %d", n, maxNonces)
	}
	if !b.FirstUse("toy", "oldest", now.Add(-time.Minute), 15*time.Minute) {
		t.Error("the nonce closest to its window's end was not the one forgotten")
	}
	if b.FirstUse("toy", strconv.Itoa(maxNonces+99), now, 15*time.Minute) {
		t.Error("the newest nonce was forgotten")
	}
}

// TestNonceRace: the same nonce sent at once from many clients is taken
// exactly once.
func TestNonceRace(t *testing.T) {
	s, _ := newToy(t, 0, nil)
	var wg sync.WaitGroup
	var taken atomic.Int32
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if s.Backend().FirstUse("toy", "same", time.Now(), time.Minute) {
				taken.Add(1)
			}
		}()
	}
	wg.Wait()
	if taken.Load() != 1 {
		t.Errorf("taken %d times", taken.Load())
	}
}
