package aliyun

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	"tunnelwiz/cloud"
)

// EnvKeys names one set of environment variables holding keys.
type EnvKeys struct{ ID, Secret, Token string }

// SDKEnv is what the v7 SDK's credential chain reads
// (credentials-go providers/env.go).
var SDKEnv = EnvKeys{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN"}

// FindCredentials looks where the SDK's credential chain and the aliyun
// CLI look, in that order: the environment variable sets given, then the
// CLI's profile file (ALIBABA_CLOUD_CONFIG_FILE, else ~/.aliyun/config.json;
// profile ALIBABA_CLOUD_PROFILE, else the file's current profile), unless
// ALIBABA_CLOUD_CLI_PROFILE_DISABLED is true. Only profiles holding keys
// are used (modes AK and StsToken): the role modes would need calls to STS
// that tunnelwiz does not make. It only reads, and never reports a secret.
func FindCredentials(env func(string) string, home string, sets ...EnvKeys) (cloud.Credentials, string, bool) {
	for _, s := range sets {
		id, secret := strings.TrimSpace(env(s.ID)), strings.TrimSpace(env(s.Secret))
		if id != "" && secret != "" {
			return cloud.Credentials{ID: id, Secret: secret, Token: strings.TrimSpace(env(s.Token))},
				"environment " + s.ID + " and " + s.Secret, true
		}
	}
	if strings.EqualFold(env("ALIBABA_CLOUD_CLI_PROFILE_DISABLED"), "true") {
		return cloud.Credentials{}, "", false
	}
	path, shown := env("ALIBABA_CLOUD_CONFIG_FILE"), ""
	if path != "" {
		shown = path + " (ALIBABA_CLOUD_CONFIG_FILE)"
	} else if home != "" {
		path, shown = filepath.Join(home, ".aliyun", "config.json"), "~/.aliyun/config.json"
	} else {
		return cloud.Credentials{}, "", false
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return cloud.Credentials{}, "", false
	}
	var conf struct {
		Current  string `json:"current"`
		Profiles []struct {
			Name     string `json:"name"`
			Mode     string `json:"mode"`
			ID       string `json:"access_key_id"`
			Secret   string `json:"access_key_secret"`
			STSToken string `json:"sts_token"`
		} `json:"profiles"`
	}
	if json.Unmarshal(b, &conf) != nil {
		return cloud.Credentials{}, "", false
	}
	name := env("ALIBABA_CLOUD_PROFILE")
	if name == "" {
		name = conf.Current
	}
	if name == "" {
		name = "default"
	}
	for _, p := range conf.Profiles {
		if p.Name != name || p.ID == "" || p.Secret == "" {
			continue
		}
		switch p.Mode {
		case "AK", "":
			return cloud.Credentials{ID: p.ID, Secret: p.Secret}, shown + ", profile " + name, true
		case "StsToken":
			return cloud.Credentials{ID: p.ID, Secret: p.Secret, Token: p.STSToken}, shown + ", profile " + name, true
		}
	}
	return cloud.Credentials{}, "", false
}
