package aliyun

import (
	"encoding/json"
	"fmt"

	"tunnelwiz/cloud"
)

// DownloadVpnConnectionConfig (vpc 2016-04-28; Apsara's route takes the
// same operation) answers the connection's parameters as the customer
// side sees them (Local is the customer gateway, Remote the VPN gateway),
// not a device's configuration, and takes no device. Its one "device" is
// therefore those parameters, for any device.

// ParametersDevice is the one entry the export writes for, product's
// ("Alibaba Cloud", "Apsara Stack"): no device, so no vendor, platform or
// version, but what it is (About).
func ParametersDevice(product string) cloud.PeerDevice {
	return cloud.PeerDevice{Name: "parameters",
		About: "the connection's parameters (" + product + "'s DownloadVpnConnectionConfig: no device to choose)"}
}

// PeerConfig renders the answer's VpnConnectionConfig as the API returns
// it (its members, indented JSON), with a header note saying what it is,
// and the pre-shared keys it holds (IkeConfig.Psk, and each tunnel's) for
// masking.
func PeerConfig(product, id string, body map[string]any) (*cloud.PeerConfig, error) {
	cfg, ok := body["VpnConnectionConfig"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s DownloadVpnConnectionConfig answered without VpnConnectionConfig", product)
	}
	text, err := json.MarshalIndent(cfg, "", "  ")
	if err != nil {
		return nil, err
	}
	out := &cloud.PeerConfig{
		Text: string(text) + "\n",
		Note: fmt.Sprintf("%s DownloadVpnConnectionConfig for %s: the connection's parameters as the API returns them (Local is your side), not a device's configuration: enter them in your device's own words", product, id),
	}
	keys := []map[string]any{cfg}
	for _, t := range list(cfg, "TunnelsConfig", "TunnelConfig") {
		keys = append(keys, t)
	}
	for _, m := range keys {
		if ike, ok := m["IkeConfig"].(map[string]any); ok {
			if k := scalar(ike["Psk"]); k != "" {
				out.Secrets = append(out.Secrets, k)
			}
		}
	}
	return out, nil
}
