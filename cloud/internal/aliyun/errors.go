package aliyun

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/alibabacloud-go/tea/tea"

	"tunnelwiz/cloud"
)

// FromSDK maps an SDK error to a *cloud.APIError. The SDK folds the status
// and request id into its Message ("code: 400, <msg> request id: <id>"),
// so the fields are read back from Data, which holds the vendor's error
// body. A transport failure (reset, EOF, timeout) or a cancelled context
// is wrapped with %w, so cloud.Lost and errors.Is still see it.
func FromSDK(vendor string, err error) error {
	if err == nil {
		return nil
	}
	var se *tea.SDKError
	if !errors.As(err, &se) {
		return fmt.Errorf("%s: %w", vendor, err)
	}
	code, msg, reqID := tea.StringValue(se.Code), tea.StringValue(se.Message), ""
	if code == "<nil>" {
		code = "" // the client prints a missing Code so; the gateway's asapiErrorCode is read below
	}
	var data map[string]any
	if se.Data != nil && json.Unmarshal([]byte(*se.Data), &data) == nil {
		if m := First(data, "Message", "message", "asapiErrorMessage", "resultMsg"); m != "" {
			msg = m
		}
		if code == "" {
			code = First(data, "Code", "code", "asapiErrorCode")
		}
		reqID = First(data, "RequestId", "requestId", "RequestID", "asapiRequestId")
	}
	if msg == "" {
		msg = "the request failed"
	}
	return NewError(vendor, code, msg, reqID, tea.IntValue(se.StatusCode))
}

// FromBody reports a refusal carried in a successful HTTP answer, as the
// Apsara Stack API gateway does ({"asapiSuccess":false,...} or
// {"resultCode":-1,"resultMsg":...}); it returns nil for a success.
func FromBody(vendor string, body map[string]any) *cloud.APIError {
	if inner, ok := body["errorSample"].(map[string]any); ok {
		body = inner // the seed's failure example wraps the body so
	}
	failed := false
	if v, ok := body["asapiSuccess"].(bool); ok && !v {
		failed = true
	}
	if v, ok := body["success"].(bool); ok && !v {
		failed = true
	}
	if rc := scalar(body["resultCode"]); rc != "" && rc != "0" && rc != "200" {
		failed = true
	}
	if !failed {
		return nil
	}
	msg := First(body, "asapiErrorMessage", "Message", "message", "resultMsg")
	if msg == "" {
		msg = "the gateway reported a failure"
	}
	return NewError(vendor,
		First(body, "asapiErrorCode", "Code", "code", "resultCode"), msg,
		First(body, "asapiRequestId", "RequestId", "RequestID", "requestId"), 200)
}

// NewError is a vendor refusal mapped through the code table.
func NewError(vendor, code, msg, reqID string, status int) *cloud.APIError {
	c, field := Classify(code, status)
	return &cloud.APIError{Vendor: vendor, Code: c, VendorCode: code, Message: msg,
		RequestID: reqID, HTTPStatus: status, Field: field}
}

// VendorCode is one error code both APIs answer with: its vendor-neutral
// kind, the HTTP status the endpoint sends it with, its documented message
// and the parameter it points at.
type VendorCode struct {
	Kind    cloud.Code
	Status  int
	Message string
	Field   string
}

// Codes is the error table. Sources: seed 004's error list, the VPC error
// center pages for DescribeVpnConnection (InvalidVpnConnectionInstanceId.NotFound),
// the POP gateway's common codes (signature, key, timestamp, throttling), and
// the v7 openapi client, which treats Throttling, Throttling.User and
// Throttling.Api as throttling.
var Codes = map[string]VendorCode{
	// The request never reached the VPC service: keys, signature, clock.
	"IncompleteSignature":          {cloud.CodeAuth, 400, "The request signature does not conform to Aliyun standards.", ""},
	"SignatureDoesNotMatch":        {cloud.CodeAuth, 400, "Specified signature is not matched with our calculation.", ""},
	"InvalidAccessKeyId.NotFound":  {cloud.CodeAuth, 404, "Specified access key is not found.", ""},
	"InvalidAccessKeyId.Inactive":  {cloud.CodeAuth, 400, "Specified access key is disabled.", ""},
	"InvalidTimeStamp.Expired":     {cloud.CodeAuth, 400, "Specified time stamp or date value is expired.", ""},
	"InvalidTimeStamp.Format":      {cloud.CodeAuth, 400, "Specified time stamp or date value is not well formatted.", ""},
	"SignatureNonceUsed":           {cloud.CodeAuth, 400, "Specified signature nonce was used already.", ""},
	"InvalidSecurityToken.Expired": {cloud.CodeAuth, 400, "Specified SecurityToken is expired.", ""},
	// A token that is not the one issued with the access key (the sandbox's
	// word: STS tokens are bound to their temporary key).
	"InvalidSecurityToken.Mismatch": {cloud.CodeAuth, 400, "Specified SecurityToken is not valid for this AccessKeyId.", ""},
	"Forbidden":                     {cloud.CodeAuth, 403, "User not authorized to operate on the specified resource.", ""},
	"Forbbiden.SubUser":             {cloud.CodeAuth, 403, "User not authorized to operate on the specified resource as your account is created by another user.", ""}, // sic, seed 004
	"Forbidden.RAM":                 {cloud.CodeAuth, 403, "User not authorized to operate on the specified resource, or this API doesn't support RAM.", ""},
	"VpnGateway.FinancialLocked":    {cloud.CodeAuth, 400, "The specified service is financial locked.", ""},
	"InvalidAction.NotFound":        {cloud.CodeInvalid, 404, "Specified api is not found, please check your url and method.", ""},
	"InvalidVersion":                {cloud.CodeInvalid, 400, "Specified parameter Version is not valid.", ""},

	"Throttling":      {cloud.CodeThrottled, 400, "Request was denied due to request throttling.", ""},
	"Throttling.User": {cloud.CodeThrottled, 400, "Request was denied due to user flow control.", ""},
	"Throttling.Api":  {cloud.CodeThrottled, 400, "Request was denied due to api flow control.", ""},
	// "Try again later": the core has no busy code, and throttled is the
	// one Submission backs off and retries.
	"VpnGateway.Configuring":    {cloud.CodeThrottled, 400, "The specified service is configuring.", ""},
	"VpnConnection.Configuring": {cloud.CodeThrottled, 400, "The specified vpn connection is configuring.", ""},
	"VpnTask.CONFLICT":          {cloud.CodeThrottled, 400, "A task of the VPN gateway is in progress.", ""},

	"InternalError":      {cloud.CodeUnavailable, 500, "The request processing has failed due to some unknown error, exception or failure.", ""},
	"ServiceUnavailable": {cloud.CodeUnavailable, 503, "The request has failed due to a temporary failure of the server.", ""},

	"Resource.QuotaFull":             {cloud.CodeQuota, 400, "The quota of resource is full", ""},
	"QuotaExceeded.PolicyBasedRoute": {cloud.CodeQuota, 400, "The maximum number of policy-based routes is exceeded.", ""},

	"InvalidVpnConnection.AlreadyExists": {cloud.CodeConflict, 400, "Vpn connection already exists.", ""},
	"IdempotentParameterMismatch":        {cloud.CodeConflict, 400, "The request uses the same client token as a previous, but non-identical request.", "ClientToken"},

	"InvalidVpnGatewayInstanceId.NotFound":      {cloud.CodeNotFound, 404, "The specified vpn gateway instance id does not exist.", "VpnGatewayId"},
	"InvalidCustomerGatewayInstanceId.NotFound": {cloud.CodeNotFound, 404, "The specified customer gateway instance id does not exist.", "CustomerGatewayId"},
	"InvalidVpnConnectionInstanceId.NotFound":   {cloud.CodeNotFound, 404, "The specified vpn connection instance id does not exist.", ""},
	"InvalidVpcId.NotFound":                     {cloud.CodeNotFound, 404, "Specified VPC does not exist.", ""},

	"IllegalParam.LocalSubnet":  {cloud.CodeInvalid, 400, `The specified "LocalSubnet" is invalid.`, "LocalSubnet"},
	"IllegalParam.RemoteSubnet": {cloud.CodeInvalid, 400, `The specified "RemoteSubnet" is invalid.`, "RemoteSubnet"},
	"InvalidParameter":          {cloud.CodeInvalid, 400, "The specified parameter is invalid.", ""},
	"MissingParameter":          {cloud.CodeInvalid, 400, "A required parameter is not supplied.", ""},
}

// Classify maps a vendor code (and the HTTP status it came with) onto a
// Code and the parameter it names. Codes outside the table go by their
// family (IllegalParam.X names parameter X, *.NotFound, Throttling.*,
// QuotaExceeded.*) and then by status.
func Classify(code string, status int) (cloud.Code, string) {
	if vc, ok := Codes[code]; ok {
		return vc.Kind, vc.Field
	}
	for _, p := range []string{"IllegalParam.", "InvalidParam.", "InvalidParameter.", "MissingParam."} {
		if name, ok := strings.CutPrefix(code, p); ok && name != "" {
			return cloud.CodeInvalid, name
		}
	}
	switch {
	case strings.HasPrefix(code, "Throttling"):
		return cloud.CodeThrottled, ""
	case strings.HasPrefix(code, "Forbidden"), strings.HasPrefix(code, "InvalidAccessKey"), strings.HasPrefix(code, "InvalidSecurityToken"):
		return cloud.CodeAuth, ""
	case strings.HasPrefix(code, "QuotaExceed"), strings.HasSuffix(code, ".QuotaFull"):
		return cloud.CodeQuota, ""
	case strings.HasSuffix(code, ".NotFound"):
		return cloud.CodeNotFound, ""
	case strings.Contains(code, "AlreadyExist"):
		return cloud.CodeConflict, ""
	}
	switch {
	case status >= 500:
		return cloud.CodeUnavailable, ""
	case status == 429:
		return cloud.CodeThrottled, ""
	case status == 401 || status == 403:
		return cloud.CodeAuth, ""
	case status == 404:
		return cloud.CodeNotFound, ""
	case status >= 400:
		return cloud.CodeInvalid, ""
	}
	return cloud.CodeUnknown, ""
}

// First returns the first non-empty scalar among keys, as text.
func First(m map[string]any, keys ...string) string {
	for _, k := range keys {
		if s := scalar(m[k]); s != "" {
			return s
		}
	}
	return ""
}

func scalar(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case json.Number:
		return x.String()
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case int:
		return strconv.Itoa(x)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return ""
	case map[string]any, []any:
		return ""
	}
	return fmt.Sprint(v)
}
