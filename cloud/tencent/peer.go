package tencent

import (
	"context"
	"net/url"

	vpc "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc/v20170312"

	"tunnelwiz/cloud"
)

// The vendor's own customer-side export (vpc 2017-03-12):
// DescribeCustomerGatewayVendors lists the devices ("查询可支持的对端网关厂商信息"),
// DownloadCustomerGatewayConfiguration writes one tunnel's configuration
// for one of them ("XML格式配置信息", a text in the document's example).
// The download names the tunnel's VPN gateway and the device's interface
// (InterfaceName, required in the API document 215/17513).

// PeerDevices lists the devices through DescribeCustomerGatewayVendors.
func (Driver) PeerDevices(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string) ([]cloud.PeerDevice, error) {
	c, err := newClient(base, cred, target)
	if err != nil {
		return nil, err
	}
	resp, err := c.DescribeCustomerGatewayVendorsWithContext(ctx, vpc.NewDescribeCustomerGatewayVendorsRequest())
	if err != nil {
		return nil, toError(ctx, "DescribeCustomerGatewayVendors", err, c.status(), nil)
	}
	var out []cloud.PeerDevice
	for _, v := range resp.Response.CustomerGatewayVendorSet {
		if v == nil {
			continue
		}
		d := cloud.PeerDevice{Vendor: str(v.VendorName), Platform: str(v.Platform), Version: str(v.SoftwareVersion), Interface: true}
		d.Name = cloud.PeerDeviceName(d.Vendor, d.Platform, d.Version)
		out = append(out, d)
	}
	return out, nil
}

// PeerConfig reads the tunnel (its gateway id, and its pre-shared key,
// which DescribeVpnConnections echoes, for masking), then downloads the
// configuration.
func (Driver) PeerConfig(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, id string, dev cloud.PeerDevice, iface string) (*cloud.PeerConfig, error) {
	conn, err := describeOne(ctx, base, cred, target, id)
	if err != nil {
		return nil, err
	}
	if err := cloud.Pace(ctx, catalog()); err != nil {
		return nil, err
	}
	c, err := newClient(base, cred, target)
	if err != nil {
		return nil, err
	}
	req := vpc.NewDownloadCustomerGatewayConfigurationRequest()
	req.VpnGatewayId, req.VpnConnectionId, req.InterfaceName = conn.VpnGatewayId, ptr(id), ptr(iface)
	req.CustomerGatewayVendor = &vpc.CustomerGatewayVendor{VendorName: ptr(dev.Vendor), Platform: ptr(dev.Platform), SoftwareVersion: ptr(dev.Version)}
	resp, err := c.DownloadCustomerGatewayConfigurationWithContext(ctx, req)
	if err != nil {
		return nil, toError(ctx, "DownloadCustomerGatewayConfiguration", err, c.status(), nil)
	}
	out := &cloud.PeerConfig{Text: str(resp.Response.CustomerGatewayConfiguration)}
	if k := str(conn.PreShareKey); k != "" {
		out.Secrets = []string{k}
	}
	return out, nil
}
