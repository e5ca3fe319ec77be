package aliyun

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"tunnelwiz/cloud"
)

// The CLI's profile file is parsed here rather than through
// credentials-go's CLIProfileCredentialsProvider: the provider reads the
// process's own environment and home (not those given), hides which
// profile and mode it chose (which the identity line must say), sends
// AssumeRole over https to a host it derives (no loopback sandbox), and
// dials the ECS metadata service itself. The modes and field names are
// the provider's and aliyun-cli's (config/profile.go).

// cliProfile is one profile of ~/.aliyun/config.json.
type cliProfile struct {
	Name          string `json:"name"`
	Mode          string `json:"mode"`
	ID            string `json:"access_key_id"`
	Secret        string `json:"access_key_secret"`
	STSToken      string `json:"sts_token"`
	RoleArn       string `json:"ram_role_arn"`
	RoleSession   string `json:"ram_session_name"`
	ExpiredSecs   int    `json:"expired_seconds"`
	ExternalID    string `json:"external_id"`
	RoleName      string `json:"ram_role_name"`
	SourceProfile string `json:"source_profile"`
	STSRegion     string `json:"sts_region"`
}

// fromCLIProfile reads the profile chosen from the CLI's file.
func fromCLIProfile(ctx context.Context, q cloud.CredQuery) (cloud.Credentials, cloud.Identity, error) {
	path, shown := q.Getenv(envConfigFile), ""
	if path != "" {
		shown = path + " (" + envConfigFile + ")"
	} else if q.Home != "" {
		path, shown = filepath.Join(q.Home, filepath.FromSlash(configFile)), "~/"+configFile
	}
	name, selector := q.Profile, "--profile"
	for _, env := range profileEnv {
		if name == "" {
			name, selector = q.Getenv(env), env
		}
	}
	if name == "" {
		selector = ""
	}
	if path == "" {
		if selector != "" {
			return none(cloud.Stop("alibaba: profile %q (%s) not found: no home directory to find ~/.aliyun/config.json in", name, selector))
		}
		return none(cloud.ErrNoCredentials)
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if selector != "" {
			return none(cloud.Stop("alibaba: profile %q (%s) not found: %s does not exist", name, selector, shown))
		}
		return none(cloud.ErrNoCredentials)
	}
	if err != nil {
		return none(cloud.Stop("alibaba: %s: %v", shown, err))
	}
	var conf struct {
		Current  string       `json:"current"`
		Profiles []cliProfile `json:"profiles"`
	}
	if err := json.Unmarshal(b, &conf); err != nil {
		return none(cloud.Stop("alibaba: %s is not the aliyun CLI's JSON: %v", shown, err))
	}
	if name == "" {
		name, selector = conf.Current, "current"
	}
	if name == "" {
		name, selector = "default", ""
	}
	find := func(n string) (cliProfile, bool) {
		for _, p := range conf.Profiles {
			if p.Name == n {
				return p, true
			}
		}
		return cliProfile{}, false
	}
	p, ok := find(name)
	if !ok {
		if selector == "" {
			return none(cloud.ErrNoCredentials)
		}
		return none(cloud.Stop("alibaba: profile %q (%s) not found in %s", name, selector, shown))
	}
	src := shown
	if selector != "" && selector != "current" {
		src += ", chosen by " + selector
	}
	return useProfile(ctx, q, p, cloud.Identity{Source: src, Profile: name}, find, 0)
}

// useProfile turns a profile into keys, by its mode.
func useProfile(ctx context.Context, q cloud.CredQuery, p cliProfile, id cloud.Identity, find func(string) (cliProfile, bool), depth int) (cloud.Credentials, cloud.Identity, error) {
	keys := func() (cloud.Credentials, error) {
		if p.ID == "" || p.Secret == "" {
			return cloud.Credentials{}, cloud.Stop("alibaba: profile %q (mode %s) has no access_key_id and access_key_secret", p.Name, p.Mode)
		}
		return cloud.Credentials{ID: p.ID, Secret: p.Secret}, nil
	}
	switch p.Mode {
	case "AK", "":
		c, err := keys()
		if err != nil {
			return none(err)
		}
		return c, id.Signed(c), nil
	case "StsToken":
		c, err := keys()
		if err != nil {
			return none(err)
		}
		c.Token = p.STSToken
		return c, id.Signed(c), nil
	case "RamRoleArn":
		c, err := keys()
		if err != nil {
			return none(err)
		}
		return assumeRole(ctx, q, c, id, role{arn: p.RoleArn, session: p.RoleSession, external: p.ExternalID, seconds: p.ExpiredSecs, from: "profile " + p.Name, stsRegion: p.STSRegion})
	case "EcsRamRole":
		return ecsRole(ctx, q, p.RoleName, id)
	case "ChainableRamRoleArn":
		src, ok := find(p.SourceProfile)
		if !ok || depth > 4 || p.SourceProfile == p.Name {
			return none(cloud.Stop("alibaba: profile %q (ChainableRamRoleArn): its source_profile %q is not a usable profile", p.Name, p.SourceProfile))
		}
		c, _, err := useProfile(ctx, q, src, cloud.Identity{}, find, depth+1)
		if err != nil {
			return none(err)
		}
		if q.Offline {
			id.Role = p.RoleArn
			return cloud.Credentials{}, id, nil
		}
		return assumeRole(ctx, q, c, id, role{arn: p.RoleArn, session: p.RoleSession, external: p.ExternalID, seconds: p.ExpiredSecs, from: "profile " + p.Name, stsRegion: p.STSRegion})
	}
	return none(cloud.Stop("alibaba: profile %q is mode %s, which tunnelwiz does not support (it takes %s)", p.Name, p.Mode,
		strings.Join([]string{"AK", "StsToken", "RamRoleArn", "ChainableRamRoleArn", "EcsRamRole"}, ", ")))
}
