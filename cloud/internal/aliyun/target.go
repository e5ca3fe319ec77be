package aliyun

import (
	"net/url"
	"regexp"

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

// CheckBaseURL is the endpoint rule: the SDK takes a host[:port] and a
// protocol, so a path, query or user name could not be sent.
var CheckBaseURL = cloud.CheckBaseURL(false)

// ParseBase parses a base URL per CheckBaseURL's rule.
func ParseBase(s string) (*url.URL, error) { return cloud.ParseBaseURL(s, false) }

// ASCIIChars is the ClientToken rule: "can contain only ASCII characters".
// Control characters are left out: they cannot be typed and break logs.
var ASCIIChars = &cloud.Charset{
	Pattern:  regexp.MustCompile(`^[\x20-\x7e]+$`),
	Describe: "use printable ASCII characters only",
}
