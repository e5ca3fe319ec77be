package apsara

import (
	"context"
	"net/url"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// PeerDevices is the one "device" DownloadVpnConnectionConfig writes
// for: the connection's parameters (the operation takes no device).
func (Driver) PeerDevices(context.Context, *url.URL, cloud.Credentials, map[string]string) ([]cloud.PeerDevice, error) {
	return []cloud.PeerDevice{aliyun.ParametersDevice("Apsara Stack")}, nil
}

// PeerConfig sends DownloadVpnConnectionConfig through the gateway route
// (/apsara/route/Vpc/DownloadVpnConnectionConfig), with the public VPC
// API's parameters and the deployment's headers, as the look-ups are.
func (Driver) PeerConfig(ctx context.Context, base *url.URL, cred cloud.Credentials, t map[string]string, id string, _ cloud.PeerDevice, _ string) (*cloud.PeerConfig, error) {
	m, err := call(ctx, base, cred, t, "DownloadVpnConnectionConfig", map[string]any{"RegionId": t["region"], "VpnConnectionId": id})
	if err != nil {
		return nil, err
	}
	return aliyun.PeerConfig("Apsara Stack", id, m)
}
