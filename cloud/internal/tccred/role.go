package tccred

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"

	"tunnelwiz/cloud"
)

// assume is a role to assume with the keys found.
type assume struct {
	arn, session, external, seconds string
	from                            string // where the role was named
}

// STS is where the SDK's RoleArnProvider sends AssumeRole (common
// role_arn_provider.go: sts.tencentcloudapi.com, service sts, version
// 2018-08-13, region ap-guangzhou).
const (
	stsHost    = "sts.tencentcloudapi.com"
	stsVersion = "2018-08-13"
	stsRegion  = "ap-guangzhou"
)

// assumeRole turns the keys into the role's temporary keys. It sends the
// same call as the SDK's RoleArnProvider, through the SDK's own client
// and signature; the provider itself is not used because it always
// speaks https to the host given (no scheme, no loopback sandbox), takes
// no context, and sends no ExternalId.
func assumeRole(ctx context.Context, q cloud.CredQuery, base cloud.Credentials, a assume) (cloud.Credentials, error) {
	seconds, err := a.duration()
	if err != nil {
		return cloud.Credentials{}, err
	}
	session := a.session
	if session == "" {
		// The provider's default is "tencentcloud-go-sdk-<µs>"; this says who asked.
		session = "tunnelwiz-" + strconv.FormatInt(time.Now().Unix(), 10)
	}
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Endpoint, cpf.HttpProfile.ReqMethod = stsHost, "POST"
	where := "https://" + stsHost
	if q.STS != nil {
		cpf.HttpProfile.Endpoint, cpf.HttpProfile.Scheme = q.STS.Host, strings.ToUpper(q.STS.Scheme)
		where = q.STS.Scheme + "://" + q.STS.Host
	}
	client := common.NewCommonClient(common.NewTokenCredential(base.ID, base.Secret, base.Token), stsRegion, cpf)
	req := tchttp.NewCommonRequest("sts", stsVersion, "AssumeRole")
	req.SetContext(ctx)
	params := map[string]any{"RoleArn": a.arn, "RoleSessionName": session, "DurationSeconds": seconds}
	if a.external != "" {
		params["ExternalId"] = a.external
	}
	if err := req.SetActionParameters(params); err != nil {
		return cloud.Credentials{}, err
	}
	resp := tchttp.NewCommonResponse()
	if err := client.Send(req, resp); err != nil {
		return cloud.Credentials{}, cloud.Stop("tencent: AssumeRole %s (%s) at %s failed: %v", a.arn, a.from, where, err)
	}
	var out struct {
		Response struct {
			Credentials struct{ Token, TmpSecretId, TmpSecretKey string }
		}
	}
	if err := json.Unmarshal(resp.GetBody(), &out); err != nil || out.Response.Credentials.TmpSecretId == "" {
		return cloud.Credentials{}, cloud.Stop("tencent: AssumeRole %s at %s answered no temporary keys", a.arn, where)
	}
	c := out.Response.Credentials
	return cloud.Credentials{ID: c.TmpSecretId, Secret: c.TmpSecretKey, Token: c.Token}, nil
}

// MetadataRoles is where a CVM instance lists its role and serves the
// role's temporary keys (the SDK's cvm_role_provider.go).
const MetadataRoles = "http://metadata.tencentyun.com/latest/meta-data/cam/security-credentials/"

// cvmRole reads the CVM instance role's temporary keys from the metadata
// service, as the SDK's CvmRoleProvider does, through q.Metadata: the
// provider dials the metadata host with http.Get itself, which a test
// could not keep on loopback.
func cvmRole(ctx context.Context, q cloud.CredQuery, name, from string) (cloud.Credentials, cloud.Identity, error) {
	id := cloud.Identity{Source: from + ", CVM instance role", Role: name, Token: true}
	if q.Offline {
		return cloud.Credentials{}, id, nil
	}
	if q.Metadata == nil {
		return cloud.Credentials{}, cloud.Identity{}, cloud.Stop("tencent: %s names the CVM instance role, but no metadata service is reachable here", from)
	}
	if name == "" {
		b, err := q.Metadata(ctx, MetadataRoles)
		if err != nil {
			return cloud.Credentials{}, cloud.Identity{}, cloud.Stop("tencent: %s: no CVM instance role bound (%v)", from, err)
		}
		name = strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0])
		id.Role = name
	}
	b, err := q.Metadata(ctx, MetadataRoles+name)
	if err != nil {
		return cloud.Credentials{}, cloud.Identity{}, cloud.Stop("tencent: CVM role %s: %v", name, err)
	}
	var r struct{ TmpSecretId, TmpSecretKey, Token, Code string }
	if json.Unmarshal(b, &r) != nil || r.Code != "Success" || r.TmpSecretId == "" {
		return cloud.Credentials{}, cloud.Identity{}, cloud.Stop("tencent: CVM role %s: the metadata service answered no keys (code %q)", name, r.Code)
	}
	c := cloud.Credentials{ID: r.TmpSecretId, Secret: r.TmpSecretKey, Token: r.Token}
	return c, id.Signed(c), nil
}
