package huawei

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"tunnelwiz/cloud"
)

// The places huaweicloud-sdk-go-v3 looks for keys (core/auth/provider:
// env_provider.go and profile_provider.go, v0.1.207). The project id the
// SDK could also read there (HUAWEICLOUD_SDK_PROJECT_ID, project_id) is
// not taken: the spec's project_id says where a request goes.
const (
	envAK           = "HUAWEICLOUD_SDK_AK"
	envSK           = "HUAWEICLOUD_SDK_SK"
	envToken        = "HUAWEICLOUD_SDK_SECURITY_TOKEN"
	envProfileFile  = "HUAWEICLOUD_SDK_CREDENTIALS_FILE"
	profileFile     = ".huaweicloud/credentials" // under the home directory
	profileSection  = "basic"                    // basic credentials: AK/SK with a project id
	profileAK       = "ak"
	profileSK       = "sk"
	profileTokenKey = "security_token"
)

// FindCredentials looks where the SDK's default provider chain looks:
// the environment, then the SDK's credentials file (an INI file whose
// [basic] section holds ak, sk and security_token). Huawei's CLI
// (KooCLI, ~/.hcloud) is not read: its profile file is the CLI's private
// format, documented for no other program. Nothing is written; secrets
// are never part of the answer's description.
func (Driver) FindCredentials(env func(string) string, home string) (cloud.Credentials, string, bool) {
	if ak, sk := env(envAK), env(envSK); ak != "" && sk != "" {
		return cloud.Credentials{ID: ak, Secret: sk, Token: env(envToken)}, "environment " + envAK + " and " + envSK, true
	}
	path, shown := env(envProfileFile), ""
	if path != "" {
		shown = path + " (from " + envProfileFile + ")"
	} else if home != "" {
		path, shown = filepath.Join(home, profileFile), "~/"+profileFile
	} else {
		return cloud.Credentials{}, "", false
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return cloud.Credentials{}, "", false
	}
	sec := iniSection(b, profileSection)
	if sec[profileAK] == "" || sec[profileSK] == "" {
		return cloud.Credentials{}, "", false
	}
	return cloud.Credentials{ID: sec[profileAK], Secret: sec[profileSK], Token: sec[profileTokenKey]},
		shown + " [" + profileSection + "]", true
}

// iniSection reads one section of an INI file the way gopkg.in/ini.v1
// (which the SDK uses) reads the simple files the SDK documents:
// "key = value" or "key: value" lines, ; and # comments, optional quotes.
func iniSection(b []byte, want string) map[string]string {
	out := map[string]string{}
	in := false
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || line[0] == ';' || line[0] == '#':
			continue
		case line[0] == '[':
			in = strings.TrimSpace(strings.Trim(line, "[]")) == want
			continue
		case !in:
			continue
		}
		i := strings.IndexAny(line, "=:")
		if i < 0 {
			continue
		}
		k, v := strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+1:])
		if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
			v = v[1 : len(v)-1]
		}
		out[k] = v
	}
	return out
}
