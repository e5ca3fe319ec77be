package cloud

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
)

// Code is the small set of failure kinds the UI and the retry logic act
// on, whatever the vendor. The vendor's own code, message and request id
// stay in APIError for the user and for support.
type Code string

const (
	CodeInvalid     Code = "invalid-parameter" // fix a field and try again
	CodeConflict    Code = "conflict"          // clashes with something that exists (name, CIDR)
	CodeQuota       Code = "quota"             // a limit is reached
	CodeNotFound    Code = "not-found"         // a referenced gateway or VPC does not exist
	CodeThrottled   Code = "throttled"         // too many requests: back off and retry
	CodeAuth        Code = "auth"              // keys, signature, clock or permission
	CodeUnavailable Code = "unavailable"       // the service failed (5xx): the create may or may not have happened
	CodeUnknown     Code = "unknown"
)

// APIError is a vendor's refusal, mapped onto a Code.
type APIError struct {
	Vendor     string
	Code       Code
	VendorCode string // e.g. InvalidParameterValue.VpnConnCidrConflict, VPN.0001, IllegalParam.LocalSubnet
	Message    string
	RequestID  string
	HTTPStatus int
	// Field is the parameter path the vendor's code points at, when the
	// driver can tell (the wizard sends the user back to it).
	Field string
}

func (e *APIError) Error() string {
	s := fmt.Sprintf("%s: %s", e.Vendor, e.Code)
	if e.VendorCode != "" {
		s += " (" + e.VendorCode + ")"
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.RequestID != "" {
		s += " [request id " + e.RequestID + "]"
	}
	return s
}

// CodeOf returns an error's Code: the APIError's, CodeUnavailable for an
// answer that never arrived (timeout, reset, dropped connection), else
// CodeUnknown.
func CodeOf(err error) Code {
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.Code
	}
	if Lost(err) {
		return CodeUnavailable
	}
	return CodeUnknown
}

// Lost reports whether a request's answer was lost in transit: the vendor
// may have acted on it, so a create must be looked up before it is sent
// again. A context canceled by the caller is not lost: the user stopped.
func Lost(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	var ae *APIError
	if errors.As(err, &ae) {
		return ae.Code == CodeUnavailable
	}
	// A connection never made (refused, no route, unknown host) sent
	// nothing: it is not a lost answer.
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Op == "dial" {
		return false
	}
	var de *net.DNSError
	if errors.As(err, &de) {
		return false
	}
	var ne net.Error
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) ||
		errors.Is(err, net.ErrClosed)
}

// MayExistError: a create was sent, no answer said what became of it, and
// no connection that fits it was found (or the look-up failed). The cloud
// may still have made it, or make it shortly: the engineer must look
// before creating again.
type MayExistError struct {
	Filter  Filter
	Err     error // why the create's outcome is unknown
	LookErr error // why the look-up failed, if it did
}

func (e *MayExistError) Error() string {
	var what []string
	if e.Filter.VPNGatewayID != "" {
		what = append(what, "on VPN gateway "+e.Filter.VPNGatewayID)
	}
	if e.Filter.CustomerGatewayID != "" {
		what = append(what, "to customer gateway "+e.Filter.CustomerGatewayID)
	}
	if e.Filter.Name != "" {
		what = append(what, "named "+strconv.Quote(e.Filter.Name))
	}
	var cn *CreatedNoIDError
	if errors.As(e.Err, &cn) {
		return fmt.Sprintf("%v; looking again failed too. The connection exists: find it %s (the console, or the vendor's DescribeVpnConnections) rather than applying again",
			e.Err, strings.Join(what, " "))
	}
	looked := "no connection that fits it was found yet"
	if e.LookErr != nil {
		looked = "looking it up failed (" + e.LookErr.Error() + ")"
	}
	return fmt.Sprintf("the create was sent but its outcome is unknown (%v); %s. The connection may exist: look for one %s (the console, or the vendor's DescribeVpnConnections) before applying again",
		e.Err, looked, strings.Join(what, " "))
}

func (e *MayExistError) Unwrap() error { return e.Err }

// CreatedNoIDError: the vendor accepted the create, but its answer names
// no id and the listing that would find it failed. The connection exists:
// the create must not be sent again, only looked up.
type CreatedNoIDError struct {
	Vendor    string
	RequestID string
	Err       error
}

func (e *CreatedNoIDError) Error() string {
	return fmt.Sprintf("%s: the connection was created (request id %s), but its answer names no id and looking it up failed: %v", e.Vendor, e.RequestID, e.Err)
}

func (e *CreatedNoIDError) Unwrap() error { return e.Err }
