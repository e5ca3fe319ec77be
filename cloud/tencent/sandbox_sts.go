package tencent

import (
	"encoding/json"
	"net/http"
	"strings"

	"tunnelwiz/cloud/sandbox"
)

// The sandbox's Tencent STS: AssumeRole (sts 2018-08-13), as the SDK's
// RoleArnProvider and the Terraform provider send it, answered in API
// 3.0's envelope: {"Response":{"Credentials":{"Token","TmpSecretId",
// "TmpSecretKey"},"ExpiredTime","Expiration","RequestId"}}. Only the
// sandbox's own (long-term) keys may assume a role, and the role must be
// a CAM role ARN.

const stsVersion = "2018-08-13"

func assumeRole(b *sandbox.Backend, r *http.Request, body []byte) (map[string]any, *failure) {
	if v := r.Header.Get("X-TC-Version"); v != stsVersion {
		return nil, &failure{"NoSuchVersion", "The API version `" + v + "` does not exist for sts; it is " + stsVersion + "."}
	}
	var in struct {
		RoleArn, RoleSessionName string
		DurationSeconds          int64
	}
	if err := json.Unmarshal(body, &in); err != nil {
		return nil, &failure{"InvalidParameter", "The body is not JSON: " + err.Error()}
	}
	switch {
	case in.RoleArn == "" || in.RoleSessionName == "":
		return nil, &failure{"MissingParameter", "The request is missing a required parameter `RoleArn` or `RoleSessionName`."}
	case !strings.HasPrefix(in.RoleArn, "qcs::cam::"):
		return nil, &failure{"InvalidParameter.RoleArnFormatError", "The RoleArn `" + in.RoleArn + "` is not a CAM role ARN (qcs::cam::uin/...:roleName/...)."}
	case in.DurationSeconds < 0 || in.DurationSeconds > 43200:
		return nil, &failure{"InvalidParameter.DurationSecondsError", "DurationSeconds is out of range (0-43200)."}
	}
	if r.Header.Get("X-TC-Token") != "" {
		return nil, &failure{"AuthFailure.UnauthorizedOperation", "Temporary keys cannot assume a role in the tunnelwiz sandbox."}
	}
	t := b.IssueTemporary(in.RoleArn)
	exp := b.Now().Add(7200e9)
	return map[string]any{
		"Credentials": map[string]any{"Token": t.Token, "TmpSecretId": t.ID, "TmpSecretKey": t.Secret},
		"ExpiredTime": exp.Unix(), "Expiration": exp.UTC().Format("2006-01-02T15:04:05Z"),
	}, nil
}
