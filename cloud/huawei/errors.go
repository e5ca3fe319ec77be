package huawei

import (
	"errors"
	"fmt"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
)

// Error is an answer the cloud gave instead of a connection: the HTTP
// status, Huawei's error_code (e.g. VPN.0001) and error_msg, and the
// request id Huawei support asks for.
type Error struct {
	Status    int
	Code      string
	Message   string
	RequestID string
}

func (e *Error) Error() string {
	s := fmt.Sprintf("huawei: HTTP %d", e.Status)
	if e.Code != "" {
		s += " " + e.Code
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.RequestID != "" {
		s += " (request id " + e.RequestID + ")"
	}
	return s
}

// mapError keeps the vendor's fields of an SDK service error; transport
// and other errors are wrapped as they are.
func mapError(err error) error {
	var p *sdkerr.ServiceResponseError
	if errors.As(err, &p) && p != nil {
		return &Error{Status: p.StatusCode, Code: p.ErrorCode, Message: p.ErrorMessage, RequestID: p.RequestId}
	}
	var v sdkerr.ServiceResponseError
	if errors.As(err, &v) {
		return &Error{Status: v.StatusCode, Code: v.ErrorCode, Message: v.ErrorMessage, RequestID: v.RequestId}
	}
	return fmt.Errorf("huawei: create VPN connection: %w", err)
}
