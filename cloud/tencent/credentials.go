package tencent

import (
	"context"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/tccred"
)

// FindCredentials looks where Tencent's SDK, tccli and Terraform provider
// look (see tccred).
func (Driver) FindCredentials(ctx context.Context, q cloud.CredQuery) (cloud.Credentials, cloud.Identity, error) {
	return tccred.Find(ctx, q)
}

// CredentialSources names where FindCredentials looks, for the man page.
func (Driver) CredentialSources() cloud.CredentialSources { return tccred.Sources() }
