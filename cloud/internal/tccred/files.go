package tccred

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"tunnelwiz/cloud"
)

// Both files are parsed here rather than through the SDK's
// ProfileProvider and TccliProfileProvider: those read the process's own
// HOME and environment (not the home and environment given, which tests
// and the wizard need), read only the [default] section of the SDK file,
// pass over tccli's role profiles, and do not say which file they used.
// The formats are the same: the SDK's INI file with secret_id/secret_key,
// and tccli's JSON <profile>.credential.

// fromProfile reads the named profile from tccli's file and the SDK's.
func fromProfile(ctx context.Context, q cloud.CredQuery, name, selector string) (cloud.Credentials, cloud.Identity, assume, error) {
	dir, dirShown := q.Getenv(envSharedDir), ""
	if dir != "" {
		dirShown = tilde(dir, q.Home) + " (" + envSharedDir + ")"
	} else if q.Home != "" {
		dir = filepath.Join(q.Home, tccliDir)
		dirShown = "~/" + tccliDir
	}
	sdk, sdkShown := q.Getenv(envSDKFile), ""
	if sdk != "" {
		sdkShown = tilde(sdk, q.Home) + " (" + envSDKFile + ")"
	} else if q.Home != "" {
		sdk = filepath.Join(q.Home, filepath.FromSlash(sdkFile))
		sdkShown = "~/" + sdkFile
	}
	chosen := ""
	if selector != "" {
		chosen = ", chosen by " + selector
	}
	tryTccli := func() (cloud.Credentials, cloud.Identity, assume, bool, error) {
		if dir == "" {
			return cloud.Credentials{}, cloud.Identity{}, assume{}, false, nil
		}
		path := filepath.Join(dir, name+".credential")
		shown := tccliShown(dirShown, name)
		c, id, role, found, err := readTccli(ctx, q, path, shown)
		id.Source += chosen
		id.Profile = name
		return c, id, role, found, err
	}
	trySDK := func() (cloud.Credentials, cloud.Identity, bool, error) {
		if sdk == "" {
			return cloud.Credentials{}, cloud.Identity{}, false, nil
		}
		sec, found, err := iniSection(sdk, name)
		if !found || err != nil {
			return cloud.Credentials{}, cloud.Identity{}, false, err
		}
		c := cloud.Credentials{ID: sec["secret_id"], Secret: sec["secret_key"]}
		if c.ID == "" || c.Secret == "" {
			return cloud.Credentials{}, cloud.Identity{}, false,
				cloud.Stop("tencent: %s [%s] has no secret_id and secret_key", sdkShown, name)
		}
		return c, cloud.Identity{Source: sdkShown + " [" + name + "]" + chosen, Profile: name}, true, nil
	}
	if name == "default" {
		if c, id, found, err := trySDK(); found || err != nil {
			return c, id, assume{}, err
		}
	}
	if c, id, role, found, err := tryTccli(); found || err != nil {
		return c, id, role, err
	}
	if name != "default" {
		if c, id, found, err := trySDK(); found || err != nil {
			return c, id, assume{}, err
		}
	}
	if selector == "" {
		return cloud.Credentials{}, cloud.Identity{}, assume{}, cloud.ErrNoCredentials
	}
	var looked []string
	if dir != "" {
		looked = append(looked, tccliShown(dirShown, name))
	}
	if sdk != "" {
		looked = append(looked, sdkShown+" ["+name+"]")
	}
	return stop("profile %q (%s) not found: looked in %s", name, selector, strings.Join(looked, " and "))
}

// tccliShown names a profile's file in tccli's directory as shown, with
// the variable that moved the directory, if one did.
func tccliShown(dirShown, name string) string {
	dir, moved := strings.CutSuffix(dirShown, " ("+envSharedDir+")")
	if moved {
		return dir + "/" + name + ".credential (" + envSharedDir + ")"
	}
	return dir + "/" + name + ".credential"
}

// tccliFile is a tccli credential file. Key profiles hold secretId and
// secretKey (and token), "type" absent or "default"; `tccli configure set
// use-cvm-role true` writes "type": "cvm-role" (the CVM instance role),
// role-arn and role-session-name name a role to assume with the keys, and
// tccli's login writes "type" "oauth" or "sso" (tccli configure.py,
// credentials.py).
type tccliFile struct {
	SecretID    string `json:"secretId"`
	SecretKey   string `json:"secretKey"`
	Token       string `json:"token"`
	Type        string `json:"type"`
	RoleArn     string `json:"role-arn"`
	RoleSession string `json:"role-session-name"`
	RoleName    string `json:"role-name"`
}

// readTccli reads one tccli profile; found is false when the file does
// not exist.
func readTccli(ctx context.Context, q cloud.CredQuery, path, shown string) (cloud.Credentials, cloud.Identity, assume, bool, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return cloud.Credentials{}, cloud.Identity{}, assume{}, false, nil
	}
	if err != nil {
		return cloud.Credentials{}, cloud.Identity{}, assume{}, true, cloud.Stop("tencent: %s: %v", shown, err)
	}
	var f tccliFile
	if err := json.Unmarshal(b, &f); err != nil {
		return cloud.Credentials{}, cloud.Identity{}, assume{}, true, cloud.Stop("tencent: %s is not tccli's JSON: %v", shown, err)
	}
	switch {
	case f.Type == "cvm-role":
		c, id, err := cvmRole(ctx, q, f.RoleName, shown)
		return c, id, assume{}, true, err
	case f.Type != "" && f.Type != "default":
		// tccli's oauth and sso profiles hold keys it refreshes itself.
		return cloud.Credentials{}, cloud.Identity{}, assume{}, true,
			cloud.Stop("tencent: %s is a tccli profile of type %q, which tunnelwiz does not support (it takes keys, a role to assume with keys, or cvm-role)", shown, f.Type)
	case f.SecretID == "" || f.SecretKey == "":
		return cloud.Credentials{}, cloud.Identity{}, assume{}, true, cloud.Stop("tencent: %s has no secretId and secretKey", shown)
	}
	var role assume
	if f.RoleArn != "" {
		role = assume{arn: f.RoleArn, session: f.RoleSession, from: shown}
	}
	return cloud.Credentials{ID: f.SecretID, Secret: f.SecretKey, Token: f.Token}, cloud.Identity{Source: shown}, role, true, nil
}

// iniSection reads one section of the SDK's INI file; found is false when
// the file or the section does not exist.
func iniSection(path, want string) (map[string]string, bool, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, cloud.Stop("tencent: %s: %v", path, err)
	}
	section, found, vals := "", false, map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = strings.TrimSpace(line[1 : len(line)-1])
			found = found || section == want
		case section == want:
			if k, v, ok := strings.Cut(line, "="); ok {
				vals[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
	}
	return vals, found, nil
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
