package front

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"tunnelwiz/cloud"
)

// identify finds the identity to sign as for a real destination (or, with
// sts, a sandbox answering the STS calls).
func identify(env Env, d cloud.Driver, a Ask, sts *url.URL) (cloud.Credentials, cloud.Identity, error) {
	c := d.Catalog()
	if sts == nil && a.STSEndpoint != "" {
		u, err := url.Parse(a.STSEndpoint)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return cloud.Credentials{}, cloud.Identity{}, &UsageError{Msg: fmt.Sprintf("STS endpoint %q: want a base URL", Redacted(a.STSEndpoint))}
		}
		sts = u
	}
	// AssumeRole and the metadata service are network calls: bounded, so a
	// command never hangs before it has said where it sends.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cred, id, err := d.FindCredentials(ctx, cloud.CredQuery{Env: env.Getenv, Home: env.Home, Profile: a.Profile,
		STS: sts, Metadata: env.Metadata})
	var stop *cloud.CredentialError
	switch {
	case errors.Is(err, cloud.ErrNoCredentials):
		return cred, id, &NoCredentialsError{Vendor: c.API, Title: c.Title}
	case errors.As(err, &stop):
		// A stop is a command line or configuration to fix: exit 2, one line.
		return cred, id, &UsageError{Msg: stop.Msg}
	}
	return cred, id, err
}

// asProfile: a sandbox destination signs with the sandbox's own keys,
// unless --profile names an identity; then that identity signs, its role
// assumed at the sandbox's STS, so that what a profile does can be seen
// without a cloud.
func asProfile(env Env, d cloud.Driver, w *Where, a Ask, place string) (*Where, error) {
	if a.Profile == "" {
		return w, nil
	}
	cred, id, err := identify(env, d, a, w.URL)
	if err != nil {
		return nil, err
	}
	w.Cred, w.Identity = cred, id
	w.Said = place + " as " + id.String() + ": nothing is created in any cloud"
	return w, nil
}

// sandboxIdentity is the sandbox's own keys, as an identity.
func sandboxIdentity(keys cloud.Credentials) cloud.Identity {
	return cloud.Identity{Source: "the sandbox's own keys"}.Signed(keys)
}

// metadataHTTP fetches instance metadata over plain http, as the vendors'
// providers do, with a short timeout: off an instance the address does not
// answer, and a command must say so quickly.
func metadataHTTP(ctx context.Context, u string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	// No proxy: the metadata address is the instance's own link-local one.
	resp, err := (&http.Client{Transport: &http.Transport{Proxy: nil}}).Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s answered %s", u, resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}

// Describe says which identity a command would sign as, without any call
// (no AssumeRole, no metadata fetch): for the wizard's first page. The
// error is the one the command would stop with (NoCredentialsError, or a
// UsageError naming what cannot be used).
func Describe(env Env, d cloud.Driver, profile string) (cloud.Identity, error) {
	_, id, err := d.FindCredentials(context.Background(), cloud.CredQuery{Env: env.Getenv, Home: env.Home, Profile: profile, Offline: true})
	c := d.Catalog()
	var stop *cloud.CredentialError
	switch {
	case errors.Is(err, cloud.ErrNoCredentials):
		return id, &NoCredentialsError{Vendor: c.API, Title: c.Title}
	case errors.As(err, &stop):
		return id, &UsageError{Msg: stop.Msg}
	}
	return id, err
}
