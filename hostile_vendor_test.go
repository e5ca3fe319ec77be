package main

import (
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

// hostileVendor names, for one vendor's example spec, the places a
// hostile value goes: a name, an id, the pre-shared key, a string list
// item, a nested object, an integer, and the Map whose keys are data.
type hostileVendor struct {
	vendor, example   string
	name, id, secret  string
	listItem, nested  string
	integer, mapField string
}

var hostileVendors = []hostileVendor{
	{vendor: "tencent", example: "examples/tencent.yaml", name: "VpnConnectionName", id: "VpcId", secret: "PreShareKey",
		listItem: "SecurityPolicyDatabases[0].RemoteCidrBlock[1]", nested: "IKEOptionsSpecification", integer: "IKEOptionsSpecification.IKESaLifetimeSeconds"},
	{vendor: "tencent-v2", example: "examples/tencent-v2.yaml", name: "vpnConnName", id: "vpcId", secret: "preSharedKey",
		listItem: `spdAcl["10.8.4.0/24"][1]`, nested: "IKESet", integer: "IKESet.ikeSaLifetimeSeconds", mapField: "spdAcl"},
	{vendor: "alibaba", example: "examples/alibaba.yaml", name: "Name", id: "VpnGatewayId", secret: "IkeConfig.Psk",
		listItem: "Tags[0].Value", nested: "IkeConfig", integer: "IkeConfig.IkeLifetime"},
	{vendor: "apsara", example: "examples/apsara.yaml", name: "Name", id: "VpnGatewayId", secret: "IkeConfig.Psk",
		nested: "IpsecConfig", integer: "IkeConfig.IkeLifetime"},
	{vendor: "huawei", example: "examples/huawei.yaml", name: "vpn_connection.name", id: "vpn_connection.vgw_id", secret: "vpn_connection.psk",
		listItem: "vpn_connection.peer_subnets[1]", nested: "vpn_connection.ikepolicy", integer: "vpn_connection.ikepolicy.lifetime_seconds"},
}

// controls are the characters a hostile value carries: the C0 controls
// that end or split a header or a line, the escape sequences that drive a
// terminal, DEL and the C1 CSI.
var controls = []struct{ name, s string }{
	{"nul", "\x00"}, {"lf", "\n"}, {"cr", "\r"}, {"crlf-header", "\r\nX-Injected: 1"}, {"tab", "\t"},
	{"bs", "\x08"}, {"csi", "\x1b[31m"}, {"osc", "\x1b]0;pwned\x07"}, {"del", "\x7f"}, {"c1-csi", "\u009b2J"},
}

// specCases change one value or key of the example through the parsed
// spec, and write it back as YAML (which escapes what it must).
func specCases(t testing.TB, v hostileVendor) []hostileCase {
	var out []hostileCase
	add := func(code int, name string, change func(s *cloud.Spec, p cloud.Params)) {
		s, err := cloud.LoadSpec(v.example)
		if err != nil {
			t.Fatal(err)
		}
		change(s, s.Params)
		b, err := s.Marshal()
		if err != nil {
			t.Fatalf("%s %s: %v", v.vendor, name, err)
		}
		out = append(out, hostileCase{name: label(name), data: b, code: code})
	}
	set := func(p cloud.Params, path string, val any) {
		if err := p.Set(path, val); err != nil {
			t.Fatalf("%s: set %s: %v", v.vendor, path, err)
		}
	}
	into := func(p cloud.Params, path, ctl string) {
		old, _ := p.At(path)
		s, _ := old.(string)
		set(p, path, s[:len(s)/2]+ctl+s[len(s)/2:])
	}
	for _, c := range controls {
		add(1, "control-"+c.name+"-in-region", func(s *cloud.Spec, _ cloud.Params) { s.Target["region"] = "cn" + c.s + "-north" })
		add(1, "control-"+c.name+"-in-target-key", func(s *cloud.Spec, _ cloud.Params) { s.Target["zone"+c.s] = "1" })
		add(1, "control-"+c.name+"-in-param-name", func(_ *cloud.Spec, p cloud.Params) { p["Na"+c.s+"me"] = "x" })
		add(1, "control-"+c.name+"-in-nested-name", func(_ *cloud.Spec, p cloud.Params) { p.Obj(v.nested)["key"+c.s] = "x" })
		add(1, "control-"+c.name+"-in-name", func(_ *cloud.Spec, p cloud.Params) { into(p, v.name, c.s) })
		add(1, "control-"+c.name+"-in-id", func(_ *cloud.Spec, p cloud.Params) { into(p, v.id, c.s) })
		add(1, "control-"+c.name+"-in-key", func(_ *cloud.Spec, p cloud.Params) { into(p, v.secret, c.s) })
		add(1, "control-"+c.name+"-as-integer", func(_ *cloud.Spec, p cloud.Params) { set(p, v.integer, "864"+c.s+"00") })
		if v.listItem != "" {
			add(1, "control-"+c.name+"-in-list-item", func(_ *cloud.Spec, p cloud.Params) { into(p, v.listItem, c.s) })
		}
		if v.mapField != "" {
			add(1, "control-"+c.name+"-in-map-key", func(_ *cloud.Spec, p cloud.Params) {
				p.Obj(v.mapField)["10.9.0.0/16"+c.s] = []any{"192.168.12.0/24"}
			})
		}
	}
	long := strings.Repeat("x", 10_000)
	add(1, "long-name", func(_ *cloud.Spec, p cloud.Params) { set(p, v.name, long) })
	add(1, "long-unknown-value", func(_ *cloud.Spec, p cloud.Params) { p.Obj(v.nested)["Note"] = long })
	add(1, "long-param-name", func(_ *cloud.Spec, p cloud.Params) { p[long] = "x" })
	add(1, "long-target-key", func(s *cloud.Spec, _ cloud.Params) { s.Target[long] = "x" })
	add(1, "long-list", func(_ *cloud.Spec, p cloud.Params) {
		l := make([]any, 1000)
		for i := range l {
			l[i] = "10.0.0.0/24"
		}
		p["Subnets"] = l
	})
	add(1, "type-name-is-map", func(_ *cloud.Spec, p cloud.Params) { set(p, v.name, map[string]any{"a": "b"}) })
	add(1, "type-name-is-list", func(_ *cloud.Spec, p cloud.Params) { set(p, v.name, []any{"a", "b"}) })
	add(1, "type-key-is-list", func(_ *cloud.Spec, p cloud.Params) { set(p, v.secret, []any{"Xr7!pL2#vQ9@mN4k"}) })
	add(1, "type-integer-is-text", func(_ *cloud.Spec, p cloud.Params) { set(p, v.integer, "a day") })
	add(1, "type-integer-is-map", func(_ *cloud.Spec, p cloud.Params) { set(p, v.integer, map[string]any{"s": 86400}) })
	add(1, "type-integer-is-bool", func(_ *cloud.Spec, p cloud.Params) { set(p, v.integer, true) })
	add(1, "type-object-is-list", func(_ *cloud.Spec, p cloud.Params) { set(p, v.nested, []any{"a"}) })
	add(1, "type-object-is-text", func(_ *cloud.Spec, p cloud.Params) { set(p, v.nested, "x") })
	add(1, "type-id-is-null-list", func(_ *cloud.Spec, p cloud.Params) { set(p, v.id, []any{nil}) })
	add(1, "no-params", func(s *cloud.Spec, _ cloud.Params) { s.Params = map[string]any{} })
	return out
}
