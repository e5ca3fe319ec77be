package tencent

import (
	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/tccred"
)

// FindCredentials looks where Tencent's SDK and tccli look (see tccred).
func (Driver) FindCredentials(env func(string) string, home string) (cloud.Credentials, string, bool) {
	return tccred.Find(env, home)
}
