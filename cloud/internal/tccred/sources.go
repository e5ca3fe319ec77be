package tccred

import (
	"maps"
	"slices"

	"tunnelwiz/cloud"
)

// Where Find looks, under the home directory.
const (
	tccliDir = ".tccli"                    // tccli's <profile>.credential files
	sdkFile  = ".tencentcloud/credentials" // the SDK's profile file
)

// Sources names where Find looks (see Find), for the man page.
func Sources() cloud.CredentialSources {
	return cloud.CredentialSources{
		Keys:     []string{envID, envKey, envSDKToken, envTFToken},
		Profiles: []string{envProfile, envTccli, envSharedDir, envSDKFile},
		Roles:    []string{envRoleArn, envRoleSession, envRoleSeconds, envRoleExtID, envCamRole},
		Files:    []string{"~/" + tccliDir + "/NAME.credential", "~/" + sdkFile},
		Stops:    slices.Sorted(maps.Keys(unsupported)),
	}
}
