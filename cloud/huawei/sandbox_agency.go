package huawei

import (
	"encoding/json"
	"net/http"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// securityTokensPath is IAM's CreateTemporaryAccessKeyByAgency (and
// CreateTemporaryAccessKeyByToken): the sandbox answers the agency form,
// methods ["assume_role"], as the Terraform provider sends it.
const securityTokensPath = "/v3.0/OS-CREDENTIAL/securitytokens"

// agencyTokens issues an agency's temporary keys: 201 with
// {"credential":{"access","secret","securitytoken","expires_at"}}. Only
// the sandbox's own keys may assume an agency.
func (f frontend) agencyTokens(w http.ResponseWriter, r *http.Request, body []byte, b *sandbox.Backend, keys cloud.Credentials) {
	refuse := func(msg string) {
		f.Fail(w, r, &sandbox.Refusal{Code: cloud.CodeInvalid, Reason: sandbox.ReasonInvalid, Message: msg})
	}
	if keys.Token != "" {
		f.Fail(w, r, &sandbox.Refusal{Code: cloud.CodeAuth, Reason: sandbox.ReasonAuth, Message: "temporary keys cannot assume an agency in the tunnelwiz sandbox"})
		return
	}
	var in struct {
		Auth struct {
			Identity struct {
				Methods    []string `json:"methods"`
				AssumeRole struct {
					AgencyName string `json:"agency_name"`
					DomainName string `json:"domain_name"`
					DomainID   string `json:"domain_id"`
					Seconds    int    `json:"duration_seconds"`
				} `json:"assume_role"`
			} `json:"identity"`
		} `json:"auth"`
	}
	if err := json.Unmarshal(body, &in); err != nil {
		refuse("the body is not JSON: " + err.Error())
		return
	}
	id := in.Auth.Identity
	switch {
	case len(id.Methods) != 1 || id.Methods[0] != "assume_role":
		refuse(`auth.identity.methods must be ["assume_role"] (the sandbox takes the agency form only)`)
		return
	case id.AssumeRole.AgencyName == "" || id.AssumeRole.DomainName == "" && id.AssumeRole.DomainID == "":
		refuse("auth.identity.assume_role needs agency_name and domain_name or domain_id")
		return
	case id.AssumeRole.Seconds != 0 && (id.AssumeRole.Seconds < 900 || id.AssumeRole.Seconds > 86400):
		refuse("duration_seconds must be from 900 to 86400")
		return
	}
	t := b.IssueTemporary("agency " + id.AssumeRole.AgencyName)
	w.Header().Set("X-IAM-Trace-Id", requestID())
	answer(w, http.StatusCreated, map[string]any{"credential": map[string]any{
		"access": t.ID, "secret": t.Secret, "securitytoken": t.Token,
		"expires_at": b.Now().Add(3600e9).UTC().Format("2006-01-02T15:04:05.000000Z"),
	}})
}
