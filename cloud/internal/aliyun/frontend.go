package aliyun

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// The sandbox side of both APIs: one VPC service behind two front doors.
// A Dialect reads a request off the wire and writes the answer envelope;
// Frontend does the rest for both: the operations, idempotent creates,
// the catalog check and the error codes.

// Request is what a Dialect read off the wire after checking its
// signature.
type Request struct {
	Action string
	// Args are the parameters as flat text (PageNumber, VpnGatewayId, ...).
	Args map[string]string
	// Params are the parameters in the spec's shape (objects and lists
	// rebuilt), for a create.
	Params cloud.Params
	// Target is the spec's target as the request implies it (region, and
	// for Apsara the gateway, organization and resource set).
	Target map[string]string
}

// Dialect is what the two front doors do differently.
type Dialect interface {
	Vendor() string
	Catalog() *cloud.Catalog
	Match(r *http.Request) bool
	// Action names the operation without reading the body.
	Action(r *http.Request) string
	// Read checks the signature and decodes the request.
	Read(r *http.Request, body []byte, b *sandbox.Backend) (*Request, *Refused)
	// Created is the create answer's body (the request id is added).
	Created(c *sandbox.Conn) map[string]any
	// Answer writes a success; Refuse an error with its HTTP status.
	Answer(w http.ResponseWriter, r *http.Request, reqID string, body map[string]any)
	Refuse(w http.ResponseWriter, r *http.Request, reqID string, status int, code, msg string)
}

// Frontend implements sandbox.Frontend over a Dialect.
type Frontend struct {
	D Dialect
	// mu makes "find the create with this ClientToken, else create"
	// one step, so two concurrent tries of one request make one
	// connection.
	mu sync.Mutex
}

// NewFrontend makes the sandbox frontend of a dialect.
func NewFrontend(d Dialect) *Frontend { return &Frontend{D: d} }

// Vendor is the catalog key.
func (f *Frontend) Vendor() string { return f.D.Vendor() }

// Match claims a request by its shape.
func (f *Frontend) Match(r *http.Request) bool { return f.D.Match(r) }

// Op classifies a request for fault injection.
func (f *Frontend) Op(r *http.Request, _ []byte) sandbox.Op {
	switch f.D.Action(r) {
	case "CreateVpnConnection":
		return sandbox.OpCreate
	case "DescribeVpnConnections":
		return sandbox.OpConnections
	case "DescribeVpnConnection":
		return sandbox.OpConnection
	case "DescribeVpnGateways", "DescribeCustomerGateways", "DescribeVpcs", "DescribeRegions":
		return sandbox.OpInventory
	case "DeleteVpnConnection":
		return sandbox.OpDelete
	case "DownloadVpnConnectionConfig":
		return sandbox.OpConnection // reads one connection
	}
	return sandbox.OpOther
}

// reasonCodes maps the Backend's refusals and the injected faults onto
// the VPC API's codes.
var reasonCodes = map[sandbox.Reason]string{
	sandbox.ReasonNoVPNGateway:      "InvalidVpnGatewayInstanceId.NotFound",
	sandbox.ReasonNoCustomerGateway: "InvalidCustomerGatewayInstanceId.NotFound",
	sandbox.ReasonNoVPC:             "InvalidVpcId.NotFound",
	sandbox.ReasonNoConnection:      "InvalidVpnConnectionInstanceId.NotFound",
	// The API documents one code for a connection that clashes with
	// one that exists, whatever the clash.
	sandbox.ReasonDuplicateName: "InvalidVpnConnection.AlreadyExists",
	sandbox.ReasonCIDRConflict:  "InvalidVpnConnection.AlreadyExists",
	sandbox.ReasonQuota:         "Resource.QuotaFull",
	// A connection being deleted is busy: the API's word for a connection
	// in a state that takes no operation now.
	sandbox.ReasonInvalidState: "VpnConnection.Configuring",
	sandbox.ReasonInvalid:      "InvalidParameter",
	sandbox.ReasonAuth:         "SignatureDoesNotMatch",
	sandbox.ReasonExpired:      "InvalidTimeStamp.Expired",
	sandbox.ReasonThrottled:    "Throttling.User",
	sandbox.ReasonInternal:     "InternalError",
}

// Fail answers a refusal with the vendor's code, status and message; the
// sandbox's own explanation follows the documented text.
func (f *Frontend) Fail(w http.ResponseWriter, r *http.Request, ref *sandbox.Refusal) {
	code := reasonCodes[ref.Reason]
	if code == "" {
		code = "InternalError"
	}
	f.refuse(w, r, requestID(), code, ref.Message)
}

func (f *Frontend) refuse(w http.ResponseWriter, r *http.Request, reqID, code, detail string) {
	vc := Codes[code]
	msg := vc.Message
	if detail != "" {
		msg += " (" + detail + ")"
	}
	status := vc.Status
	if status == 0 {
		status = 400
	}
	f.D.Refuse(w, r, reqID, status, code, msg)
}

// requestID makes a request id in the API's style (upper-case UUID). It
// need not be repeatable: ids of resources come from the Backend's seeded
// source instead.
func requestID() string {
	var b [16]byte
	for i := range b {
		b[i] = byte(rand.UintN(256))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return strings.ToUpper(fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]))
}

// Serve answers one request.
func (f *Frontend) Serve(w http.ResponseWriter, r *http.Request, body []byte, b *sandbox.Backend) {
	if r.URL.Path == "/" && r.URL.Query().Get("Action") == "AssumeRole" {
		// STS shares the POP gateway's RPC front door in the sandbox.
		params := r.URL.Query()
		if form, err := url.ParseQuery(string(body)); err == nil {
			for k, v := range form {
				params[k] = append(params[k], v...)
			}
		}
		ServeAssumeRole(w, r, params, b)
		return
	}
	reqID := requestID()
	req, ref := f.D.Read(r, body, b)
	if ref != nil {
		f.D.Refuse(w, r, reqID, statusOf(ref.Code), ref.Code, ref.Message)
		return
	}
	if req.Action == "DescribeRegions" {
		// The one call that names no region: it lists them.
		f.D.Answer(w, r, reqID, f.regions(b))
		return
	}
	region := req.Target["region"]
	if region == "" && req.Action != "" {
		f.refuse(w, r, reqID, "MissingParameter", "RegionId is required.")
		return
	}
	var out map[string]any
	var code, detail string
	switch req.Action {
	case "CreateVpnConnection":
		out, code, detail = f.create(req, b)
	case "DescribeVpnConnections":
		out = f.connections(req, b)
	case "DescribeVpnConnection":
		out, code, detail = f.connection(req, b)
	case "DeleteVpnConnection":
		out, code, detail = f.delete(req, b)
	case "DescribeVpnGateways", "DescribeCustomerGateways", "DescribeVpcs":
		out = f.inventory(req, b)
	case "DownloadVpnConnectionConfig":
		out, code, detail = f.peerConfig(req, b)
	default:
		code, detail = "InvalidAction.NotFound", "The sandbox serves CreateVpnConnection, DescribeVpnConnection(s), DeleteVpnConnection, DownloadVpnConnectionConfig, DescribeVpnGateways, DescribeCustomerGateways, DescribeVpcs and DescribeRegions."
	}
	if code != "" {
		f.refuse(w, r, reqID, code, detail)
		return
	}
	f.D.Answer(w, r, reqID, out)
}

func statusOf(code string) int {
	if s := Codes[code].Status; s != 0 {
		return s
	}
	return 400
}

// create checks the request as the service does (the catalog's errors
// become IllegalParam.<parameter>), answers a repeated ClientToken with the
// connection it made, and creates.
func (f *Frontend) create(req *Request, b *sandbox.Backend) (map[string]any, string, string) {
	c := f.D.Catalog()
	p, issues := c.Check(&cloud.Spec{Vendor: f.D.Vendor(), Target: req.Target, Params: req.Params})
	for _, is := range issues {
		if is.Severity != cloud.Error {
			continue
		}
		code := "InvalidParameter"
		if c.TargetField(is.Field) == nil {
			code = "IllegalParam." + topName(is.Field)
		}
		return nil, code, fmt.Sprintf("%s %s", is.Field, is.Message)
	}
	vendor, region := f.D.Vendor(), req.Target["region"]
	f.mu.Lock()
	defer f.mu.Unlock()
	if token := p.Str("ClientToken"); token != "" {
		for _, cn := range b.Connections(vendor, region, cloud.Filter{}) {
			if cn.Params.Str("ClientToken") != token {
				continue
			}
			if !reflect.DeepEqual(map[string]any(cn.Params), map[string]any(p)) {
				return nil, "IdempotentParameterMismatch", "ClientToken " + token + " was used for connection " + cn.ID + " with other parameters."
			}
			return f.D.Created(&cn), "", ""
		}
	}
	n := sandbox.NewConn{
		ID: b.NewID("vco-", 20), Name: p.Str("Name"), VPNGatewayID: p.Str("VpnGatewayId"),
		CustomerGatewayID: p.Str("CustomerGatewayId"),
		Local:             Subnets(p.Str("LocalSubnet")), Remote: Subnets(p.Str("RemoteSubnet")), Params: p,
	}
	// A dual-tunnel connection names a customer gateway per tunnel; the
	// Backend checks one, the others are checked here.
	inv := b.Inventory(vendor, region)
	for i, t := range p.List("TunnelOptionsSpecification") {
		id := asParams(t).Str("CustomerGatewayId")
		if !hasID(inv.CustomerGateways, id) {
			return nil, "InvalidCustomerGatewayInstanceId.NotFound", fmt.Sprintf("TunnelOptionsSpecification[%d].CustomerGatewayId %s does not exist in %s", i, id, region)
		}
		if n.CustomerGatewayID == "" {
			n.CustomerGatewayID = id
		}
	}
	conn, ref := b.Create(vendor, region, n)
	if ref != nil {
		return nil, reasonCodes[ref.Reason], ref.Message
	}
	return f.D.Created(conn), "", ""
}

// connections lists a region's connections, filtered and paged as the
// API does (PageSize 10 by default, 50 at most).
func (f *Frontend) connections(req *Request, b *sandbox.Backend) map[string]any {
	vendor, region := f.D.Vendor(), req.Target["region"]
	var all []any
	for _, cn := range b.Connections(vendor, region, cloud.Filter{}) {
		a := req.Args
		if (a["VpnGatewayId"] != "" && a["VpnGatewayId"] != cn.VPNGatewayID) ||
			(a["VpnConnectionId"] != "" && a["VpnConnectionId"] != cn.ID) ||
			(a["CustomerGatewayId"] != "" && !usesCustomerGateway(&cn, a["CustomerGatewayId"])) {
			continue
		}
		all = append(all, DescribeConnection(f.D.Catalog(), &cn, b, true))
	}
	return page(req.Args, all, "VpnConnections", "VpnConnection")
}

func usesCustomerGateway(cn *sandbox.Conn, id string) bool {
	if cn.Params.Str("CustomerGatewayId") == id {
		return true
	}
	for _, t := range cn.Params.List("TunnelOptionsSpecification") {
		if asParams(t).Str("CustomerGatewayId") == id {
			return true
		}
	}
	return false
}

func (f *Frontend) connection(req *Request, b *sandbox.Backend) (map[string]any, string, string) {
	id := req.Args["VpnConnectionId"]
	if id == "" {
		return nil, "MissingParameter", "VpnConnectionId is required."
	}
	cn, ref := b.Connection(f.D.Vendor(), req.Target["region"], id)
	if ref != nil {
		return nil, reasonCodes[ref.Reason], ref.Message
	}
	return DescribeConnection(f.D.Catalog(), cn, b, false), "", ""
}

// delete is DeleteVpnConnection: asynchronous ("DeleteVpnConnection is
// an asynchronous operation"), the answer holds the RequestId only. A
// second delete of a connection being deleted is refused as busy, unless
// it carries a ClientToken, which makes the request idempotent: it is
// then taken as the same request again.
func (f *Frontend) delete(req *Request, b *sandbox.Backend) (map[string]any, string, string) {
	id := req.Args["VpnConnectionId"]
	if id == "" {
		return nil, "MissingParameter", "VpnConnectionId is required."
	}
	if _, ref := b.Delete(f.D.Vendor(), req.Target["region"], id); ref != nil {
		if ref.Reason == sandbox.ReasonInvalidState && req.Args["ClientToken"] != "" {
			return map[string]any{}, "", ""
		}
		return nil, reasonCodes[ref.Reason], ref.Message
	}
	return map[string]any{}, "", ""
}

func (f *Frontend) inventory(req *Request, b *sandbox.Backend) map[string]any {
	region := req.Target["region"]
	inv := b.Inventory(f.D.Vendor(), region)
	a := req.Args
	var all []any
	switch req.Action {
	case "DescribeVpnGateways":
		for _, g := range inv.VPNGateways {
			if (a["VpcId"] == "" || a["VpcId"] == g.VpcID) && (a["VpnGatewayId"] == "" || a["VpnGatewayId"] == g.ID) {
				all = append(all, DescribeGateway(g))
			}
		}
		return page(a, all, "VpnGateways", "VpnGateway")
	case "DescribeCustomerGateways":
		for _, g := range inv.CustomerGateways {
			if a["CustomerGatewayId"] == "" || a["CustomerGatewayId"] == g.ID {
				all = append(all, DescribeCustomerGateway(g))
			}
		}
		return page(a, all, "CustomerGateways", "CustomerGateway")
	}
	for _, v := range inv.VPCs {
		if a["VpcId"] == "" || a["VpcId"] == v.ID {
			all = append(all, DescribeVpc(v, region))
		}
	}
	return page(a, all, "Vpcs", "Vpc")
}

// regions answers DescribeRegions with the fixtures' regions, in the
// VPC API's shape (Regions.Region[].RegionId, LocalName).
func (f *Frontend) regions(b *sandbox.Backend) map[string]any {
	all := []any{}
	for _, id := range b.Regions(f.D.Vendor()) {
		all = append(all, map[string]any{"RegionId": id, "LocalName": "a sandbox region"})
	}
	return map[string]any{"Regions": map[string]any{"Region": all}}
}

// page cuts one page out of a listing and wraps it as the API does.
func page(args map[string]string, all []any, outer, inner string) map[string]any {
	num, size := atoiOr(args["PageNumber"], 1), atoiOr(args["PageSize"], 10)
	size = min(max(size, 1), PageSize)
	num = max(num, 1)
	from := min((num-1)*size, len(all))
	to := min(from+size, len(all))
	items := all[from:to]
	if items == nil {
		items = []any{}
	}
	return map[string]any{"TotalCount": len(all), "PageNumber": num, "PageSize": size,
		outer: map[string]any{inner: items}}
}

func atoiOr(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return def
}

func hasID(rs []cloud.Resource, id string) bool {
	for _, r := range rs {
		if r.ID == id {
			return true
		}
	}
	return false
}

// topName is the top-level parameter of an instance path
// ("IkeConfig.IkeEncAlg" -> IkeConfig, "Tags[0].Key" -> Tags).
func topName(path string) string {
	if i := strings.IndexAny(path, ".["); i >= 0 {
		return path[:i]
	}
	return path
}

// FlatArgs turns decoded JSON parameters into the text the look-ups read.
func FlatArgs(m map[string]any) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		if s := scalar(v); s != "" {
			out[k] = s
		}
	}
	return out
}

// WriteJSON writes an answer as the API gateway does.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
