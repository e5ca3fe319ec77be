package huawei

import (
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"

	"tunnelwiz/cloud"
)

// codes maps Huawei's error codes onto tunnelwiz's. Sources:
//   - VPN.*: the VPN API reference, appendix "Error Codes" (vpn_api_0067,
//     checked 2026-11): VPN.0001 400 invalid request, VPN.0002 500 server
//     error, VPN.0003 403 access denied, VPN.0004 404 resource not found,
//     VPN.0030 400 system busy (retry later), VPN.0031 400 repeated
//     operation, VPN.0560 400 EIP quota, VPN.0563 404 connection does not
//     exist. The table names no code of its own for a duplicate name, a
//     subnet conflict or the connection quota: those come back as
//     VPN.0001, and refine below.
//   - APIG(W).*: the API gateway in front of every service (APIG user
//     guide "Error Codes" apig_03_0048 and the API Request Signing Guide
//     FAQ api-sign-0001): 0301 401 incorrect IAM authentication (bad
//     signature, unknown AK, clock skew), 0302 403 IAM user not
//     authorized, 0303 app authentication, 0308 429 throttling threshold
//     reached, 0101 404 API not found (a wrong endpoint, not a missing
//     resource).
var codes = map[string]cloud.Code{
	"VPN.0001": cloud.CodeInvalid,
	"VPN.0002": cloud.CodeUnavailable,
	"VPN.0003": cloud.CodeAuth,
	"VPN.0004": cloud.CodeNotFound,
	"VPN.0030": cloud.CodeThrottled,
	"VPN.0031": cloud.CodeConflict,
	"VPN.0560": cloud.CodeQuota,
	"VPN.0563": cloud.CodeNotFound,

	"APIGW.0301": cloud.CodeAuth, "APIG.0301": cloud.CodeAuth,
	"APIGW.0302": cloud.CodeAuth, "APIG.0302": cloud.CodeAuth,
	"APIGW.0303": cloud.CodeAuth, "APIG.0303": cloud.CodeAuth,
	"APIGW.0308": cloud.CodeThrottled, "APIG.0308": cloud.CodeThrottled,
	"APIGW.0101": cloud.CodeUnknown, "APIG.0101": cloud.CodeUnknown,
}

// invalidRefinements tell VPN.0001's kinds apart by its message, since
// Huawei gives a conflict or a quota no code of its own.
var invalidRefinements = []struct {
	words []string
	code  cloud.Code
}{
	{[]string{"quota", "upper limit"}, cloud.CodeQuota},
	{[]string{"already exist", "conflict", "overlap", "duplicate"}, cloud.CodeConflict},
	{[]string{"not found", "not exist"}, cloud.CodeNotFound},
}

// codeFor maps an HTTP status and a vendor code (and VPN.0001's message).
func codeFor(status int, vendorCode, msg string) cloud.Code {
	if status >= 500 {
		return cloud.CodeUnavailable
	}
	if c, ok := codes[vendorCode]; ok {
		if c != cloud.CodeInvalid {
			return c
		}
		if status == http.StatusConflict {
			return cloud.CodeConflict
		}
		low := strings.ToLower(msg)
		for _, r := range invalidRefinements {
			for _, w := range r.words {
				if strings.Contains(low, w) {
					return r.code
				}
			}
		}
		return c
	}
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return cloud.CodeAuth
	case status == http.StatusNotFound:
		return cloud.CodeNotFound
	case status == http.StatusConflict:
		return cloud.CodeConflict
	case status == http.StatusTooManyRequests:
		return cloud.CodeThrottled
	case status >= 400 && status < 500:
		return cloud.CodeInvalid
	}
	return cloud.CodeUnknown
}

// mapError turns an SDK service error into *cloud.APIError and wraps
// anything else (timeouts, resets, a dropped connection: the SDK returns
// net/http's *url.Error as it is) with %w, so that cloud.Lost sees it.
func mapError(err error) error {
	var sr *sdkerr.ServiceResponseError
	if !errors.As(err, &sr) {
		var v sdkerr.ServiceResponseError
		if !errors.As(err, &v) {
			return fmt.Errorf("huawei: %w", err)
		}
		sr = &v
	}
	return &cloud.APIError{
		Vendor:     API,
		Code:       codeFor(sr.StatusCode, sr.ErrorCode, sr.ErrorMessage),
		VendorCode: sr.ErrorCode,
		Message:    sr.ErrorMessage,
		RequestID:  sr.RequestId,
		HTTPStatus: sr.StatusCode,
		Field:      fieldOf(sr.ErrorCode, sr.ErrorMessage),
	}
}

// pathWord finds parameter names in a message: words with an underscore
// or a dot, such as vpn_connection.peer_subnets[1] or cgw_id.
var pathWord = regexp.MustCompile(`[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*|\[\d+\])*`)

// fieldOf returns the parameter a refusal names: the longest catalog
// path in the message (Huawei's "invalid request: xxx" messages name the
// parameter), else the gateway a not-found message speaks of.
func fieldOf(code, msg string) string {
	best := ""
	for _, w := range pathWord.FindAllString(msg, -1) {
		if !strings.ContainsAny(w, "_.") {
			continue
		}
		inst := w
		if !strings.HasPrefix(inst, "vpn_connection.") && inst != "vpn_connection" {
			inst = "vpn_connection." + inst
		}
		if catalog().Field(indexless.ReplaceAllString(inst, "[]")) != nil && len(inst) > len(best) {
			best = inst
		}
	}
	if best != "" || codes[code] != cloud.CodeNotFound {
		return best
	}
	low := strings.ToLower(msg)
	switch {
	case strings.Contains(low, "customer gateway") || strings.Contains(low, "cgw"):
		return p("cgw_id")
	case strings.Contains(low, "vpn gateway") || strings.Contains(low, "vgw"):
		return p("vgw_id")
	}
	return ""
}

var indexless = regexp.MustCompile(`\[\d+\]`)
