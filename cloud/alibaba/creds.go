package alibaba

import (
	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// FindCredentials looks where the v7 SDK and the aliyun CLI look:
// ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET (and
// ALIBABA_CLOUD_SECURITY_TOKEN), then the CLI's ~/.aliyun/config.json.
func (Driver) FindCredentials(env func(string) string, home string) (cloud.Credentials, string, bool) {
	return aliyun.FindCredentials(env, home, aliyun.SDKEnv)
}
