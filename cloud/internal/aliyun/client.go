package aliyun

import (
	"errors"
	"net/url"
	"strings"
	"time"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	vpc "github.com/alibabacloud-go/vpc-20160428/v7/client"

	"tunnelwiz/cloud"
)

// Timeouts for one call (create or look-up). They are fixed rather than derived from the
// caller's deadline because dara keeps one pooled HTTP client per distinct
// option set, and a fresh value per call would grow that pool.
const (
	readTimeoutMillis     = 30000
	connectTimeoutSeconds = 10 // dara's dialer multiplies this by time.Second
)

// NewClient builds the v7 VPC client aimed at base (scheme://host[:port]).
// The endpoint is always given, so the SDK never derives one from the
// region, and static keys are always given, so the credentials chain never
// looks at the environment or the instance metadata service.
func NewClient(base *url.URL, cred cloud.Credentials, region string) (*vpc.Client, error) {
	if base == nil || base.Host == "" {
		return nil, errors.New("no endpoint to send to")
	}
	if cred.ID == "" || cred.Secret == "" {
		return nil, errors.New("no access key: an AccessKey ID and secret are required")
	}
	cfg := &openapiutil.Config{
		AccessKeyId:     dara.String(cred.ID),
		AccessKeySecret: dara.String(cred.Secret),
		RegionId:        dara.String(region),
		Endpoint:        dara.String(base.Host),
		Protocol:        dara.String(strings.ToUpper(base.Scheme)),
		ReadTimeout:     dara.Int(readTimeoutMillis),
		ConnectTimeout:  dara.Int(connectTimeoutSeconds),
		HttpClient:      statusClient{timeout: readTimeoutMillis * time.Millisecond},
	}
	if cred.Token != "" {
		cfg.SecurityToken = dara.String(cred.Token)
	}
	return vpc.NewClient(cfg)
}

// Runtime returns options for one call that never retries: a create is not
// idempotent without a ClientToken, and Plan's recorder answers with an
// error that must not be retried. For a loopback base it also bypasses any
// HTTP proxy from the environment, so a preview never leaves the machine.
func Runtime(base *url.URL) *dara.RuntimeOptions {
	rt := &dara.RuntimeOptions{
		Autoretry:      dara.Bool(false),
		MaxAttempts:    dara.Int(0),
		ReadTimeout:    dara.Int(readTimeoutMillis),
		ConnectTimeout: dara.Int(connectTimeoutSeconds),
	}
	if cloud.IsLoopback(base.Hostname()) {
		// dara compares each NO_PROXY entry with host:port exactly.
		rt.NoProxy = dara.String(base.Host)
	}
	return rt
}

// RegionalHost is the VPC API host the pinned SDK picks for a region: its
// EndpointMap entry, else vpc.<region>.aliyuncs.com. Building a client
// without keys or endpoint runs exactly that rule and nothing else.
func RegionalHost(region string) (string, error) {
	c, err := vpc.NewClient(&openapiutil.Config{RegionId: dara.String(region)})
	if err != nil {
		return "", err
	}
	if h := dara.StringValue(c.Endpoint); h != "" {
		return h, nil
	}
	return "", errors.New("the SDK found no endpoint for region " + region)
}
