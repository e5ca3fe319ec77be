package cloud

import (
	"context"
	"net/url"
)

// Credentials are one account's API keys. They live in memory only:
// tunnelwiz never writes them anywhere and never prints them.
type Credentials struct {
	ID     string
	Secret string
	// Token is a temporary security token, for vendors that take one.
	Token string
}

// Created is what a vendor answered to a successful create.
type Created struct {
	// ID is the new connection's id (Tencent v2 answers a task id only;
	// then ID is empty and TaskID is set).
	ID        string
	TaskID    string
	RequestID string
	State     string
}

// Driver is what one vendor API implements. It is small on purpose: the
// rules live in the Catalog (data), and the driver only knows how to put a
// validated request on the wire through the vendor's SDK.
//
// A driver must send exactly the same bytes for the same arguments
// whatever base it is given: Plan relies on it by sending the request to a
// loopback recorder, so the preview is what the SDK really sends.
type Driver interface {
	// Catalog is the vendor's rule table.
	Catalog() *Catalog
	// Endpoint is the vendor's real API base URL (scheme and host) for a
	// target: the region's endpoint, or the target's endpoint override.
	Endpoint(target map[string]string) (*url.URL, error)
	// Create sends the create request for validated, normalized params to
	// base (scheme://host[:port]) and returns the vendor's answer. It sends
	// once: retrying is Submit's job. Refusals are *APIError.
	Create(ctx context.Context, base *url.URL, cred Credentials, target map[string]string, p Params) (*Created, error)

	// Inventory lists the VPCs, VPN gateways and customer gateways of the
	// target's region, for the wizard's pick lists.
	Inventory(ctx context.Context, base *url.URL, cred Credentials, target map[string]string) (*Inventory, error)
	// Connections lists the region's connections that pass the filter.
	Connections(ctx context.Context, base *url.URL, cred Credentials, target map[string]string, f Filter) ([]Connection, error)
	// Connection reads one connection, with its state. A connection that
	// does not exist is an *APIError with CodeNotFound.
	Connection(ctx context.Context, base *url.URL, cred Credentials, target map[string]string, id string) (*Connection, error)
	// Delete asks the vendor to delete one connection, with the vendor's
	// own delete call, once (retrying is the core's job: see cloud.Delete).
	// Every vendor deletes asynchronously: a nil error means the deletion
	// was accepted, and the connection reads as PhaseDeleting, or still as
	// before, until Connection answers CodeNotFound. A driver whose call
	// needs more than the id (Tencent's gateway id) reads the connection
	// first, paced with Pace.
	Delete(ctx context.Context, base *url.URL, cred Credentials, target map[string]string, id string) error

	// FindCredentials finds the identity to sign as, where the vendor's
	// SDKs, CLI and Terraform provider look: q.Profile (--profile) first,
	// then the environment variables and profile selectors those tools
	// honour, then their profile files under q.Home. A role or an instance
	// role is turned into temporary keys here (AssumeRole at q.STS or the
	// vendor's STS; instance metadata through q.Metadata), so the keys
	// returned are the ones that sign, and the Identity says which they
	// are, safe to print. It never writes anything.
	//
	// Errors: ErrNoCredentials when nothing at all is configured; a
	// *CredentialError (one line) when something is configured that
	// cannot be used: a profile not found (naming the files looked in), a
	// mode or selector not supported (naming it), a refused AssumeRole.
	// It never falls back to other keys after such an error.
	FindCredentials(ctx context.Context, q CredQuery) (Credentials, Identity, error)
}
