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
	// Said describes the destination and the keys' origin, for the UI.
	Said string
	stop func()
}

// Close stops an in-process sandbox, if one was started.
func (w *Where) Close() {
	if w.stop != nil {
		w.stop()
	}
}

// Resolve picks the destination: an in-process sandbox, an explicit
// endpoint (a running `tunnelwiz sandbox` is recognised and its keys
// used), or the vendor's real endpoint with keys found as its CLI finds
// them.
func Resolve(d cloud.Driver, target map[string]string, endpoint string, useSandbox bool, settle time.Duration) (*Where, error) {
	return ResolveIn(OSEnv(), d, target, endpoint, useSandbox, settle)
}

// ResolveIn is Resolve with the environment given (keys are looked up in
// env, not the process's).
func ResolveIn(env Env, d cloud.Driver, target map[string]string, endpoint string, useSandbox bool, settle time.Duration) (*Where, error) {
	c := d.Catalog()
	if useSandbox {
		srv, err := sandbox.New(sandbox.Options{Settle: settle})
		if err != nil {
			return nil, err
		}
		hs := httptest.NewServer(srv)
		u, _ := url.Parse(hs.URL)
		return &Where{Base: cloud.Base{URL: u, Cred: sandbox.Keys, Target: target}, Sandbox: true,
			Said: "the built-in SANDBOX (" + hs.URL + "): nothing is created in any cloud", stop: hs.Close}, nil
	}
	cred, from, found := d.FindCredentials(env.Getenv, env.Home)
	if endpoint != "" {
		u, err := url.Parse(endpoint)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return nil, &UsageError{Msg: fmt.Sprintf("--endpoint %q: want a base URL such as http://127.0.0.1:8642", endpoint)}
		}
		if info, ok := probeSandbox(u); ok {
			return &Where{Base: cloud.Base{URL: u, Cred: info.Keys, Target: target}, Sandbox: true,
				Said: "the tunnelwiz SANDBOX at " + endpoint + " (its own keys): nothing is created in any cloud"}, nil
		}
		if !found {
			return nil, &NoCredentialsError{Vendor: c.API, Title: c.Title}
		}
		return &Where{Base: cloud.Base{URL: u, Cred: cred, Target: target}, Said: endpoint + " with keys from " + from}, nil
	}
	if !found {
		return nil, &NoCredentialsError{Vendor: c.API, Title: c.Title}
	}
	u, err := d.Endpoint(target)
	if err != nil {
		return nil, err
	}
	return &Where{Base: cloud.Base{URL: u, Cred: cred, Target: target}, Said: u.String() + " with keys from " + from}, nil
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
