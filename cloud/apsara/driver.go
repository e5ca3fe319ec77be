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

func init() { cloud.Register(API, Driver{}) }

// Route is the gateway's path prefix for the VPC operations (seed 001:
// /apsara/route/Vpc/CreateVpnConnection).
const Route = "/apsara/route/Vpc/"

// Path is the create operation's route.
const Path = Route + "CreateVpnConnection"

// Catalog returns the rule table.
func (Driver) Catalog() *cloud.Catalog { return catalog() }

// Endpoint returns the deployment's gateway: a private cloud has no public
// endpoint, so the target must name it.
func (Driver) Endpoint(t map[string]string) (*url.URL, error) {
	e := t["endpoint"]
	if e == "" {
		return nil, errors.New("apsara: no endpoint: set endpoint to the deployment's API gateway, such as https://asapi.example.internal")
	}
	return aliyun.ParseBase(e)
}

// Create sends the request once through the v7 client's generic call.
// The seed's answer holds only RequestID: the new connection's id is then
// read from DescribeVpnConnections (the newest that fits the request).
func (d Driver) Create(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string, p cloud.Params) (*cloud.Created, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	body, err := call(ctx, base, cred, t, "CreateVpnConnection", buildBody(p))
	if err != nil {
		return nil, err
	}
	out := created(body)
	if out.ID != "" {
		return out, nil
	}
	if err := cloud.Pace(ctx, catalog()); err != nil {
		return nil, err
	}
	conns, err := d.Connections(ctx, base, cred, t, cloud.Filter{VPNGatewayID: p.Str("VpnGatewayId"), CustomerGatewayID: p.Str("CustomerGatewayId")})
	if err != nil {
		return nil, &cloud.CreatedNoIDError{Vendor: API, RequestID: out.RequestID, Err: err}
	}
	cn := aliyun.FindCreated(conns, p)
	if cn == nil {
		return nil, &cloud.APIError{Vendor: API, Code: cloud.CodeUnknown, RequestID: out.RequestID,
			Message: "the gateway accepted the create but lists no connection that fits it"}
	}
	out.ID, out.State = cn.ID, cn.State
	return out, nil
}

// Delete sends DeleteVpnConnection through the gateway route
// (/apsara/route/Vpc/DeleteVpnConnection), with the public VPC API's
// parameters, as the look-ups are.
func (Driver) Delete(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string, id string) error {
	_, err := call(ctx, base, cred, t, "DeleteVpnConnection", map[string]any{"RegionId": t["region"], "VpnConnectionId": id})
	return err
}

// call sends one VPC operation through the gateway route with the v7
// client's CallApiWithCtx (ROA style, JSON body, ACS3 signature) and
// returns the answer's body. Refusals, whether an HTTP error or a 200 that
// says asapiSuccess false, are *cloud.APIError.
func call(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string, action string, body map[string]any) (map[string]any, error) {
	client, err := aliyun.NewClient(base, cred, t["region"])
	if err != nil {
		return nil, err
	}
	params := &openapiutil.Params{
		Action:      dara.String(action),
		Version:     dara.String(apiVersion),
		Protocol:    dara.String(strings.ToUpper(base.Scheme)),
		Pathname:    dara.String(Route + action),
		Method:      dara.String("POST"),
		AuthType:    dara.String("AK"),
		Style:       dara.String("ROA"),
		ReqBodyType: dara.String("json"),
		BodyType:    dara.String("json"),
	}
	req := &openapiutil.OpenApiRequest{Headers: gatewayHeaders(t), Body: body}
	res, err := client.CallApiWithCtx(ctx, params, req, aliyun.Runtime(base))
	if err != nil {
		return nil, aliyun.FromSDK(API, err)
	}
	out, _ := res["body"].(map[string]any)
	if e := aliyun.FromBody(API, out); e != nil {
		return nil, e
	}
	if out == nil {
		out = map[string]any{}
	}
	return out, nil
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
