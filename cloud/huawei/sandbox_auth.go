package huawei

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
	"tunnelwiz/cloud/internal/canon"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// The SDK-HMAC-SHA256 signature as Huawei's API gateway checks it
// (vendor-facts.md; SDK core/auth/signer/signer.go):
//
//	canonical = METHOD \n URI-with-trailing-slash \n sorted query \n
//	            signed headers "name:value\n"... \n signed names ";" \n hex(sha256(body))
//	to sign   = "SDK-HMAC-SHA256" \n X-Sdk-Date \n hex(sha256(canonical))
//	signature = hex(HMAC-SHA256(SK, to sign))
//
// The body is hashed as received, with the trailing newline the SDK's
// JSON encoder writes. X-Sdk-Date may be at most 15 minutes off the
// gateway's clock (APIG FAQ "signature expired": x-sdk-date more than 15
// min from the server's time). The scheme signs no nonce: inside those
// 15 minutes a copied request passes again, here as at the gateway.
const (
	sigAlgorithm = "SDK-HMAC-SHA256"
	dateFormat   = "20060102T150405Z"
	maxSkew      = 15 * time.Minute
)

// verify checks a request's signature against the sandbox's keys. The
// refusal messages follow APIGW.0301's "Incorrect IAM authentication
// information: ..." texts (API Request Signing Guide FAQ api-sign-0001).
func verify(r *http.Request, body []byte, keys cloud.Credentials, now time.Time) *sandbox.Refusal {
	auth := func(reason sandbox.Reason, format string, args ...any) *sandbox.Refusal {
		return &sandbox.Refusal{Code: cloud.CodeAuth, Reason: reason, Message: fmt.Sprintf(format, args...)}
	}
	access, signed, sig, ok := parseAuthorization(r.Header.Get("Authorization"))
	if !ok {
		return auth(sandbox.ReasonAuth, "the Authorization header is missing or not %s Access=..., SignedHeaders=..., Signature=...", sigAlgorithm)
	}
	if access != keys.ID {
		return auth(sandbox.ReasonAuth, "Get secretKey failed,ak:%s,err:ak not exist", access)
	}
	date := r.Header.Get("X-Sdk-Date")
	t, err := time.Parse(dateFormat, date)
	if err != nil || !contains(signed, "x-sdk-date") {
		return auth(sandbox.ReasonAuth, "x-sdk-date %q is missing, unsigned or not in the format %s", date, dateFormat)
	}
	if d := now.Sub(t); d > maxSkew || d < -maxSkew {
		return auth(sandbox.ReasonExpired, "signature expired, signature time:%s,server time:%s", date, now.UTC().Format(dateFormat))
	}
	payload, ref := payloadHash(r, body)
	if ref != nil {
		return ref
	}
	want := sign(canonicalRequest(r, payload, signed), date, keys.Secret)
	if !hmac.Equal([]byte(want), []byte(strings.ToLower(sig))) {
		return auth(sandbox.ReasonAuth, "verify aksk signature fail")
	}
	return nil
}

// parseAuthorization splits "SDK-HMAC-SHA256 Access=AK,
// SignedHeaders=a;b, Signature=hex".
func parseAuthorization(h string) (access string, signed []string, sig string, ok bool) {
	rest, found := strings.CutPrefix(h, sigAlgorithm+" ")
	if !found {
		return "", nil, "", false
	}
	for _, part := range strings.Split(rest, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "Access":
			access = v
		case "SignedHeaders":
			signed = strings.Split(v, ";")
		case "Signature":
			sig = v
		}
	}
	return access, signed, sig, access != "" && len(signed) > 0 && sig != ""
}

// payloadHash is the canonical request's last line: the hex SHA-256 of
// the body received. The SDK writes it into X-Sdk-Content-Sha256 only
// for a body that is not JSON, as UNSIGNED-PAYLOAD (core/auth/signer
// processContentHeader), and signs the header then; a client may also
// send the hash itself. Either way the header is never taken on trust:
// a hash must be the received body's (else a body swapped under a valid
// signature, with the signed body's hash in the header, would pass), and
// UNSIGNED-PAYLOAD is taken only where there is no body to leave
// unsigned. tunnelwiz sends every body as JSON, so it never sends it.
func payloadHash(r *http.Request, body []byte) (string, *sandbox.Refusal) {
	sum := hexSHA256(body)
	switch v := r.Header.Get("X-Sdk-Content-Sha256"); {
	case v == "":
		return sum, nil
	case v == "UNSIGNED-PAYLOAD" && len(body) == 0:
		return v, nil
	case v == "UNSIGNED-PAYLOAD":
		return "", &sandbox.Refusal{Code: cloud.CodeAuth, Reason: sandbox.ReasonAuth,
			Message: "X-Sdk-Content-Sha256 is UNSIGNED-PAYLOAD on a request with a body: the tunnelwiz sandbox takes signed bodies only"}
	case !strings.EqualFold(v, sum):
		return "", &sandbox.Refusal{Code: cloud.CodeAuth, Reason: sandbox.ReasonAuth,
			Message: "X-Sdk-Content-Sha256 is not the SHA-256 of the body received"}
	default:
		return v, nil // as sent: the client signed the header's text
	}
}

// canonicalRequest rebuilds the string the SDK signed, from the request
// as received and the payload hash.
func canonicalRequest(r *http.Request, payload string, signed []string) string {
	var b strings.Builder
	b.WriteString(r.Method + "\n")
	b.WriteString(canonicalURI(r.URL.Path) + "\n")
	b.WriteString(canonicalQuery(r.URL.Query()) + "\n")
	for _, h := range signed {
		values := r.Header.Values(h)
		if h == "host" {
			values = []string{r.Host}
		}
		values = append([]string(nil), values...)
		sort.Strings(values)
		for _, v := range values {
			b.WriteString(h + ":" + strings.TrimSpace(v) + "\n")
		}
	}
	b.WriteString("\n" + strings.Join(signed, ";") + "\n" + payload)
	return b.String()
}

func sign(canonical, date, secret string) string {
	toSign := sigAlgorithm + "\n" + date + "\n" + hexSHA256([]byte(canonical))
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(toSign))
	return hex.EncodeToString(m.Sum(nil))
}

func hexSHA256(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// canonicalURI escapes each path segment and ends the path with "/".
func canonicalURI(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		segs[i] = escape(s)
	}
	u := strings.Join(segs, "/")
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// canonicalQuery is the shared canonical form with this vendor's encoding.
func canonicalQuery(q url.Values) string { return canon.Query(q, escape) }

// escape percent-encodes all but A-Z a-z 0-9 _ - ~ . in upper-case hex.
func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '~' || c == '.' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
