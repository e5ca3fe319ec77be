package tencentv2

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"hash"
	"net/url"
	"sort"
	"strings"
)

// Signature methods of Tencent Cloud API 2.0 (the SignatureMethod common
// parameter).
const (
	HmacSHA1   = "HmacSHA1"
	HmacSHA256 = "HmacSHA256"
)

// SignatureParam is the parameter that carries the signature; it is never
// part of the string to sign.
const SignatureParam = "Signature"

// The recipe, from Tencent's "Signature" page for API 2.0
// (cloud.tencent.com/document/product/215/1693, English copy
// intl.cloud.tencent.com legacy API "Signature", checked 2026-11) and the
// official QcloudApi/qcloudapi-sdk-python and -php Sign helpers:
//
//  1. sort the parameters by name, byte-wise (PHP ksort), Signature left out;
//  2. write each as name=value with the RAW value (not URL-encoded) and join
//     them with '&'; an '_' in a NAME is written as '.' (values unchanged:
//     Placement_Zone=CN_GUANGZHOU signs as Placement.Zone=CN_GUANGZHOU),
//     because the PHP server sees "a.b" form names as "a_b";
//  3. prepend METHOD (upper case) + host + path + "?";
//  4. HMAC-SHA256 when SignatureMethod is HmacSHA256, else HMAC-SHA1, keyed
//     with the SecretKey; the result is base64 (standard, padded).
//
// The host is the request's Host as sent: the bare domain for the real
// endpoint (vpc.api.qcloud.com), host:port when the URL carries a port (a
// loopback test server), which is what a verifier reads from Host.

// StringToSign returns the exact text the signature is computed over. It
// fails when a parameter is given more than once, which the recipe cannot
// express (the PHP server would keep only the last value).
func StringToSign(method, host, path string, params url.Values) (string, error) {
	names := make([]string, 0, len(params))
	for k, vs := range params {
		if k == SignatureParam {
			continue
		}
		if len(vs) != 1 {
			return "", fmt.Errorf("tencentv2: parameter %q has %d values; the v2 signature needs exactly one", k, len(vs))
		}
		names = append(names, k)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString(strings.ToUpper(method))
	b.WriteString(host)
	b.WriteString(path)
	b.WriteByte('?')
	for i, k := range names {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(strings.ReplaceAll(k, "_", "."))
		b.WriteByte('=')
		b.WriteString(params.Get(k))
	}
	return b.String(), nil
}

// Sign returns the base64 signature of a request. signatureMethod is
// HmacSHA256 or HmacSHA1; "" means HmacSHA1, the documented default when
// the SignatureMethod parameter is absent. The caller puts the same
// method in params' SignatureMethod (it is signed like any parameter).
func Sign(method, host, path string, params url.Values, secretKey, signatureMethod string) (string, error) {
	newHash, err := hashFor(signatureMethod)
	if err != nil {
		return "", err
	}
	s, err := StringToSign(method, host, path, params)
	if err != nil {
		return "", err
	}
	m := hmac.New(newHash, []byte(secretKey))
	m.Write([]byte(s))
	return base64.StdEncoding.EncodeToString(m.Sum(nil)), nil
}

func hashFor(signatureMethod string) (func() hash.Hash, error) {
	switch signatureMethod {
	case HmacSHA256:
		return sha256.New, nil
	case HmacSHA1, "":
		return sha1.New, nil
	}
	return nil, fmt.Errorf("tencentv2: unsupported SignatureMethod %q: use %s or %s", signatureMethod, HmacSHA256, HmacSHA1)
}

// ErrBadSignature means a request's Signature does not match its parameters.
var ErrBadSignature = errors.New("tencentv2: signature does not match")

// Verify checks a received request's parameters (form body or query, with
// Signature and SignatureMethod among them) against the secret key, using
// the same recipe as Sign. host is the Host the request arrived with.
func Verify(method, host, path string, params url.Values, secretKey string) error {
	got := params.Get(SignatureParam)
	if got == "" {
		return fmt.Errorf("tencentv2: no %s parameter", SignatureParam)
	}
	want, err := Sign(method, host, path, params, secretKey, params.Get("SignatureMethod"))
	if err != nil {
		return err
	}
	if subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
		return ErrBadSignature
	}
	return nil
}
