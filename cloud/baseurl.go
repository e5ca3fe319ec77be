package cloud

import (
	"errors"
	"net"
	"net/url"
	"strings"
)

// An endpoint override is a base URL: the request's path, query and
// credentials are the driver's to add, so the URL holds none of its own
// (a path only where the vendor's API sits under one, as Tencent's may).
// One rule for every vendor, so that one endpoint means the same thing
// whichever API it is given to.

// ParseBaseURL parses an endpoint override: http or https, a host and an
// optional numeric port, no user info, query or fragment, and a path only
// when withPath. The error says the whole rule, for the field's message.
func ParseBaseURL(s string, withPath bool) (*url.URL, error) {
	rule := "must be a base URL with scheme and host only (http or https, a host and optional port; no path, user info, query or fragment), such as https://vpc.example.com"
	if withPath {
		rule = "must be a base URL (http or https, a host, an optional port and path; without user info, query or fragment), such as https://vpc.example.com"
	}
	bad := errors.New(rule)
	u, err := url.Parse(s)
	if err != nil || u.Opaque != "" || u.Host == "" || u.Hostname() == "" || strings.ContainsAny(s, " \t\r\n") {
		return nil, bad
	}
	if sc := strings.ToLower(u.Scheme); sc != "http" && sc != "https" {
		return nil, bad
	}
	if u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || !withPath && u.Path != "" && u.Path != "/" {
		return nil, bad
	}
	if p := u.Port(); p != "" && strings.Trim(p, "0123456789") != "" {
		return nil, bad
	}
	out := &url.URL{Scheme: strings.ToLower(u.Scheme), Host: u.Host}
	if withPath {
		out.Path = u.Path
	}
	return out, nil
}

// CheckBaseURL is ParseBaseURL as a field's Check.
func CheckBaseURL(withPath bool) func(string) string {
	return func(s string) string {
		if _, err := ParseBaseURL(s, withPath); err != nil {
			return err.Error()
		}
		return ""
	}
}

// IsLoopback reports whether host (a name or address, no port) is this
// machine: localhost or a loopback address.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// PlainHTTP reports whether u sends in clear text to another machine:
// http to any host but loopback. Signed requests (and the pre-shared key
// inside them) would cross the network readable by anyone on the path.
func PlainHTTP(u *url.URL) bool {
	return strings.EqualFold(u.Scheme, "http") && !IsLoopback(u.Hostname())
}
