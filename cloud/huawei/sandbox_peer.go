package huawei

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// The sandbox's customer-side export: GET
// /v5/{project_id}/peer-configuration/supported-devices (vpn_api_0163:
// {"supported_devices":[{vendor,type,model,version}],"request_id"}) and
// POST /v5/{project_id}/vpn-connection/{id}/peer-configuration/export
// (vpn_api_0162: body {vendor,type,model,version}, answer
// {"request_id","peer_config"}).

// peerDevices are the sandbox's devices: fixtures in the document's
// shape (its example names only "vendor-name-1", "type-1", "model-1").
// The list answers each model under "platform" too, the name the pinned
// SDK's SupportedDevice reads it by.
var peerDevices = []map[string]string{
	{"vendor": "Huawei", "type": "AR series", "model": "AR6300", "version": "V300R021"},
	{"vendor": "Huawei", "type": "USG6000 series", "model": "USG6500E", "version": "V600R007"},
	{"vendor": "Huawei", "type": "USG6000 series", "model": "USG6500E", "version": "V500R005"},
}

func (f frontend) peer(w http.ResponseWriter, r *http.Request, body []byte, b *sandbox.Backend, kind, region, id string) {
	invalid := func(format string, args ...any) {
		f.Fail(w, r, &sandbox.Refusal{Code: cloud.CodeInvalid, Reason: sandbox.ReasonInvalid, Message: fmt.Sprintf(format, args...)})
	}
	if kind == "peer-devices" {
		if r.Method != http.MethodGet {
			writeError(w, http.StatusNotFound, "APIGW.0101", "The API does not exist or has not been published in the environment")
			return
		}
		var list []any
		for _, d := range peerDevices {
			list = append(list, map[string]any{"vendor": d["vendor"], "type": d["type"], "model": d["model"], "platform": d["model"], "version": d["version"]})
		}
		answer(w, http.StatusOK, map[string]any{"supported_devices": list})
		return
	}
	if r.Method != http.MethodPost {
		writeError(w, http.StatusNotFound, "APIGW.0101", "The API does not exist or has not been published in the environment")
		return
	}
	var dev map[string]string
	if err := json.Unmarshal(body, &dev); err != nil {
		invalid("the body is not a JSON object of strings: %v", err)
		return
	}
	for _, k := range []string{"vendor", "type", "model", "version"} {
		if dev[k] == "" {
			invalid("%s is required", k)
			return
		}
	}
	c, ref := b.Connection(API, region, id)
	if ref != nil {
		f.Fail(w, r, ref)
		return
	}
	if !supported(dev) {
		invalid("the device %s %s %s %s is not supported: see the supported devices (GET /v5/{project_id}/peer-configuration/supported-devices)", dev["vendor"], dev["type"], dev["model"], dev["version"])
		return
	}
	answer(w, http.StatusOK, map[string]any{"peer_config": peerText(c, b, region, dev)})
}

func supported(dev map[string]string) bool {
	for _, d := range peerDevices {
		if d["vendor"] == dev["vendor"] && d["type"] == dev["type"] && d["model"] == dev["model"] && d["version"] == dev["version"] {
			return true
		}
	}
	return false
}

// peerText writes the connection's customer side in VRP's shape (ike
// proposal, ike peer, ipsec proposal, ipsec policy), with the API's own
// algorithm words and the defaults the cloud applied, from what the
// connection was created with.
func peerText(c *sandbox.Conn, b *sandbox.Backend, region string, dev map[string]string) string {
	conn := cloud.Params(connectionJSON(c, b, region, false))
	ike, ipsec := conn.Obj("ikepolicy"), conn.Obj("ipsecpolicy")
	text := func(p cloud.Params, k string) string {
		v, _ := p.Get(k)
		return strings.TrimSpace(fmt.Sprint(v))
	}
	remote := text(ike, "local_id")
	if gw := find(b.Inventory(API, region).VPNGateways, c.VPNGatewayID); gw != nil {
		for _, a := range gw.Addresses {
			if a.ID == conn.Str("vgw_ip") || a.IP == conn.Str("vgw_ip") {
				remote = a.IP
			}
		}
	}
	name := "hwc-" + c.ID[:8]
	lines := []string{
		"#",
		fmt.Sprintf("# Huawei Cloud VPN connection %s (%s) for %s %s %s %s", c.ID, c.Name, dev["vendor"], dev["type"], dev["model"], dev["version"]),
		"# (tunnelwiz sandbox: made from the connection the sandbox holds)",
		"#",
		"ike proposal 10",
		" encryption-algorithm " + text(ike, "encryption_algorithm"),
		" authentication-algorithm " + text(ike, "authentication_algorithm"),
		" dh " + text(ike, "dh_group"),
		" sa duration " + text(ike, "lifetime_seconds"),
		"#",
		"ike peer " + name,
		" version " + strings.TrimPrefix(text(ike, "ike_version"), "v"),
		" pre-shared-key cipher " + cloud.Params(c.Params).Str(p("psk")),
		" ike-proposal 10",
		" remote-address " + remote,
		"#",
		"ipsec proposal " + name,
		" esp authentication-algorithm " + text(ipsec, "authentication_algorithm"),
		" esp encryption-algorithm " + text(ipsec, "encryption_algorithm"),
		"#",
	}
	switch conn.Str("style") {
	case "BGP", "ROUTE":
		lines = append(lines,
			"ipsec profile "+name,
			" ike-peer "+name,
			" proposal "+name,
			" pfs "+text(ipsec, "pfs"),
			" sa duration time-based "+text(ipsec, "lifetime_seconds"),
			"#",
			"interface Tunnel0/0/1",
			" ip address "+conn.Str("tunnel_peer_address"),
			" tunnel-protocol ipsec",
			" destination "+remote,
			" ipsec profile "+name,
			"#")
	default:
		lines = append(lines, "acl number 3999")
		for i, s := range conn.Strings("peer_subnets") {
			lines = append(lines, fmt.Sprintf(" rule %d permit ip source %s", 5*(i+1), s))
		}
		lines = append(lines,
			"#",
			"ipsec policy "+name+" 10 isakmp",
			" security acl 3999",
			" ike-peer "+name,
			" proposal "+name,
			" pfs "+text(ipsec, "pfs"),
			" sa duration time-based "+text(ipsec, "lifetime_seconds"),
			"#")
	}
	return strings.Join(lines, "\n") + "\n"
}
