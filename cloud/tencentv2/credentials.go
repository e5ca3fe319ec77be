package tencentv2

import (
	"context"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/tccred"
)

// FindCredentials: API 2.0 takes the same SecretId/SecretKey as API 3.0,
// found where Tencent's SDK, tccli and Terraform provider look (see
// tccred).
func (Driver) FindCredentials(ctx context.Context, q cloud.CredQuery) (cloud.Credentials, cloud.Identity, error) {
	return tccred.Find(ctx, q)
}

// CredentialSources names where FindCredentials looks, for the man page.
func (Driver) CredentialSources() cloud.CredentialSources { return tccred.Sources() }
