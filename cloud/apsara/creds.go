package apsara

import (
	"context"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// stackEnv is what the Apsara Stack Terraform provider reads
// (terraform-provider-alibabacloudstack provider.go: access_key, secret_key,
// security_token).
var stackEnv = aliyun.EnvKeys{ID: "ALIBABACLOUDSTACK_ACCESS_KEY", Secret: "ALIBABACLOUDSTACK_SECRET_KEY", Token: "ALIBABACLOUDSTACK_SECURITY_TOKEN"}

// FindCredentials looks where the Apsara Stack tools look first
// (ALIBABACLOUDSTACK_ACCESS_KEY / _SECRET_KEY), then where the v7 SDK that
// sends the calls looks: ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET and the
// aliyun CLI's ~/.aliyun/config.json.
func (Driver) FindCredentials(ctx context.Context, q cloud.CredQuery) (cloud.Credentials, cloud.Identity, error) {
	return aliyun.FindCredentials(ctx, q, stackEnv, aliyun.SDKEnv)
}

// CredentialSources names where FindCredentials looks, for the man page.
func (Driver) CredentialSources() cloud.CredentialSources {
	return aliyun.Sources(stackEnv, aliyun.SDKEnv)
}
