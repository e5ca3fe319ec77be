package huawei

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	iam "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3"
	iammodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3/model"

	"tunnelwiz/cloud"
)

// An IAM agency is assumed as the Terraform provider does it
// (config/auth.go buildClientByAgency): IAM
// CreateTemporaryAccessKeyByAgency, method assume_role, with the keys
// found, through the SDK's own IAM client and signature; the temporary AK,
// SK and security token then sign. The SDK's credential providers have
// no agency source, so this is the one way the vendor's tools take.

// The Terraform provider's names for an agency to assume.
const (
	envAgencyName   = "HW_ASSUME_ROLE_AGENCY_NAME"
	envAgencyDomain = "HW_ASSUME_ROLE_DOMAIN_NAME"
	envAgencyDomID  = "HW_ASSUME_ROLE_DOMAIN_ID"
	envAgencyTime   = "HW_ASSUME_ROLE_DURATION"
)

// iamHost is IAM's global endpoint.
const iamHost = "https://iam.myhuaweicloud.com"

// agency is an IAM agency to assume.
type agency struct {
	name, domain, domainID, seconds string
	from                            string // where it was named
}

// envAgency is the agency the environment names, if any.
func envAgency(q cloud.CredQuery) agency {
	return agency{name: q.Getenv(envAgencyName), domain: q.Getenv(envAgencyDomain), domainID: q.Getenv(envAgencyDomID),
		seconds: q.Getenv(envAgencyTime), from: envAgencyName}
}

// assume turns keys into the agency's temporary keys.
func (a agency) assume(ctx context.Context, q cloud.CredQuery, base cloud.Credentials, id cloud.Identity) (cloud.Credentials, cloud.Identity, error) {
	id.Role = "agency " + a.name
	if a.domain != "" {
		id.Role += " of " + a.domain
	} else if a.domainID != "" {
		id.Role += " of domain id " + a.domainID
	}
	if a.domain == "" && a.domainID == "" {
		return none(cloud.Stop("huawei: agency %s (%s) names no domain: set %s (or %s)", a.name, a.from, envAgencyDomain, envAgencyDomID))
	}
	if q.Offline {
		return cloud.Credentials{}, id, nil
	}
	seconds := int32(24 * 60 * 60) // the Terraform provider's duration
	if a.seconds != "" {
		n, err := strconv.ParseInt(a.seconds, 10, 32)
		if err != nil || n < 900 || n > 86400 {
			return none(cloud.Stop("huawei: %s=%q: want seconds from 900 to 86400", envAgencyTime, a.seconds))
		}
		seconds = int32(n)
	}
	endpoint := iamHost
	if q.STS != nil {
		endpoint = strings.TrimSuffix((&url.URL{Scheme: q.STS.Scheme, Host: q.STS.Host}).String(), "/")
	}
	hc, err := build(ctx, iam.IamClientBuilder(), endpoint, base, "", false)
	if err != nil {
		return none(cloud.Stop("huawei: agency %s: %v", a.name, err))
	}
	ar := &iammodel.IdentityAssumerole{AgencyName: a.name, DurationSeconds: &seconds}
	if a.domain != "" {
		ar.DomainName = &a.domain
	}
	if a.domainID != "" {
		ar.DomainId = &a.domainID
	}
	req := &iammodel.CreateTemporaryAccessKeyByAgencyRequest{Body: &iammodel.CreateTemporaryAccessKeyByAgencyRequestBody{
		Auth: &iammodel.AgencyAuth{Identity: &iammodel.AgencyAuthIdentity{
			Methods:    []iammodel.AgencyAuthIdentityMethods{iammodel.GetAgencyAuthIdentityMethodsEnum().ASSUME_ROLE},
			AssumeRole: ar,
		}},
	}}
	resp, err := iam.NewIamClient(hc).CreateTemporaryAccessKeyByAgency(req)
	if err != nil {
		return none(cloud.Stop("huawei: agency %s (%s) at %s refused: %s", a.name, a.from, endpoint, firstLine(err)))
	}
	if resp.Credential == nil || resp.Credential.Access == "" {
		return none(cloud.Stop("huawei: agency %s at %s answered no temporary keys", a.name, endpoint))
	}
	c := cloud.Credentials{ID: resp.Credential.Access, Secret: resp.Credential.Secret, Token: resp.Credential.Securitytoken}
	return c, id.Signed(c), nil
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
