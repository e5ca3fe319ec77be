package aliyun

import (
	"maps"
	"slices"

	"tunnelwiz/cloud"
)

const (
	envECSRole    = "ALIBABA_CLOUD_ECS_METADATA" // the ECS instance RAM role's name
	envConfigFile = "ALIBABA_CLOUD_CONFIG_FILE"  // the CLI's profile file, elsewhere
	configFile    = ".aliyun/config.json"        // the CLI's profile file, under the home directory
)

// noProfileEnv, set true, keep the CLI's profile file unread.
var noProfileEnv = [2]string{"ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "ALIBABA_CLOUD_IGNORE_PROFILE"}

// Sources names where FindCredentials looks with the key sets given (as
// a driver passes them), for the man page.
func Sources(keys ...EnvKeys) cloud.CredentialSources {
	var s cloud.CredentialSources
	for _, k := range append(keys, CLIEnv...) {
		for _, v := range []string{k.ID, k.Secret, k.Token} {
			if !slices.Contains(s.Keys, v) {
				s.Keys = append(s.Keys, v)
			}
		}
	}
	s.Profiles = append(append(append(s.Profiles, profileEnv...), envConfigFile), noProfileEnv[:]...)
	for _, r := range roleEnv {
		s.Roles = append(s.Roles, r[0], r[1])
	}
	s.Roles = append(s.Roles, envECSRole)
	s.Files = []string{"~/" + configFile}
	s.Stops = slices.Sorted(maps.Keys(unsupportedEnv))
	return s
}
