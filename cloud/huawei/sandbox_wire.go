package huawei

import (
	"net"
	"net/http"
	"strconv"
	"strings"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// The sandbox's answers, in the shapes of the SDK's response models
// (ResponseVpnConnection, ResponseVpnGateway, ResponseCustomerGateway,
// VPC v3 Vpc), filled from what was stored or seeded.

// fixtureTime is the creation time the sandbox gives seeded resources.
const fixtureTime = "2025-03-01T08:00:00.000Z"

// huaweiTime is how Huawei writes times (seed: "2022-11-26T13:41:34.626Z").
const huaweiTime = "2006-01-02T15:04:05.000Z"

// connectionJSON answers with what was sent, as the cloud does: the
// request's members, the style in upper case, the defaults the cloud
// applied for absent policy members (the seed's example answer lists
// them), the identities the cloud fills in, never the pre-shared key.
// The create answer has no status; reads add it: PENDING_CREATE while
// the sandbox settles, then DOWN until the peer side connects (POST
// /_sandbox/connect), then ACTIVE.
func connectionJSON(c *sandbox.Conn, b *sandbox.Backend, region string, withStatus bool) map[string]any {
	out := map[string]any{}
	for k, v := range cloud.Params(c.Params).Clone().Obj("vpn_connection") {
		out[k] = v
	}
	delete(out, "psk")
	out["id"] = c.ID
	out["name"] = c.Name
	style := cloud.Params(out).Str("style")
	if style == "" {
		style = "static"
	}
	out["style"] = strings.ToUpper(style)
	if style == "static" && out["enable_nqa"] == nil {
		out["enable_nqa"] = false
	}
	if out["ha_role"] == nil {
		out["ha_role"] = "master"
	}
	for _, obj := range []string{"ikepolicy", "ipsecpolicy"} {
		fillDefaults(out, obj)
	}
	ike := cloud.Params(out).Obj("ikepolicy")
	if ike.Str("ike_version") != "v1" && !cloud.Params(c.Params).Has(ik("phase1_negotiation_mode")) {
		delete(ike, "phase1_negotiation_mode") // a v1-only member
	}
	inv := b.Inventory(API, region)
	if ike.Str("local_id_type") == "ip" && !ike.Has("local_id") {
		if gw := find(inv.VPNGateways, c.VPNGatewayID); gw != nil {
			for _, a := range gw.Addresses {
				if hasAddress(&cloud.Resource{Addresses: []cloud.Address{a}}, cloud.Params(out).Str("vgw_ip")) {
					ike["local_id"] = a.IP
				}
			}
		}
	}
	if ike.Str("peer_id_type") == "ip" && !ike.Has("peer_id") {
		if cg := find(inv.CustomerGateways, c.CustomerGatewayID); cg != nil && len(cg.Addresses) > 0 {
			ike["peer_id"] = cg.Addresses[0].IP
		}
	}
	created := c.Created.UTC().Format(huaweiTime)
	out["created_at"], out["updated_at"] = created, created
	out["enterprise_project_id"] = "0"
	if withStatus {
		switch {
		case b.Phase(c) == cloud.PhasePending:
			out["status"] = "PENDING_CREATE"
		case b.Phase(c) == cloud.PhaseDeleting:
			out["status"] = "PENDING_DELETE"
		case b.Up(c):
			out["status"] = "ACTIVE"
		default:
			out["status"] = "DOWN"
		}
	}
	return out
}

// fillDefaults sets the catalog's defaults for the absent members of the
// IKE or IPsec policy (and its DPD object), typed as the cloud answers.
func fillDefaults(conn map[string]any, obj string) {
	prefix := p(obj) + "."
	root := cloud.Params{"vpn_connection": conn}
	for i := range catalog().Fields {
		f := &catalog().Fields[i]
		if f.Default == "" || !strings.HasPrefix(f.Path, prefix) || root.Has(f.Path) {
			continue
		}
		var v any = f.Default
		switch f.Type {
		case cloud.Integer:
			n, _ := strconv.ParseInt(f.Default, 10, 64)
			v = n
		case cloud.Boolean:
			v = f.Default == "true"
		}
		root.Set(f.Path, v)
	}
}

// gatewayJSON: a public gateway's EIPs come from addresses labelled eip1
// and eip2 (id and address), a private one's access IPs from private1
// and private2; notes give attachment_type, network_type, ha_mode,
// flavor, local_subnets (comma-separated), bgp_asn, er_id.
func gatewayJSON(g *cloud.Resource) map[string]any {
	note := func(k, def string) string {
		if v := g.Notes[k]; v != "" {
			return v
		}
		return def
	}
	out := map[string]any{
		"id": g.ID, "name": g.Name, "status": orDefault(g.State, "ACTIVE"), "vpc_id": g.VpcID,
		"attachment_type": note("attachment_type", "vpc"), "network_type": note("network_type", "public"),
		"ip_version": note("ip_version", "ipv4"), "ha_mode": note("ha_mode", "active-active"),
		"flavor": note("flavor", "Professional1"), "enterprise_project_id": "0",
		"created_at": fixtureTime, "updated_at": fixtureTime,
	}
	if s := note("local_subnets", ""); s != "" {
		out["local_subnets"] = strings.Split(s, ",")
	}
	if n, err := strconv.ParseInt(note("bgp_asn", "64512"), 10, 64); err == nil {
		out["bgp_asn"] = n
	}
	if s := note("er_id", ""); s != "" {
		out["er_id"] = s
	}
	for _, a := range g.Addresses {
		switch a.Label {
		case "eip1", "eip2":
			out[a.Label] = map[string]any{"id": a.ID, "ip_version": 4, "ip_address": a.IP, "type": "5_bgp", "charge_mode": "traffic"}
		case "private1":
			out["access_private_ip_1"] = a.IP
		case "private2":
			out["access_private_ip_2"] = a.IP
		}
	}
	return out
}

// customerGatewayJSON: an ip identity from the first address, unless the
// notes give id_type and id_value.
func customerGatewayJSON(g *cloud.Resource) map[string]any {
	out := map[string]any{"id": g.ID, "name": g.Name, "created_at": fixtureTime, "updated_at": fixtureTime}
	if g.Notes["id_type"] != "" {
		out["id_type"], out["id_value"] = g.Notes["id_type"], g.Notes["id_value"]
	} else if len(g.Addresses) > 0 {
		out["id_type"], out["id_value"] = "ip", g.Addresses[0].IP
	}
	if n, err := strconv.ParseInt(g.Notes["bgp_asn"], 10, 64); err == nil {
		out["bgp_asn"] = n
	}
	return out
}

// vpcJSON is a VPC v3 Vpc.
func vpcJSON(v *cloud.Resource, project string) map[string]any {
	return map[string]any{
		"id": v.ID, "name": v.Name, "description": v.Notes["description"], "cidr": v.CIDR,
		"extend_cidrs": []string{}, "status": orDefault(v.State, "ACTIVE"),
		"project_id": orDefault(v.Notes["project_id"], project), "enterprise_project_id": "0",
		"created_at": fixtureTime[:19], "updated_at": fixtureTime[:19],
		"cloud_resources": []any{}, "tags": []any{}, "block_service_endpoint_states": "off",
		"enable_network_address_usage_metrics": false,
	}
}

// paginate returns the records after the one whose id is marker, at most
// limit of them, and the page_info; next_marker only when more follow.
func paginate(records []any, limit, marker string) ([]any, map[string]any) {
	start := 0
	if marker != "" {
		start = len(records)
		for i, r := range records {
			if r.(map[string]any)["id"] == marker {
				start = i + 1
				break
			}
		}
	}
	end := len(records)
	if n, err := strconv.Atoi(limit); err == nil && n > 0 && start+n < end {
		end = start + n
	}
	page := append([]any{}, records[start:end]...)
	info := map[string]any{"current_count": len(page)}
	if end < len(records) && len(page) > 0 {
		info["next_marker"] = page[len(page)-1].(map[string]any)["id"]
	}
	if len(page) > 0 {
		info["previous_marker"] = page[0].(map[string]any)["id"]
	}
	return page, info
}

// regionOf finds the region a request is for: from a host name of
// Huawei's pattern, else from the project ids the fixtures note on each
// region's VPCs (regions are looked for among the SDK's regions).
func regionOf(r *http.Request, project string, b *sandbox.Backend) string {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	if reg, ok := hostRegion(host); ok {
		return reg
	}
	for _, reg := range regions {
		for _, v := range b.Inventory(API, reg).VPCs {
			if v.Notes["project_id"] == project {
				return reg
			}
		}
	}
	return ""
}

// hostRegion reads the region from a host name of Huawei's pattern:
// <service>.<region>.myhuaweicloud.com, for the services the driver
// calls (vpn, vpc, and iam for the project list).
func hostRegion(host string) (string, bool) {
	for _, svc := range []string{"vpn.", "vpc.", "iam."} {
		if rest, ok := strings.CutPrefix(host, svc); ok {
			if reg, ok := strings.CutSuffix(rest, ".myhuaweicloud.com"); ok && regionChars.Match(reg) {
				return reg, true
			}
		}
	}
	return "", false
}

func find(rs []cloud.Resource, id string) *cloud.Resource {
	for i := range rs {
		if rs[i].ID == id {
			return &rs[i]
		}
	}
	return nil
}

// hasAddress: vgw_ip is an EIP's id (not its address) on a public
// gateway, an access private IP on a private one (seed Table 3).
func hasAddress(g *cloud.Resource, vgwIP string) bool {
	for _, a := range g.Addresses {
		if strings.HasPrefix(a.Label, "eip") && a.ID == vgwIP || strings.HasPrefix(a.Label, "private") && a.IP == vgwIP {
			return true
		}
	}
	return false
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
