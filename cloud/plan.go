package cloud

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// InvalidError means a spec has error-severity issues; nothing was built.
type InvalidError struct{ Issues Issues }

func (e *InvalidError) Error() string {
	return fmt.Sprintf("the spec has %d error(s)", e.Issues.Errors())
}

// planCredentials sign the recorded request. They are not anyone's keys;
// the signature they produce is never shown.
var planCredentials = Credentials{ID: "PLAN-PREVIEW-ID", Secret: "plan-preview-secret"}

// Plan validates a spec and returns the exact request its driver sends,
// with secrets masked unless showSecrets. It returns the issues too
// (warnings do not stop it; errors return an *InvalidError).
func Plan(s *Spec, showSecrets bool) (*Request, Issues, error) {
	d, err := DriverFor(s.Vendor)
	if err != nil {
		return nil, nil, err
	}
	c := d.Catalog()
	p, issues := c.Check(s)
	if issues.Errors() > 0 {
		return nil, issues, &InvalidError{Issues: issues}
	}
	if !showSecrets {
		p = c.Redact(p)
	}
	real, err := d.Endpoint(s.Target)
	if err != nil {
		return nil, issues, err
	}
	r, body, err := record(func(ctx context.Context, base *url.URL) error {
		_, err := d.Create(ctx, base, planCredentials, s.Target, p)
		return err
	})
	if err != nil {
		return nil, issues, err
	}
	return newRequest(c.API, real, r, body), issues, nil
}

// recorder is one loopback HTTP server per process that keeps the request
// it is sent and answers with an error, so that the SDK gives up without
// retrying a create. One server for all previews, not one per call: a
// listener per call leaves a closed port in TIME_WAIT each time, and a
// fuzzer planning thousands of specs runs out of local ports.
type recorder struct {
	mu   sync.Mutex // one preview at a time owns the server
	once sync.Once
	base *url.URL
	err  error
	got  chan recorded
}

type recorded struct {
	r    *http.Request
	body []byte
	head []byte // the request line and headers exactly as they arrived
}

var rec = &recorder{got: make(chan recorded, 1)}

func (rc *recorder) start() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		rc.err = fmt.Errorf("preview recorder: %w", err)
		return
	}
	rc.base = &url.URL{Scheme: "http", Host: ln.Addr().String()}
	srv := &http.Server{
		ReadHeaderTimeout: 5 * time.Second,
		// net/http hands handlers canonical header names; the raw bytes
		// keep the case the SDK wrote (x-acs-action, X-TC-Action ...).
		ConnContext: func(ctx context.Context, c net.Conn) context.Context {
			return context.WithValue(ctx, rawConnKey{}, c)
		},
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			var head []byte
			if tc, ok := r.Context().Value(rawConnKey{}).(*teeConn); ok {
				head = tc.head()
			}
			select {
			case rc.got <- recorded{r.Clone(context.Background()), body, head}:
			default:
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"error":"tunnelwiz preview recorder: request recorded, not sent"}`)
		}),
	}
	// Each preview's SDK client is new and would keep its idle connection
	// open for ever: close every connection after its one answer.
	srv.SetKeepAlivesEnabled(false)
	go srv.Serve(teeListener{ln})
}

type rawConnKey struct{}

// teeListener keeps the first bytes each connection reads, so the
// recorder can see the request head as it was written.
type teeListener struct{ net.Listener }

func (l teeListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &teeConn{Conn: c}, nil
}

type teeConn struct {
	net.Conn
	mu  sync.Mutex
	buf []byte
}

// maxHead bounds what is kept per connection: a request head is small.
const maxHead = 1 << 20

func (c *teeConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.mu.Lock()
	if len(c.buf) < maxHead {
		c.buf = append(c.buf, p[:min(n, maxHead-len(c.buf))]...)
	}
	c.mu.Unlock()
	return n, err
}

func (c *teeConn) head() []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	if i := bytes.Index(c.buf, []byte("\r\n\r\n")); i >= 0 {
		return append([]byte(nil), c.buf[:i]...)
	}
	return nil
}

// record runs send against the recorder and returns the request as the
// SDK put it on the wire.
func record(send func(ctx context.Context, base *url.URL) error) (*http.Request, []byte, error) {
	rec.once.Do(rec.start)
	if rec.err != nil {
		return nil, nil, rec.err
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	select { // a late request from an abandoned preview is not ours
	case <-rec.got:
	default:
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	sendErr := send(ctx, rec.base)
	select {
	case g := <-rec.got:
		restoreHeaderCase(g.r, g.head)
		return g.r, g.body, nil
	default:
		if sendErr == nil {
			sendErr = errors.New("no request was sent")
		}
		return nil, nil, fmt.Errorf("preview: the driver sent nothing: %w", sendErr)
	}
}

// restoreHeaderCase re-keys r.Header with the names as written on the wire.
func restoreHeaderCase(r *http.Request, head []byte) {
	lines := bytes.Split(head, []byte("\r\n"))
	if len(lines) < 2 {
		return
	}
	h := http.Header{}
	for _, l := range lines[1:] {
		name, value, ok := bytes.Cut(l, []byte(":"))
		if !ok {
			continue
		}
		h[string(name)] = append(h[string(name)], string(bytes.TrimSpace(value)))
	}
	r.Header = h
}
