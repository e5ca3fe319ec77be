package tencentv2

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"tunnelwiz/cloud"
)

// client never follows redirects: a redirected POST would be replayed as a
// GET with the key in the query, and a create is never retried.
var client = &http.Client{
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	// A silent network ends the call, not the whole apply's timeout.
	Timeout: 2 * time.Minute,
}

// request is one API 2.0 call: an action and its own parameters.
type request struct {
	action string
	params url.Values
	// secrets are masked in any error text (the PSK, which answers echo).
	secrets []string
	// spec is the create's parameters, for pointing an error at a field.
	spec cloud.Params
}

// call sends one signed action as a form POST to base + /v2/index.php and
// returns the envelope of a successful answer. POST rather than the
// documents' GET keeps the pre-shared key out of URLs that proxies and
// access logs record; the documented recipe signs "POST" the same way.
// Refusals are *cloud.APIError; an answer lost in transit is returned
// wrapped (%w), so cloud.Lost recognises it. One request, no retry.
func call(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, rq request) (*envelope, error) {
	form := url.Values{}
	for k, v := range rq.params {
		form[k] = v
	}
	method := signatureMethod(target)
	form.Set("Action", rq.action)
	form.Set("Region", target["region"])
	form.Set("SignatureMethod", method)
	form.Set("SecretId", cred.ID)
	if cred.Token != "" {
		form.Set("Token", cred.Token) // temporary credentials, signed like any parameter
	}
	form.Set("Timestamp", strconv.FormatInt(time.Now().Unix(), 10))
	form.Set("Nonce", strconv.FormatUint(uint64(nonce()), 10))
	path := strings.TrimSuffix(base.Path, "/") + Path
	sig, err := Sign(http.MethodPost, base.Host, path, form, cred.Secret, method)
	if err != nil {
		return nil, err
	}
	form.Set(SignatureParam, sig)

	u := url.URL{Scheme: base.Scheme, Host: base.Host, Path: path}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("User-Agent", "tunnelwiz")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("tencentv2: %s: %w", rq.action, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return nil, fmt.Errorf("tencentv2: reading the %s answer: %w", rq.action, err)
	}
	env, code, ok := decodeEnvelope(body)
	if !ok || code != 0 || resp.StatusCode/100 != 2 {
		return nil, refusal(resp.StatusCode, body, rq.secrets, rq.spec)
	}
	return env, nil
}

// nonce is a random positive integer, as the common parameter requires.
func nonce() uint32 {
	var b [4]byte
	n := uint32(time.Now().UnixNano())
	if _, err := rand.Read(b[:]); err == nil {
		n = binary.BigEndian.Uint32(b[:])
	}
	if n &= 0x7fffffff; n == 0 {
		n = 1
	}
	return n
}
