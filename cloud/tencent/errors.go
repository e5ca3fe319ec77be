package tencent

import "fmt"

// Error is Tencent's answer to a failed call, as the SDK reports it: the
// vendor code (e.g. InvalidParameterValue.VpnConnSpdCidrConflict, or a
// ClientError.* code for failures before an answer), its message and the
// request id that Tencent support asks for.
type Error struct {
	Code      string
	Message   string
	RequestID string
}

func (e *Error) Error() string {
	if e.RequestID == "" {
		return fmt.Sprintf("tencent: %s: %s", e.Code, e.Message)
	}
	return fmt.Sprintf("tencent: %s: %s (request id %s)", e.Code, e.Message, e.RequestID)
}
