package aliyun

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"tunnelwiz/cloud"
)

// statusClient is the SDK's HTTP client with one difference: a 5xx answer
// that is not an API answer (a proxy's or load balancer's HTML page) comes
// back as an unavailable error that keeps its status. The SDK would only
// say it could not decode the body, losing what matters: the create may
// or may not have happened, and with a ClientToken it is safe to retry.
type statusClient struct{ timeout time.Duration }

func (c statusClient) Call(req *http.Request, tr *http.Transport) (*http.Response, error) {
	resp, err := (&http.Client{Transport: tr, Timeout: c.timeout}).Do(req)
	if err != nil {
		return nil, withoutQuery(err)
	}
	if resp.StatusCode < 500 {
		return resp, nil
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	trimmed := bytes.TrimSpace(body)
	if json.Valid(trimmed) || bytes.HasPrefix(trimmed, []byte("<?xml")) {
		resp.Body = io.NopCloser(bytes.NewReader(body))
		return resp, nil
	}
	return nil, &cloud.APIError{Vendor: "aliyun", Code: cloud.CodeUnavailable, HTTPStatus: resp.StatusCode,
		Message: fmt.Sprintf("HTTP %d without an API answer (%s)", resp.StatusCode, snippet(trimmed))}
}

// withoutQuery takes the query out of the URL a transport error quotes:
// an RPC call carries every parameter there, the pre-shared key among them
// (inside IkeConfig's JSON, so escaped twice), and such an error is
// printed. The error keeps its type, so a timeout or a lost answer is
// still recognised as one.
func withoutQuery(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil && u.RawQuery != "" {
			u.RawQuery = ""
			ue.URL = u.String() + "?(the signed parameters, withheld)"
		}
	}
	return err
}

// snippet is the start of a non-API body, tags and runs of space removed.
func snippet(b []byte) string {
	var out strings.Builder
	in := false
	for _, r := range string(b) {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
			out.WriteByte(' ')
		case !in:
			out.WriteRune(r)
		}
	}
	s := strings.Join(strings.Fields(out.String()), " ")
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return s
}
