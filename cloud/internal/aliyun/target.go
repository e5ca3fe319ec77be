package aliyun

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"tunnelwiz/cloud"
)

// RegionChars keeps region ids to what can sit in a host name
// (vpc.<region>.aliyuncs.com) and in an HTTP header.
var RegionChars = &cloud.Charset{
	Pattern:  regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`),
	Describe: "use lower-case letters, digits and single hyphens, such as cn-shanghai",
}

// HeaderChars keeps values sent in HTTP headers printable and unbroken.
var HeaderChars = &cloud.Charset{
	Pattern:  regexp.MustCompile(`^[\x21-\x7e]+$`),
	Describe: "use printable ASCII characters without spaces",
}

// CheckBaseURL accepts a base URL such as https://vpc.example.com or
// http://127.0.0.1:8080: the SDK takes a host[:port] and a protocol, so a
// path, query or user name could not be sent and is refused.
func CheckBaseURL(s string) string {
	if _, err := ParseBase(s); err != nil {
		return err.Error()
	}
	return ""
}

// ParseBase parses a base URL per CheckBaseURL's rule.
func ParseBase(s string) (*url.URL, error) {
	const want = "must be a base URL such as https://vpc.example.com (http or https, a host and optional port, no path)"
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Hostname() == "" ||
		u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" ||
		strings.ContainsAny(u.Host, " \t\r\n") {
		return nil, fmt.Errorf("%q %s", s, want)
	}
	if p := u.Port(); p != "" && !digitsOnly(p) {
		return nil, fmt.Errorf("%q %s", s, want)
	}
	return &url.URL{Scheme: u.Scheme, Host: u.Host}, nil
}

// ASCIIChars is the ClientToken rule: "can contain only ASCII characters".
// Control characters are left out: they cannot be typed and break logs.
var ASCIIChars = &cloud.Charset{
	Pattern:  regexp.MustCompile(`^[\x20-\x7e]+$`),
	Describe: "use printable ASCII characters only",
}
