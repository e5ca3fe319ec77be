package huawei

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	vpn "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpn/v5"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpn/v5/model"

	"tunnelwiz/cloud"
)

// The vendor's own customer-side export (VPN v5):
// ListPeerConfigurationSupportedDevices (GET
// /v5/{project_id}/peer-configuration/supported-devices, document
// vpn_api_0163) and ExportVpnConnectionPeerConfiguration (POST
// /v5/{project_id}/vpn-connection/{id}/peer-configuration/export,
// vpn_api_0162), whose body names the device by vendor, type (series),
// model and version.

// supportedDevices is the device list's answer with every member the API
// document lists (vendor, type, model, version). The pinned SDK's
// SupportedDevice (v0.1.207) has vendor, platform ("型号", the model) and
// version only and would drop type, which the export needs back; so the
// SDK's own request definition is sent with this model as its response.
// HttpStatusCode and HeaderResponseToken are the members the SDK fills on
// every response model.
type supportedDevices struct {
	SupportedDevices    []supportedDevice `json:"supported_devices,omitempty"`
	RequestId           *string           `json:"request_id,omitempty"`
	HeaderResponseToken *string           `json:"header-response-token,omitempty"`
	HttpStatusCode      int               `json:"-"`
}

type supportedDevice struct {
	Vendor   string `json:"vendor"`
	Type     string `json:"type"`
	Model    string `json:"model"`
	Platform string `json:"platform"` // the pinned SDK's name for the model
	Version  string `json:"version"`
}

// PeerDevices lists the devices through the SDK's
// ListPeerConfigurationSupportedDevices definition.
func (Driver) PeerDevices(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string) ([]cloud.PeerDevice, error) {
	c, err := vpnClient(ctx, base, cred, target)
	if err != nil {
		return nil, err
	}
	def := vpn.GenReqDefForListPeerConfigurationSupportedDevices()
	def.Response = new(supportedDevices)
	resp, err := c.HcClient.Sync(&model.ListPeerConfigurationSupportedDevicesRequest{}, def)
	if err != nil {
		return nil, mapError(err)
	}
	ans, _ := resp.(*supportedDevices)
	if ans == nil {
		return nil, fmt.Errorf("huawei: ListPeerConfigurationSupportedDevices: unexpected answer %T", resp)
	}
	var out []cloud.PeerDevice
	for _, d := range ans.SupportedDevices {
		m := d.Model
		if m == "" {
			m = d.Platform
		}
		out = append(out, cloud.PeerDevice{Name: cloud.PeerDeviceName(d.Vendor, m, d.Version),
			Vendor: d.Vendor, Series: d.Type, Platform: m, Version: d.Version})
	}
	return out, nil
}

// PeerConfig exports the connection's configuration for the device.
// Huawei's read of a connection never returns its pre-shared key, so the
// keys to mask are read from the text's pre-shared-key lines.
func (Driver) PeerConfig(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, id string, dev cloud.PeerDevice, _ string) (*cloud.PeerConfig, error) {
	c, err := vpnClient(ctx, base, cred, target)
	if err != nil {
		return nil, err
	}
	resp, err := c.ExportVpnConnectionPeerConfiguration(&model.ExportVpnConnectionPeerConfigurationRequest{
		VpnConnectionId: id,
		Body:            &model.ExportPeerConfigurationRequestBody{Vendor: dev.Vendor, Type: dev.Series, Model: dev.Platform, Version: dev.Version},
	})
	if err != nil {
		return nil, mapError(err)
	}
	out := &cloud.PeerConfig{}
	if resp.PeerConfig != nil {
		out.Text = *resp.PeerConfig
	}
	out.Secrets = presharedKeys(out.Text)
	return out, nil
}

// presharedKeys reads the keys of a device text's pre-shared-key lines
// (VRP's "pre-shared-key cipher KEY" or "pre-shared-key simple KEY", and
// "pre-shared-key KEY"): the rest of the line after the keyword.
func presharedKeys(text string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		_, rest, ok := strings.Cut(strings.TrimSpace(line), "pre-shared-key ")
		if !ok {
			continue
		}
		for _, kw := range []string{"cipher ", "simple "} {
			rest = strings.TrimPrefix(rest, kw)
		}
		if k := strings.TrimSpace(rest); k != "" {
			out = append(out, k)
		}
	}
	return out
}
