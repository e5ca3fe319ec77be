package tencentv2

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	"tunnelwiz/cloud"
)

// API 2.0 takes the same SecretId/SecretKey as API 3.0, so keys are found
// where Tencent's tools look for them, in this order:
//
//  1. TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY (the Go SDK's
//     EnvProvider), with TENCENTCLOUD_SESSION_TOKEN for temporary keys;
//  2. tccli's profile ~/.tccli/<profile>.credential, a JSON file with
//     secretId, secretKey and optionally token; the profile is
//     TCCLI_PROFILE or "default" (the SDK's TccliProfileProvider);
//  3. the SDK's own profile file, TENCENTCLOUD_CREDENTIALS_FILE or
//     ~/.tencentcloud/credentials, an INI file whose [default] section has
//     secret_id and secret_key (the SDK's ProfileProvider).
//
// Files are only read. Where keys were found is returned in words; the
// keys themselves are never printed.

// FindCredentials looks for API keys in the environment and profile files.
func (Driver) FindCredentials(env func(string) string, home string) (cloud.Credentials, string, bool) {
	if id, key := env("TENCENTCLOUD_SECRET_ID"), env("TENCENTCLOUD_SECRET_KEY"); id != "" && key != "" {
		return cloud.Credentials{ID: id, Secret: key, Token: env("TENCENTCLOUD_SESSION_TOKEN")},
			"environment TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY", true
	}
	if home != "" {
		profile := env("TCCLI_PROFILE")
		if profile == "" {
			profile = "default"
		}
		// A profile name is a file name: never let it climb out of ~/.tccli.
		if !strings.ContainsAny(profile, `/\`) && profile != "." && profile != ".." {
			rel := filepath.Join(".tccli", profile+".credential")
			if c, ok := readTccli(filepath.Join(home, rel)); ok {
				return c, "tccli profile ~/" + filepath.ToSlash(rel), true
			}
		}
	}
	if path := env("TENCENTCLOUD_CREDENTIALS_FILE"); path != "" {
		if c, ok := readSDKProfile(path); ok {
			return c, "TENCENTCLOUD_CREDENTIALS_FILE " + path, true
		}
	} else if home != "" {
		if c, ok := readSDKProfile(filepath.Join(home, ".tencentcloud", "credentials")); ok {
			return c, "SDK profile ~/.tencentcloud/credentials", true
		}
	}
	return cloud.Credentials{}, "", false
}

// readTccli reads tccli's JSON credential file.
func readTccli(path string) (cloud.Credentials, bool) {
	b, err := readSmall(path)
	if err != nil {
		return cloud.Credentials{}, false
	}
	var f struct {
		SecretID  string `json:"secretId"`
		SecretKey string `json:"secretKey"`
		Token     string `json:"token"`
	}
	if json.Unmarshal(b, &f) != nil || f.SecretID == "" || f.SecretKey == "" {
		return cloud.Credentials{}, false
	}
	return cloud.Credentials{ID: f.SecretID, Secret: f.SecretKey, Token: f.Token}, true
}

// readSDKProfile reads secret_id and secret_key from the [default] section
// of the SDK's INI file (';' and '#' start comments).
func readSDKProfile(path string) (cloud.Credentials, bool) {
	b, err := readSmall(path)
	if err != nil {
		return cloud.Credentials{}, false
	}
	var c cloud.Credentials
	section := ""
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || line[0] == '#' || line[0] == ';':
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = strings.TrimSpace(line[1 : len(line)-1])
		case section == "default":
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				continue
			}
			switch strings.TrimSpace(k) {
			case "secret_id":
				c.ID = strings.TrimSpace(v)
			case "secret_key":
				c.Secret = strings.TrimSpace(v)
			}
		}
	}
	return c, c.ID != "" && c.Secret != ""
}

// readSmall reads a credential file, refusing anything that is not a
// small regular file (a FIFO or a device would block or never end).
func readSmall(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() > 64<<10 {
		return nil, os.ErrInvalid
	}
	return os.ReadFile(path)
}
