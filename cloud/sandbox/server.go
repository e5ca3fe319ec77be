package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"tunnelwiz/cloud"
)

// Keys is the sandbox's one account. It is printed wherever the sandbox
// is offered: it opens nothing but the sandbox.
var Keys = cloud.Credentials{ID: "SANDBOXKEYID0000tunnelwiz", Secret: "sandbox-secret-key-not-a-cloud"}

// Header marks every sandbox answer.
const Header = "X-Tunnelwiz-Sandbox"

// Options configure a Server.
type Options struct {
	// Fixtures are the seeded resources (DefaultFixtures when nil).
	Fixtures Fixtures
	// Settle is how long a new connection stays pending (0: available at once).
	Settle time.Duration
	// Seed makes ids repeatable (0: from the clock).
	Seed uint64
	// Now pins the clock (nil: time.Now).
	Now func() time.Time
	// Listen is the address the sandbox was told to listen on
	// (host:port). Its host, when a name, is accepted as Host besides
	// loopback names and the address each connection came in on (see
	// guard.go).
	Listen string
}

// Server is the sandbox: an http.Handler.
type Server struct {
	mu       sync.Mutex
	fixtures Fixtures
	conns    map[string][]*Conn // vendor/region -> connections
	settle   time.Duration
	rng      *rand.Rand
	clock    func() time.Time
	faults   faults
	nonces   nonceBook
	front    []Frontend
	requests atomic.Int64
	listen   string // the host of Options.Listen, as hostName gives it
	sts      stsBook
}

// New makes a sandbox with the registered frontends.
func New(o Options) (*Server, error) {
	if o.Fixtures == nil {
		f, err := DefaultFixtures()
		if err != nil {
			return nil, err
		}
		o.Fixtures = f
	}
	seed := o.Seed
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	clock := o.Now
	if clock == nil {
		clock = time.Now
	}
	listen, _ := hostName(o.Listen)
	return &Server{fixtures: o.Fixtures, conns: map[string][]*Conn{}, settle: o.Settle,
		rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), clock: clock, front: registered(), listen: listen}, nil
}

func (s *Server) now() time.Time { return s.clock() }

// Vendors lists the vendor APIs the sandbox speaks.
func (s *Server) Vendors() []string {
	out := make([]string, 0, len(s.front))
	for _, f := range s.front {
		out = append(out, f.Vendor())
	}
	return out
}

// Requests counts the requests served since the sandbox started.
func (s *Server) Requests() int64 { return s.requests.Load() }

// Reset forgets every connection, fault and signature nonce, as POST
// /_sandbox/reset does: a reset sandbox is a fresh one, which takes again
// a request signed before the reset, as long as its timestamp is good.
func (s *Server) Reset() {
	s.mu.Lock()
	s.conns = map[string][]*Conn{}
	s.mu.Unlock()
	s.faults.clear()
	s.nonces.clear()
}

// Connect plays the peer side of a connection: up true is its customer
// gateway negotiating the tunnel, false its going away. The tunnel is
// reported up once the connection is also available (Backend.Up). The
// id is looked for in every vendor and region: ids are unique.
func (s *Server) Connect(id string, up bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for key := range s.conns {
		s.sweep(key)
	}
	for _, cs := range s.conns {
		for _, c := range cs {
			if c.ID == id {
				c.Connected = up
				return nil
			}
		}
	}
	return fmt.Errorf("no connection %q in the sandbox", id)
}

// Inject queues a fault.
func (s *Server) Inject(f Fault) error {
	if f.Vendor != "" && !contains(s.Vendors(), f.Vendor) {
		return fmt.Errorf("unknown vendor %q: the sandbox speaks %v", f.Vendor, s.Vendors())
	}
	return s.faults.add(f)
}

func contains(vs []string, v string) bool {
	for _, x := range vs {
		if x == v {
			return true
		}
	}
	return false
}

// Backend gives tests the state the frontends act on.
func (s *Server) Backend() *Backend { return &Backend{s} }

// ServeHTTP routes a request to the frontend whose protocol it speaks,
// applying any injected fault on the way. Every request, the vendor APIs'
// included, first passes admit (guard.go): loopback Host, no foreign
// Origin, JSON for control POSTs.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set(Header, "true")
	s.requests.Add(1)
	control := strings.HasPrefix(r.URL.Path, "/_sandbox/")
	var f Frontend
	if !control {
		f = s.match(r)
	}
	if !s.admit(w, r, f, control) {
		return
	}
	if control {
		s.control(w, r)
		return
	}
	if f == nil {
		http.Error(w, "tunnelwiz sandbox: no vendor API here answers "+r.Method+" "+r.URL.Path, http.StatusNotFound)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 4<<20))
	if err != nil {
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	b := &Backend{s}
	fault := s.faults.take(f.Vendor(), f.Op(r, body))
	if fault == nil {
		f.Serve(w, r, body, b)
		return
	}
	switch fault.Kind {
	case Latency:
		select {
		case <-time.After(fault.Delay):
		case <-r.Context().Done():
			return
		}
		f.Serve(w, r, body, b)
	case Throttle:
		f.Fail(w, r, &Refusal{cloud.CodeThrottled, ReasonThrottled, "request rate exceeded (sandbox fault)"})
	case ErrorAfterCommit:
		f.Serve(httptest.NewRecorder(), r, body, b)
		f.Fail(w, r, &Refusal{cloud.CodeUnavailable, ReasonInternal, "internal error after the request was committed (sandbox fault)"})
	case Drop:
		f.Serve(httptest.NewRecorder(), r, body, b)
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler) // closes the connection without an answer
	}
}

// match is the frontend that claims r, or nil.
func (s *Server) match(r *http.Request) Frontend {
	for _, f := range s.front {
		if f.Match(r) {
			return f
		}
	}
	return nil
}

// Info is what GET /_sandbox/info answers: enough for a client to know it
// reached a sandbox and which keys it takes.
type Info struct {
	Sandbox bool                `json:"sandbox"`
	Keys    cloud.Credentials   `json:"keys"`
	Vendors []string            `json:"vendors"`
	Regions map[string][]string `json:"regions"`
}

// peer is the body of POST /_sandbox/connect and /_sandbox/disconnect.
type peer struct {
	ID string `json:"id"`
}

// control serves the sandbox's own endpoints: info, faults, state, reset,
// and the peer side's connect and disconnect.
func (s *Server) control(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	switch r.Method + " " + r.URL.Path {
	case "GET /_sandbox/info":
		info := Info{Sandbox: true, Keys: Keys, Regions: map[string][]string{}}
		for _, f := range s.front {
			info.Vendors = append(info.Vendors, f.Vendor())
			info.Regions[f.Vendor()] = s.fixtures.Regions(f.Vendor())
		}
		json.NewEncoder(w).Encode(info)
	case "POST /_sandbox/faults":
		var f Fault
		if err := json.NewDecoder(r.Body).Decode(&f); err != nil {
			refuse(w, http.StatusBadRequest, "fault: "+err.Error())
			return
		}
		if err := s.Inject(f); err != nil {
			refuse(w, http.StatusBadRequest, err.Error())
			return
		}
		w.WriteHeader(http.StatusNoContent)
	case "GET /_sandbox/connections":
		// Keys masked: the sandbox's own endpoints never show a secret either.
		s.mu.Lock()
		out := map[string][]Conn{}
		for key := range s.conns {
			s.sweep(key)
		}
		for k, cs := range s.conns {
			vendor, _, _ := strings.Cut(k, "/")
			for _, c := range cs {
				cc := *c
				if d, ok := cloud.Lookup(vendor); ok && cc.Params != nil {
					cc.Params = d.Catalog().Redact(cc.Params)
				}
				out[k] = append(out[k], cc)
			}
		}
		s.mu.Unlock()
		json.NewEncoder(w).Encode(out)
	case "POST /_sandbox/connect", "POST /_sandbox/disconnect":
		var p peer
		if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&p); err != nil || p.ID == "" {
			refuse(w, http.StatusBadRequest, `want {"id": "<connection id>"}`)
			return
		}
		if err := s.Connect(p.ID, r.URL.Path == "/_sandbox/connect"); err != nil {
			refuse(w, http.StatusNotFound, err.Error())
			return
		}
		w.WriteHeader(http.StatusNoContent)
	case "POST /_sandbox/reset":
		s.Reset()
		w.WriteHeader(http.StatusNoContent)
	default:
		refuse(w, http.StatusNotFound, fmt.Sprintf("tunnelwiz sandbox: no control endpoint %s %s", r.Method, r.URL.Path))
	}
}
