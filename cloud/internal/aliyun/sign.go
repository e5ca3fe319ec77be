package aliyun

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
	"tunnelwiz/cloud/internal/canon"

	"tunnelwiz/cloud"
)

// The sandbox checks signatures as the POP gateway in front of the VPC API
// does: ACS3-HMAC-SHA256 (what the v7 SDK sends, also through CallApi for
// the Apsara route) and the older RPC HMAC-SHA1 signature in the query.
// A refusal is a vendor code from Codes.

// MaxSkew is how far a request's timestamp may be from the server clock.
const MaxSkew = 15 * time.Minute

// Refused is why the gateway turned a request away: a code from Codes and
// a message saying what did not match.
type Refused struct {
	Code    string
	Message string
}

func refuse(code, detail string) *Refused {
	msg := Codes[code].Message
	if detail != "" {
		msg += " " + detail
	}
	return &Refused{Code: code, Message: msg}
}

const acs3 = "ACS3-HMAC-SHA256"

// VerifyACS3 checks an ACS3-HMAC-SHA256 Authorization header: the key id,
// the x-acs-date clock skew, the body hash, that host and every x-acs-*
// header are signed, and the signature itself.
func VerifyACS3(r *http.Request, body []byte, keys cloud.Credentials, now time.Time) *Refused {
	auth := r.Header.Get("Authorization")
	alg, rest, _ := strings.Cut(auth, " ")
	if alg != acs3 {
		return refuse("IncompleteSignature", "The sandbox takes ACS3-HMAC-SHA256 in the Authorization header or an RPC HMAC-SHA1 Signature parameter.")
	}
	parts := map[string]string{}
	for _, kv := range strings.Split(rest, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(kv), "=")
		parts[k] = v
	}
	id, signed, sig := parts["Credential"], parts["SignedHeaders"], parts["Signature"]
	if id == "" || signed == "" || sig == "" {
		return refuse("IncompleteSignature", "Credential, SignedHeaders and Signature are all required.")
	}
	if id != keys.ID {
		return refuse("InvalidAccessKeyId.NotFound", "")
	}
	if r := checkClock(r.Header.Get("x-acs-date"), now); r != nil {
		return r
	}
	if r.Header.Get("x-acs-signature-nonce") == "" {
		return refuse("IncompleteSignature", "x-acs-signature-nonce is required.")
	}
	// The body's hash is computed from what arrived and the header must
	// match it: the signature covers the header, so a swapped body is
	// refused whatever the header says. The v7 SDK always sends the hash
	// (no UNSIGNED-PAYLOAD), so nothing else is taken.
	payload := hexOf(string(body))
	if got := r.Header.Get("x-acs-content-sha256"); got != payload {
		return refuse("SignatureDoesNotMatch", "x-acs-content-sha256 is not the SHA-256 of the body.")
	}
	names := strings.Split(signed, ";")
	set := map[string]bool{}
	for _, n := range names {
		set[n] = true
	}
	if !sort.StringsAreSorted(names) || !set["host"] {
		return refuse("IncompleteSignature", "SignedHeaders must be sorted and include host.")
	}
	for h := range r.Header {
		if l := strings.ToLower(h); strings.HasPrefix(l, "x-acs-") && !set[l] {
			return refuse("IncompleteSignature", "Header "+l+" is sent but not signed.")
		}
	}
	var canon strings.Builder
	canon.WriteString(r.Method + "\n" + canonicalURI(r.URL) + "\n" + canonicalQuery(r.URL.Query()) + "\n")
	for _, n := range names {
		canon.WriteString(n + ":" + headerValue(r, n) + "\n")
	}
	// Each canonical header ends with a newline, and a newline follows the
	// block: the spec's CanonicalHeaders + '\n' + SignedHeaders.
	canon.WriteString("\n" + signed + "\n" + payload)
	h := sha256.Sum256([]byte(canon.String()))
	mac := hmac.New(sha256.New, []byte(keys.Secret))
	mac.Write([]byte(acs3 + "\n" + hex.EncodeToString(h[:])))
	want := hex.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(want), []byte(sig)) {
		return refuse("SignatureDoesNotMatch", "")
	}
	return nil
}

// VerifyRPC checks the RPC-style HMAC-SHA1 signature carried in the
// parameters (query and form body together, as signed).
func VerifyRPC(method string, params url.Values, keys cloud.Credentials, now time.Time) *Refused {
	sig := params.Get("Signature")
	if sig == "" || params.Get("SignatureNonce") == "" {
		return refuse("IncompleteSignature", "Signature and SignatureNonce are required.")
	}
	if m := params.Get("SignatureMethod"); m != "HMAC-SHA1" || params.Get("SignatureVersion") != "1.0" {
		return refuse("IncompleteSignature", "SignatureMethod must be HMAC-SHA1 and SignatureVersion 1.0.")
	}
	if params.Get("AccessKeyId") != keys.ID {
		return refuse("InvalidAccessKeyId.NotFound", "")
	}
	if r := checkClock(params.Get("Timestamp"), now); r != nil {
		return r
	}
	rest := url.Values{}
	for k, v := range params {
		if k != "Signature" {
			rest[k] = v
		}
	}
	toSign := method + "&" + percent("/") + "&" + percent(canonicalQuery(rest))
	mac := hmac.New(sha1.New, []byte(keys.Secret+"&"))
	mac.Write([]byte(toSign))
	want := base64.StdEncoding.EncodeToString(mac.Sum(nil))
	if !hmac.Equal([]byte(want), []byte(sig)) {
		return refuse("SignatureDoesNotMatch", "")
	}
	return nil
}

// checkClock reads an ISO 8601 UTC timestamp (2006-01-02T15:04:05Z) and
// refuses one more than MaxSkew away.
func checkClock(ts string, now time.Time) *Refused {
	t, err := time.Parse("2006-01-02T15:04:05Z", ts)
	if err != nil {
		return refuse("InvalidTimeStamp.Format", "Use UTC in the form 2006-01-02T15:04:05Z.")
	}
	if d := now.Sub(t); d > MaxSkew || d < -MaxSkew {
		return refuse("InvalidTimeStamp.Expired", "The request time is more than 15 minutes from the server time.")
	}
	return nil
}

// percent is the signature's percent-encoding: RFC 3986 unreserved
// characters stay, everything else is %XX (space as %20, not +).
func percent(s string) string {
	e := url.QueryEscape(s)
	e = strings.ReplaceAll(e, "+", "%20")
	e = strings.ReplaceAll(e, "*", "%2A")
	return strings.ReplaceAll(e, "%7E", "~")
}

// canonicalQuery is the shared canonical form with this vendor's encoding.
func canonicalQuery(q url.Values) string { return canon.Query(q, percent) }

func canonicalURI(u *url.URL) string {
	p := u.EscapedPath()
	if p == "" {
		return "/"
	}
	return p
}

// headerValue is a signed header's canonical value: trimmed, several
// values sorted and joined with commas. Go keeps Host apart from Header.
func headerValue(r *http.Request, name string) string {
	if name == "host" {
		return strings.TrimSpace(r.Host)
	}
	vs := r.Header.Values(name)
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = strings.TrimSpace(v)
	}
	sort.Strings(out)
	return strings.Join(out, ",")
}

// hexOf is the hex SHA-256 of s (the empty body's hash is the SDK's
// x-acs-content-sha256 for a request without one).
func hexOf(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
