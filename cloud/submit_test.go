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

// scripted is a driver whose Create answers from a script, and which
// "commits" a connection whenever its script says so, like a real cloud
// that acted on a request whose answer was then lost.
type scripted struct {
	fakeDriver
	cat     *Catalog
	answers []error // nil: success
	commit  []bool  // whether the try created a connection
	conns   []Connection
	tokens  []string
	tries   int
}

func (s *scripted) Catalog() *Catalog { return s.cat }

func (s *scripted) Create(_ context.Context, _ *url.URL, _ Credentials, _ map[string]string, p Params) (*Created, error) {
	i := s.tries
	s.tries++
	s.tokens = append(s.tokens, p.Str("Token"))
	if i < len(s.commit) && s.commit[i] || i >= len(s.answers) || s.answers[i] == nil {
		s.conns = append(s.conns, Connection{ID: "conn-" + string(rune('a'+i)), Name: p.Str("Name"), VPNGatewayID: p.Str("Gw"), State: "PENDING"})
	}
	if i < len(s.answers) && s.answers[i] != nil {
		return nil, s.answers[i]
	}
	return &Created{ID: s.conns[len(s.conns)-1].ID}, nil
}

func (s *scripted) Connections(_ context.Context, _ *url.URL, _ Credentials, _ map[string]string, f Filter) ([]Connection, error) {
	var out []Connection
	for _, c := range s.conns {
		if f.Matches(c) {
			out = append(out, c)
		}
	}
	return out, nil
}

func catalogWith(token bool) *Catalog {
	c := &Catalog{API: "scripted-" + map[bool]string{true: "t", false: "n"}[token], RateLimit: 1e6, Fields: []Field{
		{Path: "Name", Type: String, Role: RoleName},
		{Path: "Gw", Type: String, Role: RoleVPNGateway},
	}}
	if token {
		c.Fields = append(c.Fields, Field{Path: "Token", Type: String, Role: RoleClientToken})
	}
	return c
}

func run(t *testing.T, d *scripted) (*Result, error, []Event) {
	t.Helper()
	var events []Event
	s := &Submission{Driver: d, Params: Params{"Name": "n1", "Gw": "gw-1"},
		Progress: func(e Event) { events = append(events, e) },
		Sleep:    func(context.Context, time.Duration) error { return nil }}
	r, err := s.Run(context.Background())
	return r, err, events
}

var (
	throttled   = &APIError{Code: CodeThrottled, VendorCode: "RequestLimitExceeded"}
	unavailable = &APIError{Code: CodeUnavailable, VendorCode: "InternalError", HTTPStatus: 500}
	invalid     = &APIError{Code: CodeInvalid, VendorCode: "InvalidParameter"}
)

func TestSubmitRetriesThrottling(t *testing.T) {
	d := &scripted{cat: catalogWith(false), answers: []error{throttled, throttled, nil}}
	r, err, events := run(t, d)
	if err != nil || r.Attempts != 3 || len(d.conns) != 1 {
		t.Fatalf("r=%+v err=%v conns=%v", r, err, d.conns)
	}
	if events[1].Kind != EventThrottled || events[1].Wait <= 0 {
		t.Errorf("events %+v", events)
	}
}

func TestSubmitLostAnswerFindsTheConnection(t *testing.T) {
	// The 5xx came after the cloud committed: exactly one connection.
	d := &scripted{cat: catalogWith(false), answers: []error{unavailable}, commit: []bool{true}}
	r, err, _ := run(t, d)
	if err != nil || !r.Recovered || r.ID != "conn-a" || d.tries != 1 || len(d.conns) != 1 {
		t.Fatalf("r=%+v err=%v tries=%d conns=%v", r, err, d.tries, d.conns)
	}
	// A dropped connection, same story.
	d = &scripted{cat: catalogWith(false), answers: []error{io.ErrUnexpectedEOF}, commit: []bool{true}}
	if r, err, _ = run(t, d); err != nil || !r.Recovered || len(d.conns) != 1 {
		t.Fatalf("dropped: r=%+v err=%v conns=%v", r, err, d.conns)
	}
}

func TestSubmitLostAnswerNothingCommittedRetries(t *testing.T) {
	d := &scripted{cat: catalogWith(false), answers: []error{unavailable, nil}}
	r, err, _ := run(t, d)
	if err != nil || r.Recovered || r.Attempts != 2 || len(d.conns) != 1 {
		t.Fatalf("r=%+v err=%v conns=%v", r, err, d.conns)
	}
}

func TestSubmitExistingConnectionIsNotMistakenForOurs(t *testing.T) {
	d := &scripted{cat: catalogWith(false), answers: []error{unavailable, nil}}
	d.conns = []Connection{{ID: "old", Name: "n1", VPNGatewayID: "gw-1"}}
	r, err, _ := run(t, d)
	if err != nil || r.Recovered || r.ID == "old" {
		t.Fatalf("took an existing connection for the lost one: r=%+v err=%v", r, err)
	}
}

func TestSubmitTokenKeptAcrossTries(t *testing.T) {
	d := &scripted{cat: catalogWith(true), answers: []error{unavailable, throttled, nil}}
	r, err, _ := run(t, d)
	if err != nil || r.Attempts != 3 {
		t.Fatalf("r=%+v err=%v", r, err)
	}
	if d.tokens[0] == "" || d.tokens[0] != d.tokens[1] || d.tokens[1] != d.tokens[2] || r.Params.Str("Token") != d.tokens[0] {
		t.Errorf("token not kept: %v", d.tokens)
	}
	if len(d.tokens[0]) != 32 {
		t.Errorf("token %q", d.tokens[0])
	}
}

func TestSubmitDoesNotRetryRefusals(t *testing.T) {
	d := &scripted{cat: catalogWith(false), answers: []error{invalid, nil}}
	_, err, _ := run(t, d)
	if !errors.Is(err, invalid) || d.tries != 1 {
		t.Fatalf("err=%v tries=%d", err, d.tries)
	}
}

func TestSubmitAmbiguous(t *testing.T) {
	// Two new connections fit after a lost answer (someone else made one
	// with the same name meanwhile): neither is claimed, nothing is resent.
	d := &scripted{cat: catalogWith(false)}
	s := &Submission{Driver: &twoCommits{d}, Params: Params{"Name": "n1", "Gw": "gw-1"},
		Sleep: func(context.Context, time.Duration) error { return nil }}
	_, err := s.Run(context.Background())
	if !errors.Is(err, ErrAmbiguous) {
		t.Fatalf("err=%v", err)
	}
}

// twoCommits commits two connections on its first try.
type twoCommits struct{ *scripted }

func (d *twoCommits) Create(ctx context.Context, u *url.URL, c Credentials, t map[string]string, p Params) (*Created, error) {
	d.conns = append(d.conns, Connection{ID: "x1", Name: "n1", VPNGatewayID: "gw-1"}, Connection{ID: "x2", Name: "n1", VPNGatewayID: "gw-1"})
	return nil, unavailable
}

func TestSubmitGivesUp(t *testing.T) {
	d := &scripted{cat: catalogWith(false), answers: []error{throttled, throttled, throttled, throttled, throttled}}
	_, err, _ := run(t, d)
	if err == nil || !strings.Contains(err.Error(), "gave up after 5 tries") || CodeOf(err) != CodeThrottled {
		t.Fatalf("err=%v", err)
	}
}

func TestBackoffGrowsAndCaps(t *testing.T) {
	for n := 1; n <= 8; n++ {
		d := backoff(n)
		hi := 500 * time.Millisecond << min(n-1, 4)
		if d < hi/2 || d > hi {
			t.Errorf("backoff(%d) = %v, want within [%v, %v]", n, d, hi/2, hi)
		}
	}
}

// lateCommit commits the first try's connection only after the answer
// was lost and the first look-up came back empty.
type lateCommit struct {
	*scripted
	lookups int
}

func (d *lateCommit) Connections(ctx context.Context, u *url.URL, c Credentials, t map[string]string, f Filter) ([]Connection, error) {
	d.lookups++
	if d.lookups == 3 { // snapshot, look-up after the loss, then the one before the resend
		d.conns = append(d.conns, Connection{ID: "late", Name: "n1", VPNGatewayID: "gw-1"})
	}
	return d.scripted.Connections(ctx, u, c, t, f)
}

func TestSubmitLooksAgainBeforeResending(t *testing.T) {
	d := &lateCommit{scripted: &scripted{cat: catalogWith(false), answers: []error{unavailable, nil}}}
	s := &Submission{Driver: d, Params: Params{"Name": "n1", "Gw": "gw-1"},
		Sleep: func(context.Context, time.Duration) error { return nil }}
	r, err := s.Run(context.Background())
	if err != nil || !r.Recovered || r.ID != "late" || d.tries != 1 {
		t.Fatalf("a late commit must be found before sending again: r=%+v err=%v tries=%d", r, err, d.tries)
	}
}

// TestSubmitTokenGivesUpWithTheID: with a token, every try answered 5xx
// although the first one made the connection: before giving up, it is
// looked up and its id returned, and no second one is made.
func TestSubmitTokenGivesUpWithTheID(t *testing.T) {
	d := &scripted{cat: catalogWith(true), answers: []error{unavailable, unavailable, unavailable, unavailable, unavailable}, commit: []bool{true}}
	r, err, events := run(t, d)
	if err != nil || !r.Recovered || r.ID != "conn-a" || len(d.conns) != 1 {
		t.Fatalf("r=%+v err=%v conns=%v", r, err, d.conns)
	}
	if last := events[len(events)-1]; last.Kind != EventRecovered {
		t.Errorf("last event %+v", last)
	}
	// Nothing made: it gives up saying the connection may exist and
	// where to look.
	d = &scripted{cat: catalogWith(true), answers: []error{unavailable, unavailable, unavailable, unavailable, unavailable}}
	_, err, _ = run(t, d)
	var me *MayExistError
	if !errors.As(err, &me) || !strings.Contains(err.Error(), "gw-1") || !strings.Contains(err.Error(), "gave up after 5 tries") || CodeOf(err) != CodeUnavailable {
		t.Fatalf("err=%v", err)
	}
}

// slowCloud makes the connection but answers only after the caller's
// time has run out.
type slowCloud struct {
	*scripted
	commit bool
}

func (d *slowCloud) Create(ctx context.Context, _ *url.URL, _ Credentials, _ map[string]string, p Params) (*Created, error) {
	d.tries++
	if d.commit {
		d.conns = append(d.conns, Connection{ID: "conn-late", Name: p.Str("Name"), VPNGatewayID: p.Str("Gw")})
	}
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestSubmitDeadlineDuringCreate: --timeout runs out with a create in
// flight. The connection is looked up on time of its own: found, its id
// is the result; not found, the error says it may exist and where.
func TestSubmitDeadlineDuringCreate(t *testing.T) {
	for _, token := range []bool{false, true} {
		for _, made := range []bool{true, false} {
			d := &slowCloud{scripted: &scripted{cat: catalogWith(token)}, commit: made}
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			s := &Submission{Driver: d, Params: Params{"Name": "n1", "Gw": "gw-1"}, Sleep: func(context.Context, time.Duration) error { return nil }}
			r, err := s.Run(ctx)
			cancel()
			var me *MayExistError
			switch {
			case made && (err != nil || r.ID != "conn-late" || !r.Recovered):
				t.Errorf("token %v: made but not found: r=%+v err=%v", token, r, err)
			case !made && (!errors.As(err, &me) || !strings.Contains(err.Error(), "may exist") || !errors.Is(err, context.DeadlineExceeded)):
				t.Errorf("token %v: not made: err=%v", token, err)
			}
			if d.tries != 1 {
				t.Errorf("token %v: %d creates sent", token, d.tries)
			}
		}
	}
}
