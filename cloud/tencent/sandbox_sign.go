package tencent

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"tunnelwiz/cloud"
)

// The sandbox checks TC3-HMAC-SHA256 as the API 3.0 endpoint documents it
// ("Signature v3", Tencent Cloud API documentation): canonical request =
// method, "/", query (GET only), the signed headers as lower-case
// "name:value" lines, the signed header names, hex(sha256(body)); string
// to sign = algorithm, timestamp, "DATE/service/tc3_request",
// hex(sha256(canonical)); key = HMAC chain "TC3"+secret -> date -> service
// -> "tc3_request". The SDK signs the same way (common client.go).

// API 3.0 signs no nonce (its common parameters are X-TC-Action,
// X-TC-Timestamp, X-TC-Version, X-TC-Region, X-TC-Token: API 2.0's Nonce
// is gone), so the timestamp alone bounds a replay: inside the five
// minutes a copied request passes again, here as at the endpoint.

const (
	tc3Algorithm = "TC3-HMAC-SHA256"
	// maxSkew: "Timestamp and server time cannot differ by more than five
	// minutes" (common error AuthFailure.SignatureExpire).
	maxSkew = 5 * time.Minute
)

// authError is a refusal of the request's credentials, as Tencent words it.
type authError struct{ code, message string }

// tc3Header is a parsed Authorization header.
type tc3Header struct {
	id, date, service, terminator string
	signed                        []string
	signature                     string
}

// parseTC3 reads "TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request,
// SignedHeaders=a;b, Signature=hex".
func parseTC3(h string) (tc3Header, bool) {
	alg, rest, ok := strings.Cut(strings.TrimSpace(h), " ")
	if !ok || alg != tc3Algorithm {
		return tc3Header{}, false
	}
	var out tc3Header
	for _, part := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return tc3Header{}, false
		}
		switch k {
		case "Credential":
			// The SecretId itself holds no "/", so the scope is the last three parts.
			s := strings.Split(v, "/")
			if len(s) < 4 {
				return tc3Header{}, false
			}
			n := len(s)
			out.id, out.date, out.service, out.terminator = strings.Join(s[:n-3], "/"), s[n-3], s[n-2], s[n-1]
		case "SignedHeaders":
			out.signed = strings.Split(v, ";")
		case "Signature":
			out.signature = v
		}
	}
	return out, out.id != "" && out.signature != "" && len(out.signed) > 0
}

// verifyTC3 checks a vpc request's signature against the sandbox's keys.
func verifyTC3(r *http.Request, body []byte, keys cloud.Credentials, now time.Time) *authError {
	return verifyService(r, body, keys, now, "vpc")
}

// verifyService checks a request to one service (vpc, or sts for
// AssumeRole) against keys.
func verifyService(r *http.Request, body []byte, keys cloud.Credentials, now time.Time, service string) *authError {
	raw := r.Header.Get("Authorization")
	h, ok := parseTC3(raw)
	if !ok {
		return &authError{"AuthFailure.InvalidAuthorization",
			"The Authorization header does not follow the " + tc3Algorithm + " format (Credential=..., SignedHeaders=..., Signature=...)."}
	}
	ts, err := strconv.ParseInt(r.Header.Get("X-TC-Timestamp"), 10, 64)
	if err != nil {
		return &authError{"AuthFailure.SignatureFailure", "X-TC-Timestamp is not a UNIX time in seconds."}
	}
	at := time.Unix(ts, 0)
	if d := now.Sub(at); d > maxSkew || d < -maxSkew {
		return &authError{"AuthFailure.SignatureExpire", fmt.Sprintf(
			"Signature expired. Timestamp and server time cannot differ by more than five minutes "+
				"(request %s, server %s).", at.UTC().Format(time.RFC3339), now.UTC().Format(time.RFC3339))}
	}
	if h.id != keys.ID {
		return &authError{"AuthFailure.SecretIdNotFound",
			"The SecretId is not found. Check that it is entered correctly, without spaces around it."}
	}
	if tok := r.Header.Get("X-TC-Token"); tok != keys.Token {
		return &authError{"AuthFailure.TokenFailure", "Token error: the X-TC-Token does not belong to this key."}
	}
	// The scope's date is the timestamp's UTC date; a mismatch, another
	// service or a missing content-type/host is a wrong signature.
	if h.date != at.UTC().Format(time.DateOnly) || h.service != service || h.terminator != "tc3_request" ||
		!hasAll(h.signed, "content-type", "host") {
		return &authError{"AuthFailure.SignatureFailure", signatureFailure}
	}
	payload, ae := payloadHash(r, body)
	if ae != nil {
		return ae
	}
	want := tc3Signature(keys.Secret, h.date, h.service, stringToSign(r, payload, h))
	if !hmac.Equal([]byte(want), []byte(strings.ToLower(h.signature))) {
		return &authError{"AuthFailure.SignatureFailure", signatureFailure}
	}
	return nil
}

const signatureFailure = "The provided credentials could not be validated. Please ensure your signature is correct."

// payloadHash is the canonical request's HashedRequestPayload: the hex
// SHA-256 of the body received. X-TC-Content-SHA256: UNSIGNED-PAYLOAD is
// documented (Signature v3) and makes the SDK sign the hash of that
// literal instead (common client.go, profile UnsignedPayload), leaving
// the body unsigned; tunnelwiz never sets it, so the sandbox takes it
// only where there is no body, and any other value of the header must be
// the received body's hash: a body swapped under a valid signature is
// refused whatever the header says.
func payloadHash(r *http.Request, body []byte) (string, *authError) {
	sum := sha256Hex(body)
	switch v := r.Header.Get("X-TC-Content-SHA256"); {
	case v == "":
		return sum, nil
	case v == "UNSIGNED-PAYLOAD" && len(body) == 0:
		return sha256Hex([]byte(v)), nil
	case v == "UNSIGNED-PAYLOAD":
		return "", &authError{"AuthFailure.SignatureFailure", signatureFailure +
			" (X-TC-Content-SHA256 is UNSIGNED-PAYLOAD on a request with a body: the tunnelwiz sandbox takes signed bodies only.)"}
	case !strings.EqualFold(v, sum):
		return "", &authError{"AuthFailure.SignatureFailure", signatureFailure +
			" (X-TC-Content-SHA256 is not the SHA-256 of the body received.)"}
	default:
		return sum, nil
	}
}

// stringToSign rebuilds what the client signed from what arrived, with
// the payload hash from payloadHash.
func stringToSign(r *http.Request, payload string, h tc3Header) string {
	var headers strings.Builder
	for _, name := range h.signed {
		v := r.Header.Get(name)
		if strings.EqualFold(name, "host") {
			v = r.Host
		}
		headers.WriteString(strings.ToLower(name) + ":" + strings.ToLower(strings.TrimSpace(v)) + "\n")
	}
	query := ""
	if r.Method == http.MethodGet {
		query = r.URL.RawQuery
	}
	canonical := strings.Join([]string{r.Method, "/", query, headers.String(), strings.Join(h.signed, ";"), payload}, "\n")
	return strings.Join([]string{tc3Algorithm, r.Header.Get("X-TC-Timestamp"),
		h.date + "/" + h.service + "/" + h.terminator, sha256Hex([]byte(canonical))}, "\n")
}

// tc3Signature is hex(HMAC(HMAC(HMAC(HMAC("TC3"+secret, date), service),
// "tc3_request"), stringToSign)).
func tc3Signature(secret, date, service, toSign string) string {
	k := hmacSHA256([]byte("TC3"+secret), date)
	k = hmacSHA256(k, service)
	k = hmacSHA256(k, "tc3_request")
	return hex.EncodeToString(hmacSHA256(k, toSign))
}

func hmacSHA256(key []byte, msg string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(msg))
	return m.Sum(nil)
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func hasAll(list []string, want ...string) bool {
	for _, w := range want {
		found := false
		for _, l := range list {
			found = found || strings.EqualFold(l, w)
		}
		if !found {
			return false
		}
	}
	return true
}
