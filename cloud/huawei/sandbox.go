package huawei

import (
	"bytes"
	crand "crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/netip"
	"strings"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// frontend speaks Huawei Cloud's VPN v5 protocol (and VPC v3's ListVpcs,
// for the VPC pick list) in the tunnelwiz sandbox: SDK-HMAC-SHA256
// signatures, {"error_code","error_msg","request_id"} errors with the
// X-Request-Id header, 201 on create.
//
// Huawei names the region only in the host name
// (vpn.<region>.myhuaweicloud.com), which a loopback sandbox does not
// see. The sandbox therefore binds project ids to regions: a region of
// the fixtures holds the project ids noted on its VPCs
// (notes: {project_id: ...}), as a Huawei project belongs to one region.
// A host name of Huawei's pattern, when present, wins. A project bound
// to no region is an empty one: it lists nothing and finds no gateway.
type frontend struct{}

func init() { sandbox.Register(frontend{}) }

func (frontend) Vendor() string { return API }

// VendorHost admits Huawei's own API host names as Host (see regionOf):
// the sandbox refuses other names that are not loopback (sandbox/guard.go).
func (frontend) VendorHost(host string) bool {
	_, ok := hostRegion(host)
	return ok
}

// Match claims Huawei's paths: /v5/{project_id}/...,
// /v3/{project_id}/vpc/... and IAM's /v3/projects and
// /v3.0/OS-CREDENTIAL/securitytokens.
func (frontend) Match(r *http.Request) bool {
	p := r.URL.Path
	return strings.HasPrefix(p, "/v5/") || strings.HasPrefix(p, "/v3/") && strings.Contains(p, "/vpc/") || p == projectsPath ||
		p == securityTokensPath
}

// route names a path's resource: connections, connection (with id),
// gateways, customer-gateways, vpcs; "" for anything else.
func route(path string) (project, kind, id string) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	switch {
	case len(parts) == 3 && parts[0] == "v5" && parts[2] == "vpn-connection":
		return parts[1], "connections", ""
	case len(parts) == 4 && parts[0] == "v5" && parts[2] == "vpn-connection":
		return parts[1], "connection", parts[3]
	case len(parts) == 3 && parts[0] == "v5" && parts[2] == "vpn-gateways":
		return parts[1], "gateways", ""
	case len(parts) == 3 && parts[0] == "v5" && parts[2] == "customer-gateways":
		return parts[1], "customer-gateways", ""
	case len(parts) == 4 && parts[0] == "v3" && parts[2] == "vpc" && parts[3] == "vpcs":
		return parts[1], "vpcs", ""
	case len(parts) == 4 && parts[0] == "v5" && parts[2] == "peer-configuration" && parts[3] == "supported-devices":
		return parts[1], "peer-devices", ""
	case len(parts) == 6 && parts[0] == "v5" && parts[2] == "vpn-connection" && parts[4] == "peer-configuration" && parts[5] == "export":
		return parts[1], "peer-export", parts[3]
	}
	if len(parts) > 1 {
		return parts[1], "", ""
	}
	return "", "", ""
}

func (frontend) Op(r *http.Request, _ []byte) sandbox.Op {
	_, kind, _ := route(r.URL.Path)
	switch {
	case kind == "connections" && r.Method == http.MethodPost:
		return sandbox.OpCreate
	case kind == "connections" && r.Method == http.MethodGet:
		return sandbox.OpConnections
	case kind == "connection" && r.Method == http.MethodGet:
		return sandbox.OpConnection
	case kind == "connection" && r.Method == http.MethodDelete:
		return sandbox.OpDelete
	case kind == "peer-export" && r.Method == http.MethodPost:
		return sandbox.OpConnection // reads one connection
	case (kind == "gateways" || kind == "customer-gateways" || kind == "vpcs") && r.Method == http.MethodGet,
		r.URL.Path == projectsPath && r.Method == http.MethodGet:
		return sandbox.OpInventory
	}
	return sandbox.OpOther
}

// Serve checks the signature, then answers the request.
func (f frontend) Serve(w http.ResponseWriter, r *http.Request, body []byte, b *sandbox.Backend) {
	// The key id picks the account: the sandbox's own keys, or temporary
	// keys (an ECS agency's, in tests) whose X-Security-Token must come along.
	keys := b.Keys()
	if access, _, _, ok := parseAuthorization(r.Header.Get("Authorization")); ok {
		keys = b.KeysFor(access)
	}
	if ref := verify(r, body, keys, b.Now()); ref != nil {
		f.Fail(w, r, ref)
		return
	}
	if r.Header.Get("X-Security-Token") != keys.Token {
		f.Fail(w, r, &sandbox.Refusal{Code: cloud.CodeAuth, Reason: sandbox.ReasonAuth, Message: "the X-Security-Token does not belong to this access key"})
		return
	}
	b.Signed(API, r.Method+" "+r.URL.Path, keys.ID)
	if r.URL.Path == projectsPath && r.Method == http.MethodGet {
		projects(w, r, b)
		return
	}
	if r.URL.Path == securityTokensPath && r.Method == http.MethodPost {
		f.agencyTokens(w, r, body, b, keys)
		return
	}
	project, kind, id := route(r.URL.Path)
	region := regionOf(r, project, b)
	op := f.Op(r, body)
	if kind == "peer-devices" || kind == "peer-export" {
		f.peer(w, r, body, b, kind, region, id)
		return
	}
	switch {
	case op == sandbox.OpCreate:
		f.create(w, r, body, b, region, project)
	case op == sandbox.OpConnections:
		f.list(w, r, b, region)
	case op == sandbox.OpConnection:
		c, ref := b.Connection(API, region, id)
		if ref != nil {
			f.Fail(w, r, ref)
			return
		}
		answer(w, http.StatusOK, map[string]any{"vpn_connection": connectionJSON(c, b, region, true)})
	case op == sandbox.OpDelete:
		// 204 and no body, the request id in the header: the SDK's
		// DeleteVpnConnectionResponse has no member.
		if _, ref := b.Delete(API, region, id); ref != nil {
			f.Fail(w, r, ref)
			return
		}
		w.Header().Set("X-Request-Id", requestID())
		w.WriteHeader(http.StatusNoContent)
	case op == sandbox.OpInventory:
		f.inventory(w, r, b, kind, region, project)
	default:
		writeError(w, http.StatusNotFound, "APIGW.0101", "The API does not exist or has not been published in the environment")
	}
}

// create decodes the body into the spec's shape, runs the catalog's own
// checks as the cloud validates a request, and keeps the connection.
func (f frontend) create(w http.ResponseWriter, r *http.Request, body []byte, b *sandbox.Backend, region, project string) {
	invalid := func(format string, args ...any) {
		f.Fail(w, r, &sandbox.Refusal{Code: cloud.CodeInvalid, Reason: sandbox.ReasonInvalid, Message: fmt.Sprintf(format, args...)})
	}
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	var raw map[string]any
	if err := d.Decode(&raw); err != nil {
		invalid("the body is not a JSON object: %v", err)
		return
	}
	spec := &cloud.Spec{Vendor: API, Target: map[string]string{"region": region, "project_id": project}, Params: raw}
	ps, issues := catalog().Check(spec)
	for _, is := range issues {
		// Target issues are the sandbox's own (an unbound project has no
		// region): the cloud only sees the body.
		if is.Severity == cloud.Error && catalog().TargetField(is.Field) == nil {
			invalid("%s: %s", is.Field, is.Message)
			return
		}
	}
	c := ps.Obj("vpn_connection")
	gwID, ip := c.Str("vgw_id"), c.Str("vgw_ip")
	if gw := find(b.Inventory(API, region).VPNGateways, gwID); gw != nil && !hasAddress(gw, ip) {
		invalid("vpn_connection.vgw_ip %s is neither an EIP id nor an access private IP of VPN gateway %s", ip, gwID)
		return
	}
	local, remote := subnets(c)
	id := b.NewUUID()
	name := c.Str("name")
	if name == "" {
		name = "vpn-" + id[:4] // as the cloud names an unnamed connection (vpn-13be)
	}
	conn, ref := b.Create(API, region, sandbox.NewConn{
		ID: id, Name: name, VPNGatewayID: gwID, CustomerGatewayID: c.Str("cgw_id"),
		Local: local, Remote: remote, Params: ps,
	})
	if ref != nil {
		if region == "" {
			ref.Message += fmt.Sprintf(" (sandbox: project %s is bound to no region; the fixtures bind project ids through their VPCs' notes.project_id)", project)
		}
		f.Fail(w, r, ref)
		return
	}
	answer(w, http.StatusCreated, map[string]any{"vpn_connection": connectionJSON(conn, b, region, false)})
}

// subnets are the cloud-side (policy sources) and customer-side
// (peer_subnets and policy destinations) blocks the Backend compares.
func subnets(c cloud.Params) (local, remote []netip.Prefix) {
	add := func(list *[]netip.Prefix, s string) {
		if p, err := netip.ParsePrefix(strings.TrimSpace(s)); err == nil {
			*list = append(*list, p.Masked())
		}
	}
	for _, s := range append(c.Strings("peer_subnets"), c.Strings("peer_subnets_v6")...) {
		add(&remote, s)
	}
	for _, key := range []string{"policy_rules", "policy_rules_v6"} {
		for _, e := range c.List(key) {
			rule, _ := e.(map[string]any)
			add(&local, cloud.Params(rule).Str("source"))
			for _, d := range cloud.Params(rule).Strings("destination") {
				add(&remote, d)
			}
		}
	}
	return local, remote
}

// list answers ListVpnConnections: the vgw_id filter, then pages of
// limit records after marker (the sandbox's marker is the last record's
// id; Huawei documents the last record's creation time: clients copy
// next_marker either way).
func (f frontend) list(w http.ResponseWriter, r *http.Request, b *sandbox.Backend, region string) {
	q := r.URL.Query()
	conns := b.Connections(API, region, cloud.Filter{VPNGatewayID: q.Get("vgw_id")})
	var out []any
	for i := range conns {
		if v := q.Get("vpn_id"); v != "" && conns[i].ID != v {
			continue
		}
		out = append(out, connectionJSON(&conns[i], b, region, true))
	}
	page, info := paginate(out, q.Get("limit"), q.Get("marker"))
	answer(w, http.StatusOK, map[string]any{"vpn_connections": page, "page_info": info, "total_count": len(out)})
}

func (f frontend) inventory(w http.ResponseWriter, r *http.Request, b *sandbox.Backend, kind, region, project string) {
	inv := b.Inventory(API, region)
	q := r.URL.Query()
	switch kind {
	case "gateways":
		gws := []any{}
		for i := range inv.VPNGateways {
			if v := q.Get("vgw_id"); v == "" || v == inv.VPNGateways[i].ID {
				gws = append(gws, gatewayJSON(&inv.VPNGateways[i]))
			}
		}
		answer(w, http.StatusOK, map[string]any{"vpn_gateways": gws})
	case "customer-gateways":
		var cgws []any
		for i := range inv.CustomerGateways {
			if v := q.Get("cgw_id"); v == "" || v == inv.CustomerGateways[i].ID {
				cgws = append(cgws, customerGatewayJSON(&inv.CustomerGateways[i]))
			}
		}
		page, info := paginate(cgws, q.Get("limit"), q.Get("marker"))
		answer(w, http.StatusOK, map[string]any{"customer_gateways": page, "page_info": info, "total_count": len(cgws)})
	case "vpcs":
		var vpcs []any
		for i := range inv.VPCs {
			vpcs = append(vpcs, vpcJSON(&inv.VPCs[i], project))
		}
		page, info := paginate(vpcs, q.Get("limit"), q.Get("marker"))
		answer(w, http.StatusOK, map[string]any{"vpcs": page, "page_info": info})
	}
}

// Fail answers a refusal as Huawei does: the HTTP status, the code and a
// message in the service's or the API gateway's words (see codes in
// errors.go for the sources), and the request id in body and header.
// Huawei documents no codes of their own for a duplicate name, an
// overlapping subnet or the connection quota: they answer VPN.0001, the
// conflicts with HTTP 409 (Huawei's status code table: "409 Conflict").
func (frontend) Fail(w http.ResponseWriter, _ *http.Request, ref *sandbox.Refusal) {
	status, code, prefix := http.StatusBadRequest, "VPN.0001", "invalid request: "
	msg := ref.Message
	switch ref.Reason {
	case sandbox.ReasonNoVPNGateway:
		status, code, prefix = http.StatusNotFound, "VPN.0004", "resource not found: vpn_connection.vgw_id: "
	case sandbox.ReasonNoCustomerGateway:
		status, code, prefix = http.StatusNotFound, "VPN.0004", "resource not found: vpn_connection.cgw_id: "
	case sandbox.ReasonNoVPC, sandbox.ReasonNoConnection:
		status, code, prefix = http.StatusNotFound, "VPN.0004", "resource not found: "
	case sandbox.ReasonDuplicateName:
		status, prefix = http.StatusConflict, "invalid request: vpn_connection.name: "
	case sandbox.ReasonCIDRConflict:
		status, prefix = http.StatusConflict, "invalid request: vpn_connection.peer_subnets: "
	case sandbox.ReasonQuota:
		prefix = "invalid request: the VPN connection quota of the gateway is used up: "
	case sandbox.ReasonInvalidState:
		code, prefix = "VPN.0031", "repeated operation: "
	case sandbox.ReasonAuth, sandbox.ReasonExpired:
		status, code, prefix = http.StatusUnauthorized, "APIGW.0301", "Incorrect IAM authentication information: "
	case sandbox.ReasonThrottled:
		status, code, prefix = http.StatusTooManyRequests, "APIGW.0308", "The throttling threshold has been reached: policy user over ratelimit: "
	case sandbox.ReasonInternal:
		status, code, prefix = http.StatusInternalServerError, "VPN.0002", "server error: "
	}
	writeError(w, status, code, prefix+msg)
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	answer(w, status, map[string]any{"error_code": code, "error_msg": msg})
}

// answer writes a JSON body with a fresh request id in body and header.
func answer(w http.ResponseWriter, status int, body map[string]any) {
	id := requestID()
	body["request_id"] = id
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Request-Id", id)
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}

// requestID is 32 hexadecimal characters, like Huawei's. It does not
// come from the sandbox's seeded source, so that connection ids stay
// repeatable whatever was asked before.
func requestID() string {
	b := make([]byte, 16)
	crand.Read(b)
	return hex.EncodeToString(b)
}
