package tencentv2

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"tunnelwiz/cloud"
)

// APIError is a non-zero code in an API 2.0 answer:
// {"code":4000,"message":"...","codeDesc":"InvalidParameter"}.
type APIError struct {
	// Code is the answer's numeric code (4000 parameter error, 4100
	// authentication failed, 4500 replay, 5xxx and 6xxx business errors...).
	Code int64
	// CodeDesc is the symbolic code when the answer has one
	// (InvalidVpnConnName, VpnConnLimitExceeded, ...).
	CodeDesc string
	Message  string
	// RequestID is set when the answer carries one (API 2.0 usually does not).
	RequestID string
}

func (e *APIError) Error() string {
	s := fmt.Sprintf("tencentv2: %s failed: code %d", Action, e.Code)
	if e.CodeDesc != "" {
		s += " (" + e.CodeDesc + ")"
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.RequestID != "" {
		s += " [request " + e.RequestID + "]"
	}
	return s
}

// HTTPError is an answer that is not an API 2.0 envelope: a non-2xx status
// or a body without "code". Body is shortened and has secrets masked.
type HTTPError struct {
	Status int
	Body   string
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("tencentv2: %s: HTTP %d: %s", Action, e.Status, e.Body)
}

type envelope struct {
	Code      *json.Number   `json:"code"`
	Message   string         `json:"message"`
	CodeDesc  string         `json:"codeDesc"`
	RequestID string         `json:"requestId"`
	Data      map[string]any `json:"data"`
}

// vpnConnStatus names DescribeVpnConn's vpcConnStatus codes; AddVpnConnEx
// answers 0 while the task runs.
var vpnConnStatus = map[string]string{
	"0": "creating", "1": "create-failed", "2": "modifying", "3": "modify-failed",
	"4": "deleting", "5": "delete-failed", "6": "available",
}

// parseAnswer reads the envelope. Created: TaskID from data.taskId, ID from
// data.unVpnConnId or a non-zero data.vpnConnId (the seed's answer has
// vpnConnId 0 and a taskId only).
func parseAnswer(status int, body []byte, secrets []string) (*cloud.Created, error) {
	var env envelope
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	if err := d.Decode(&env); err != nil || env.Code == nil || status/100 != 2 {
		return nil, &HTTPError{Status: status, Body: scrub(body, secrets)}
	}
	code, err := env.Code.Int64()
	if err != nil {
		return nil, &HTTPError{Status: status, Body: scrub(body, secrets)}
	}
	if code != 0 {
		return nil, &APIError{Code: code, CodeDesc: env.CodeDesc, Message: scrub([]byte(env.Message), secrets), RequestID: env.RequestID}
	}
	c := &cloud.Created{RequestID: env.RequestID}
	c.TaskID = text(env.Data["taskId"])
	if id := text(env.Data["unVpnConnId"]); id != "" {
		c.ID = id
	} else if id := text(env.Data["vpnConnId"]); id != "" && id != "0" {
		c.ID = id
	}
	c.State = vpnConnStatus[text(env.Data["vpnConnStatus"])]
	return c, nil
}

func text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return fmt.Sprint(x)
	}
	return ""
}

// scrub masks secret values (the answer echoes preSharedKey) and shortens
// the text for an error message.
func scrub(b []byte, secrets []string) string {
	s := string(b)
	for _, sec := range secrets {
		if sec == "" {
			continue
		}
		s = strings.ReplaceAll(s, sec, cloud.Mask)
		if q, err := json.Marshal(sec); err == nil { // as escaped inside JSON text
			s = strings.ReplaceAll(s, strings.Trim(string(q), `"`), cloud.Mask)
		}
	}
	s = strings.TrimSpace(s)
	const max = 512
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "..."
	}
	return s
}
