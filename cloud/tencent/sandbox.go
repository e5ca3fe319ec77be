package tencent

import (
	"bytes"
	crand "crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"net/netip"
	"slices"
	"strings"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// The sandbox frontend for API 3.0: POST / with X-TC-Action, a JSON body,
// TC3-HMAC-SHA256, answers wrapped in {"Response":{...,"RequestId"}}.
// Tencent answers its errors with HTTP 200 and the error in the envelope
// (the SDKs read Response.Error whatever the status; tencentcloud-sdk-python
// treats any non-200 as a network failure), so every answer here is 200.

func init() { sandbox.Register(frontend{}) }

type frontend struct{}

const apiVersion = "2017-03-12"

func (frontend) Vendor() string { return API }

// Match claims API 3.0 requests: they name their action in X-TC-Action
// (API 2.0 puts Action in the query of /v2/index.php).
func (frontend) Match(r *http.Request) bool { return r.Header.Get("X-TC-Action") != "" }

func (frontend) Op(r *http.Request, body []byte) sandbox.Op {
	switch r.Header.Get("X-TC-Action") {
	case "CreateVpnConnection":
		return sandbox.OpCreate
	case "DescribeVpnConnections":
		var in struct{ VpnConnectionIds []string }
		if json.Unmarshal(body, &in) == nil && len(in.VpnConnectionIds) > 0 {
			return sandbox.OpConnection
		}
		return sandbox.OpConnections
	case "DescribeVpcs", "DescribeVpnGateways", "DescribeCustomerGateways":
		return sandbox.OpInventory
	case "DeleteVpnConnection":
		return sandbox.OpDelete
	}
	return sandbox.OpOther
}

// failure is an error answer: Tencent's code and message.
type failure struct{ code, message string }

func (f *failure) Error() string { return f.code + ": " + f.message }

// reasonCodes are the vendor codes for the Backend's refusals and the
// injected faults (SDK vpc errors.go, CreateVpnConnection's list in seed
// 000, and the common error codes).
var reasonCodes = map[sandbox.Reason]string{
	sandbox.ReasonNoVPNGateway:      "ResourceNotFound",
	sandbox.ReasonNoCustomerGateway: "ResourceNotFound",
	sandbox.ReasonNoVPC:             "ResourceNotFound",
	sandbox.ReasonNoConnection:      "ResourceNotFound",
	sandbox.ReasonDuplicateName:     "InvalidParameterValue.Duplicate",
	sandbox.ReasonCIDRConflict:      "InvalidParameterValue.VpnConnCidrConflict",
	sandbox.ReasonQuota:             "LimitExceeded",
	sandbox.ReasonInvalidState:      "UnsupportedOperation.DeleteVpnConnInvalidState",
	sandbox.ReasonInvalid:           "InvalidParameterValue",
	sandbox.ReasonAuth:              "AuthFailure.SignatureFailure",
	sandbox.ReasonExpired:           "AuthFailure.SignatureExpire",
	sandbox.ReasonThrottled:         "RequestLimitExceeded",
	sandbox.ReasonInternal:          "InternalError",
}

// reasonText prefixes the Backend's own words with Tencent's description
// of the code; the Backend's text names the resource (the driver reads the
// id back out of it to point at the field).
var reasonText = map[sandbox.Reason]string{
	sandbox.ReasonNoVPNGateway:      "The resource does not exist: ",
	sandbox.ReasonNoCustomerGateway: "The resource does not exist: ",
	sandbox.ReasonNoVPC:             "The resource does not exist: ",
	sandbox.ReasonNoConnection:      "The resource does not exist: ",
	sandbox.ReasonDuplicateName:     "The value of parameter `VpnConnectionName` is duplicated: ",
	sandbox.ReasonCIDRConflict:      "Destination IP address range conflicts with CIDR block of the current VPC tunnel: ",
	sandbox.ReasonQuota:             "Quota limit is reached: ",
	sandbox.ReasonInvalidState:      "The VPN tunnel cannot be deleted in its current state: ",
	sandbox.ReasonThrottled:         "Your request rate exceeds the frequency limit of `100` requests a second for this action. Please reduce the frequency of calls: ",
	sandbox.ReasonInternal:          "An internal error occurred. Retry your request; if the problem persists, contact us: ",
}

func refusal(ref *sandbox.Refusal) *failure {
	code, ok := reasonCodes[ref.Reason]
	if !ok {
		code = "InternalError"
	}
	return &failure{code, reasonText[ref.Reason] + ref.Message}
}

func (frontend) Fail(w http.ResponseWriter, _ *http.Request, ref *sandbox.Refusal) {
	writeError(w, randomUUID(), refusal(ref))
}

// handlers are the actions the sandbox serves.
var handlers = map[string]func(b *sandbox.Backend, region string, body []byte) (map[string]any, *failure){
	"CreateVpnConnection":      createConnection,
	"DescribeVpnConnections":   describeConnections,
	"DescribeVpcs":             describeVpcs,
	"DescribeVpnGateways":      describeGateways,
	"DescribeCustomerGateways": describeCustomerGateways,
	"DeleteVpnConnection":      deleteConnection,
}

// Serve checks the request as the endpoint does (signature, version,
// region, action) and answers it from the Backend.
func (frontend) Serve(w http.ResponseWriter, r *http.Request, body []byte, b *sandbox.Backend) {
	id := b.NewUUID()
	if r.Method != http.MethodPost {
		writeError(w, id, &failure{"UnsupportedProtocol", "The tunnelwiz sandbox takes API 3.0 requests as POST with a JSON body, as the SDK sends them."})
		return
	}
	// The key id picks the account: the sandbox's keys, or temporary
	// keys its STS issued (their token must come along).
	keys, action, service := b.Keys(), r.Header.Get("X-TC-Action"), "vpc"
	if h, ok := parseTC3(r.Header.Get("Authorization")); ok {
		keys = b.KeysFor(h.id)
	}
	if action == "AssumeRole" {
		service = "sts"
	}
	if ae := verifyService(r, body, keys, b.Now(), service); ae != nil {
		writeError(w, id, &failure{ae.code, ae.message})
		return
	}
	b.Signed(API, action, keys.ID)
	if service == "sts" {
		out, f := assumeRole(b, r, body)
		if f != nil {
			writeError(w, id, f)
			return
		}
		writeResponse(w, id, out)
		return
	}
	handle, ok := handlers[action]
	if !ok {
		writeError(w, id, &failure{"InvalidAction", fmt.Sprintf("The action `%s` does not exist in vpc %s (this sandbox serves CreateVpnConnection, DescribeVpnConnections, DeleteVpnConnection, DescribeVpcs, DescribeVpnGateways and DescribeCustomerGateways).", action, apiVersion)})
		return
	}
	if v := r.Header.Get("X-TC-Version"); v != apiVersion {
		writeError(w, id, &failure{"NoSuchVersion", fmt.Sprintf("The API version `%s` does not exist for vpc; it is %s.", v, apiVersion)})
		return
	}
	region := r.Header.Get("X-TC-Region")
	if region == "" {
		writeError(w, id, &failure{"MissingParameter", "The request is missing a required parameter `Region`."})
		return
	}
	if inv := b.Inventory(catalog().API, region); !slices.Contains(regions, region) &&
		len(inv.VPCs)+len(inv.VPNGateways)+len(inv.CustomerGateways) == 0 {
		writeError(w, id, &failure{"UnsupportedRegion", fmt.Sprintf("The region `%s` is not supported.", region)})
		return
	}
	out, f := handle(b, region, body)
	if f != nil {
		writeError(w, id, f)
		return
	}
	writeResponse(w, id, out)
}

// createConnection decodes the body back into the spec's params, runs the
// catalog's rules (the first error is refused with the code Tencent uses
// for its kind), then creates the tunnel on the Backend.
func createConnection(b *sandbox.Backend, region string, body []byte) (map[string]any, *failure) {
	m, f := decodeBody(body)
	if f != nil {
		return nil, f
	}
	p, issues := catalog().Check(&cloud.Spec{Vendor: catalog().API, Target: map[string]string{"region": region}, Params: m})
	for _, is := range issues {
		if is.Severity == cloud.Error {
			return nil, issueFailure(is, p)
		}
	}
	if f := gatewayRules(b, region, p); f != nil {
		return nil, f
	}
	c, ref := b.Create(catalog().API, region, sandbox.NewConn{
		ID: b.NewID("vpnx-", 8), Name: p.Str("VpnConnectionName"),
		VPNGatewayID: p.Str("VpnGatewayId"), CustomerGatewayID: p.Str("CustomerGatewayId"), VpcID: p.Str("VpcId"),
		Local: prefixes(p, "local"), Remote: prefixes(p, "remote"), Params: p,
	})
	if ref != nil {
		return nil, refusal(ref)
	}
	return map[string]any{"VpnConnection": describeConn(b, c)}, nil
}

// deleteConnection is DeleteVpnConnection (vpc 2017-03-12, "本接口为异步接口":
// the tunnel is DELETING, then gone): VpnGatewayId and VpnConnectionId
// are both required, and the tunnel must belong to that gateway. The
// answer holds the RequestId only.
func deleteConnection(b *sandbox.Backend, region string, body []byte) (map[string]any, *failure) {
	m, f := decodeBody(body)
	if f != nil {
		return nil, f
	}
	p := cloud.Params(m)
	for k := range p {
		if k != "VpnGatewayId" && k != "VpnConnectionId" {
			return nil, &failure{"UnknownParameter", fmt.Sprintf("The parameter `%s` is not recognized.", k)}
		}
	}
	gw, id := p.Str("VpnGatewayId"), p.Str("VpnConnectionId")
	for _, k := range []string{"VpnGatewayId", "VpnConnectionId"} {
		if p.Str(k) == "" {
			return nil, &failure{"MissingParameter", fmt.Sprintf("The request is missing a required parameter `%s`.", k)}
		}
	}
	if !strings.HasPrefix(id, "vpnx-") {
		return nil, &failure{"InvalidParameterValue.Malformed", fmt.Sprintf("The value of parameter `VpnConnectionId` is malformed: `%s` (it starts with vpnx-).", id)}
	}
	c, ref := b.Connection(catalog().API, region, id)
	if ref != nil {
		return nil, refusal(ref)
	}
	if c.VPNGatewayID != gw {
		return nil, refusal(&sandbox.Refusal{Code: cloud.CodeNotFound, Reason: sandbox.ReasonNoConnection,
			Message: fmt.Sprintf("VPN tunnel %s does not belong to VPN gateway %s", id, gw)})
	}
	if _, ref := b.Delete(catalog().API, region, id); ref != nil {
		return nil, refusal(ref)
	}
	return map[string]any{}, nil
}

// issueFailure words a catalog error the way the API does: an unknown name
// is UnknownParameter, an absent one MissingParameter, any other value
// InvalidParameterValue; the message quotes the parameter's path.
func issueFailure(is cloud.Issue, p cloud.Params) *failure {
	switch {
	case catalog().Field(pattern(is.Field)) == nil:
		return &failure{"UnknownParameter", fmt.Sprintf("The parameter `%s` is not recognized: %s.", is.Field, is.Message)}
	case !has(p, is.Field):
		return &failure{"MissingParameter", fmt.Sprintf("The request is missing a required parameter `%s`: %s.", is.Field, is.Message)}
	}
	return &failure{"InvalidParameterValue", fmt.Sprintf("The value of parameter `%s` is invalid: %s.", is.Field, is.Message)}
}

func has(p cloud.Params, inst string) bool {
	_, ok := p.At(inst)
	return ok
}

// gatewayRules are the cloud's rules that depend on the gateway, which
// the catalog cannot know: a VPC-type gateway needs VpcId
// (UnsupportedOperation.VpnGwVpcIdMustHave, "VPC类型VPN网关必须携带VpcId").
func gatewayRules(b *sandbox.Backend, region string, p cloud.Params) *failure {
	for _, g := range b.Inventory(catalog().API, region).VPNGateways {
		if g.ID == p.Str("VpnGatewayId") && g.VpcID != "" && p.Str("VpcId") == "" {
			return &failure{"UnsupportedOperation.VpnGwVpcIdMustHave",
				fmt.Sprintf("VPN gateway `%s` is a VPC gateway (%s): the request must carry `VpcId`.", g.ID, g.VpcID)}
		}
	}
	return nil
}

// prefixes are the tunnel's local or remote CIDR blocks: the SPD's, and
// a route's destination on a route tunnel. Host bits are cleared, as
// Tencent reads 10.0.0.5/24 as 10.0.0.0/24.
func prefixes(p cloud.Params, side string) []netip.Prefix {
	var raw []string
	for _, rule := range p.List("SecurityPolicyDatabases") {
		r, _ := rule.(map[string]any)
		if side == "local" {
			raw = append(raw, cloud.Params(r).Str("LocalCidrBlock"))
		} else {
			raw = append(raw, cloud.Params(r).Strings("RemoteCidrBlock")...)
		}
	}
	if side == "remote" {
		raw = append(raw, p.Str("Route.DestinationCidrBlock"))
	}
	var out []netip.Prefix
	for _, s := range raw {
		if pr, err := netip.ParsePrefix(s); err == nil {
			out = append(out, pr.Masked())
		}
	}
	return out
}

func decodeBody(body []byte) (map[string]any, *failure) {
	m := map[string]any{}
	if len(bytes.TrimSpace(body)) == 0 {
		return m, nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		return nil, &failure{"InvalidParameter", "The request body is not a JSON object: " + err.Error() + "."}
	}
	return m, nil
}

func writeResponse(w http.ResponseWriter, requestID string, fields map[string]any) {
	if fields == nil {
		fields = map[string]any{}
	}
	fields["RequestId"] = requestID
	writeJSON(w, map[string]any{"Response": fields})
}

func writeError(w http.ResponseWriter, requestID string, f *failure) {
	writeJSON(w, map[string]any{"Response": map[string]any{
		"Error": map[string]string{"Code": f.code, "Message": f.message}, "RequestId": requestID,
	}})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// randomUUID is a request id for answers made without the Backend
// (injected faults).
func randomUUID() string {
	var x [16]byte
	crand.Read(x[:])
	x[6] = x[6]&0x0f | 0x40
	x[8] = x[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", x[0:4], x[4:6], x[6:8], x[8:10], x[10:16])
}
