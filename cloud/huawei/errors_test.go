package huawei

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// TestErrorMapping: Huawei's answers onto tunnelwiz's codes and fields.
func TestErrorMapping(t *testing.T) {
	for _, tc := range []struct {
		status      int
		code, msg   string
		want        cloud.Code
		field       string
		description string
	}{
		{400, "VPN.0001", "invalid request: vpn_connection.ikepolicy.dh_group: \"group3\" is not allowed", cloud.CodeInvalid, "vpn_connection.ikepolicy.dh_group", "invalid, field named"},
		{400, "VPN.0001", "invalid request: peer_subnets[1] is not a CIDR", cloud.CodeInvalid, "vpn_connection.peer_subnets[1]", "member without the object prefix"},
		{400, "VPN.0001", "invalid request: xxx", cloud.CodeInvalid, "", "no field"},
		{409, "VPN.0001", "invalid request: vpn_connection.peer_subnets: remote CIDR overlaps", cloud.CodeConflict, "vpn_connection.peer_subnets", "conflict by status"},
		{400, "VPN.0001", "invalid request: name already exists", cloud.CodeConflict, "", "conflict by words"},
		{400, "VPN.0001", "invalid request: the VPN connection quota of the gateway is used up", cloud.CodeQuota, "", "quota by words"},
		{400, "VPN.0001", "invalid request: vgw not found", cloud.CodeNotFound, "", "not found by words"},
		{500, "VPN.0002", "server error: xxx", cloud.CodeUnavailable, "", "internal"},
		{503, "", "Service Unavailable", cloud.CodeUnavailable, "", "5xx without a code"},
		{403, "VPN.0003", "Authentication failed: no permission vpn:vpnConnections:create", cloud.CodeAuth, "", "forbidden"},
		{404, "VPN.0004", "resource not found: vpn_connection.cgw_id: customer gateway x does not exist", cloud.CodeNotFound, "vpn_connection.cgw_id", "not found, field named"},
		{404, "VPN.0004", "resource not found", cloud.CodeNotFound, "", "not found, bare"},
		{404, "VPN.0004", "resource not found: VPN gateway x", cloud.CodeNotFound, "vpn_connection.vgw_id", "not found, gateway in words"},
		{400, "VPN.0030", "The system is busy, please try later.", cloud.CodeThrottled, "", "busy"},
		{400, "VPN.0031", "Repeated operation.", cloud.CodeConflict, "", "repeated"},
		{401, "APIGW.0301", "Incorrect IAM authentication information: verify aksk signature fail", cloud.CodeAuth, "", "signature"},
		{401, "APIG.0301", "Incorrect IAM authentication information: decrypt token fail", cloud.CodeAuth, "", "old gateway prefix"},
		{403, "APIGW.0302", "The IAM user is not authorized to access the API", cloud.CodeAuth, "", "not authorized"},
		{429, "APIGW.0308", "The throttling threshold has been reached: policy user over ratelimit,limit:20,time:1 second", cloud.CodeThrottled, "", "throttled"},
		{429, "", "", cloud.CodeThrottled, "", "429 without a code"},
		{404, "APIGW.0101", "The API does not exist or has not been published in the environment", cloud.CodeUnknown, "", "wrong endpoint is not a missing gateway"},
		{418, "", "", cloud.CodeInvalid, "", "other 4xx"},
	} {
		t.Run(tc.description, func(t *testing.T) {
			if got := codeFor(tc.status, tc.code, tc.msg); got != tc.want {
				t.Errorf("code %s, want %s", got, tc.want)
			}
			if got := fieldOf(tc.code, tc.msg); got != tc.field {
				t.Errorf("field %q, want %q", got, tc.field)
			}
		})
	}
}

// TestFailEnvelopes: each refusal of the Backend, and each injected fault,
// in Huawei's envelope, and the driver reads every one back to its code.
func TestFailEnvelopes(t *testing.T) {
	for _, tc := range []struct {
		reason sandbox.Reason
		status int
		code   string
		want   cloud.Code
	}{
		{sandbox.ReasonInvalid, 400, "VPN.0001", cloud.CodeInvalid},
		{sandbox.ReasonNoVPNGateway, 404, "VPN.0004", cloud.CodeNotFound},
		{sandbox.ReasonNoCustomerGateway, 404, "VPN.0004", cloud.CodeNotFound},
		{sandbox.ReasonNoVPC, 404, "VPN.0004", cloud.CodeNotFound},
		{sandbox.ReasonNoConnection, 404, "VPN.0004", cloud.CodeNotFound},
		{sandbox.ReasonDuplicateName, 409, "VPN.0001", cloud.CodeConflict},
		{sandbox.ReasonCIDRConflict, 409, "VPN.0001", cloud.CodeConflict},
		{sandbox.ReasonQuota, 400, "VPN.0001", cloud.CodeQuota},
		{sandbox.ReasonAuth, 401, "APIGW.0301", cloud.CodeAuth},
		{sandbox.ReasonExpired, 401, "APIGW.0301", cloud.CodeAuth},
		{sandbox.ReasonThrottled, 429, "APIGW.0308", cloud.CodeThrottled},
		{sandbox.ReasonInternal, 500, "VPN.0002", cloud.CodeUnavailable},
	} {
		w := httptest.NewRecorder()
		frontend{}.Fail(w, httptest.NewRequest("POST", "/v5/p/vpn-connection", nil), &sandbox.Refusal{Reason: tc.reason, Message: "details"})
		var body struct{ ErrorCode, ErrorMsg, RequestID string }
		raw := w.Body.String()
		json.Unmarshal([]byte(strings.NewReplacer(`"error_code"`, `"ErrorCode"`, `"error_msg"`, `"ErrorMsg"`, `"request_id"`, `"RequestID"`).Replace(raw)), &body)
		if w.Code != tc.status || body.ErrorCode != tc.code || !strings.HasSuffix(body.ErrorMsg, "details") ||
			body.RequestID == "" || w.Header().Get("X-Request-Id") != body.RequestID || w.Header().Get("Content-Type") != "application/json" {
			t.Errorf("%s: %d %v %s", tc.reason, w.Code, w.Header(), raw)
		}
		if got := codeFor(w.Code, body.ErrorCode, body.ErrorMsg); got != tc.want {
			t.Errorf("%s: the driver reads %s, want %s", tc.reason, got, tc.want)
		}
	}
}

// TestTransportFailuresAreLost: a dropped connection and a timeout come
// back as lost answers, a cancelled context does not.
func TestTransportFailuresAreLost(t *testing.T) {
	spec, ps := seedParams(t)
	drop := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
	}))
	defer drop.Close()
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer slow.Close()

	_, err := Driver{}.Create(context.Background(), mustURL(t, drop.URL), testCred, spec.Target, ps)
	var ae *cloud.APIError
	if !cloud.Lost(err) || errors.As(err, &ae) {
		t.Errorf("dropped: %T %v, want a lost answer", err, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err = Driver{}.Connections(ctx, mustURL(t, slow.URL), testCred, spec.Target, cloud.Filter{})
	if !cloud.Lost(err) || cloud.CodeOf(err) != cloud.CodeUnavailable {
		t.Errorf("timeout: %T %v, want a lost answer", err, err)
	}
	ctx, cancel = context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	_, err = Driver{}.Connection(ctx, mustURL(t, slow.URL), testCred, spec.Target, "x")
	if err == nil || cloud.Lost(err) {
		t.Errorf("cancelled: %v, want an error that is not lost", err)
	}
}

// TestUnboundProject: a project id no fixture region names is an empty
// project, and says why in the sandbox's words; a Huawei host name names
// the region by itself.
func TestUnboundProject(t *testing.T) {
	_, base := newSandbox(t, nil)
	spec, ps := seedParams(t)
	target := map[string]string{"region": "cn-north-4", "project_id": "99999999999999999999999999999999"}
	inv, err := Driver{}.Inventory(context.Background(), base, sandbox.Keys, target)
	if err != nil || len(inv.VPNGateways)+len(inv.CustomerGateways)+len(inv.VPCs) != 0 {
		t.Errorf("%+v %v", inv, err)
	}
	_, err = Driver{}.Create(context.Background(), base, sandbox.Keys, target, ps)
	var ae *cloud.APIError
	if !errors.As(err, &ae) || ae.Code != cloud.CodeNotFound || ae.Field != "vpn_connection.vgw_id" || !strings.Contains(ae.Message, "sandbox: project") {
		t.Errorf("%v", err)
	}
	r := httptest.NewRequest("GET", "http://vpn.ap-southeast-1.myhuaweicloud.com/v5/x/vpn-gateways", nil)
	srv, _ := newSandbox(t, nil)
	if got := regionOf(r, "x", srv.Backend()); got != "ap-southeast-1" {
		t.Errorf("host region %q", got)
	}
	r = httptest.NewRequest("GET", "http://127.0.0.1:1/v5/x/vpn-gateways", nil)
	if got := regionOf(r, spec.Target["project_id"], srv.Backend()); got != "cn-north-4" {
		t.Errorf("project region %q", got)
	}
}

// TestSandboxRefusesWhatTheCloudRefuses: the catalog's errors, an EIP of
// another gateway and an EIP's address instead of its id are refused with
// VPN.0001 naming the field; a second identical create conflicts.
func TestSandboxRefusesWhatTheCloudRefuses(t *testing.T) {
	_, base := newSandbox(t, nil)
	spec, ps := seedParams(t)
	ctx := context.Background()
	for _, tc := range []struct {
		path  string
		value any
		field string
	}{
		{p("ikepolicy.dh_group"), "group3", p("ikepolicy.dh_group")},
		{p("vgw_ip"), "0c464dad-1f0b-4a8d-9a86-c22bb0eb0bde", p("vgw_ip")}, // the example gateway's EIP
		{p("vgw_ip"), "203.0.113.10", p("vgw_ip")},                         // the EIP's address, not its id
		{p("peer_subnets"), []any{"100.64.1.0/24"}, p("peer_subnets[0]")},
	} {
		bad := ps.Clone()
		bad.Set(tc.path, tc.value)
		_, err := Driver{}.Create(ctx, base, sandbox.Keys, spec.Target, bad)
		var ae *cloud.APIError
		if !errors.As(err, &ae) || ae.Code != cloud.CodeInvalid || ae.VendorCode != "VPN.0001" || ae.HTTPStatus != 400 || ae.Field != tc.field {
			t.Errorf("%s=%v: %+v", tc.path, tc.value, ae)
		}
	}
	_, err := Driver{}.Create(ctx, base, sandbox.Keys, spec.Target, ps)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Driver{}.Create(ctx, base, sandbox.Keys, spec.Target, ps)
	var ae *cloud.APIError
	if !errors.As(err, &ae) || ae.Code != cloud.CodeConflict || ae.HTTPStatus != 409 || ae.Field != p("peer_subnets") {
		t.Errorf("second create: %v", err)
	}
}
