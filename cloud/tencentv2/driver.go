// Package tencentv2 drives Tencent Cloud's legacy API 2.0 AddVpnConnEx on
// vpc.api.qcloud.com/v2/index.php. There is no SDK for API 2.0, so this is
// the one driver that writes its request and signature by hand (sign.go).
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

// Action is the API 2.0 action this driver sends.
const Action = "AddVpnConnEx"

// Driver implements cloud.Driver for the "tencent-v2" vendor key.
type Driver struct{}

func init() { cloud.Register(Driver{}) }

// Catalog returns the rule table.
func (Driver) Catalog() *cloud.Catalog { return catalog }

// client never follows redirects: a redirected POST would be replayed as a
// GET with the key in the query, and a create is never retried.
var client = &http.Client{
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// Create sends AddVpnConnEx as a signed form POST to base + /v2/index.php.
// POST rather than the seed's GET keeps the pre-shared key out of URLs
// that proxies and access logs record; the documented recipe signs "POST"
// the same way. One request, no retry.
func (Driver) Create(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, p cloud.Params) (*cloud.Created, error) {
	form, err := encode(p)
	if err != nil {
		return nil, err
	}
	method := signatureMethod(target)
	form.Set("Action", Action)
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
		return nil, fmt.Errorf("tencentv2: %s: %w", Action, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("tencentv2: reading the %s answer: %w", Action, err)
	}
	return parseAnswer(resp.StatusCode, body, catalog.SecretValues(p))
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
