// Package tccred finds Tencent Cloud API keys where Tencent's own tools
// look. API 3.0 and the legacy API 2.0 take the same SecretId/SecretKey, so
// both drivers use this one search.
package tccred

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"

	"tunnelwiz/cloud"
)

// Find looks where the SDK's default provider chain and tccli
// look, in the SDK's order (common v1.3.209 provider_chain.go, then
// tccli_profile_provider.go):
//
//  1. TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, with
//     TENCENTCLOUD_SESSION_TOKEN for temporary keys;
//  2. the SDK's profile file: TENCENTCLOUD_CREDENTIALS_FILE, else
//     ~/.tencentcloud/credentials, section [default], secret_id/secret_key;
//  3. tccli's ~/.tccli/<profile>.credential (JSON secretId/secretKey/token),
//     the profile named by TCCLI_PROFILE, else "default".
//
// The SDK's last source, the CVM instance role, is not tried: it is a
// network call to the metadata service. Files are only read.
func Find(env func(string) string, home string) (cloud.Credentials, string, bool) {
	if id, key := env("TENCENTCLOUD_SECRET_ID"), env("TENCENTCLOUD_SECRET_KEY"); id != "" && key != "" {
		return cloud.Credentials{ID: id, Secret: key, Token: env("TENCENTCLOUD_SESSION_TOKEN")},
			"environment TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY", true
	}
	if path := env("TENCENTCLOUD_CREDENTIALS_FILE"); path != "" {
		if c, ok := readSDKProfile(path); ok {
			return c, "TENCENTCLOUD_CREDENTIALS_FILE " + tilde(path, home) + " [default]", true
		}
	} else if home != "" {
		path := filepath.Join(home, ".tencentcloud", "credentials")
		if c, ok := readSDKProfile(path); ok {
			return c, tilde(path, home) + " [default]", true
		}
	}
	if home == "" {
		return cloud.Credentials{}, "", false
	}
	profile := env("TCCLI_PROFILE")
	if profile == "" {
		profile = "default"
	}
	// The profile names a file; a name that would leave ~/.tccli is not one.
	if strings.ContainsAny(profile, `/\`) || profile == "." || profile == ".." {
		return cloud.Credentials{}, "", false
	}
	path := filepath.Join(home, ".tccli", profile+".credential")
	if c, ok := readTccli(path); ok {
		return c, tilde(path, home), true
	}
	return cloud.Credentials{}, "", false
}

// readSDKProfile reads the [default] section of the SDK's INI file.
func readSDKProfile(path string) (cloud.Credentials, bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return cloud.Credentials{}, false
	}
	section, vals := "", map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = strings.TrimSpace(line[1 : len(line)-1])
		case section == "default":
			if k, v, ok := strings.Cut(line, "="); ok {
				vals[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
	}
	c := cloud.Credentials{ID: vals["secret_id"], Secret: vals["secret_key"]}
	return c, c.ID != "" && c.Secret != ""
}

// readTccli reads a tccli credential file. Profiles of other kinds (a CVM
// role, an OIDC role) have no secretId and are passed over.
func readTccli(path string) (cloud.Credentials, bool) {
	b, err := os.ReadFile(path)
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

// tilde shows a path under home as ~/..., as a person would write it.
func tilde(path, home string) string {
	if home != "" {
		if rel, err := filepath.Rel(home, path); err == nil && !strings.HasPrefix(rel, "..") {
			return "~/" + filepath.ToSlash(rel)
		}
	}
	return path
}
