// Package tencent drives Tencent Cloud API 3.0 vpc CreateVpnConnection
// (version 2017-03-12) through the official Go SDK
// (github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc v1.0.1100).
//
// The rules live in the catalog (catalog*.go, vocab.go) and the cross-field
// checks (checks*.go); the driver (driver.go) only turns validated params
// into the SDK's request type and sends it. Evidence for each rule is named
// in its Source: the seed document (seed 000), the pinned SDK's model
// comments, the newest public SDK's comments (which document wider value
// sets than the pinned one), and the vendor's Terraform provider.
//
// Around the create: lookup.go reads the region (DescribeVpcs,
// DescribeVpnGateways, DescribeCustomerGateways) and the tunnels
// (DescribeVpnConnections); errors.go maps Tencent's codes onto cloud.Code
// and the parameter they point at; credentials.go finds keys where the SDK
// and tccli look. sandbox*.go is this API's frontend in the tunnelwiz
// sandbox: TC3-HMAC-SHA256 checked as the endpoint checks it, Tencent's
// envelope and codes, and the same catalog refusing what the cloud refuses.
package tencent
