package huawei

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"tunnelwiz/cloud"
)

// KooCLI's profile file (~/.hcloud/config.json) is parsed here: the SDK
// has no provider for it. The fields are those the Terraform provider
// reads from it (config/auth.go SharedConfig/Profile); like the provider,
// tunnelwiz cannot read a file whose keys KooCLI encrypted
// (`hcloud configure set --cli-auth-encrypt=false` writes them plain).
type kooConfig struct {
	Current     string       `json:"current"`
	AuthEncrypt any          `json:"authEncrypt"`
	Profiles    []kooProfile `json:"profiles"`
}

type kooProfile struct {
	Name            string `json:"name"`
	Mode            string `json:"mode"`
	AccessKeyID     string `json:"accessKeyId"`
	SecretAccessKey string `json:"secretAccessKey"`
	SecurityToken   string `json:"securityToken"`
	AgencyName      string `json:"agencyName"`
	AgencyDomain    string `json:"agencyDomainName"`
	AgencyDomainID  string `json:"agencyDomainId"`
}

// fromKooCLI reads a KooCLI profile: name, else the file's current one.
// named says the engineer chose it (a missing file or profile stops).
func fromKooCLI(ctx context.Context, q cloud.CredQuery, name, selector string, named bool) (cloud.Credentials, cloud.Identity, agency, error) {
	p, id, err := kooCLIProfile(q, name, selector, named)
	if err != nil {
		return cloud.Credentials{}, cloud.Identity{}, agency{}, err
	}
	var ag agency
	if p.AgencyName != "" {
		ag = agency{name: p.AgencyName, domain: p.AgencyDomain, domainID: p.AgencyDomainID, from: "profile " + p.Name}
	}
	switch {
	case p.Mode == "ecsAgency":
		c, id, err := metadataKeys(ctx, q, id)
		return c, id, ag, err
	case p.Mode != "" && p.Mode != "AKSK":
		return cloud.Credentials{}, cloud.Identity{}, agency{}, cloud.Stop("huawei: profile %q in %s is mode %s, which tunnelwiz does not support (it takes AKSK and ecsAgency)", p.Name, id.Source, p.Mode)
	case p.AccessKeyID == "" || p.SecretAccessKey == "":
		return cloud.Credentials{}, cloud.Identity{}, agency{}, cloud.Stop("huawei: profile %q in %s has no accessKeyId and secretAccessKey", p.Name, id.Source)
	}
	c := cloud.Credentials{ID: p.AccessKeyID, Secret: p.SecretAccessKey, Token: p.SecurityToken}
	return c, id.Signed(c), ag, nil
}

// kooCLIProfile finds the profile in KooCLI's file.
func kooCLIProfile(q cloud.CredQuery, name, selector string, named bool) (kooProfile, cloud.Identity, error) {
	none := func(err error) (kooProfile, cloud.Identity, error) { return kooProfile{}, cloud.Identity{}, err }
	path, shown := q.Getenv(tfConfigFile), ""
	if path != "" {
		shown = path + " (" + tfConfigFile + ")"
	} else if q.Home != "" {
		path, shown = filepath.Join(q.Home, kooFile), "~/"+kooFile
	}
	if path == "" {
		if named {
			return none(cloud.Stop("huawei: profile %q (%s) not found: no home directory to find ~/%s in", name, selector, kooFile))
		}
		return none(cloud.ErrNoCredentials)
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !named {
		return none(cloud.ErrNoCredentials)
	}
	if errors.Is(err, fs.ErrNotExist) {
		return none(cloud.Stop("huawei: profile %q (%s) not found: %s does not exist", name, selector, shown))
	}
	if err != nil {
		return none(cloud.Stop("huawei: %s: %v", shown, err))
	}
	var conf kooConfig
	if err := json.Unmarshal(b, &conf); err != nil {
		return none(cloud.Stop("huawei: %s is not KooCLI's JSON: %v", shown, err))
	}
	if name == "" {
		name = conf.Current
	}
	var p *kooProfile
	for i := range conf.Profiles {
		if conf.Profiles[i].Name == name {
			p = &conf.Profiles[i]
		}
	}
	if p == nil {
		if !named {
			return none(cloud.ErrNoCredentials)
		}
		return none(cloud.Stop("huawei: profile %q (%s) not found in %s", name, selector, shown))
	}
	src := shown
	if selector != "" && selector != tfConfigFile {
		src += ", chosen by " + selector
	}
	if conf.AuthEncrypt == true || conf.AuthEncrypt == "true" {
		return none(cloud.Stop("huawei: %s holds encrypted keys: run `hcloud configure set --cli-auth-encrypt=false`, as the Terraform provider also needs", shown))
	}
	return *p, cloud.Identity{Source: src, Profile: name}, nil
}

// MetadataSecurityKey is where an ECS serves its agency's temporary keys
// (the SDK's MetadataCredentialProvider and the Terraform provider).
const MetadataSecurityKey = "http://169.254.169.254/openstack/latest/securitykey"

// metadataKeys reads the ECS agency's keys through q.Metadata rather than
// the SDK's MetadataCredentialProvider, which dials 169.254.169.254
// itself (a test could not keep it on loopback).
func metadataKeys(ctx context.Context, q cloud.CredQuery, id cloud.Identity) (cloud.Credentials, cloud.Identity, error) {
	id.Source += ", ECS agency (instance metadata)"
	id.Token, id.Role = true, "ECS agency"
	if q.Offline {
		return cloud.Credentials{}, id, nil
	}
	if q.Metadata == nil {
		return none(cloud.Stop("huawei: %s names the ECS agency, but no metadata service is reachable here", id.Source))
	}
	b, err := q.Metadata(ctx, MetadataSecurityKey)
	if err != nil {
		return none(cloud.Stop("huawei: ECS agency keys: %v", err))
	}
	var r struct {
		Credential struct{ Access, Secret, Securitytoken string }
	}
	if json.Unmarshal(b, &r) != nil || r.Credential.Access == "" {
		return none(cloud.Stop("huawei: the metadata service answered no agency keys"))
	}
	c := cloud.Credentials{ID: r.Credential.Access, Secret: r.Credential.Secret, Token: r.Credential.Securitytoken}
	return c, id.Signed(c), nil
}
