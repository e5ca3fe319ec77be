package huawei

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"

	"tunnelwiz/cloud"
)

// The places huaweicloud-sdk-go-v3 looks for keys (core/auth/provider:
// env_provider.go and profile_provider.go, v0.1.207), then the Terraform
// provider's names (config/auth.go: HW_ACCESS_KEY, HW_SECRET_KEY,
// HW_SECURITY_TOKEN, HW_SHARED_CONFIG_FILE, HW_PROFILE) and KooCLI's
// profile file. The project id the SDK could also read there
// (HUAWEICLOUD_SDK_PROJECT_ID, project_id) is not taken: the spec's
// project_id says where a request goes.
//
// The SDK's providers themselves (EnvCredentialProvider,
// ProfileCredentialProvider, MetadataCredentialProvider) are not called:
// they read the process's own environment and home directory, not the
// ones given (which tests and the wizard pass), do not say where they
// found the keys, and the metadata one dials 169.254.169.254 itself. The
// same names and file format are read here instead.
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
	tfAK            = "HW_ACCESS_KEY"
	tfSK            = "HW_SECRET_KEY"
	tfToken         = "HW_SECURITY_TOKEN"
	tfProfile       = "HW_PROFILE"
	tfConfigFile    = "HW_SHARED_CONFIG_FILE"
	kooFile         = ".hcloud/config.json" // KooCLI, under the home directory
)

// unsupportedEnv are sources the SDK or the Terraform provider take that
// tunnelwiz does not: set, they stop the search with their name.
var unsupportedEnv = map[string]string{
	"HUAWEICLOUD_SDK_IDP_ID":        "federated (OIDC) credentials",
	"HUAWEICLOUD_SDK_ID_TOKEN_FILE": "federated (OIDC) credentials",
}

// FindCredentials looks, in this order: --profile, when given, names a
// KooCLI profile and nothing else is read; the SDK's environment
// (HUAWEICLOUD_SDK_AK/_SK/_SECURITY_TOKEN), then the Terraform provider's
// (HW_ACCESS_KEY/HW_SECRET_KEY/HW_SECURITY_TOKEN), stopping if HW_PROFILE
// is set too (which did the engineer mean?); HW_PROFILE or
// HW_SHARED_CONFIG_FILE: that KooCLI profile (else the file's current
// one); the SDK's credentials file (an INI file whose [basic] section
// holds ak, sk and security_token); KooCLI's ~/.hcloud/config.json,
// current profile. A KooCLI profile in mode ecsAgency reads the ECS
// agency's keys from the metadata service. Then an IAM agency (a KooCLI
// profile's agencyName, or HW_ASSUME_ROLE_AGENCY_NAME with _DOMAIN_NAME or
// _DOMAIN_ID, as the Terraform provider takes them) is assumed with those
// keys and its temporary keys sign. Nothing is written; secrets are never
// part of the identity.
func (Driver) FindCredentials(ctx context.Context, q cloud.CredQuery) (cloud.Credentials, cloud.Identity, error) {
	for _, name := range cloud.SetNames(q, unsupportedEnv) {
		return none(cloud.Stop("huawei: %s is set: tunnelwiz does not support %s; unset it, or use keys or a KooCLI profile", name, unsupportedEnv[name]))
	}
	c, id, ag, err := source(ctx, q)
	if err != nil {
		return none(err)
	}
	// The environment's agency goes with the environment's search only:
	// --profile reads nothing else, and a profile's own agency is not
	// silently replaced by another.
	if a := envAgency(q); a.name != "" && q.Profile == "" {
		if ag.name != "" && ag.name != a.name {
			return none(cloud.Stop("huawei: %s names the agency %s, but %s names %s: unset one, or pass --profile to use the profile's", a.from, a.name, ag.from, ag.name))
		}
		ag = a
	}
	if ag.name == "" {
		return c, id, nil
	}
	if id.Role != "" {
		return none(cloud.Stop("huawei: %s names the agency %s, but the keys found are already an agency's (%s)", ag.from, ag.name, id.Source))
	}
	return ag.assume(ctx, q, c, id)
}

// source finds the keys before any agency is assumed, and a KooCLI
// profile's agency.
func source(ctx context.Context, q cloud.CredQuery) (cloud.Credentials, cloud.Identity, agency, error) {
	if q.Profile != "" {
		return fromKooCLI(ctx, q, q.Profile, "--profile", true)
	}
	for _, s := range [][3]string{{envAK, envSK, envToken}, {tfAK, tfSK, tfToken}} {
		if ak, sk := q.Getenv(s[0]), q.Getenv(s[1]); ak != "" && sk != "" {
			if v := q.Getenv(tfProfile); v != "" {
				return cloud.Credentials{}, cloud.Identity{}, agency{}, cloud.Stop("huawei: %s and %s=%s are both set: pass --profile %s to sign as that profile, or unset %s to sign with the environment's keys", s[0], tfProfile, v, v, tfProfile)
			}
			c := cloud.Credentials{ID: ak, Secret: sk, Token: q.Getenv(s[2])}
			src := "environment " + s[0] + " and " + s[1]
			if c.Token != "" {
				src += " (" + s[2] + ")"
			}
			return c, cloud.Identity{Source: src}.Signed(c), agency{}, nil
		}
	}
	if name := q.Getenv(tfProfile); name != "" {
		return fromKooCLI(ctx, q, name, tfProfile, true)
	}
	if q.Getenv(tfConfigFile) != "" {
		return fromKooCLI(ctx, q, "", tfConfigFile, true)
	}
	if c, id, err := sdkFile(q); !errors.Is(err, cloud.ErrNoCredentials) {
		return c, id, agency{}, err
	}
	return fromKooCLI(ctx, q, "", "", false)
}

func none(err error) (cloud.Credentials, cloud.Identity, error) {
	return cloud.Credentials{}, cloud.Identity{}, err
}

// sdkFile reads the SDK's credentials file.
func sdkFile(q cloud.CredQuery) (cloud.Credentials, cloud.Identity, error) {
	path, shown := q.Getenv(envProfileFile), ""
	if path != "" {
		shown = path + " (from " + envProfileFile + ")"
	} else if q.Home != "" {
		path, shown = filepath.Join(q.Home, profileFile), "~/"+profileFile
	} else {
		return none(cloud.ErrNoCredentials)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return none(cloud.ErrNoCredentials)
	}
	sec := iniSection(b, profileSection)
	if sec[profileAK] == "" || sec[profileSK] == "" {
		return none(cloud.ErrNoCredentials)
	}
	c := cloud.Credentials{ID: sec[profileAK], Secret: sec[profileSK], Token: sec[profileTokenKey]}
	return c, cloud.Identity{Source: shown + " [" + profileSection + "]"}.Signed(c), nil
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
