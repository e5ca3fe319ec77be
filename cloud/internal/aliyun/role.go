package aliyun

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"

	"tunnelwiz/cloud"
)

// role is a RAM role to assume with the keys found.
type role struct {
	arn, session, external string
	seconds                int
	from                   string // where the role was named
	stsRegion              string // a profile's sts_region
}

// stsHost is credentials-go's default STS endpoint (providers/ram_role_arn.go).
const (
	stsHost    = "sts.aliyuncs.com"
	stsVersion = "2015-04-01"
)

// assumeRole turns the keys into the role's temporary keys: STS
// AssumeRole (2015-04-01), RPC style, signed HMAC-SHA1 as credentials-go's
// RAMRoleARNCredentialsProvider signs it. It is sent through the
// darabonba OpenAPI client (the SDK the VPC client is built on) rather
// than the provider, which only speaks https to a host it derives and so
// cannot reach a loopback sandbox.
func assumeRole(ctx context.Context, q cloud.CredQuery, base cloud.Credentials, id cloud.Identity, r role) (cloud.Credentials, cloud.Identity, error) {
	id.Role = r.arn
	if r.arn == "" {
		return none(cloud.Stop("alibaba: %s: no ram_role_arn to assume", r.from))
	}
	if q.Offline {
		return cloud.Credentials{}, id, nil
	}
	seconds := r.seconds
	if seconds == 0 {
		seconds = 3600 // credentials-go's default
	}
	session := r.session
	if session == "" {
		session = "tunnelwiz-" + strconv.FormatInt(time.Now().Unix(), 10)
	}
	scheme, host := "HTTPS", stsEndpoint(q, r.stsRegion)
	if q.STS != nil {
		scheme, host = strings.ToUpper(q.STS.Scheme), q.STS.Host
	}
	cfg := &openapiutil.Config{
		AccessKeyId: dara.String(base.ID), AccessKeySecret: dara.String(base.Secret),
		Endpoint: dara.String(host), Protocol: dara.String(scheme), RegionId: dara.String("cn-hangzhou"),
	}
	if base.Token != "" {
		cfg.SecurityToken = dara.String(base.Token)
	}
	client, err := openapi.NewClient(cfg)
	if err != nil {
		return none(err)
	}
	query := map[string]*string{"RoleArn": dara.String(r.arn), "RoleSessionName": dara.String(session),
		"DurationSeconds": dara.String(strconv.Itoa(seconds))}
	if r.external != "" {
		query["ExternalId"] = dara.String(r.external)
	}
	rt := &dara.RuntimeOptions{Autoretry: dara.Bool(false), ReadTimeout: dara.Int(readTimeoutMillis), ConnectTimeout: dara.Int(connectTimeoutSeconds)}
	if q.STS != nil && cloud.IsLoopback(q.STS.Hostname()) {
		rt.NoProxy = dara.String(q.STS.Host)
	}
	where := strings.ToLower(scheme) + "://" + host
	res, err := client.DoRPCRequestWithCtx(ctx, dara.String("AssumeRole"), dara.String(stsVersion), dara.String(scheme),
		dara.String("POST"), dara.String("AK"), dara.String("json"), &openapiutil.OpenApiRequest{Query: query}, rt)
	if err != nil {
		return none(cloud.Stop("alibaba: AssumeRole %s (%s) at %s failed: %s", r.arn, r.from, where, oneLine(err)))
	}
	b, _ := json.Marshal(res["body"])
	var out struct {
		Credentials struct{ AccessKeyId, AccessKeySecret, SecurityToken string }
	}
	if json.Unmarshal(b, &out) != nil || out.Credentials.AccessKeyId == "" {
		return none(cloud.Stop("alibaba: AssumeRole %s at %s answered no temporary keys", r.arn, where))
	}
	c := cloud.Credentials{ID: out.Credentials.AccessKeyId, Secret: out.Credentials.AccessKeySecret, Token: out.Credentials.SecurityToken}
	return c, id.Signed(c), nil
}

// stsEndpoint is the STS host credentials-go's RAM role provider picks:
// sts.<region>.aliyuncs.com for a region (the profile's sts_region, else
// ALIBABA_CLOUD_STS_REGION), sts-vpc.<region>... with
// ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED=true, else sts.aliyuncs.com.
func stsEndpoint(q cloud.CredQuery, region string) string {
	if region == "" {
		region = q.Getenv("ALIBABA_CLOUD_STS_REGION")
	}
	if region == "" {
		return stsHost
	}
	prefix := "sts"
	if isTrue(q.Getenv("ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED")) {
		prefix = "sts-vpc"
	}
	return prefix + "." + region + ".aliyuncs.com"
}

// MetadataRoles is where an ECS instance serves its RAM role's temporary
// keys (credentials-go providers/ecs_ram_role.go).
const MetadataRoles = "http://100.100.100.200/latest/meta-data/ram/security-credentials/"

// ecsRole reads the ECS instance RAM role's keys from the metadata
// service, as credentials-go's ECSRAMRoleCredentialsProvider does, through
// q.Metadata: the provider dials 100.100.100.200 itself, which a test
// could not keep on loopback.
func ecsRole(ctx context.Context, q cloud.CredQuery, name string, id cloud.Identity) (cloud.Credentials, cloud.Identity, error) {
	id.Source += ", ECS instance RAM role"
	id.Role, id.Token = name, true
	if q.Offline {
		return cloud.Credentials{}, id, nil
	}
	if q.Metadata == nil {
		return none(cloud.Stop("alibaba: %s names the ECS instance RAM role, but no metadata service is reachable here", id.Source))
	}
	if name == "" {
		b, err := q.Metadata(ctx, MetadataRoles)
		if err != nil {
			return none(cloud.Stop("alibaba: no ECS instance RAM role bound (%v)", err))
		}
		name = strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0])
		id.Role = name
	}
	b, err := q.Metadata(ctx, MetadataRoles+name)
	if err != nil {
		return none(cloud.Stop("alibaba: ECS RAM role %s: %v", name, err))
	}
	var r struct{ AccessKeyId, AccessKeySecret, SecurityToken, Code string }
	if json.Unmarshal(b, &r) != nil || r.Code != "Success" || r.AccessKeyId == "" {
		return none(cloud.Stop("alibaba: ECS RAM role %s: the metadata service answered no keys (code %q)", name, r.Code))
	}
	c := cloud.Credentials{ID: r.AccessKeyId, Secret: r.AccessKeySecret, Token: r.SecurityToken}
	return c, id.Signed(c), nil
}

// oneLine is an SDK error's first line.
func oneLine(err error) string {
	s := fmt.Sprint(err)
	s, _, _ = strings.Cut(s, "\n")
	return s
}
