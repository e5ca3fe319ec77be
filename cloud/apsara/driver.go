package apsara

import (
	"context"
	"errors"
	"net/url"
	"strings"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// Driver implements cloud.Driver for Apsara Stack.
type Driver struct{}

// Error is a refusal by the Apsara Stack gateway: its error code, message
// and request id.
type Error = aliyun.APIError

func init() { cloud.Register(Driver{}) }

// Path is the gateway route of the operation (seed 001).
const Path = "/apsara/route/Vpc/CreateVpnConnection"

// Catalog returns the rule table.
func (Driver) Catalog() *cloud.Catalog { return catalog }

// Endpoint returns the deployment's gateway: a private cloud has no public
// endpoint, so the target must name it.
func (Driver) Endpoint(t map[string]string) (*url.URL, error) {
	e := t["endpoint"]
	if e == "" {
		return nil, errors.New("apsara: no endpoint: set endpoint to the deployment's API gateway, such as https://asapi.example.internal")
	}
	return aliyun.ParseBase(e)
}

// Create sends the request once through the v7 client's generic CallApi.
func (Driver) Create(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string, p cloud.Params) (*cloud.Created, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	client, err := aliyun.NewClient(base, cred, t["region"])
	if err != nil {
		return nil, err
	}
	params := &openapiutil.Params{
		Action:      dara.String("CreateVpnConnection"),
		Version:     dara.String(apiVersion),
		Protocol:    dara.String(strings.ToUpper(base.Scheme)),
		Pathname:    dara.String(Path),
		Method:      dara.String("POST"),
		AuthType:    dara.String("AK"),
		Style:       dara.String("ROA"),
		ReqBodyType: dara.String("json"),
		BodyType:    dara.String("json"),
	}
	req := &openapiutil.OpenApiRequest{Headers: gatewayHeaders(t), Body: buildBody(p)}
	// CallApi takes no context; the runtime's fixed timeouts bound it.
	res, err := client.CallApi(params, req, aliyun.Runtime(base))
	if err != nil {
		return nil, aliyun.FromSDK(API, err)
	}
	body, _ := res["body"].(map[string]any)
	if e := aliyun.FromBody(API, body); e != nil {
		return nil, e
	}
	return created(body), nil
}

// created reads the answer. The seed's success example holds only
// RequestID; the connection id is taken when the gateway adds it (at the
// top level or under data/result, as ASAPI wrappers do).
func created(body map[string]any) *cloud.Created {
	out := &cloud.Created{RequestID: aliyun.First(body, "RequestID", "RequestId", "requestId", "asapiRequestId")}
	for _, m := range []map[string]any{body, asMap(body["data"]), asMap(body["result"])} {
		if id := aliyun.First(m, "VpnConnectionId"); id != "" {
			out.ID = id
			break
		}
	}
	return out
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}
