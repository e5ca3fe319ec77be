package tencent

import (
	"errors"
	"net/http"
	"testing"

	sdkerrors "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	vpc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc/v20170312"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
	"tunnelwiz/cloud/sandbox"
)

// TestSandboxHashesTheBodyItReceived: TC3 covers the body through its
// hash, so a body swapped under a valid signature is refused, whatever
// the swapper says in X-TC-Content-SHA256: the hash of the signed body,
// or UNSIGNED-PAYLOAD on a request the SDK signed that way (the SDK's
// UnsignedPayload profile, which tunnelwiz never sets). Nothing is made.
func TestSandboxHashesTheBodyItReceived(t *testing.T) {
	target, p := seedParams(t)
	for _, tc := range []struct {
		name     string
		unsigned bool // the SDK signs UNSIGNED-PAYLOAD instead of the body's hash
		header   bool // the swapper sets X-TC-Content-SHA256 to the signed body's hash
	}{
		{name: "payload header with the signed body's hash", header: true},
		{name: "signed as UNSIGNED-PAYLOAD", unsigned: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			swapped := false
			srv, base := drivertest.StartSandbox(t, sandbox.Options{}, func(r *http.Request) {
				if r.Header.Get("X-TC-Action") != "CreateVpnConnection" {
					return
				}
				b := drivertest.PeekBody(r)
				swapped = drivertest.SwapBody(r, "TEST_CONN", "ATTACKER")
				if tc.header {
					r.Header.Set("X-TC-Content-SHA256", sha256Hex(b))
				}
			})
			cpf := clientProfile(base)
			cpf.UnsignedPayload = tc.unsigned
			c, err := vpc.NewClient(credential(sandbox.Keys), target["region"], cpf)
			if err != nil {
				t.Fatal(err)
			}
			req, err := buildRequest(p)
			if err != nil {
				t.Fatal(err)
			}
			_, err = c.CreateVpnConnection(req)
			if !swapped {
				t.Fatal("the create body has no TEST_CONN to swap")
			}
			var se *sdkerrors.TencentCloudSDKError
			if !errors.As(err, &se) || se.GetCode() != "AuthFailure.SignatureFailure" {
				t.Errorf("want AuthFailure.SignatureFailure, got %v", err)
			}
			if n := len(srv.Backend().Connections("tencent", "ap-guangzhou", cloud.Filter{})); n != 0 {
				t.Errorf("the swapped body made %d connections", n)
			}
		})
	}
}
