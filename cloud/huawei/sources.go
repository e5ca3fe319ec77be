package huawei

import (
	"maps"
	"slices"

	"tunnelwiz/cloud"
)

// CredentialSources names where FindCredentials looks, for the man page.
func (Driver) CredentialSources() cloud.CredentialSources {
	return cloud.CredentialSources{
		Keys:     []string{envAK, envSK, envToken, tfAK, tfSK, tfToken},
		Profiles: []string{tfProfile, tfConfigFile, envProfileFile},
		Roles:    []string{envAgencyName, envAgencyDomain, envAgencyDomID, envAgencyTime},
		Files:    []string{"~/" + profileFile, "~/" + kooFile},
		Stops:    slices.Sorted(maps.Keys(unsupportedEnv)),
	}
}
