package front

import "time"

// PollEvery is how often a connection's state is asked while waiting for
// it: briskly in a sandbox on this machine, gently in a cloud (the calls
// count against the vendor's rate limit).
func PollEvery(sandbox bool) time.Duration {
	if sandbox {
		return 500 * time.Millisecond
	}
	return 5 * time.Second
}
