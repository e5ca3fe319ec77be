package tencent

// Evidence labels, so that every Source names its document the same way.
// "checked 2026-11" is when the pinned and newest SDKs were read.
const (
	srcSeed   = "seed 000 (Tencent API 3.0 CreateVpnConnection doc)"
	srcSDK    = "SDK vpc v1.0.1100 models.go"
	srcSDKNew = "newest tencentcloud-sdk-go (master 144f6c8, 2026-08-21) models.go"
	srcErrs   = "SDK vpc errors.go"
	srcTF     = "terraform-provider-tencentcloud resource_tc_vpn_connection.go"
	srcDoc    = "Tencent VPN console guide (product/1037)"
	checked   = "checked 2026-11"
)
