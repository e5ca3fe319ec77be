package aliyun

import (
	"net/http"
	"net/url"
	"strings"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// The sandbox's account check for both front doors, and its Alibaba STS.

// Account is the keys a request claims to sign with: the sandbox's own,
// or temporary keys its STS issued (sandbox.Backend.KeysFor), by the key
// id in the RPC AccessKeyId parameter or the ACS3 Credential.
func Account(r *http.Request, params url.Values, b *sandbox.Backend) cloud.Credentials {
	id := params.Get("AccessKeyId")
	if id == "" {
		_, rest, _ := strings.Cut(r.Header.Get("Authorization"), " ")
		for _, kv := range strings.Split(rest, ",") {
			if k, v, _ := strings.Cut(strings.TrimSpace(kv), "="); k == "Credential" {
				id = v
			}
		}
	}
	return b.KeysFor(id)
}

// CheckToken refuses a request whose security token (the RPC
// SecurityToken parameter, the ACS3 x-acs-security-token header) is not
// the one issued with its keys; long-term keys take none.
func CheckToken(r *http.Request, params url.Values, keys cloud.Credentials) *Refused {
	tok := params.Get("SecurityToken")
	if tok == "" {
		tok = r.Header.Get("x-acs-security-token")
	}
	if tok != keys.Token {
		return refuse("InvalidSecurityToken.Mismatch", "The security token does not belong to this access key.")
	}
	return nil
}

// STSVersion is the STS API version credentials-go and the CLI send.
const STSVersion = "2015-04-01"

// ServeAssumeRole answers STS AssumeRole (RPC style, HMAC-SHA1, as
// credentials-go's RAM role provider sends it) in STS's envelope:
// {"RequestId","AssumedRoleUser":{"Arn","AssumedRoleId"},
// "Credentials":{"AccessKeyId","AccessKeySecret","SecurityToken","Expiration"}}.
// Only the sandbox's own keys may assume a role.
func ServeAssumeRole(w http.ResponseWriter, r *http.Request, params url.Values, b *sandbox.Backend) {
	reqID := requestID()
	fail := func(status int, code, msg string) {
		WriteJSON(w, status, map[string]any{"RequestId": reqID, "HostId": r.Host, "Code": code, "Message": msg})
	}
	keys := b.Keys()
	if ref := VerifyRPC(r.Method, params, keys, b.Now()); ref != nil {
		fail(statusOf(ref.Code), ref.Code, ref.Message)
		return
	}
	if params.Get("SecurityToken") != "" {
		fail(403, "NoPermission", "Temporary keys cannot assume a role in the tunnelwiz sandbox.")
		return
	}
	if v := params.Get("Version"); v != STSVersion {
		fail(400, "InvalidVersion", "The STS API is version "+STSVersion+".")
		return
	}
	arn, session := params.Get("RoleArn"), params.Get("RoleSessionName")
	switch {
	case arn == "" || session == "":
		fail(400, "MissingParameter", "RoleArn and RoleSessionName are required.")
		return
	case !strings.HasPrefix(arn, "acs:ram::"):
		fail(400, "InvalidParameter.RoleArn", "The parameter RoleArn is wrongly formed (acs:ram::<account>:role/<name>).")
		return
	}
	b.Signed("alibaba-sts", "AssumeRole", keys.ID)
	t := b.IssueTemporary(arn)
	WriteJSON(w, http.StatusOK, map[string]any{
		"RequestId":       reqID,
		"AssumedRoleUser": map[string]any{"Arn": arn + "/" + session, "AssumedRoleId": "3" + t.ID[len(t.ID)-8:] + ":" + session},
		"Credentials": map[string]any{"AccessKeyId": t.ID, "AccessKeySecret": t.Secret, "SecurityToken": t.Token,
			"Expiration": b.Now().Add(3600e9).UTC().Format("2006-01-02T15:04:05Z")},
	})
}
