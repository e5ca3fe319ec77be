package tencentv2

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// The sandbox's API 2.0 frontend: /v2/index.php with Action, the common
// parameters and the HmacSHA1/HmacSHA256 signature, answering in API 2.0's
// {"code","message","codeDesc",...} envelope. Like the real endpoint it
// takes the parameters from the query (GET) or the form body (POST) and
// answers refusals with HTTP 200 and a non-zero code; only an internal
// failure is a 5xx here (the ErrorAfterCommit fault), still with the
// envelope (code 6000, "internal error on the server").

func init() { sandbox.Register(frontend{}) }

type frontend struct{}

// maxSkew is how far a request's Timestamp may be from the sandbox clock.
// Tencent documents 2 hours for API 2.0 (common error 4500); the sandbox
// holds every vendor to the same 15 minutes.
const maxSkew = 15 * time.Minute

func (frontend) Vendor() string { return Vendor }

// Match claims the API 2.0 path; API 3.0 requests go to "/".
func (frontend) Match(r *http.Request) bool { return r.URL.Path == Path }

func (frontend) Op(r *http.Request, body []byte) sandbox.Op {
	q, _ := requestParams(r, body)
	switch q.Get("Action") {
	case Action:
		return sandbox.OpCreate
	case actionConns:
		if q.Get("vpnConnId") != "" {
			return sandbox.OpConnection
		}
		return sandbox.OpConnections
	case actionVpcs, actionGateways, actionCustomerGws:
		return sandbox.OpInventory
	case actionDelete:
		return sandbox.OpDelete
	}
	return sandbox.OpOther
}

// failure is an API 2.0 refusal.
type failure struct {
	status int
	code   int
	desc   string
	msg    string
}

func invalid(format string, args ...any) *failure {
	return &failure{http.StatusOK, 4000, "InvalidParameter", fmt.Sprintf(format, args...)}
}

// reasons maps the sandbox's refusals onto API 2.0 answers. Business
// errors travel as code 4000 with the module code in codeDesc, as API 2.0
// modules answer (e.g. {"code":4000,"codeDesc":"InvalidParameter",...}).
var reasons = map[sandbox.Reason]failure{
	sandbox.ReasonNoVPNGateway:      {http.StatusOK, 4000, "InvalidVpnGw.NotFound", "Invalid VPN gateway: the VPN gateway does not exist."},
	sandbox.ReasonNoCustomerGateway: {http.StatusOK, 4000, "InvalidUserGw.NotFound", "Invalid customer gateway: the customer gateway does not exist."},
	sandbox.ReasonNoVPC:             {http.StatusOK, 4000, "InvalidVpc.NotFound", "Invalid VPC: the VPC does not exist."},
	sandbox.ReasonNoConnection:      {http.StatusOK, 4000, "InvalidVpnConn.NotFound", "Invalid VPN tunnel: the VPN tunnel does not exist."},
	sandbox.ReasonDuplicateName:     {http.StatusOK, 4000, "InvalidVpnConnName.InUse", "The VPN tunnel name is already in use; it must be unique."},
	sandbox.ReasonCIDRConflict:      {http.StatusOK, 4000, "VpnConnCidrConflict", "The IDC CIDR conflicts with another tunnel of the VPN gateway."},
	sandbox.ReasonQuota:             {http.StatusOK, 4000, "VpnConnLimitExceeded", "The limit of VPN tunnels has been reached."},
	sandbox.ReasonInvalidState:      {http.StatusOK, 4000, "InvalidVpnConnState", "Invalid VPN tunnel status."},
	sandbox.ReasonInvalid:           {http.StatusOK, 4000, "InvalidParameter", "Invalid request parameter."},
	sandbox.ReasonAuth:              {http.StatusOK, 4100, "AuthFailure.SignatureFailure", "Authentication failed: the signature does not match."},
	sandbox.ReasonExpired:           {http.StatusOK, 4500, "AuthFailure.SignatureExpire", "Replay attack: the Timestamp is too far from the server's time."},
	sandbox.ReasonThrottled:         {http.StatusOK, 4400, "RequestLimitExceeded", "The number of requests exceeded the quota limit."},
	sandbox.ReasonInternal:          {http.StatusInternalServerError, 6000, "InternalError", "An internal error occurred on the server. Try again later."},
}

// Fail answers a refusal in the API 2.0 envelope.
func (frontend) Fail(w http.ResponseWriter, _ *http.Request, ref *sandbox.Refusal) {
	writeFailure(w, refusalFailure(ref))
}

func refusalFailure(ref *sandbox.Refusal) *failure {
	f, ok := reasons[ref.Reason]
	if !ok {
		f = failure{http.StatusOK, 4000, "InvalidParameter", ""}
	}
	if ref.Message != "" {
		f.msg = f.msg + " " + ref.Message + " (tunnelwiz sandbox)"
	}
	return &f
}

func (f frontend) Serve(w http.ResponseWriter, r *http.Request, body []byte, b *sandbox.Backend) {
	q, err := requestParams(r, body)
	if err != nil {
		writeFailure(w, invalid("the request's parameters cannot be read: %v", err))
		return
	}
	if fl := authenticate(r, q, b); fl != nil {
		writeFailure(w, fl)
		return
	}
	region := q.Get("Region")
	var fl *failure
	switch q.Get("Action") {
	case Action:
		fl = serveCreate(w, q, region, b)
	case actionConns:
		fl = serveConnections(w, q, region, b)
	case actionGateways:
		fl = serveGateways(w, q, region, b)
	case actionCustomerGws:
		fl = serveCustomerGateways(w, q, region, b)
	case actionVpcs:
		fl = serveVpcs(w, q, region, b)
	case actionDelete:
		fl = serveDelete(w, q, region, b)
	default:
		fl = invalid("the tunnelwiz sandbox does not serve Action %q on %s (it serves %s, %s, %s, %s, %s and %s)",
			q.Get("Action"), Path, Action, actionConns, actionDelete, actionGateways, actionCustomerGws, actionVpcs)
	}
	if fl != nil {
		writeFailure(w, fl)
	}
}

// requestParams reads the query and, for a form POST, the body (a form
// value wins over a query value, as PHP's $_REQUEST has it).
func requestParams(r *http.Request, body []byte) (url.Values, error) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, err
	}
	if r.Method != http.MethodPost || len(body) == 0 {
		return q, nil
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/x-www-form-urlencoded" {
		return nil, fmt.Errorf("a POST body must be application/x-www-form-urlencoded, not %q", r.Header.Get("Content-Type"))
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, err
	}
	for k, v := range form {
		q[k] = v
	}
	return q, nil
}

// authenticate checks the common parameters and the signature as the
// API 2.0 signature page describes: a SecretId that does not exist is
// 4104, a Timestamp too far off is 4500 (replay), a wrong signature 4100,
// a Nonce used before inside the window 4500 (replay).
func authenticate(r *http.Request, q url.Values, b *sandbox.Backend) *failure {
	for _, k := range []string{"Action", "SecretId", "Timestamp", "Nonce", SignatureParam} {
		if q.Get(k) == "" {
			return invalid("the common request parameter %s is missing", k)
		}
	}
	// The key id picks the account: the sandbox's own keys, or temporary
	// keys its STS issued (whose Token must come along).
	keys := b.KeysFor(q.Get("SecretId"))
	if q.Get("SecretId") != keys.ID {
		return &failure{http.StatusOK, 4104, "AuthFailure.SecretIdNotFound",
			"SecretId does not exist: the tunnelwiz sandbox takes only its own key id (see GET /_sandbox/info)."}
	}
	ts, err := strconv.ParseInt(q.Get("Timestamp"), 10, 64)
	if err != nil {
		return invalid("Timestamp must be a Unix time in seconds, got %q", q.Get("Timestamp"))
	}
	if n, err := strconv.ParseUint(q.Get("Nonce"), 10, 64); err != nil || n == 0 {
		return invalid("Nonce must be a positive integer, got %q", q.Get("Nonce"))
	}
	if skew := b.Now().Sub(time.Unix(ts, 0)); skew > maxSkew || skew < -maxSkew {
		return &failure{http.StatusOK, 4500, "AuthFailure.SignatureExpire",
			fmt.Sprintf("Replay attack: Timestamp %d is %s away from the server's time (at most %s).", ts, skew.Round(time.Second), maxSkew)}
	}
	switch m := q.Get("SignatureMethod"); m {
	case "", HmacSHA1, HmacSHA256:
	default:
		return invalid("SignatureMethod must be %s or %s, got %q", HmacSHA256, HmacSHA1, m)
	}
	if q.Get("Token") != keys.Token {
		return &failure{http.StatusOK, 4100, "AuthFailure.TokenFailure", "Authentication failed: the Token does not belong to this SecretId."}
	}
	if err := Verify(r.Method, r.Host, r.URL.Path, q, keys.Secret); err != nil {
		if errors.Is(err, ErrBadSignature) {
			return &failure{http.StatusOK, 4100, "AuthFailure.SignatureFailure",
				"Authentication failed: the Signature does not match the request (method, host, path and sorted parameters)."}
		}
		return invalid("%v", err)
	}
	// Checked after the signature, so that an unsigned copy cannot use up
	// the nonce of a request still to come.
	if !b.FirstUse(catalog().API, q.Get("Nonce"), time.Unix(ts, 0), maxSkew) {
		return replayed(q.Get("Nonce"))
	}
	b.Signed(Vendor, q.Get("Action"), keys.ID)
	return nil
}

// replayed is API 2.0's answer to a Nonce used before: common error 4500,
// "重放攻击" (replay attack): "the Nonce and Timestamp parameters make
// sure each request is executed once on the server, so this Nonce must
// not repeat the last one" (Tencent Cloud API 2.0 common error codes,
// cloud.tencent.com/document/product/213/1718 and 236/1718, checked
// 2026-11). The code is the one a stale Timestamp gets too; the 2.0 pages
// give no codeDesc for it, so codeDesc is the name the string-coded
// legacy API gives this error, InvalidRequest.ReplayAttack
// (cloud.tencent.com/document/product/213/11657).
func replayed(nonce string) *failure {
	return &failure{http.StatusOK, 4500, "InvalidRequest.ReplayAttack", fmt.Sprintf(
		"Replay attack: Nonce %s was used already by a request whose Timestamp is still within %s; "+
			"each request needs a Nonce of its own.", nonce, maxSkew)}
}

// writeOK answers a success: code 0 and the payload beside it.
func writeOK(w http.ResponseWriter, payload map[string]any) {
	out := map[string]any{"code": 0, "message": "", "codeDesc": "Success"}
	for k, v := range payload {
		out[k] = v
	}
	writeJSON(w, http.StatusOK, out)
}

func writeFailure(w http.ResponseWriter, f *failure) {
	writeJSON(w, f.status, map[string]any{"code": f.code, "message": f.msg, "codeDesc": f.desc})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	e := json.NewEncoder(w)
	e.SetEscapeHTML(false)
	e.Encode(v)
}

// compile-time check: the frontend is a sandbox.Frontend.
var _ sandbox.Frontend = frontend{}

// connStatus maps the sandbox's phase onto vpcConnStatus (0 creating,
// 4 deleting, 6 running).
func connStatus(ph cloud.Phase) int {
	switch ph {
	case cloud.PhaseAvailable:
		return 6
	case cloud.PhaseDeleting:
		return 4
	}
	return 0
}
