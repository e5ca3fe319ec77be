package aliyun

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"testing"

	"github.com/alibabacloud-go/tea/tea"

	"tunnelwiz/cloud"
)

// TestClassify: every code the drivers must act on maps onto its Code and,
// where the code names one, the parameter.
func TestClassify(t *testing.T) {
	for _, c := range []struct {
		code   string
		status int
		want   cloud.Code
		field  string
	}{
		{"SignatureDoesNotMatch", 400, cloud.CodeAuth, ""},
		{"InvalidAccessKeyId.NotFound", 404, cloud.CodeAuth, ""}, // a 404 that is not a missing resource
		{"InvalidTimeStamp.Expired", 400, cloud.CodeAuth, ""},
		{"IncompleteSignature", 400, cloud.CodeAuth, ""},
		{"Forbidden", 403, cloud.CodeAuth, ""},
		{"Forbbiden.SubUser", 403, cloud.CodeAuth, ""},
		{"Forbidden.NoPermission", 403, cloud.CodeAuth, ""},
		{"Throttling", 400, cloud.CodeThrottled, ""},
		{"Throttling.User", 400, cloud.CodeThrottled, ""},
		{"Throttling.Api", 400, cloud.CodeThrottled, ""},
		{"VpnGateway.Configuring", 400, cloud.CodeThrottled, ""},
		{"VpnTask.CONFLICT", 400, cloud.CodeThrottled, ""},
		{"InvalidVpnConnection.AlreadyExists", 400, cloud.CodeConflict, ""},
		{"IdempotentParameterMismatch", 400, cloud.CodeConflict, "ClientToken"},
		{"Resource.QuotaFull", 400, cloud.CodeQuota, ""},
		{"QuotaExceeded.PolicyBasedRoute", 400, cloud.CodeQuota, ""},
		{"QuotaExceeded.VpnConnection", 400, cloud.CodeQuota, ""},
		{"InvalidVpnGatewayInstanceId.NotFound", 404, cloud.CodeNotFound, "VpnGatewayId"},
		{"InvalidCustomerGatewayInstanceId.NotFound", 404, cloud.CodeNotFound, "CustomerGatewayId"},
		{"InvalidVpnConnectionInstanceId.NotFound", 404, cloud.CodeNotFound, ""},
		{"InvalidVpcId.NotFound", 404, cloud.CodeNotFound, ""},
		{"IllegalParam.LocalSubnet", 400, cloud.CodeInvalid, "LocalSubnet"},
		{"IllegalParam.RemoteSubnet", 400, cloud.CodeInvalid, "RemoteSubnet"},
		{"IllegalParam.IkeConfig", 400, cloud.CodeInvalid, "IkeConfig"},
		{"InvalidParameter", 400, cloud.CodeInvalid, ""},
		{"MissingParameter", 400, cloud.CodeInvalid, ""},
		{"InternalError", 500, cloud.CodeUnavailable, ""},
		{"ServiceUnavailable", 503, cloud.CodeUnavailable, ""},
		{"", 502, cloud.CodeUnavailable, ""},
		{"SomethingNew", 500, cloud.CodeUnavailable, ""},
		{"SomethingNew", 429, cloud.CodeThrottled, ""},
		{"SomethingNew", 403, cloud.CodeAuth, ""},
		{"SomethingNew", 400, cloud.CodeInvalid, ""},
		{"-1", 200, cloud.CodeUnknown, ""},
	} {
		got, field := Classify(c.code, c.status)
		if got != c.want || field != c.field {
			t.Errorf("%s (%d): %s %q, want %s %q", c.code, c.status, got, field, c.want, c.field)
		}
	}
}

// TestTableStatuses: the sandbox answers each code with its status, and
// mapping that answer back gives the table's kind.
func TestTableStatuses(t *testing.T) {
	for code, vc := range Codes {
		if vc.Status < 400 || vc.Message == "" {
			t.Errorf("%s: status %d, message %q", code, vc.Status, vc.Message)
		}
		if got, _ := Classify(code, vc.Status); got != vc.Kind {
			t.Errorf("%s: %s, want %s", code, got, vc.Kind)
		}
	}
}

func TestFromSDKKeepsEverything(t *testing.T) {
	se := tea.NewSDKError(map[string]interface{}{
		"code": "IllegalParam.LocalSubnet", "statusCode": 400,
		"message": "code: 400, The specified \"LocalSubnet\" (1.1.1.0/33) is invalid. request id: R-2",
		"data":    map[string]interface{}{"Code": "IllegalParam.LocalSubnet", "Message": "The specified \"LocalSubnet\" (1.1.1.0/33) is invalid.", "RequestId": "R-2"},
	})
	var e *cloud.APIError
	if !errors.As(FromSDK("alibaba", se), &e) {
		t.Fatal("not an APIError")
	}
	want := cloud.APIError{Vendor: "alibaba", Code: cloud.CodeInvalid, VendorCode: "IllegalParam.LocalSubnet",
		Message: `The specified "LocalSubnet" (1.1.1.0/33) is invalid.`, RequestID: "R-2", HTTPStatus: 400, Field: "LocalSubnet"}
	if *e != want {
		t.Errorf("%+v\nwant %+v", *e, want)
	}
	// The gateway's own refusals carry asapi fields only, and the client
	// then reports the code as "<nil>".
	gw := tea.NewSDKError(map[string]interface{}{
		"code": "<nil>", "statusCode": 400, "message": "code: 400, <nil> request id: <nil>",
		"data": map[string]interface{}{"asapiSuccess": false, "asapiErrorCode": "SignatureDoesNotMatch", "asapiErrorMessage": "no", "asapiRequestId": "R-3"},
	})
	if !errors.As(FromSDK("apsara", gw), &e) || e.VendorCode != "SignatureDoesNotMatch" || e.Code != cloud.CodeAuth || e.RequestID != "R-3" || e.Message != "no" {
		t.Errorf("%+v", e)
	}
}

// TestTransportFailuresAreLost: what the SDK returns for a dropped
// connection (a *url.Error around EOF), a reset or a timeout stays
// recognisable as a lost answer; a cancelled context does not.
func TestTransportFailuresAreLost(t *testing.T) {
	for _, err := range []error{
		&url.Error{Op: "Post", URL: "http://127.0.0.1:1/", Err: io.EOF},
		&url.Error{Op: "Post", URL: "http://127.0.0.1:1/", Err: &net.OpError{Op: "read", Err: fmt.Errorf("connection reset by peer")}},
		context.DeadlineExceeded,
	} {
		if got := FromSDK("alibaba", err); !cloud.Lost(got) || cloud.CodeOf(got) != cloud.CodeUnavailable {
			t.Errorf("%v: not lost", got)
		}
	}
	if got := FromSDK("alibaba", context.Canceled); cloud.Lost(got) || !errors.Is(got, context.Canceled) {
		t.Errorf("cancelled: %v", got)
	}
}

func TestFromBodyApsaraFailures(t *testing.T) {
	for _, c := range []struct {
		body map[string]any
		code cloud.Code
	}{
		{map[string]any{"asapiSuccess": false, "asapiErrorCode": "Throttling.User", "asapiErrorMessage": "slow down"}, cloud.CodeThrottled},
		{map[string]any{"asapiSuccess": false, "asapiErrorCode": "InvalidVpnGatewayInstanceId.NotFound", "asapiErrorMessage": "x", "Code": "InvalidVpnGatewayInstanceId.NotFound"}, cloud.CodeNotFound},
		{map[string]any{"resultCode": float64(-1), "resultMsg": "system error", "result": nil}, cloud.CodeUnknown},
	} {
		e := FromBody("apsara", c.body)
		if e == nil || e.Code != c.code {
			t.Errorf("%v: %+v, want %s", c.body, e, c.code)
		}
	}
	if e := FromBody("apsara", map[string]any{"asapiSuccess": true, "RequestID": "x"}); e != nil {
		t.Errorf("success read as failure: %v", e)
	}
}
