package tencentv2

import (
	"fmt"
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

// TestErrorMapping: API 2.0 answers (common code, module code, message)
// onto vendor-neutral Codes and the field they point at. The module code
// wins over the common one; an unknown module code falls back to its
// shape, then to the common code's class.
func TestErrorMapping(t *testing.T) {
	spd := cloud.Params{"spdAcl": map[string]any{"10.0.0.0/24": []any{"172.16.0.0/16"}}}
	list := cloud.Params{"userGwCidrBlock": []any{"10.56.20.0/24"}}
	cases := []struct {
		status int
		code   int
		desc   string
		msg    string
		p      cloud.Params
		want   cloud.Code
		field  string
	}{
		// documented module codes of the VPN actions
		{200, 4000, "InvalidVpc.NotFound", "", nil, cloud.CodeNotFound, "vpcId"},
		{200, 4000, "InvalidVpnGw.NotFound", "", nil, cloud.CodeNotFound, "vpnGwId"},
		{200, 4000, "InvalidUserGw.NotFound", "", nil, cloud.CodeNotFound, "userGwId"},
		{200, 4000, "InvalidVpnConn.NotFound", "", nil, cloud.CodeNotFound, ""},
		{200, 4000, "InvalidVpnConnName", "", nil, cloud.CodeInvalid, "vpnConnName"},
		{200, 4000, "InvalidVpnConnName.InUse", "", nil, cloud.CodeConflict, "vpnConnName"},
		{200, 4000, "InvalidVpnConnState", "", nil, cloud.CodeConflict, ""},
		{200, 5100, "VpnConnLimitExceeded", "", nil, cloud.CodeQuota, ""},
		{200, 4000, "VpnConnCidrConflict", "", spd, cloud.CodeConflict, "spdAcl"},
		{200, 4000, "VpnConnCidrConflict", "", list, cloud.CodeConflict, "userGwCidrBlock"},
		{200, 4400, "RequestLimitExceeded", "", nil, cloud.CodeThrottled, ""},
		{500, 6000, "InternalError", "", nil, cloud.CodeUnavailable, ""},
		// InvalidParameter: the field comes from the message when it names one
		{200, 4000, "InvalidParameter", "IKESet.dhGroupName must be one of group1, group2", nil, cloud.CodeInvalid, "IKESet.dhGroupName"},
		{200, 4000, "InvalidParameter", "(100004) userGwCidrBlock.2 is not a CIDR", nil, cloud.CodeInvalid, "userGwCidrBlock[2]"},
		{200, 4000, "InvalidParameter", "spdAcl is not valid JSON", nil, cloud.CodeInvalid, "spdAcl"},
		{200, 4000, "InvalidParameter", "must be set", nil, cloud.CodeInvalid, ""},
		{200, 4000, "InvalidParameter", "IKESet.bogus is odd", nil, cloud.CodeInvalid, "IKESet"},
		// auth: every documented code and codeDesc spelling
		{200, 4100, "AuthFailure", "Authentication failed. SecretId does not exist", nil, cloud.CodeAuth, ""},
		{200, 4100, "AuthFailure.SignatureFailure", "", nil, cloud.CodeAuth, ""},
		{200, 4104, "AuthFailure.SecretIdNotFound", "", nil, cloud.CodeAuth, ""},
		{200, 4500, "AuthFailure.SignatureExpire", "", nil, cloud.CodeAuth, ""},
		{200, 4101, "", "", nil, cloud.CodeAuth, ""},
		{200, 4102, "", "", nil, cloud.CodeAuth, ""},
		{200, 4103, "", "", nil, cloud.CodeAuth, ""},
		{200, 4110, "", "", nil, cloud.CodeAuth, ""},
		{200, 4200, "", "", nil, cloud.CodeAuth, ""},
		{200, 4300, "", "", nil, cloud.CodeAuth, ""},
		{200, 4500, "", "", nil, cloud.CodeAuth, ""},
		{200, 4100, "UnauthorizedOperation.Sub", "", nil, cloud.CodeAuth, ""},
		// common codes without a module code
		{200, 4000, "", "vpnGwId is empty", nil, cloud.CodeInvalid, "vpnGwId"},
		{200, 4400, "", "", nil, cloud.CodeThrottled, ""},
		{200, 4600, "", "", nil, cloud.CodeInvalid, ""},
		{200, 5000, "", "", nil, cloud.CodeNotFound, ""},
		{200, 5100, "", "", nil, cloud.CodeUnavailable, ""},
		{200, 5200, "", "", nil, cloud.CodeQuota, ""},
		{200, 5300, "", "", nil, cloud.CodeQuota, ""},
		{200, 5400, "", "", nil, cloud.CodeUnknown, ""},
		{200, 5500, "", "", nil, cloud.CodeAuth, ""},
		{200, 6000, "", "", nil, cloud.CodeUnavailable, ""},
		{200, 6100, "", "", nil, cloud.CodeUnknown, ""},
		{200, 6200, "", "", nil, cloud.CodeUnavailable, ""},
		// unknown module codes by their shape
		{200, 4000, "InvalidNatGatewayId.NotFound", "", nil, cloud.CodeNotFound, ""},
		{200, 4000, "InvalidNetworkAclName.InUse", "", nil, cloud.CodeConflict, ""},
		{200, 4000, "VpcCidrConflict", "", nil, cloud.CodeConflict, ""},
		{200, 4000, "NetworkAclLimitExceeded", "", nil, cloud.CodeQuota, ""},
		{200, 4000, "SomethingNew", "", nil, cloud.CodeInvalid, ""},
		{200, 9999, "SomethingNew", "", nil, cloud.CodeUnknown, ""},
	}
	for _, c := range cases {
		body := fmt.Sprintf(`{"code":%d,"message":%q,"codeDesc":%q,"requestId":"req-1"}`, c.code, c.msg, c.desc)
		e := refusal(c.status, []byte(body), nil, c.p)
		name := fmt.Sprintf("%d %s %q", c.code, c.desc, c.msg)
		if e.Code != c.want || e.Field != c.field {
			t.Errorf("%s: got %s field %q, want %s field %q", name, e.Code, e.Field, c.want, c.field)
		}
		wantVendor := c.desc
		if wantVendor == "" {
			wantVendor = fmt.Sprint(c.code)
		}
		if e.Vendor != Vendor || e.VendorCode != wantVendor || e.RequestID != "req-1" || e.HTTPStatus != c.status {
			t.Errorf("%s: kept %+v", name, e)
		}
	}
}

// TestErrorStringNumbers: DescribeUserGw-style answers write the code as a
// string; it is still a code.
func TestErrorStringNumbers(t *testing.T) {
	e := refusal(200, []byte(`{"code":"4100","message":"Authentication failed","codeDesc":"AuthFailure"}`), nil, nil)
	if e.Code != cloud.CodeAuth || !strings.Contains(e.Error(), "AuthFailure") {
		t.Errorf("%+v", e)
	}
}

// TestErrorMasksSecrets: answers echo the pre-shared key; no error does.
func TestErrorMasksSecrets(t *testing.T) {
	psk := `s3cr"et`
	body := `{"code":4000,"message":"bad preSharedKey s3cr\"et","codeDesc":"InvalidParameter"}`
	e := refusal(200, []byte(body), []string{psk}, nil)
	if strings.Contains(e.Error(), "s3cr") || e.Field != "preSharedKey" {
		t.Errorf("%+v", e)
	}
	e = refusal(502, []byte("gateway saw s3cr\"et"), []string{psk}, nil)
	if strings.Contains(e.Error(), "s3cr") {
		t.Errorf("%+v", e)
	}
}

func TestWireNames(t *testing.T) {
	for inst, wire := range map[string]string{
		"IKESet.dhGroupName": "IKESet.dhGroupName", "userGwCidrBlock[3]": "userGwCidrBlock.3",
		`spdAcl["10.0.0.0/24"][1]`: "spdAcl", "vpnConnName": "vpnConnName",
	} {
		if got := wireOf(inst); got != wire {
			t.Errorf("wireOf(%s) = %s, want %s", inst, got, wire)
		}
		if inst[0] != 's' {
			if got := instanceOf(wire); got != inst {
				t.Errorf("instanceOf(%s) = %s, want %s", wire, got, inst)
			}
		}
	}
	for _, w := range []string{"must", "IKESet.x", "userGwCidrBlock.a", "0"} {
		if got := instanceOf(w); got != "" {
			t.Errorf("instanceOf(%s) = %s, want none", w, got)
		}
	}
}
