package aliyun

import (
	"net/url"

	"tunnelwiz/cloud"
)

// RegionChars keeps region ids to what can sit in a host name
// (vpc.<region>.aliyuncs.com) and in an HTTP header.
var RegionChars = cloud.NewCharset(`^[a-z0-9]+(-[a-z0-9]+)*$`,
	"use lower-case letters, digits and single hyphens, such as cn-shanghai")

// HeaderChars keeps values sent in HTTP headers printable and unbroken.
var HeaderChars = cloud.NewCharset(`^[\x21-\x7e]+$`,
	"use printable ASCII characters without spaces")

// CheckBaseURL is the endpoint rule: the SDK takes a host[:port] and a
// protocol, so a path, query or user name could not be sent.
var CheckBaseURL = cloud.CheckBaseURL(false)

// ParseBase parses a base URL per CheckBaseURL's rule.
func ParseBase(s string) (*url.URL, error) { return cloud.ParseBaseURL(s, false) }

// ASCIIChars is the ClientToken rule: "can contain only ASCII characters".
// Control characters are left out: they cannot be typed and break logs.
var ASCIIChars = cloud.NewCharset(`^[\x20-\x7e]+$`,
	"use printable ASCII characters only")
