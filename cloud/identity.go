package cloud

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"sort"
	"strings"
)

// Identity says which identity a command signs as, in words that are safe
// to print: where the keys came from, the profile, the last four
// characters of the key id, whether a token and a role are in use. It
// never holds a secret, a token, or more of the key id than its tail.
type Identity struct {
	// Source is where the keys were found: the environment variables'
	// names, or a file and section ("~/.tccli/work.credential").
	Source string `json:"source"`
	// Profile is the profile chosen ("" where the source has none).
	Profile string `json:"profile,omitempty"`
	// KeyIDTail is the last four characters of the key id that signs.
	KeyIDTail string `json:"key_id_last4"`
	// Token is true when a security token goes with the key (temporary
	// keys: STS, an instance role, an assumed role).
	Token bool `json:"token"`
	// Role is the role assumed (an ARN, a Huawei agency) or the instance
	// role whose keys are used; "" for none.
	Role string `json:"role,omitempty"`
}

// String is the identity as the destination line says it.
func (i Identity) String() string {
	var b strings.Builder
	if i.Profile != "" {
		fmt.Fprintf(&b, "profile %s from ", i.Profile)
	}
	b.WriteString(i.Source)
	if i.KeyIDTail != "" { // "" before a role is assumed (the wizard's first page)
		fmt.Fprintf(&b, ", key id …%s", i.KeyIDTail)
	}
	if i.Role != "" {
		fmt.Fprintf(&b, ", role %s", i.Role)
	}
	if i.Token {
		b.WriteString(", with a security token")
	}
	return b.String()
}

// Tail is what may be shown of a key id: its last four characters.
func Tail(id string) string {
	r := []rune(id)
	if len(r) <= 4 {
		return string(r)
	}
	return string(r[len(r)-4:])
}

// Signed completes an identity from the credentials that will sign.
func (i Identity) Signed(c Credentials) Identity {
	i.KeyIDTail, i.Token = Tail(c.ID), c.Token != ""
	return i
}

// CredQuery is what FindCredentials looks with: the environment, the home
// directory, the profile the engineer named, and where the calls that turn
// a role into temporary keys go.
type CredQuery struct {
	Env  func(string) string
	Home string
	// Profile is --profile: it wins over the vendors' own selectors
	// (environment variables, a config file's current profile). "" for
	// none.
	Profile string
	// STS replaces the vendor's STS (or IAM) endpoint for AssumeRole:
	// scheme://host[:port]. A sandbox destination passes its own URL;
	// nil means the vendor's real endpoint.
	STS *url.URL
	// Metadata fetches an instance-metadata document (CVM, ECS) by its
	// full URL. nil means no instance role is fetched: the source is
	// reported as one that needs the metadata service. Tests inject a
	// fetcher; nothing here dials a metadata address by itself.
	Metadata Fetcher
	// Offline asks for the identity only: no STS call and no metadata
	// fetch are made, and Credentials may be empty for a role source.
	// The wizard's first page uses it to say which keys it would use.
	Offline bool
}

// Fetcher gets one instance-metadata document.
type Fetcher func(ctx context.Context, url string) ([]byte, error)

// Getenv reads a variable, trimmed; a nil Env reads nothing.
func (q CredQuery) Getenv(k string) string {
	if q.Env == nil {
		return ""
	}
	return strings.TrimSpace(q.Env(k))
}

// ErrNoCredentials: nothing is configured for this vendor at all. Only
// this error lets a caller go on without keys (a sandbox, a prompt).
var ErrNoCredentials = errors.New("no credentials configured")

// CredentialError stops a command: an identity was named or configured
// but cannot be used as it is (an unknown profile, a mode or selector
// tunnelwiz does not support, a refused AssumeRole). It is one line and
// never falls back to other keys.
type CredentialError struct{ Msg string }

func (e *CredentialError) Error() string { return e.Msg }

// Stop is a CredentialError from a format.
func Stop(format string, a ...any) error { return &CredentialError{Msg: fmt.Sprintf(format, a...)} }

// SetNames are the keys of names that are set in q's environment, sorted:
// a stop over one of several set variables names the same one every run.
func SetNames(q CredQuery, names map[string]string) []string {
	var set []string
	for name := range names {
		if q.Getenv(name) != "" {
			set = append(set, name)
		}
	}
	sort.Strings(set)
	return set
}

// CredentialSources names where a vendor looks for whom to sign as, for
// the man page's ENVIRONMENT and FILES: each driver builds it from the
// same names its FindCredentials reads, so the page cannot drift from
// the code.
type CredentialSources struct {
	// Keys are the variables holding keys and session tokens, in the
	// order they are tried.
	Keys []string
	// Profiles select a profile or a profile file.
	Profiles []string
	// Roles name a role to assume with the keys, or an instance role.
	Roles []string
	// Files are the profile files, under the home directory (~/...).
	Files []string
	// Stops are the variables of sources tunnelwiz does not support: one
	// set stops it (exit 2) rather than let other keys sign.
	Stops []string
}

// CredentialVariables is every environment variable a registered
// vendor's credential search reads, sorted: what the man page lists, and
// what a test clears so that the machine's own settings cannot choose
// its keys (or dial a metadata address).
func CredentialVariables() []string {
	seen := map[string]bool{}
	for _, v := range Vendors() {
		d, _ := Lookup(v)
		cd, ok := d.(CredentialDescriber)
		if !ok {
			continue
		}
		src := cd.CredentialSources()
		for _, list := range [][]string{src.Keys, src.Profiles, src.Roles, src.Stops} {
			for _, name := range list {
				seen[name] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(seen))
}

// CredentialDescriber is a driver that says where it looks for
// credentials.
type CredentialDescriber interface{ CredentialSources() CredentialSources }
