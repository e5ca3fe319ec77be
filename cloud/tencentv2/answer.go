package tencentv2

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"tunnelwiz/cloud"
)

// Vendor is the name errors carry (the catalog's API key).
const Vendor = "tencent-v2"

// envelope is every API 2.0 answer: {"code":0,"message":"","codeDesc":
// "Success",...} with the payload beside it (data, totalCount). Numbers
// come as numbers or as strings depending on the action (DescribeUserGw's
// documented answer has "code":"0", "totalCount":"20"), so they are read
// as json.Number, which takes both.
type envelope struct {
	Code       *json.Number    `json:"code"`
	Message    string          `json:"message"`
	CodeDesc   string          `json:"codeDesc"`
	RequestID  string          `json:"requestId"`
	TotalCount json.Number     `json:"totalCount"`
	Data       json.RawMessage `json:"data"`
}

// decodeEnvelope reads an answer. ok is false when the body is not an
// API 2.0 envelope at all (a gateway's HTML page, a truncated body).
func decodeEnvelope(body []byte) (env *envelope, code int64, ok bool) {
	env = &envelope{}
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	if err := d.Decode(env); err != nil || env.Code == nil {
		return nil, 0, false
	}
	code, err := env.Code.Int64()
	if err != nil {
		return nil, 0, false
	}
	return env, code, true
}

// refusal turns an answer that is not a success into a *cloud.APIError.
// API 2.0 answers refusals with HTTP 200 and a non-zero code; a non-2xx
// status with an envelope is read the same way, and one without an
// envelope (a load balancer's error page) is mapped by its status.
// p, when given, is the create request: it lets a CIDR conflict point at
// the subnet field that was actually sent.
func refusal(status int, body []byte, secrets []string, p cloud.Params) *cloud.APIError {
	env, code, ok := decodeEnvelope(body)
	if !ok || code == 0 {
		return httpRefusal(status, body, secrets)
	}
	e := &cloud.APIError{
		Vendor:     Vendor,
		VendorCode: env.CodeDesc,
		Message:    scrub([]byte(env.Message), secrets),
		RequestID:  env.RequestID,
		HTTPStatus: status,
	}
	if e.VendorCode == "" || e.VendorCode == "Success" {
		e.VendorCode = fmt.Sprint(code)
	} else {
		// Keep the common code too: it is what Tencent's pages index.
		e.Message = strings.TrimSpace(fmt.Sprintf("%s (code %d)", e.Message, code))
	}
	e.Code, e.Field = classify(code, env.CodeDesc, env.Message, p)
	return e
}

// httpRefusal maps an answer that carries no API 2.0 envelope. A 2xx
// without one means the answer was damaged on the way: the request may
// have been acted on, so it is treated like a lost answer (unavailable).
func httpRefusal(status int, body []byte, secrets []string) *cloud.APIError {
	e := &cloud.APIError{Vendor: Vendor, VendorCode: fmt.Sprintf("HTTP %d", status),
		Message: scrub(body, secrets), HTTPStatus: status, Code: cloud.CodeUnknown}
	switch {
	case status/100 == 2, status >= 500:
		e.Code = cloud.CodeUnavailable
	case status == http.StatusTooManyRequests:
		e.Code = cloud.CodeThrottled
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		e.Code = cloud.CodeAuth
	}
	if e.Message == "" {
		e.Message = http.StatusText(status)
	}
	return e
}

// descCodes maps the module error codes (codeDesc) that the VPN actions
// document, with the parameter each one points at. Sources: AddVpnConnEx
// (seed 003: InvalidVpc/VpnGw/UserGw.NotFound, InvalidVpnConnName,
// VpnConnLimitExceeded), its older English copy (InvalidVpnConnName.InUse:
// "the name must be unique within the same VPC"), DescribeVpnConn and
// DeleteVpnConn (InvalidVpnConn.NotFound, InvalidVpnConnState).
// VpnConnCidrConflict and RequestLimitExceeded are API 3.0's names for the
// same refusals; API 2.0 documents no name for them, and the sandbox uses
// these.
var descCodes = map[string]struct {
	code  cloud.Code
	field string
}{
	"InvalidParameter":         {cloud.CodeInvalid, ""},
	"InvalidVpc.NotFound":      {cloud.CodeNotFound, "vpcId"},
	"InvalidVpnGw.NotFound":    {cloud.CodeNotFound, "vpnGwId"},
	"InvalidUserGw.NotFound":   {cloud.CodeNotFound, "userGwId"},
	"InvalidVpnConn.NotFound":  {cloud.CodeNotFound, ""},
	"InvalidVpnConnName":       {cloud.CodeInvalid, "vpnConnName"},
	"InvalidVpnConnName.InUse": {cloud.CodeConflict, "vpnConnName"},
	"InvalidVpnConnState":      {cloud.CodeConflict, ""},
	"VpnConnLimitExceeded":     {cloud.CodeQuota, ""},
	"VpnConnCidrConflict":      {cloud.CodeConflict, subnetField},
	"RequestLimitExceeded":     {cloud.CodeThrottled, ""},
	"InternalError":            {cloud.CodeUnavailable, ""},
}

// subnetField stands for "whichever of userGwCidrBlock and spdAcl was sent".
const subnetField = "<subnets>"

// commonCodes are API 2.0's common error codes ("Common Error Codes",
// intl doc 377/8946 and the per-product copies of it): the first digits
// name the class. 4500 is a replayed Nonce or a Timestamp too far from
// Tencent's clock; 5100 (a resource operation failed) may have been
// partly done, so it is treated as unavailable and looked up before any
// retry.
var commonCodes = map[int64]cloud.Code{
	4000: cloud.CodeInvalid,     // invalid request parameter
	4100: cloud.CodeAuth,        // authentication (signature) failed
	4101: cloud.CodeAuth,        // sub-user not authorized for this API
	4102: cloud.CodeAuth,        // sub-user not authorized for the resource
	4103: cloud.CodeAuth,        // a sub-user's SecretId cannot call this API
	4104: cloud.CodeAuth,        // SecretId does not exist or is disabled
	4110: cloud.CodeAuth,        // permission check failed
	4200: cloud.CodeAuth,        // request expired
	4300: cloud.CodeAuth,        // access denied: account suspended
	4400: cloud.CodeThrottled,   // the number of requests exceeded the quota
	4500: cloud.CodeAuth,        // replay: Nonce reused or Timestamp off
	4600: cloud.CodeInvalid,     // protocol not supported
	5000: cloud.CodeNotFound,    // resource does not exist
	5100: cloud.CodeUnavailable, // resource operation failed
	5200: cloud.CodeQuota,       // purchase failed: configuration or stock
	5300: cloud.CodeQuota,       // purchase failed: balance
	5500: cloud.CodeAuth,        // user qualification not verified
	6000: cloud.CodeUnavailable, // internal server error
	6200: cloud.CodeUnavailable, // API temporarily unavailable
}

// classify picks the Code: the module code when it is known (it is the
// more precise), else its shape, else the common code's class.
func classify(code int64, desc, msg string, p cloud.Params) (cloud.Code, string) {
	if d, ok := descCodes[desc]; ok {
		field := d.field
		switch {
		case field == subnetField:
			field = "userGwCidrBlock"
			if p.Has("spdAcl") || !p.Has("userGwCidrBlock") {
				field = "spdAcl"
			}
		case field == "" && d.code == cloud.CodeInvalid:
			field = fieldIn(msg)
		}
		return d.code, field
	}
	switch {
	case strings.HasPrefix(desc, "AuthFailure"), strings.HasPrefix(desc, "UnauthorizedOperation"):
		return cloud.CodeAuth, ""
	case strings.HasSuffix(desc, ".NotFound"):
		return cloud.CodeNotFound, ""
	case strings.HasSuffix(desc, ".InUse"), strings.Contains(desc, "Conflict"):
		return cloud.CodeConflict, ""
	case strings.HasSuffix(desc, "LimitExceeded"):
		return cloud.CodeQuota, ""
	}
	if c, ok := commonCodes[code]; ok {
		field := ""
		if c == cloud.CodeInvalid {
			field = fieldIn(msg)
		}
		return c, field
	}
	return cloud.CodeUnknown, ""
}

// vpnConnStatus names DescribeVpnConn's vpcConnStatus codes; AddVpnConnEx
// answers 0 while the task runs.
var vpnConnStatus = map[string]string{
	"0": "creating", "1": "create-failed", "2": "modifying", "3": "modify-failed",
	"4": "deleting", "5": "delete-failed", "6": "available",
}

// phases maps those states onto the vendor-neutral lifecycle. A failed
// modification or deletion leaves a connection that did not do what was
// asked: failed, with the vendor's word kept in State.
var phases = map[string]cloud.Phase{
	"creating": cloud.PhasePending, "modifying": cloud.PhasePending,
	"create-failed": cloud.PhaseFailed, "modify-failed": cloud.PhaseFailed, "delete-failed": cloud.PhaseFailed,
	"deleting": cloud.PhaseDeleting, "available": cloud.PhaseAvailable,
}

func text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return fmt.Sprint(x)
	case float64:
		return fmt.Sprint(x)
	}
	return ""
}

// scrub masks secret values (answers echo preSharedKey) and shortens the
// text for an error message.
func scrub(b []byte, secrets []string) string {
	s := string(b)
	for _, sec := range secrets {
		if sec == "" {
			continue
		}
		s = strings.ReplaceAll(s, sec, cloud.Mask)
		if q, err := json.Marshal(sec); err == nil { // as escaped inside JSON text
			s = strings.ReplaceAll(s, strings.Trim(string(q), `"`), cloud.Mask)
		}
	}
	s = strings.TrimSpace(s)
	const max = 512
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "..."
	}
	return s
}
