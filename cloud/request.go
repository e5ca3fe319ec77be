package cloud

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// Request is the exact request a driver sends, as the preview shows it.
type Request struct {
	Vendor string `json:"vendor"`
	Method string `json:"method"`
	// URL is the vendor's real endpoint and path, without the query.
	URL string `json:"url"`
	// Headers are the request's headers, names as written on the wire,
	// less the ones computed at send time (signature, date, nonce, content
	// length, user agent).
	Headers map[string]string `json:"headers"`
	// Body is the request's content: the JSON object for JSON APIs, or the
	// query / form parameters as strings for query-style APIs.
	Body any `json:"body"`
	// Query holds the URL's parameters when the request has a body as
	// well (Alibaba sends dual-tunnel options in a form body and the rest
	// in the URL); otherwise the URL's parameters are the Body.
	Query map[string]string `json:"query,omitempty"`
	// RawQuery is the query string exactly as sent ("" when none).
	RawQuery string `json:"-"`
	// Raw is the body exactly as sent.
	Raw []byte `json:"-"`
}

// sendTimeHeaders change with every send (time, nonce, signature) and so
// cannot be previewed; host is in the URL line.
var sendTimeHeaders = map[string]bool{
	"host": true, "authorization": true, "user-agent": true, "content-length": true, "accept-encoding": true,
	"x-tc-timestamp": true, "x-sdk-date": true, "x-acs-date": true, "x-acs-signature-nonce": true,
	"x-acs-content-sha256": true, "date": true, "x-date": true, "x-tc-token": true,
	"x-acs-security-token": true, "x-security-token": true, "x-sdk-content-sha256": true,
}

// sendTimeParams are the query-style equivalents: the signature protocol
// puts them among the parameters.
var sendTimeParams = map[string]bool{
	"Signature": true, "SecretId": true, "Timestamp": true, "Nonce": true,
	"SignatureNonce": true, "AccessKeyId": true, "SecurityToken": true, "Token": true,
}

// RequestFrom describes an HTTP request as the preview would, addressed to
// base: tests compare what a driver really sent with what Plan showed.
func RequestFrom(vendor string, base *url.URL, r *http.Request, body []byte) *Request {
	return newRequest(vendor, base, r, body)
}

// newRequest turns a recorded HTTP request into a preview addressed to the
// real endpoint.
func newRequest(vendor string, base *url.URL, r *http.Request, body []byte) *Request {
	req := &Request{Vendor: vendor, Method: r.Method, Headers: map[string]string{}}
	u := *base
	u.Path = strings.TrimSuffix(base.Path, "/") + r.URL.Path
	u.RawQuery = ""
	req.URL = u.String()
	for k, vs := range r.Header {
		if !sendTimeHeaders[strings.ToLower(k)] {
			req.Headers[k] = strings.Join(vs, ", ")
		}
	}
	req.RawQuery = stripEncoded(r.URL.RawQuery)
	q, _ := url.ParseQuery(req.RawQuery)
	ct := headerValue(r.Header, "Content-Type")
	switch {
	case strings.HasPrefix(ct, "application/x-www-form-urlencoded") && len(body) > 0:
		req.Raw = []byte(stripEncoded(string(body)))
		f, _ := url.ParseQuery(string(req.Raw))
		req.Body = flatten(f)
		if len(q) > 0 {
			req.Query = flatten(q)
		}
	case len(bytes.TrimSpace(body)) > 0:
		req.Raw = body
		var v any
		d := json.NewDecoder(bytes.NewReader(body))
		d.UseNumber()
		if d.Decode(&v) == nil {
			req.Body = v
		} else {
			req.Body = string(body)
		}
		if len(q) > 0 {
			req.Query = flatten(q)
		}
	default:
		req.Body = flatten(q)
	}
	return req
}

// headerValue looks a header up by name in any case: the recorder keeps
// names as written on the wire, which http.Header.Get would not find.
func headerValue(h http.Header, name string) string {
	for k, vs := range h {
		if strings.EqualFold(k, name) && len(vs) > 0 {
			return vs[0]
		}
	}
	return ""
}

// FullURL is the URL with its query exactly as sent.
func (r *Request) FullURL() string {
	if r.RawQuery == "" {
		return r.URL
	}
	return r.URL + "?" + r.RawQuery
}

// stripEncoded removes the send-time parameters from an encoded query or
// form body in place, so what remains is byte for byte what was sent, in
// the order and encoding the driver chose.
func stripEncoded(s string) string {
	if s == "" {
		return ""
	}
	pairs := strings.Split(s, "&")
	kept := pairs[:0]
	for _, pair := range pairs {
		k, _, _ := strings.Cut(pair, "=")
		if name, err := url.QueryUnescape(k); err == nil && sendTimeParams[name] {
			continue
		}
		kept = append(kept, pair)
	}
	return strings.Join(kept, "&")
}

func flatten(v url.Values) map[string]string {
	m := make(map[string]string, len(v))
	for k, vs := range v {
		m[k] = strings.Join(vs, ",")
	}
	return m
}

// HeaderNames returns the header names sorted, for stable printing.
func (r *Request) HeaderNames() []string {
	names := make([]string, 0, len(r.Headers))
	for k := range r.Headers {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
