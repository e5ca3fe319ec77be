// Package tccred finds the Tencent Cloud identity to sign as, where
// Tencent's own tools look. API 3.0 and the legacy API 2.0 take the same
// SecretId/SecretKey, so both drivers use this one search.
package tccred

import (
	"context"
	"strconv"
	"strings"

	"tunnelwiz/cloud"
)

// The names Tencent's tools read. The SDK (common v1.3.209
// env_provider.go, profile_provider.go, tccli_profile_provider.go,
// role_arn_provider.go), tccli, and the Terraform provider (provider.go:
// TENCENTCLOUD_SECURITY_TOKEN, _PROFILE, _SHARED_CREDENTIALS_DIR,
// _CAM_ROLE_NAME, _ASSUME_ROLE_*).
const (
	envID          = "TENCENTCLOUD_SECRET_ID"
	envKey         = "TENCENTCLOUD_SECRET_KEY"
	envSDKToken    = "TENCENTCLOUD_SESSION_TOKEN"  // the SDK's name
	envTFToken     = "TENCENTCLOUD_SECURITY_TOKEN" // the Terraform provider's name
	envProfile     = "TENCENTCLOUD_PROFILE"        // Terraform provider
	envTccli       = "TCCLI_PROFILE"               // tccli and the SDK's tccli provider
	envSharedDir   = "TENCENTCLOUD_SHARED_CREDENTIALS_DIR"
	envSDKFile     = "TENCENTCLOUD_CREDENTIALS_FILE"
	envCamRole     = "TENCENTCLOUD_CAM_ROLE_NAME"
	envRoleArn     = "TENCENTCLOUD_ASSUME_ROLE_ARN"
	envRoleSession = "TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME"
	envRoleSeconds = "TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION"
	envRoleExtID   = "TENCENTCLOUD_ASSUME_ROLE_EXTERNAL_ID"
)

// unsupported are selectors the vendor tools honour that tunnelwiz does
// not: set, they stop the search with their name rather than let other
// keys sign.
var unsupported = map[string]string{
	"TENCENTCLOUD_ASSUME_ROLE_SERIAL_NUMBER": "an MFA device for AssumeRole",
	"TENCENTCLOUD_ASSUME_ROLE_TOKEN_CODE":    "an MFA code for AssumeRole",
	"TENCENTCLOUD_ASSUME_ROLE_POLICY":        "a session policy for AssumeRole",
	"TKE_ROLE_ARN":                           "the SDK's OIDC role (TKE_ROLE_ARN, TKE_WEB_IDENTITY_TOKEN_FILE)",
}

// Find is the search, in the Terraform provider's order, which agrees
// with the SDK's chain where both have a source:
//
//  1. --profile, when given, names the profile and nothing else is read;
//  2. TENCENTCLOUD_SECRET_ID and _SECRET_KEY (with _SESSION_TOKEN, the
//     SDK's name, or _SECURITY_TOKEN, Terraform's); with a profile
//     selector also set, it stops: the SDK and Terraform would take the
//     keys and pass over the profile named, and tunnelwiz will not guess;
//  3. TENCENTCLOUD_CAM_ROLE_NAME: the CVM instance role of that name;
//  4. the profile TENCENTCLOUD_PROFILE, else TCCLI_PROFILE, else
//     "default": tccli's <dir>/<profile>.credential (dir
//     TENCENTCLOUD_SHARED_CREDENTIALS_DIR, else ~/.tccli) and the SDK's
//     profile file (TENCENTCLOUD_CREDENTIALS_FILE, else
//     ~/.tencentcloud/credentials) section [<profile>]; for "default" the
//     SDK's file comes first, as in the SDK's chain.
//
// Then TENCENTCLOUD_ASSUME_ROLE_ARN, or a tccli profile's role, is
// assumed with those keys (sts AssumeRole) and the temporary keys sign.
// A profile named but found nowhere stops, naming the files looked in.
func Find(ctx context.Context, q cloud.CredQuery) (cloud.Credentials, cloud.Identity, error) {
	for _, name := range cloud.SetNames(q, unsupported) {
		return cloud.Credentials{}, cloud.Identity{}, cloud.Stop("tencent: %s is set: tunnelwiz does not support %s; unset it, or use keys or a profile", name, unsupported[name])
	}
	base, id, role, err := source(ctx, q)
	if err != nil {
		return cloud.Credentials{}, cloud.Identity{}, err
	}
	// The environment's role goes with the environment's search only:
	// --profile reads nothing else, and a profile's own role is not
	// silently replaced by another.
	if arn := q.Getenv(envRoleArn); arn != "" && q.Profile == "" {
		if role.arn != "" && role.arn != arn {
			return cloud.Credentials{}, cloud.Identity{}, cloud.Stop("tencent: %s names the role %s, but %s names %s: unset one, or pass --profile to use the profile's", envRoleArn, arn, id.Source, role.arn)
		}
		role = assume{arn: arn, session: q.Getenv(envRoleSession), external: q.Getenv(envRoleExtID), seconds: q.Getenv(envRoleSeconds), from: envRoleArn}
	}
	if role.arn == "" {
		return base, id.Signed(base), nil
	}
	id.Role = role.arn
	if q.Offline {
		return cloud.Credentials{}, id, nil
	}
	tmp, err := assumeRole(ctx, q, base, role)
	if err != nil {
		return cloud.Credentials{}, cloud.Identity{}, err
	}
	return tmp, id.Signed(tmp), nil
}

// source finds the keys before any role is assumed, and a profile's role.
func source(ctx context.Context, q cloud.CredQuery) (cloud.Credentials, cloud.Identity, assume, error) {
	if q.Profile == "" {
		if id, key := q.Getenv(envID), q.Getenv(envKey); id != "" && key != "" {
			tok, tokName := q.Getenv(envSDKToken), envSDKToken
			if tok == "" {
				tok, tokName = q.Getenv(envTFToken), envTFToken
			}
			for _, sel := range []string{envProfile, envTccli} {
				if v := q.Getenv(sel); v != "" {
					return stop("%s and %s=%s are both set: pass --profile %s to sign as that profile, or unset %s to sign with the environment's keys", envID, sel, v, v, sel)
				}
			}
			src := "environment " + envID + " and " + envKey
			if tok != "" {
				src += " (" + tokName + ")"
			}
			return cloud.Credentials{ID: id, Secret: key, Token: tok}, cloud.Identity{Source: src}, assume{}, nil
		}
		if name := q.Getenv(envCamRole); name != "" {
			c, id, err := cvmRole(ctx, q, name, "environment "+envCamRole)
			return c, id, assume{}, err
		}
	}
	name, selector := q.Profile, "--profile"
	for _, env := range []string{envProfile, envTccli} {
		if name == "" {
			name, selector = q.Getenv(env), env
		}
	}
	if name == "" {
		name, selector = "default", ""
	}
	// The profile names a file; a name that would leave the directory is not one.
	if strings.ContainsAny(name, `/\`) || name == "." || name == ".." {
		return stop("profile %q (%s) is not a profile name", name, selector)
	}
	return fromProfile(ctx, q, name, selector)
}

func stop(format string, a ...any) (cloud.Credentials, cloud.Identity, assume, error) {
	return cloud.Credentials{}, cloud.Identity{}, assume{}, cloud.Stop("tencent: "+format, a...)
}

// duration is TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION, 7200 by default
// (the provider's and the SDK's default), 0..43200.
func (a assume) duration() (int64, error) {
	if a.seconds == "" {
		return 7200, nil
	}
	n, err := strconv.ParseInt(a.seconds, 10, 64)
	if err != nil || n <= 0 || n > 43200 {
		return 0, cloud.Stop("tencent: %s=%q: want seconds from 1 to 43200", envRoleSeconds, a.seconds)
	}
	return n, nil
}
