package tencent

import (
	"testing"

	"tunnelwiz/cloud"
)

// TestClassify: Tencent's codes (SDK vpc errors.go and the common list)
// onto the vendor-neutral ones.
func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		code   string
		status int
		want   cloud.Code
	}{
		{"InvalidParameterValue.Malformed", 200, cloud.CodeInvalid},
		{"InvalidParameterValue.Range", 200, cloud.CodeInvalid},
		{"InvalidParameter.Coexist", 200, cloud.CodeInvalid},
		{"InvalidParameterValue.LimitExceeded", 200, cloud.CodeInvalid},
		{"MissingParameter", 200, cloud.CodeInvalid},
		{"UnknownParameter", 200, cloud.CodeInvalid},
		{"UnsupportedOperation.VpnGwVpcIdMustHave", 200, cloud.CodeInvalid},
		{"InvalidVpnGatewayId.Malformed", 200, cloud.CodeInvalid},
		{"InvalidAction", 200, cloud.CodeInvalid},
		{"UnsupportedRegion", 200, cloud.CodeInvalid},
		{"InvalidParameterValue.Duplicate", 200, cloud.CodeConflict},
		{"InvalidParameterValue.VpnConnCidrConflict", 200, cloud.CodeConflict},
		{"InvalidParameterValue.VpcCidrConflict", 200, cloud.CodeConflict},
		{"InvalidParameterValue.VpnConnSpdCidrConflict", 200, cloud.CodeConflict},
		{"InvalidParameterValue.VpnConnBgpTunnelCidrConflict", 200, cloud.CodeConflict},
		{"InvalidParameterValue.VpnConnHealthCheckIpConflict", 200, cloud.CodeConflict},
		{"UnsupportedOperation.VpnConnSPDOverlap", 200, cloud.CodeConflict},
		{"ResourceInUse", 200, cloud.CodeConflict},
		{"OperationDenied.MutexTaskRunning", 200, cloud.CodeConflict},
		{"LimitExceeded", 200, cloud.CodeQuota},
		{"LimitExceeded.TagQuota", 200, cloud.CodeQuota},
		{"ResourceInsufficient", 200, cloud.CodeQuota},
		{"ResourceNotFound", 200, cloud.CodeNotFound},
		{"InvalidVpnGatewayId.NotFound", 200, cloud.CodeNotFound},
		{"InvalidVpcId.NotFound", 200, cloud.CodeNotFound},
		{"InvalidParameterValue.AddressNotFound", 200, cloud.CodeNotFound},
		{"RequestLimitExceeded", 200, cloud.CodeThrottled},
		{"RequestLimitExceeded.UinLimitExceeded", 200, cloud.CodeThrottled},
		{"LimitExceeded.ActionLimited", 200, cloud.CodeThrottled},
		{"AuthFailure.SignatureFailure", 200, cloud.CodeAuth},
		{"AuthFailure.SecretIdNotFound", 200, cloud.CodeAuth},
		{"AuthFailure.SignatureExpire", 200, cloud.CodeAuth},
		{"AuthFailure.TokenFailure", 200, cloud.CodeAuth},
		{"AuthFailure.UnauthorizedOperation", 200, cloud.CodeAuth},
		{"UnauthorizedOperation", 200, cloud.CodeAuth},
		{"InternalError", 200, cloud.CodeUnavailable},
		{"InternalError.ModuleError", 200, cloud.CodeUnavailable},
		{"InternalServerError", 200, cloud.CodeUnavailable},
		{"ServiceUnavailable", 200, cloud.CodeUnavailable},
		{"ClientError.HttpStatusCodeError", 502, cloud.CodeUnavailable},
		{"ClientError.ParseJsonError", 503, cloud.CodeUnavailable},
		{"ClientError.HttpStatusCodeError", 429, cloud.CodeThrottled},
		{"ClientError.ParseJsonError", 200, cloud.CodeUnknown},
		{"FailedOperation.TaskFailed", 200, cloud.CodeUnknown},
		{"SomethingNew", 200, cloud.CodeUnknown},
	} {
		if got := classify(tc.code, tc.status); got != tc.want {
			t.Errorf("%s (HTTP %d): %s, want %s", tc.code, tc.status, got, tc.want)
		}
	}
}

// TestFieldFor: the parameter an error points at.
func TestFieldFor(t *testing.T) {
	spd := cloud.Params{"VpnGatewayId": "vpngw-1w9tue3d", "CustomerGatewayId": "cgw-qa9sxpy7", "VpcId": "vpc-gapcv96p",
		"SecurityPolicyDatabases": []any{map[string]any{"LocalCidrBlock": "10.0.0.0/24"}}}
	route := cloud.Params{"Route": map[string]any{"DestinationCidrBlock": "192.168.0.0/16"}}
	for _, tc := range []struct {
		code, msg string
		p         cloud.Params
		want      string
	}{
		{"InvalidParameterValue.VpnConnCidrConflict", "conflict", spd, "SecurityPolicyDatabases"},
		{"InvalidParameterValue.VpnConnCidrConflict", "conflict", route, "Route.DestinationCidrBlock"},
		{"InvalidParameterValue.VpcCidrConflict", "conflict", spd, "SecurityPolicyDatabases"},
		{"InvalidParameterValue.VpnConnBgpTunnelCidrMask", "", nil, "BgpConfig.TunnelCidr"},
		{"UnsupportedOperation.VpnGwVpcIdMustHave", "", nil, "VpcId"},
		{"InvalidParameterValue.TagInvalidKey", "", nil, "Tags"},
		{"InvalidParameterValue", "The value of parameter `IKEOptionsSpecification.DhGroupName` is invalid", nil, "IKEOptionsSpecification.DhGroupName"},
		{"InvalidParameterValue", "The value `GROUP3` of parameter `SecurityPolicyDatabases[1].RemoteCidrBlock[0]` is invalid", nil, "SecurityPolicyDatabases[1].RemoteCidrBlock[0]"},
		{"MissingParameter", "The request is missing a required parameter `VpnConnectionName`.", nil, "VpnConnectionName"},
		{"ResourceNotFound", "The resource does not exist: customer gateway cgw-qa9sxpy7", spd, "CustomerGatewayId"},
		{"ResourceNotFound", "The resource does not exist: VPN gateway vpngw-1w9tue3d", spd, "VpnGatewayId"},
		{"ResourceNotFound", "The resource does not exist", spd, ""},
		{"LimitExceeded", "Quota limit is reached", spd, ""},
	} {
		if got := fieldFor(tc.code, tc.msg, tc.p); got != tc.want {
			t.Errorf("%s %q: field %q, want %q", tc.code, tc.msg, got, tc.want)
		}
	}
}
