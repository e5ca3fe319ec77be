package tencent

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"

	"tunnelwiz/cloud"
)

// exactCodes are Tencent codes whose kind their family does not tell.
// Sources: SDK vpc errors.go (v1.0.1100) for the product's codes and the
// API 3.0 common error code list for the rest.
var exactCodes = map[string]cloud.Code{
	// "入参重复": what a second connection with the same name gets.
	"InvalidParameterValue.Duplicate": cloud.CodeConflict,
	"ResourceInUse":                   cloud.CodeConflict,
	// "SPD本端网段冲突": the local SPD blocks clash with another tunnel's.
	"UnsupportedOperation.VpnConnSPDOverlap": cloud.CodeConflict,
	// The gateway or tunnel is busy (another task, a state that refuses
	// changes): it clashes with what exists now, a later try may pass.
	"UnsupportedOperation.InvalidState":        cloud.CodeConflict,
	"UnsupportedOperation.VpnConnInvalidState": cloud.CodeConflict,
	// DeleteVpnConnection's (SDK client.go): the tunnel's state refuses a
	// delete (it is being made or deleted), or another task holds it.
	"UnsupportedOperation.DeleteVpnConnInvalidState": cloud.CodeConflict,
	"UnsupportedOperation.MutexOperationTaskRunning": cloud.CodeConflict,
	"OperationDenied.MutexTaskRunning":               cloud.CodeConflict,
	"ResourceUnavailable":                            cloud.CodeConflict,
	// "接口请求次数超过限频": a rate limit, although named like a quota.
	"LimitExceeded.ActionLimited": cloud.CodeThrottled,
	// "参数值超出限制": a value too large, not an account quota.
	"InvalidParameterValue.LimitExceeded": cloud.CodeInvalid,
	"ResourceInsufficient":                cloud.CodeQuota,
	"IpInBlacklist":                       cloud.CodeAuth,
	"IpNotInWhitelist":                    cloud.CodeAuth,
	"ServiceUnavailable":                  cloud.CodeUnavailable,
	"InternalServerError":                 cloud.CodeUnavailable,
}

// familyCodes map a code's leading word (before the first dot, or the
// whole code) to its kind, tried in order after exactCodes.
var familyCodes = []struct {
	prefix string
	code   cloud.Code
}{
	{"RequestLimitExceeded", cloud.CodeThrottled}, // also .UinLimitExceeded, .IPLimitExceeded
	{"AuthFailure", cloud.CodeAuth},               // .SignatureFailure, .SecretIdNotFound, .SignatureExpire, .TokenFailure ...
	{"UnauthorizedOperation", cloud.CodeAuth},     // CAM refuses the action
	{"OperationDenied", cloud.CodeAuth},           // account state (arrears ...)
	{"InternalError", cloud.CodeUnavailable},      // .ModuleError ...
	{"LimitExceeded", cloud.CodeQuota},            // LimitExceeded, .TagQuota ...
	{"ResourceNotFound", cloud.CodeNotFound},
	{"InvalidParameter", cloud.CodeInvalid}, // also InvalidParameterValue.*
	{"MissingParameter", cloud.CodeInvalid},
	{"UnknownParameter", cloud.CodeInvalid},
	{"UnsupportedOperation", cloud.CodeInvalid},
	{"InvalidAction", cloud.CodeInvalid},
	{"NoSuchVersion", cloud.CodeInvalid},
	{"NoSuchProduct", cloud.CodeInvalid},
	{"InvalidRegion", cloud.CodeInvalid},
	{"UnsupportedRegion", cloud.CodeInvalid},
	{"UnsupportedProtocol", cloud.CodeInvalid},
	{"InvalidRequest", cloud.CodeInvalid},
	{"RequestSizeLimitExceeded", cloud.CodeInvalid},
	{"ActionOffline", cloud.CodeInvalid},
}

// classify maps a Tencent error code onto the vendor-neutral codes.
// status is the HTTP status of the answer (0 when none arrived): the SDK's
// own ClientError.* codes say nothing of the service, the status does.
func classify(code string, status int) cloud.Code {
	if c, ok := exactCodes[code]; ok {
		return c
	}
	// Auth first: AuthFailure.SecretIdNotFound is a key problem, not a
	// missing resource.
	if strings.HasPrefix(code, "AuthFailure") || strings.HasPrefix(code, "UnauthorizedOperation") {
		return cloud.CodeAuth
	}
	// Clashes with an existing CIDR or address: VpnConnCidrConflict,
	// VpcCidrConflict, VpnConnSpdCidrConflict, VpnConnBgpTunnelCidrConflict,
	// VpnConnHealthCheckIpConflict, VpcPeerCidrConflict ...
	if strings.HasSuffix(code, "CidrConflict") || strings.HasSuffix(code, "IpConflict") {
		return cloud.CodeConflict
	}
	// Invalid<Thing>Id.NotFound, InvalidParameterValue.<Thing>NotFound
	// name a referenced resource; UnsupportedOperation.*NotFound do not.
	if strings.HasSuffix(code, "NotFound") && !strings.HasPrefix(code, "UnsupportedOperation") {
		return cloud.CodeNotFound
	}
	if strings.HasPrefix(code, "ClientError.") {
		switch {
		case status >= 500:
			return cloud.CodeUnavailable
		case status == 429:
			return cloud.CodeThrottled
		}
		return cloud.CodeUnknown
	}
	// Invalid<Thing>Id.Malformed and the like.
	if strings.HasPrefix(code, "Invalid") && strings.Contains(code, "Id.") {
		return cloud.CodeInvalid
	}
	family := code
	if i := strings.IndexByte(code, '.'); i >= 0 {
		family = code[:i]
	}
	for _, f := range familyCodes {
		if strings.HasPrefix(family, f.prefix) {
			return f.code
		}
	}
	return cloud.CodeUnknown
}

// codeFields name the parameter a code points at, where the code alone
// tells. "spd" is resolved against the request (see fieldFor).
var codeFields = map[string]string{
	"InvalidParameterValue.VpnConnCidrConflict":              "spd",
	"InvalidParameterValue.VpcCidrConflict":                  "spd",
	"InvalidParameterValue.VpnConnSpdCidrConflict":           "SecurityPolicyDatabases",
	"UnsupportedOperation.VpnConnSPDOverlap":                 "SecurityPolicyDatabases",
	"InvalidParameterValue.VpnConnBgpTunnelCidrConflict":     "BgpConfig.TunnelCidr",
	"InvalidParameterValue.VpnConnBgpTunnelCidrMask":         "BgpConfig.TunnelCidr",
	"InvalidParameterValue.VpnConnBgpTunnelCidrNotSupported": "BgpConfig",
	"InvalidParameterValue.VpnConnHealthCheckIpConflict":     "HealthCheckLocalIp",
	"UnsupportedOperation.VpnGwVpcIdMustHave":                "VpcId",
	"UnsupportedOperation.VpnUnsupportedBgp":                 "RouteType",
	"InvalidVpcId.NotFound":                                  "VpcId",
	"InvalidVpcId.Malformed":                                 "VpcId",
	"InvalidVpnGatewayId.NotFound":                           "VpnGatewayId",
	"InvalidVpnGatewayId.Malformed":                          "VpnGatewayId",
}

// backticked finds the `name` quotes Tencent's messages put around
// parameter names and values.
var backticked = regexp.MustCompile("`([^`]+)`")

// fieldFor is the parameter an error points at: from the code's own
// table, else a parameter name the message quotes, else (for a missing
// resource) the parameter whose value the message names.
func fieldFor(code, msg string, p cloud.Params) string {
	if f, ok := codeFields[code]; ok {
		if f != "spd" {
			return f
		}
		// The destination CIDRs are the SPD's remote blocks on a policy
		// tunnel and the route's destination on a route tunnel.
		if p.Has("Route") && !p.Has("SecurityPolicyDatabases") {
			return "Route.DestinationCidrBlock"
		}
		return "SecurityPolicyDatabases"
	}
	if strings.Contains(code, ".Tag") {
		return "Tags"
	}
	for _, m := range backticked.FindAllStringSubmatch(msg, -1) {
		if catalog().Field(pattern(m[1])) != nil {
			return m[1]
		}
	}
	if classify(code, 0) == cloud.CodeNotFound && p != nil {
		for _, path := range []string{"VpnGatewayId", "CustomerGatewayId", "VpcId"} {
			if v := p.Str(path); v != "" && strings.Contains(msg, v) {
				return path
			}
		}
	}
	return ""
}

var index = regexp.MustCompile(`\[\d+\]`)

// pattern turns an instance path (Tags[0].Key) into its catalog path (Tags[].Key).
func pattern(inst string) string { return index.ReplaceAllString(inst, "[]") }

// toError turns what the SDK returned into this package's errors: a
// vendor refusal becomes a *cloud.APIError; an answer that never arrived
// keeps its cause (timeouts, resets, EOF) so that cloud.Lost sees it.
func toError(ctx context.Context, action string, err error, status int, p cloud.Params) error {
	var se *tcerr.TencentCloudSDKError
	if !errors.As(err, &se) {
		return fmt.Errorf("tencent %s: %w", action, err)
	}
	if se.Code == "ClientError.NetworkError" {
		if ctx.Err() != nil {
			return fmt.Errorf("tencent %s: %w", action, ctx.Err())
		}
		if cause := errors.Unwrap(se); cause != nil && cloud.Lost(cause) {
			return fmt.Errorf("tencent %s: no answer: %w", action, se)
		}
		// A failure the transport did not classify: still no answer.
		return &cloud.APIError{Vendor: API, Code: cloud.CodeUnavailable, VendorCode: se.Code, Message: se.Error()}
	}
	return &cloud.APIError{
		Vendor:     API,
		Code:       classify(se.Code, status),
		VendorCode: se.Code,
		Message:    se.Message,
		RequestID:  se.RequestId,
		HTTPStatus: status,
		Field:      fieldFor(se.Code, se.Message, p),
	}
}
