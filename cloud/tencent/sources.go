package tencent

// Evidence labels, so that every Source names its document the same way
// and a reader can open it: the seed file, the SDK module at its version
// with the file, the provider file at a commit, a vendor page address.
// "checked 2026-11" is when they were read.
const (
	srcSeed = "seed 000_accd87d803ab9925.txt (Tencent API 3.0 CreateVpnConnection)"
	// srcSDK is the pinned SDK, the one tunnelwiz sends with.
	srcSDK = "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc@v1.0.1100 v20170312/models.go"
	// srcSDKNew is the newest vpc module read (tag tencentcloud/vpc/v1.3.157,
	// commit 67c11ea847fa; models.go is unchanged at master 144f6c8d39e4).
	srcSDKNew  = "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc@v1.3.157 v20170312/models.go"
	srcErrs    = "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc@v1.0.1100 v20170312/errors.go"
	srcErrsNew = "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc@v1.3.157 v20170312/errors.go"
	srcCommon  = "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common@v1.3.209"
	srcTF      = "tencentcloudstack/terraform-provider-tencentcloud@f6970a900384 tencentcloud/services/vpn/resource_tc_vpn_connection.go"
	// srcDocHC and srcDocTunnel are Tencent's VPN console guides.
	srcDocHC     = "https://www.tencentcloud.com/document/product/1037/46006 (VPN tunnel health check)"
	srcDocTunnel = "https://intl.cloud.tencent.com/document/product/1037/39635 (Creating VPN Tunnel)"
	checked      = "checked 2026-11"
)
