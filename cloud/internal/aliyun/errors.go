package aliyun

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/alibabacloud-go/tea/tea"
)

// APIError is a refusal by the cloud: the vendor's error code, its message
// and the request id to quote to support. Both drivers export it under their
// own name (alibaba.Error, apsara.Error).
type APIError struct {
	// Vendor is the catalog API key ("alibaba", "apsara").
	Vendor    string
	Code      string
	Message   string
	RequestID string
}

func (e *APIError) Error() string {
	s := e.Vendor + ": "
	if e.Code != "" {
		s += e.Code + ": "
	}
	s += e.Message
	if e.RequestID != "" {
		s += " (request id " + e.RequestID + ")"
	}
	return s
}

// FromSDK maps the SDK's *tea.SDKError to an *APIError. The SDK folds the
// status and request id into its Message ("code: 400, <msg> request id:
// <id>"), so the fields are read back from Data, which holds the vendor's
// error body as JSON. Other errors (network, context) pass through.
func FromSDK(vendor string, err error) error {
	var se *tea.SDKError
	if !errors.As(err, &se) {
		return err
	}
	e := &APIError{Vendor: vendor, Code: tea.StringValue(se.Code), Message: tea.StringValue(se.Message)}
	var data map[string]any
	if se.Data != nil && json.Unmarshal([]byte(*se.Data), &data) == nil {
		if m := First(data, "Message", "message", "resultMsg", "asapiErrorMessage"); m != "" {
			e.Message = m
		}
		if e.Code == "" {
			e.Code = First(data, "Code", "code", "asapiErrorCode")
		}
		e.RequestID = First(data, "RequestId", "requestId", "RequestID", "asapiRequestId")
	}
	if e.Message == "" {
		e.Message = "the request failed"
	}
	return e
}

// FromBody reports a refusal carried in a successful HTTP answer, as the
// Apsara Stack API gateway does ({"asapiSuccess":false,...} or
// {"resultCode":-1,"resultMsg":...}); it returns nil for a success.
func FromBody(vendor string, body map[string]any) *APIError {
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
	e := &APIError{
		Vendor:    vendor,
		Code:      First(body, "asapiErrorCode", "Code", "code", "resultCode"),
		Message:   First(body, "asapiErrorMessage", "Message", "message", "resultMsg"),
		RequestID: First(body, "asapiRequestId", "RequestId", "RequestID", "requestId"),
	}
	if e.Message == "" {
		e.Message = "the gateway reported a failure"
	}
	return e
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
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}
