package sandbox

import (
	"fmt"
	"sync"
	"time"
)

// FaultKind is what goes wrong.
type FaultKind string

const (
	// Throttle answers with the vendor's rate-limit error; nothing happens.
	Throttle FaultKind = "throttle"
	// ErrorAfterCommit acts on the request, then answers a 5xx as if the
	// cloud failed after committing (the case that tempts a client to
	// create twice).
	ErrorAfterCommit FaultKind = "error-after-commit"
	// Drop acts on the request, then closes the connection unanswered.
	Drop FaultKind = "drop"
	// Latency delays the answer by Delay.
	Latency FaultKind = "latency"
)

// Fault is one injected failure, used up after Count matching requests.
type Fault struct {
	Kind FaultKind `json:"kind"`
	// Vendor and Op narrow which requests it hits; empty matches any.
	Vendor string `json:"vendor,omitempty"`
	Op     Op     `json:"op,omitempty"`
	// Count is how many requests it hits (default 1).
	Count int `json:"count,omitempty"`
	// Delay is the added latency, for Latency.
	Delay time.Duration `json:"delay,omitempty"`
}

// Validate reports a fault that cannot be injected (a typo in op would
// queue a fault that never fires).
func (f Fault) Validate() error {
	switch f.Op {
	case "", OpCreate, OpConnections, OpConnection, OpInventory, OpDelete, OpOther:
	default:
		return fmt.Errorf("unknown op %q: use create, connections, connection, inventory, delete or other", f.Op)
	}
	switch f.Kind {
	case Throttle, ErrorAfterCommit, Drop:
	case Latency:
		if f.Delay <= 0 || f.Delay > time.Minute {
			return fmt.Errorf("latency fault needs a delay between 0 and 1m, got %v", f.Delay)
		}
	default:
		return fmt.Errorf("unknown fault kind %q: use throttle, error-after-commit, drop or latency", f.Kind)
	}
	return nil
}

// faults is the queue of injected faults.
type faults struct {
	mu sync.Mutex
	q  []*Fault
}

func (fs *faults) add(f Fault) error {
	if err := f.Validate(); err != nil {
		return err
	}
	if f.Count <= 0 {
		f.Count = 1
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	fs.q = append(fs.q, &f)
	return nil
}

// take returns the first fault that matches, using one of its count.
func (fs *faults) take(vendor string, op Op) *Fault {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for i, f := range fs.q {
		if (f.Vendor == "" || f.Vendor == vendor) && (f.Op == "" || f.Op == op) {
			f.Count--
			if f.Count == 0 {
				fs.q = append(fs.q[:i], fs.q[i+1:]...)
			}
			cp := *f
			return &cp
		}
	}
	return nil
}

func (fs *faults) clear() {
	fs.mu.Lock()
	fs.q = nil
	fs.mu.Unlock()
}
