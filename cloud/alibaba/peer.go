package alibaba

import (
	"context"
	"net/url"

	"github.com/alibabacloud-go/tea/dara"
	vpc "github.com/alibabacloud-go/vpc-20160428/v7/client"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// PeerDevices is the one "device" DownloadVpnConnectionConfig writes
// for: the connection's parameters (the operation takes no device).
func (Driver) PeerDevices(context.Context, *url.URL, cloud.Credentials, map[string]string) ([]cloud.PeerDevice, error) {
	return []cloud.PeerDevice{aliyun.ParametersDevice("Alibaba Cloud")}, nil
}

// PeerConfig calls the SDK's DownloadVpnConnectionConfig.
func (Driver) PeerConfig(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string, id string, _ cloud.PeerDevice, _ string) (*cloud.PeerConfig, error) {
	client, err := aliyun.NewClient(base, cred, t["region"])
	if err != nil {
		return nil, err
	}
	r, err := client.DownloadVpnConnectionConfigWithContext(ctx, &vpc.DownloadVpnConnectionConfigRequest{
		RegionId: dara.String(t["region"]), VpnConnectionId: dara.String(id)}, aliyun.Runtime(base))
	m, err := body(r, err, func(r *vpc.DownloadVpnConnectionConfigResponse) any { return r.Body })
	if err != nil {
		return nil, err
	}
	return aliyun.PeerConfig("Alibaba Cloud", id, m)
}
