package cloud

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"sync"
)

// uuidShape is compiled on first use, like every expression the program
// does not need to start (start_test.go bounds what init allocates).
var uuidShape = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[0-9A-Za-z]{8}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}-[0-9A-Za-z]{12}$`)
})

// formatName describes a format for messages and help.
func formatName(f Format) string {
	switch f {
	case CIDR:
		return "an IPv4 CIDR block with no host bits, such as 10.0.0.0/24"
	case CIDRLoose:
		return "an IPv4 CIDR block such as 10.0.0.0/24"
	case CIDRList, CIDRListLoose:
		return "comma-separated IPv4 CIDR blocks, such as 10.0.1.0/24,10.0.2.0/24"
	case IPv4:
		return "an IPv4 address such as 192.0.2.10"
	case InterfaceAddr:
		return "a host address with its prefix, such as 169.254.76.1/30"
	case UUID:
		return "a 36-character id such as b32d91a4-9a1c-4a8d-8a86-e907174eb11d"
	case UUIDOrIPv4:
		return "a 36-character EIP id or an IPv4 address"
	case Digits:
		return "a whole number written as a string"
	case JSON:
		return "a JSON document"
	}
	return "text"
}

// checkFormat returns "" when s has format f, else what is wrong.
func checkFormat(s string, f Format) string {
	switch f {
	case CIDR, CIDRLoose:
		if _, err := ParseNetwork(s, f == CIDR); err != nil {
			return err.Error()
		}
	case CIDRList, CIDRListLoose:
		if _, err := parseCIDRList(s, f == CIDRList); err != nil {
			return err.Error() + " (expected " + formatName(f) + ")"
		}
	case IPv4:
		if _, err := ParseIPv4(s); err != nil {
			return err.Error()
		}
	case InterfaceAddr:
		if _, err := ParseInterfaceAddr(s); err != nil {
			return err.Error()
		}
	case UUID:
		if !uuidShape().MatchString(s) {
			return fmt.Sprintf("%q is not %s", s, formatName(f))
		}
	case UUIDOrIPv4:
		if _, err := ParseIPv4(s); err != nil && !uuidShape().MatchString(s) {
			return fmt.Sprintf("%q is not %s", s, formatName(f))
		}
	case Digits:
		if _, err := strconv.ParseInt(s, 10, 64); err != nil {
			return fmt.Sprintf("%q is not %s", s, formatName(f))
		}
	case JSON:
		if !json.Valid([]byte(s)) {
			return "is not a valid JSON document"
		}
	}
	return ""
}
