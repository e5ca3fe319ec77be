package huawei

import (
	"strconv"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
)

// A mutation of one example spec and the issue it must draw.
type invalidCase struct {
	name string
	base string         // seed, policy or bgp
	set  map[string]any // instance path -> value; "@key" is a target key
	del  []string       // instance paths to delete; "@key" is a target key
	// field is the exact instance path the issue must name, sev its
	// severity, and want the words its message must hold (the allowed
	// values, the range or the rule).
	field string
	sev   cloud.Severity
	want  []string
}

const vc = "vpn_connection."

var (
	E = cloud.Error
	W = cloud.Warning
)

func n(k int, f func(i int) any) []any {
	out := make([]any, k)
	for i := range out {
		out[i] = f(i)
	}
	return out
}

func rule(idx int64, src string, dst ...string) map[string]any {
	d := make([]any, len(dst))
	for i, s := range dst {
		d[i] = s
	}
	return map[string]any{"rule_index": idx, "source": src, "destination": d}
}

var invalidCases = []invalidCase{
	// names and ids
	{name: "name too long", base: "seed", set: map[string]any{vc + "name": strings.Repeat("a", 65)}, field: vc + "name", sev: E, want: []string{"1 to 64"}},
	{name: "name with a space", base: "seed", set: map[string]any{vc + "name": "vpn 1"}, field: vc + "name", sev: E, want: []string{"underscores (_)", "periods (.)"}},
	{name: "vgw_id not 36 chars", base: "seed", set: map[string]any{vc + "vgw_id": "b32d91a4"}, field: vc + "vgw_id", sev: E, want: []string{"36-character"}},
	{name: "vgw_id missing", base: "seed", del: []string{vc + "vgw_id"}, field: vc + "vgw_id", sev: E, want: []string{"is required", "36-character"}},
	{name: "vgw_ip neither uuid nor ipv4", base: "seed", set: map[string]any{vc + "vgw_ip": "300.1.1.1"}, field: vc + "vgw_ip", sev: E, want: []string{"EIP id or an IPv4 address"}},
	{name: "cgw_id missing", base: "seed", del: []string{vc + "cgw_id"}, field: vc + "cgw_id", sev: E, want: []string{"is required"}},
	{name: "style upper case", base: "seed", set: map[string]any{vc + "style": "STATIC"}, field: vc + "style", sev: E, want: []string{"static, policy or bgp", "did you mean static"}},
	{name: "style unknown", base: "seed", set: map[string]any{vc + "style": "route"}, field: vc + "style", sev: E, want: []string{"static, policy or bgp"}},
	{name: "ha_role unknown", base: "seed", set: map[string]any{vc + "ha_role": "backup"}, field: vc + "ha_role", sev: E, want: []string{"master or slave"}},
	{name: "unknown member", base: "seed", set: map[string]any{vc + "pskk": "x"}, field: vc + "pskk", sev: E, want: []string{"did you mean psk"}},

	// customer subnets
	{name: "51 peer subnets", base: "seed", set: map[string]any{vc + "peer_subnets": n(51, func(i int) any { return "10.1." + strconv.Itoa(i) + ".0/24" })}, field: vc + "peer_subnets", sev: E, want: []string{"0 to 50"}},
	{name: "peer subnet not a CIDR", base: "seed", set: map[string]any{vc + "peer_subnets[0]": "192.168.44.0/33"}, field: vc + "peer_subnets[0]", sev: E, want: []string{"IPv4 CIDR block"}},
	{name: "peer subnet padded", base: "seed", set: map[string]any{vc + "peer_subnets[0]": " 192.168.44.0/24"}, field: vc + "peer_subnets[0]", sev: E, want: []string{"spaces"}},
	{name: "peer subnet in 100.64/10", base: "seed", set: map[string]any{vc + "peer_subnets[0]": "100.64.1.0/24"}, field: vc + "peer_subnets[0]", sev: E, want: []string{"100.64.0.0/10", "214.0.0.0/8"}},
	{name: "peer subnet in 214/8", base: "seed", set: map[string]any{vc + "peer_subnets[1]": "214.1.0.0/16"}, field: vc + "peer_subnets[1]", sev: E, want: []string{"reserved VPC block 214.0.0.0/8"}},
	{name: "peer subnet contains 100.64/10", base: "seed", set: map[string]any{vc + "peer_subnets[0]": "100.0.0.0/8"}, field: vc + "peer_subnets[0]", sev: W, want: []string{"contains the reserved VPC block 100.64.0.0/10"}},
	{name: "peer subnet host bits", base: "seed", set: map[string]any{vc + "peer_subnets[0]": "192.168.44.1/24"}, field: vc + "peer_subnets[0]", sev: W, want: []string{"host bits", "192.168.44.0/24"}},
	{name: "static without peer subnets", base: "seed", del: []string{vc + "peer_subnets"}, field: vc + "peer_subnets", sev: E, want: []string{"required when style is static", "1 to 50"}},
	{name: "static with empty peer subnets", base: "seed", set: map[string]any{vc + "peer_subnets": []any{}}, field: vc + "peer_subnets", sev: E, want: []string{"required when style is static"}},
	{name: "bgp without peer subnets", base: "bgp", del: []string{vc + "peer_subnets"}, field: vc + "peer_subnets", sev: W, want: []string{"enterprise router", "attachment_type er"}},
	{name: "policy without peer subnets", base: "policy", del: []string{vc + "peer_subnets"}, field: vc + "peer_subnets", sev: W, want: []string{"enterprise router"}},
	{name: "v6 subnet is ipv4", base: "seed", set: map[string]any{vc + "peer_subnets_v6[0]": "10.0.0.0/24"}, field: vc + "peer_subnets_v6[0]", sev: E, want: []string{"IPv6 CIDR block"}},

	// tunnel interface addresses
	{name: "tunnel mask 29", base: "bgp", set: map[string]any{vc + "tunnel_local_address": "169.254.56.225/29"}, field: vc + "tunnel_local_address", sev: E, want: []string{"mask length 30"}},
	{name: "tunnel outside 169.254", base: "bgp", set: map[string]any{vc + "tunnel_local_address": "10.0.0.1/30"}, field: vc + "tunnel_local_address", sev: E, want: []string{"169.254.0.0/16"}},
	{name: "tunnel in 169.254.195", base: "bgp", set: map[string]any{vc + "tunnel_peer_address": "169.254.195.2/30"}, field: vc + "tunnel_peer_address", sev: E, want: []string{"169.254.195.x"}},
	{name: "tunnel network address", base: "bgp", set: map[string]any{vc + "tunnel_local_address": "169.254.56.224/30"}, field: vc + "tunnel_local_address", sev: E, want: []string{"network or broadcast"}},
	{name: "tunnel pair in two /30s", base: "bgp", set: map[string]any{vc + "tunnel_peer_address": "169.254.57.2/30"}, field: vc + "tunnel_peer_address", sev: E, want: []string{"same /30", "169.254.56.224/30"}},
	{name: "tunnel pair equal", base: "bgp", set: map[string]any{vc + "tunnel_peer_address": "169.254.56.225/30"}, field: vc + "tunnel_peer_address", sev: E, want: []string{"must differ", "169.254.56.224/30"}},
	{name: "tunnel peer missing", base: "bgp", del: []string{vc + "tunnel_peer_address"}, field: vc + "tunnel_peer_address", sev: W, want: []string{"169.254.56.224/30"}},
	{name: "tunnel address in policy mode", base: "policy", set: map[string]any{vc + "tunnel_local_address": "169.254.56.225/30", vc + "tunnel_peer_address": "169.254.56.226/30"}, field: vc + "tunnel_local_address", sev: W, want: []string{"static or bgp"}},

	// mode-bound members
	{name: "nqa in bgp mode", base: "bgp", set: map[string]any{vc + "enable_nqa": true}, field: vc + "enable_nqa", sev: E, want: []string{"only when style is static"}},
	{name: "nqa not boolean", base: "seed", set: map[string]any{vc + "enable_nqa": "yes"}, field: vc + "enable_nqa", sev: E, want: []string{"true or false"}},
	{name: "policy rules in static mode", base: "seed", set: map[string]any{vc + "policy_rules": []any{rule(1, "10.0.0.0/24", "192.168.0.0/24")}}, field: vc + "policy_rules", sev: E, want: []string{"only when style is policy"}},
	{name: "v6 policy rules in bgp mode", base: "bgp", set: map[string]any{vc + "policy_rules_v6": []any{rule(1, "2001:db8::/64", "2001:db8:1::/64")}}, field: vc + "policy_rules_v6", sev: E, want: []string{"only when style is policy"}},

	// pre-shared key
	{name: "psk too short", base: "seed", set: map[string]any{vc + "psk": "Ab1-xyz"}, field: vc + "psk", sev: E, want: []string{"8 to 128"}},
	{name: "psk one character kind", base: "seed", set: map[string]any{vc + "psk": "alllowercase"}, field: vc + "psk", sev: E, want: []string{"at least three", "upper-case letters"}},
	{name: "psk bad character", base: "seed", set: map[string]any{vc + "psk": "Abcdefg1<"}, field: vc + "psk", sev: E, want: []string{"may contain only", pskSpecials}},

	// policy rules
	{name: "six policy rules", base: "policy", set: map[string]any{vc + "policy_rules": n(6, func(i int) any { return rule(int64(i), "10.0."+strconv.Itoa(i)+".0/24", "192.168.0.0/24") })}, field: vc + "policy_rules", sev: E, want: []string{"0 to 5"}},
	{name: "rule_index 51", base: "policy", set: map[string]any{vc + "policy_rules[0].rule_index": int64(51)}, field: vc + "policy_rules[0].rule_index", sev: E, want: []string{"0 to 50"}},
	{name: "duplicate rule_index", base: "policy", set: map[string]any{vc + "policy_rules[1]": rule(1, "10.0.1.0/24", "192.168.1.0/24")}, field: vc + "policy_rules[1].rule_index", sev: E, want: []string{"unique", "policy_rules[0]"}},
	{name: "duplicate source", base: "policy", set: map[string]any{vc + "policy_rules[1]": rule(2, "10.0.0.0/24", "192.168.1.0/24")}, field: vc + "policy_rules[1].source", sev: E, want: []string{"unique", "policy_rules[0]"}},
	{name: "destination not a CIDR", base: "policy", set: map[string]any{vc + "policy_rules[0].destination[1]": "192.168.0.0"}, field: vc + "policy_rules[0].destination[1]", sev: E, want: []string{"IPv4 CIDR block"}},
	{name: "v6 duplicate rule_index", base: "policy", set: map[string]any{vc + "policy_rules_v6": []any{rule(3, "2001:db8::/64", "2001:db8:1::/64"), rule(3, "2001:db8:2::/64", "2001:db8:1::/64")}}, field: vc + "policy_rules_v6[1].rule_index", sev: W, want: []string{"unique"}},

	// IKE policy
	{name: "ike_version v3", base: "bgp", set: map[string]any{vc + "ikepolicy.ike_version": "v3"}, field: vc + "ikepolicy.ike_version", sev: E, want: []string{"v1 or v2"}},
	{name: "aggressive with v2", base: "bgp", set: map[string]any{vc + "ikepolicy.phase1_negotiation_mode": "aggressive"}, field: vc + "ikepolicy.phase1_negotiation_mode", sev: W, want: []string{"no effect unless ike_version is v1"}},
	{name: "aggressive with default version", base: "seed", set: map[string]any{vc + "ikepolicy.phase1_negotiation_mode": "aggressive"}, field: vc + "ikepolicy.phase1_negotiation_mode", sev: W, want: []string{"unless ike_version is v1"}},
	{name: "mode unknown", base: "bgp", set: map[string]any{vc + "ikepolicy.phase1_negotiation_mode": "quick"}, field: vc + "ikepolicy.phase1_negotiation_mode", sev: E, want: []string{"main or aggressive"}},
	{name: "dh group3", base: "bgp", set: map[string]any{vc + "ikepolicy.dh_group": "group3"}, field: vc + "ikepolicy.dh_group", sev: E, want: []string{"group15", "group21"}},
	{name: "ike encryption spelt aes256", base: "bgp", set: map[string]any{vc + "ikepolicy.encryption_algorithm": "aes256"}, field: vc + "ikepolicy.encryption_algorithm", sev: E, want: []string{"aes-256", "aes-256-gcm-128"}},
	{name: "ike auth sha256", base: "bgp", set: map[string]any{vc + "ikepolicy.authentication_algorithm": "sha256"}, field: vc + "ikepolicy.authentication_algorithm", sev: E, want: []string{"sha2-256"}},
	{name: "ike auth method psk", base: "bgp", set: map[string]any{vc + "ikepolicy.authentication_method": "psk"}, field: vc + "ikepolicy.authentication_method", sev: E, want: []string{"pre-share or digital-envelope-v2"}},
	{name: "ike lifetime 59", base: "bgp", set: map[string]any{vc + "ikepolicy.lifetime_seconds": int64(59)}, field: vc + "ikepolicy.lifetime_seconds", sev: E, want: []string{"60 to 604800"}},
	{name: "ike lifetime text", base: "bgp", set: map[string]any{vc + "ikepolicy.lifetime_seconds": "a day"}, field: vc + "ikepolicy.lifetime_seconds", sev: E, want: []string{"whole number from 60 to 604800"}},
	{name: "local_id missing for fqdn", base: "bgp", del: []string{vc + "ikepolicy.local_id"}, field: vc + "ikepolicy.local_id", sev: E, want: []string{"required when local_id_type is fqdn"}},
	{name: "peer_id missing for fqdn, local ip", base: "bgp", set: map[string]any{vc + "ikepolicy.local_id_type": "ip"}, del: []string{vc + "ikepolicy.local_id", vc + "ikepolicy.peer_id"}, field: vc + "ikepolicy.peer_id", sev: E, want: []string{"required when peer_id_type is fqdn"}},
	{name: "local_id with a space", base: "bgp", set: map[string]any{vc + "ikepolicy.local_id": "vpn gw"}, field: vc + "ikepolicy.local_id", sev: E, want: []string{"spaces are not supported"}},
	{name: "peer_id with <", base: "bgp", set: map[string]any{vc + "ikepolicy.peer_id": "a<b"}, field: vc + "ikepolicy.peer_id", sev: E, want: []string{"& < > [ ] \\"}},
	{name: "local_id too long", base: "bgp", set: map[string]any{vc + "ikepolicy.local_id": strings.Repeat("a", 256)}, field: vc + "ikepolicy.local_id", sev: E, want: []string{"1 to 255"}},
	{name: "local_id with ip type", base: "bgp", set: map[string]any{vc + "ikepolicy.local_id_type": "ip"}, field: vc + "ikepolicy.local_id", sev: W, want: []string{"only when local_id_type is fqdn"}},
	{name: "peer_id_type any", base: "bgp", set: map[string]any{vc + "ikepolicy.peer_id_type": "any"}, field: vc + "ikepolicy.peer_id_type", sev: E, want: []string{"ip or fqdn"}},
	{name: "dpd timeout 61", base: "bgp", set: map[string]any{vc + "ikepolicy.dpd.timeout": int64(61)}, field: vc + "ikepolicy.dpd.timeout", sev: E, want: []string{"2 to 60"}},
	{name: "dpd interval 5", base: "bgp", set: map[string]any{vc + "ikepolicy.dpd.interval": int64(5)}, field: vc + "ikepolicy.dpd.interval", sev: E, want: []string{"10 to 3600"}},
	{name: "dpd msg", base: "bgp", set: map[string]any{vc + "ikepolicy.dpd.msg": "seq-hash"}, field: vc + "ikepolicy.dpd.msg", sev: E, want: []string{"seq-hash-notify or seq-notify-hash"}},
	{name: "dpd not an object", base: "bgp", set: map[string]any{vc + "ikepolicy.dpd": "on"}, field: vc + "ikepolicy.dpd", sev: E, want: []string{"object", "timeout"}},

	// IPsec policy
	{name: "pfs group24", base: "bgp", set: map[string]any{vc + "ipsecpolicy.pfs": "group24"}, field: vc + "ipsecpolicy.pfs", sev: E, want: []string{"group21 or disable"}},
	{name: "pfs none", base: "bgp", set: map[string]any{vc + "ipsecpolicy.pfs": "none"}, field: vc + "ipsecpolicy.pfs", sev: E, want: []string{"disable"}},
	{name: "transform ah", base: "bgp", set: map[string]any{vc + "ipsecpolicy.transform_protocol": "ah"}, field: vc + "ipsecpolicy.transform_protocol", sev: E, want: []string{"allowed: esp"}},
	{name: "encapsulation transport", base: "bgp", set: map[string]any{vc + "ipsecpolicy.encapsulation_mode": "transport"}, field: vc + "ipsecpolicy.encapsulation_mode", sev: E, want: []string{"allowed: tunnel"}},
	{name: "ipsec lifetime 29", base: "bgp", set: map[string]any{vc + "ipsecpolicy.lifetime_seconds": int64(29)}, field: vc + "ipsecpolicy.lifetime_seconds", sev: E, want: []string{"30 to 604800"}},
	{name: "ipsec encryption upper case", base: "bgp", set: map[string]any{vc + "ipsecpolicy.encryption_algorithm": "AES-256"}, field: vc + "ipsecpolicy.encryption_algorithm", sev: E, want: []string{"did you mean aes-256"}},

	// tags
	{name: "21 tags", base: "seed", set: map[string]any{vc + "tags": n(21, func(i int) any { return map[string]any{"key": "k" + strconv.Itoa(i), "value": "v"} })}, field: vc + "tags", sev: E, want: []string{"0 to 20"}},
	{name: "tag key empty", base: "seed", set: map[string]any{vc + "tags[0].key": "", vc + "tags[0].value": "v"}, field: vc + "tags[0].key", sev: E, want: []string{"1 to 128"}},
	{name: "tag key with slash", base: "seed", set: map[string]any{vc + "tags[0].key": "a/b", vc + "tags[0].value": "v"}, field: vc + "tags[0].key", sev: E, want: []string{"_ . : = + - @"}},
	{name: "tag value missing", base: "seed", set: map[string]any{vc + "tags[0].key": "env"}, field: vc + "tags[0].value", sev: E, want: []string{"is required"}},
	{name: "tag value too long", base: "seed", set: map[string]any{vc + "tags[0].key": "env", vc + "tags[0].value": strings.Repeat("v", 256)}, field: vc + "tags[0].value", sev: E, want: []string{"0 to 255"}},
	{name: "duplicate tag keys", base: "seed", set: map[string]any{vc + "tags": []any{map[string]any{"key": "env", "value": "a"}, map[string]any{"key": "env", "value": "b"}}}, field: vc + "tags[1].key", sev: W, want: []string{"tags[0]"}},

	// target
	{name: "region with spaces", base: "seed", set: map[string]any{"@region": "CN North 4"}, field: "region", sev: E, want: []string{"lower-case letters and digits"}},
	{name: "region unknown", base: "seed", set: map[string]any{"@region": "xx-unknown-9"}, field: "region", sev: W, want: []string{"not among the values known", "cn-north-4"}},
	{name: "project_id missing", base: "seed", del: []string{"@project_id"}, field: "project_id", sev: E, want: []string{"is required"}},
	{name: "project_id with a slash", base: "seed", set: map[string]any{"@project_id": "abc/def"}, field: "project_id", sev: E, want: []string{"32 hexadecimal"}},
	{name: "endpoint not a base URL", base: "seed", set: map[string]any{"@endpoint": "ftp://vpn.example.com/x"}, field: "endpoint", sev: E, want: []string{"scheme and host only"}},
}

func loadBase(t *testing.T, base string) *cloud.Spec {
	t.Helper()
	return drivertest.LoadSeed(t, "testdata/"+base+".yaml")
}

func mutate(t *testing.T, s *cloud.Spec, set map[string]any, del []string) {
	t.Helper()
	for path, v := range set {
		if k, ok := strings.CutPrefix(path, "@"); ok {
			s.Target[k] = v.(string)
			continue
		}
		if err := cloud.Params(s.Params).Set(path, v); err != nil {
			t.Fatalf("set %s: %v", path, err)
		}
	}
	for _, path := range del {
		if k, ok := strings.CutPrefix(path, "@"); ok {
			delete(s.Target, k)
			continue
		}
		cloud.Params(s.Params).Delete(path)
	}
}

func TestInvalidSpecs(t *testing.T) {
	if len(invalidCases) < 40 {
		t.Fatalf("only %d cases", len(invalidCases))
	}
	for _, tc := range invalidCases {
		t.Run(tc.name, func(t *testing.T) {
			base := loadBase(t, tc.base)
			// The unmutated example must not already draw the issue, so the
			// case fails if the rule is ever lost.
			_, before := catalog.Check(drivertest.Clone(base))
			for _, i := range before.For(tc.field) {
				if i.Severity == tc.sev {
					t.Fatalf("the unmutated %s already has %s", tc.base, i)
				}
			}
			s := drivertest.Clone(base)
			mutate(t, s, tc.set, tc.del)
			ps, issues := catalog.Check(s)
			found := false
			for _, i := range issues.For(tc.field) {
				if i.Severity != tc.sev {
					continue
				}
				ok := true
				for _, w := range tc.want {
					ok = ok && strings.Contains(i.Message, w)
				}
				found = found || ok
			}
			if !found {
				t.Errorf("want a %s at %s naming %q; got:\n%v", tc.sev, tc.field, tc.want, issues)
			}
			// No message may echo the key.
			if psk := ps.Obj("vpn_connection").Str("psk"); len(psk) >= 4 {
				for _, i := range issues {
					if strings.Contains(i.Message, psk) {
						t.Errorf("message echoes the PSK: %s", i)
					}
				}
			}
		})
	}
}

// TestValidVariants: values the cloud documents must not be refused.
func TestValidVariants(t *testing.T) {
	for _, tc := range []struct {
		name string
		base string
		set  map[string]any
		del  []string
	}{
		{"aggressive with v1", "bgp", map[string]any{vc + "ikepolicy.ike_version": "v1", vc + "ikepolicy.phase1_negotiation_mode": "aggressive"}, nil},
		{"main with v2", "bgp", map[string]any{vc + "ikepolicy.phase1_negotiation_mode": "main"}, nil},
		{"peer_id checked against peer_id_type only", "bgp", map[string]any{vc + "ikepolicy.peer_id_type": "ip"}, []string{vc + "ikepolicy.peer_id"}},
		{"vgw_ip as private IPv4", "seed", map[string]any{vc + "vgw_ip": "192.168.45.7"}, nil},
		{"bgp without peer subnets", "bgp", nil, []string{vc + "peer_subnets"}},
		{"ipv6 gateway, static", "seed", map[string]any{vc + "peer_subnets_v6": []any{"2001:db8:10::/64"}}, []string{vc + "peer_subnets"}},
		{"chinese name", "seed", map[string]any{vc + "name": "连接-1.a_b"}, nil},
		{"psk with space and braces", "seed", map[string]any{vc + "psk": "abc DEF {}"}, nil},
		{"tag with portuguese letters", "seed", map[string]any{vc + "tags": []any{map[string]any{"key": "região", "value": ""}}}, nil},
		{"gcm-128 from the SDK", "bgp", map[string]any{vc + "ikepolicy.encryption_algorithm": "aes-256-gcm-128", vc + "ipsecpolicy.encryption_algorithm": "aes-128-gcm-128"}, nil},
		{"pfs disable", "bgp", map[string]any{vc + "ipsecpolicy.pfs": "disable"}, nil},
		{"nqa in static mode", "seed", map[string]any{vc + "enable_nqa": true, vc + "enable_hub": false, vc + "enable_health_check": true}, nil},
		{"demo ids", "seed", map[string]any{vc + "cgw_id": "zzzzzzzz-demo-a8df-va86-dd36659a7f5d"}, nil},
		{"ha slave", "seed", map[string]any{vc + "ha_role": "slave"}, nil},
		{"quoted integer", "bgp", map[string]any{vc + "ikepolicy.lifetime_seconds": "86400"}, nil},
		{"rule_index 0", "policy", map[string]any{vc + "policy_rules[0].rule_index": int64(0)}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := drivertest.Clone(loadBase(t, tc.base))
			mutate(t, s, tc.set, tc.del)
			if _, issues := catalog.Check(drivertest.Clone(s)); issues.Errors() > 0 {
				t.Fatalf("refused: %v", issues)
			}
			if _, _, err := cloud.Plan(s, false); err != nil {
				t.Errorf("plan: %v", err)
			}
		})
	}
}
