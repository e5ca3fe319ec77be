// Package front is what tunnelwiz's two faces, the scriptable commands
// (ui/cli) and the wizard (ui/wizard), share: where requests go and as
// whom, the streams and environment they read, the errors that map to exit
// statuses, the polling pace, and the one rendering of a planned request.
// A face decides how to ask and how to show; front decides what is true.
package front

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// Where is where requests go and as whom, and how to say it to the user.
type Where struct {
	cloud.Base
	// Sandbox is true when Base is a tunnelwiz sandbox.
	Sandbox bool
	// Said describes the destination and the identity signing, for the UI.
	Said string
	// Identity is who signs: source, profile, key id's last four, token,
	// role. Safe to print; --json outputs carry it.
	Identity cloud.Identity
	stop     func()
}

// Close stops an in-process sandbox, if one was started.
func (w *Where) Close() {
	if w.stop != nil {
		w.stop()
	}
}

// Ask is what a face asks of the destination.
type Ask struct {
	// Endpoint is --endpoint: a base URL that replaces the spec's and the
	// vendor's ("" for none).
	Endpoint string
	// Sandbox asks for an in-process sandbox.
	Sandbox bool
	// Settle is how long the sandbox keeps a new connection pending.
	Settle time.Duration
	// InsecureEndpoint (--insecure-endpoint) allows plain http to a host
	// other than this machine, with a warning in Said.
	InsecureEndpoint bool
	// Profile is --profile: the vendor CLI profile to sign as, over the
	// vendors' own selectors. With a sandbox destination it makes the
	// sandbox see that identity (its role assumed at the sandbox's STS)
	// instead of the sandbox's own keys.
	Profile string
	// STSEndpoint replaces the vendor's STS endpoint for AssumeRole (a
	// base URL); a sandbox destination is its own STS.
	STSEndpoint string
}

// Resolve picks the destination: an in-process sandbox, an explicit
// endpoint (a running `tunnelwiz sandbox` is recognised and its keys
// used), or the vendor's real endpoint with keys found as its CLI finds
// them.
func Resolve(d cloud.Driver, target map[string]string, a Ask) (*Where, error) {
	return ResolveIn(OSEnv(), d, target, a)
}

// ResolveIn is Resolve with the environment given (keys are looked up in
// env, not the process's).
func ResolveIn(env Env, d cloud.Driver, target map[string]string, a Ask) (*Where, error) {
	if a.Sandbox {
		srv, err := sandbox.New(sandbox.Options{Settle: a.Settle})
		if err != nil {
			return nil, err
		}
		hs := httptest.NewServer(srv)
		u, _ := url.Parse(hs.URL)
		w := &Where{Base: cloud.Base{URL: u, Cred: sandbox.Keys, Target: target}, Sandbox: true,
			Said: "the built-in SANDBOX (" + hs.URL + "): nothing is created in any cloud", stop: hs.Close,
			Identity: sandboxIdentity(sandbox.Keys)}
		w, err = asProfile(env, d, w, a, "the built-in SANDBOX ("+hs.URL+")")
		if err != nil {
			hs.Close()
		}
		return w, err
	}
	if a.Endpoint != "" {
		u, err := url.Parse(a.Endpoint)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return nil, &UsageError{Msg: fmt.Sprintf("--endpoint %q: want a base URL such as http://127.0.0.1:8642", Redacted(a.Endpoint))}
		}
		if cloud.PlainHTTP(u) && !a.InsecureEndpoint {
			// Refused before even asking whether it is a sandbox: plain
			// http is for this machine only.
			return secured(&Where{Base: cloud.Base{URL: u}}, "--endpoint", a)
		}
		if info, ok := probeSandbox(u); ok {
			w := &Where{Base: cloud.Base{URL: u, Cred: info.Keys, Target: target}, Sandbox: true,
				Said:     "the tunnelwiz SANDBOX at " + u.Redacted() + " (its own keys): nothing is created in any cloud",
				Identity: sandboxIdentity(info.Keys)}
			return asProfile(env, d, w, a, "the tunnelwiz SANDBOX at "+u.Redacted())
		}
		cred, id, err := identify(env, d, a, nil)
		if err != nil {
			return nil, err
		}
		return secured(&Where{Base: cloud.Base{URL: u, Cred: cred, Target: target}, Identity: id,
			Said: u.Redacted() + " as " + id.String()}, "--endpoint", a)
	}
	u, err := d.Endpoint(target)
	if err != nil {
		return nil, err
	}
	if cloud.PlainHTTP(u) && !a.InsecureEndpoint {
		// Refused before any AssumeRole is sent: nothing leaves for a
		// destination that will not be used.
		return secured(&Where{Base: cloud.Base{URL: u}}, "the spec's endpoint", a)
	}
	cred, id, err := identify(env, d, a, nil)
	if err != nil {
		return nil, err
	}
	return secured(&Where{Base: cloud.Base{URL: u, Cred: cred, Target: target}, Identity: id,
		Said: u.Redacted() + " as " + id.String()}, "the spec's endpoint", a)
}

// secured refuses plain http to another machine unless asked for: the
// signed request, and the pre-shared key inside it, would cross the
// network in clear text. Loopback (a sandbox, a local proxy) is fine.
func secured(w *Where, what string, a Ask) (*Where, error) {
	if !cloud.PlainHTTP(w.URL) {
		return w, nil
	}
	if !a.InsecureEndpoint {
		return nil, &UsageError{Msg: fmt.Sprintf("%s %s is plain http to another machine: the signed request and the pre-shared key would cross the network unencrypted; use https, or pass --insecure-endpoint to send anyway", what, w.URL.Redacted())}
	}
	w.Said += " (WARNING: plain http, unencrypted: --insecure-endpoint)"
	return w, nil
}

// Redacted is a URL as it may be printed: a password in it masked.
func Redacted(s string) string {
	u, err := url.Parse(s)
	if err == nil && u.User == nil {
		return s
	}
	if err == nil {
		return u.Redacted()
	}
	// Unparsable: mask whatever stands between the scheme and an "@".
	if at := strings.LastIndex(s, "@"); at >= 0 {
		scheme, _, _ := strings.Cut(s, "://")
		return scheme + "://xxxxx@" + s[at+1:]
	}
	return s
}

// probeSandbox asks an endpoint whether it is a tunnelwiz sandbox.
func probeSandbox(u *url.URL) (*sandbox.Info, bool) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", strings.TrimSuffix(u.String(), "/")+"/_sandbox/info", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, false
	}
	defer resp.Body.Close()
	var info sandbox.Info
	if resp.Header.Get(sandbox.Header) != "true" || json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&info) != nil || !info.Sandbox {
		return nil, false
	}
	return &info, true
}
