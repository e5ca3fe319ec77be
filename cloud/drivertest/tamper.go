package drivertest

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// Helpers for attacking the sandbox with requests a real client signed:
// a body swapped under a valid signature, a signed request sent twice.
// They plug into StartSandbox's wrap, so the SDKs sign as they always do.

// SwapBody replaces old with new in r's body (the first time it occurs)
// and fixes the length, leaving every header and the signature as signed.
// It reports whether old was found, so a test cannot pass by swapping
// nothing.
func SwapBody(r *http.Request, old, new string) bool {
	if r.Body == nil {
		return false
	}
	b, _ := io.ReadAll(r.Body)
	found := bytes.Contains(b, []byte(old))
	b = bytes.Replace(b, []byte(old), []byte(new), 1)
	r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(b)), int64(len(b))
	return found
}

// PeekBody reads r's body and puts it back, for a wrap that decides by
// the body what to do.
func PeekBody(r *http.Request) []byte {
	if r.Body == nil {
		return nil
	}
	b, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(b))
	return b
}

// Recorded is one request as the sandbox received it.
type Recorded struct {
	Method, RequestURI, Host string
	Header                   http.Header
	Body                     []byte
}

// Recorder keeps a copy of every request; its Wrap is StartSandbox's wrap.
type Recorder struct {
	mu   sync.Mutex
	reqs []Recorded
}

// Wrap copies r and puts its body back for the sandbox.
func (rc *Recorder) Wrap(r *http.Request) {
	body := PeekBody(r)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.reqs = append(rc.reqs, Recorded{Method: r.Method, RequestURI: r.RequestURI, Host: r.Host, Header: r.Header.Clone(), Body: body})
}

// Last is the last request that match accepts.
func (rc *Recorder) Last(t testing.TB, match func(Recorded) bool) Recorded {
	t.Helper()
	rc.mu.Lock()
	defer rc.mu.Unlock()
	for i := len(rc.reqs) - 1; i >= 0; i-- {
		if match(rc.reqs[i]) {
			return rc.reqs[i]
		}
	}
	t.Fatalf("no such request among the %d recorded", len(rc.reqs))
	return Recorded{}
}

// Resend sends a recorded request again to the sandbox at base, byte for
// byte (method, path and query, Host, headers, body), and returns the
// answer's status and body.
func Resend(t testing.TB, base *url.URL, rec Recorded) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(rec.Method, base.Scheme+"://"+base.Host+rec.RequestURI, bytes.NewReader(rec.Body))
	if err != nil {
		t.Fatal(err)
	}
	req.Host = rec.Host
	req.Header = rec.Header.Clone()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// IsPost matches a POST whose path ends with suffix.
func IsPost(suffix string) func(Recorded) bool {
	return func(r Recorded) bool {
		path, _, _ := strings.Cut(r.RequestURI, "?")
		return r.Method == http.MethodPost && strings.HasSuffix(path, suffix)
	}
}
