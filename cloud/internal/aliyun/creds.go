package aliyun

import (
	"context"
	"strings"

	"tunnelwiz/cloud"
)

// EnvKeys names one set of environment variables holding keys.
type EnvKeys struct{ ID, Secret, Token string }

// SDKEnv is what the v7 SDK's credential chain reads
// (credentials-go providers/env.go).
var SDKEnv = EnvKeys{"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN"}

// CLIEnv are the aliyun CLI's aliases (aliyun-cli config/profile.go: the
// ALIBABACLOUD_ and ALICLOUD_ spellings) and the Terraform provider's
// names (alicloud provider.go: ALICLOUD_ACCESS_KEY, _SECRET_KEY,
// _SECURITY_TOKEN), after the SDK's.
var CLIEnv = []EnvKeys{
	{"ALIBABACLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_SECRET", "ALIBABACLOUD_SECURITY_TOKEN"},
	{"ALICLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECURITY_TOKEN"},
	{"ALICLOUD_ACCESS_KEY", "ALICLOUD_SECRET_KEY", "ALICLOUD_SECURITY_TOKEN"},
}

// profileEnv select a CLI profile, in aliyun-cli's order
// (config/configuration.go GetCurrentProfile).
var profileEnv = []string{"ALIBABACLOUD_PROFILE", "ALIBABA_CLOUD_PROFILE", "ALICLOUD_PROFILE"}

// roleEnv name a role to assume with environment keys: credentials-go's
// RAM role provider (ALIBABA_CLOUD_ROLE_ARN, _ROLE_SESSION_NAME) and the
// Terraform provider (ALICLOUD_ASSUME_ROLE_ARN, _SESSION_NAME).
var roleEnv = [][2]string{
	{"ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_ROLE_SESSION_NAME"},
	{"ALICLOUD_ASSUME_ROLE_ARN", "ALICLOUD_ASSUME_ROLE_SESSION_NAME"},
}

// unsupportedEnv are sources credentials-go's default chain and the CLI
// take that tunnelwiz does not: set, they stop the search with their name.
var unsupportedEnv = map[string]string{
	"ALIBABA_CLOUD_OIDC_PROVIDER_ARN": "OIDC role sessions (ALIBABA_CLOUD_OIDC_PROVIDER_ARN, _OIDC_TOKEN_FILE)",
	"ALIBABA_CLOUD_OIDC_TOKEN_FILE":   "OIDC role sessions (ALIBABA_CLOUD_OIDC_PROVIDER_ARN, _OIDC_TOKEN_FILE)",
	"ALIBABA_CLOUD_CREDENTIALS_URI":   "a credentials URI",
	"ALIBABA_CLOUD_CREDENTIALS_FILE":  "the old SDK's credentials.ini profile file",
}

// FindCredentials finds the identity to sign as, where the v7 SDK's
// credential chain (credentials-go), the aliyun CLI and the Terraform
// provider look:
//
//  1. --profile, when given, names a CLI profile and nothing else is read;
//  2. the environment key sets given (SDKEnv, then the CLI's and
//     Terraform's aliases), with ALIBABA_CLOUD_ROLE_ARN (or
//     ALICLOUD_ASSUME_ROLE_ARN) assumed with them; with a profile
//     variable also set, it stops rather than guess which was meant;
//  3. ALIBABA_CLOUD_ECS_METADATA: the ECS instance RAM role of that name;
//  4. the CLI's profile file (ALIBABA_CLOUD_CONFIG_FILE, else
//     ~/.aliyun/config.json), unless ALIBABA_CLOUD_CLI_PROFILE_DISABLED
//     or ALIBABA_CLOUD_IGNORE_PROFILE is true: the profile
//     ALIBABACLOUD_PROFILE, ALIBABA_CLOUD_PROFILE or ALICLOUD_PROFILE
//     names, else the file's current one, in its mode (profile.go).
//
// A profile named but not found, or in a mode tunnelwiz does not take,
// stops with one line naming it. It only reads, and never reports a secret.
//
// credentials-go's providers are not called for the environment and the
// profile file: they read the process's own environment and home, not the
// ones given, and do not say which variable, profile or mode they used
// (see profile.go and role.go for the role and instance sources).
func FindCredentials(ctx context.Context, q cloud.CredQuery, sets ...EnvKeys) (cloud.Credentials, cloud.Identity, error) {
	if q.Profile == "" {
		for _, name := range cloud.SetNames(q, unsupportedEnv) {
			return none(cloud.Stop("alibaba: %s is set: tunnelwiz does not support %s; unset it, or use keys or a CLI profile", name, unsupportedEnv[name]))
		}
		for _, s := range append(sets, CLIEnv...) {
			id, secret := q.Getenv(s.ID), q.Getenv(s.Secret)
			if id == "" || secret == "" {
				continue
			}
			for _, sel := range profileEnv {
				if v := q.Getenv(sel); v != "" {
					return none(cloud.Stop("alibaba: %s and %s=%s are both set: pass --profile %s to sign as that profile, or unset %s to sign with the environment's keys", s.ID, sel, v, v, sel))
				}
			}
			c := cloud.Credentials{ID: id, Secret: secret, Token: q.Getenv(s.Token)}
			src := "environment " + s.ID + " and " + s.Secret
			if c.Token != "" {
				src += " (" + s.Token + ")"
			}
			for _, r := range roleEnv {
				if arn := q.Getenv(r[0]); arn != "" {
					return assumeRole(ctx, q, c, cloud.Identity{Source: src}, role{arn: arn, session: q.Getenv(r[1]), from: r[0]})
				}
			}
			return c, cloud.Identity{Source: src}.Signed(c), nil
		}
		if name := q.Getenv(envECSRole); name != "" {
			return ecsRole(ctx, q, name, cloud.Identity{Source: "environment " + envECSRole})
		}
		if isTrue(q.Getenv(noProfileEnv[0])) || isTrue(q.Getenv(noProfileEnv[1])) {
			return none(cloud.ErrNoCredentials)
		}
	}
	return fromCLIProfile(ctx, q)
}

func none(err error) (cloud.Credentials, cloud.Identity, error) {
	return cloud.Credentials{}, cloud.Identity{}, err
}

func isTrue(s string) bool { return strings.EqualFold(s, "true") }
