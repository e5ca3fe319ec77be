package alibaba

import (
	"context"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// FindCredentials looks where the v7 SDK (credentials-go), the aliyun CLI
// and the Terraform provider look (see aliyun.FindCredentials).
func (Driver) FindCredentials(ctx context.Context, q cloud.CredQuery) (cloud.Credentials, cloud.Identity, error) {
	return aliyun.FindCredentials(ctx, q, aliyun.SDKEnv)
}

// CredentialSources names where FindCredentials looks, for the man page.
func (Driver) CredentialSources() cloud.CredentialSources { return aliyun.Sources(aliyun.SDKEnv) }
