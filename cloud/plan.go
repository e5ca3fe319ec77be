package cloud

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
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

// record runs send against a loopback HTTP server that keeps the first
// request and answers it with an error, so that the SDK gives up without
// retrying a create. It returns the request as the SDK put it on the wire.
func record(send func(ctx context.Context, base *url.URL) error) (*http.Request, []byte, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, nil, fmt.Errorf("preview recorder: %w", err)
	}
	type got struct {
		r    *http.Request
		body []byte
	}
	ch := make(chan got, 1)
	srv := &http.Server{
		ReadHeaderTimeout: 5 * time.Second,
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			select {
			case ch <- got{r.Clone(context.Background()), body}:
			default:
			}
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"error":"tunnelwiz preview recorder: request recorded, not sent"}`)
		}),
	}
	go srv.Serve(ln)
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	sendErr := send(ctx, &url.URL{Scheme: "http", Host: ln.Addr().String()})
	select {
	case g := <-ch:
		return g.r, g.body, nil
	default:
		if sendErr == nil {
			sendErr = errors.New("no request was sent")
		}
		return nil, nil, fmt.Errorf("preview: the driver sent nothing: %w", sendErr)
	}
}
