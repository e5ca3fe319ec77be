package tencentv2

import (
	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/tccred"
)

// FindCredentials: API 2.0 takes the same SecretId/SecretKey as API 3.0,
// found where Tencent's SDK and tccli look (see tccred).
func (Driver) FindCredentials(env func(string) string, home string) (cloud.Credentials, string, bool) {
	return tccred.Find(env, home)
}
