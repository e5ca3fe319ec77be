package tencentv2

import (
	"fmt"
	"hash/fnv"
	"net/http"
	"net/netip"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// serveCreate is AddVpnConnEx: the form is decoded back into the spec's
// shape and checked with the same catalog the client validates with; an
// error-severity issue is refused as InvalidParameter naming the wire
// parameter. The answer holds the documented taskId and, beyond the
// documented example (vpnConnId 0), the new connection's ids.
func serveCreate(w http.ResponseWriter, q url.Values, region string, b *sandbox.Backend) *failure {
	p, issues := catalog().Check(&cloud.Spec{Vendor: catalog().API, Target: map[string]string{"region": region}, Params: decodeWire(q)})
	for _, is := range issues {
		if is.Severity != cloud.Error {
			continue
		}
		desc := "InvalidParameter"
		if is.Field == "vpnConnName" {
			desc = "InvalidVpnConnName"
		}
		return &failure{http.StatusOK, 4000, desc, fmt.Sprintf("%s %s (tunnelwiz sandbox)", wireOf(is.Field), is.Message)}
	}
	inv := b.Inventory(catalog().API, region)
	vpc, gw, cgw := find(inv.VPCs, p.Str("vpcId")), find(inv.VPNGateways, p.Str("vpnGwId")), find(inv.CustomerGateways, p.Str("userGwId"))
	n := sandbox.NewConn{Name: p.Str("vpnConnName"), VPNGatewayID: p.Str("vpnGwId"), CustomerGatewayID: p.Str("userGwId"),
		VpcID: p.Str("vpcId"), Params: p}
	// Legacy ids (gz_vpc_8849, 122) name the same resources as unified ones.
	if vpc != nil {
		n.VpcID = vpc.ID
	}
	if gw != nil {
		n.VPNGatewayID = gw.ID
		if vpc != nil && gw.VpcID != "" && gw.VpcID != vpc.ID {
			f := reasons[sandbox.ReasonNoVPNGateway]
			f.msg = fmt.Sprintf("VPN gateway %s is not in VPC %s (tunnelwiz sandbox)", gw.ID, vpc.ID)
			return &f
		}
	}
	if cgw != nil {
		n.CustomerGatewayID = cgw.ID
	}
	n.Local, n.Remote = prefixes(localCIDRs(p, vpc)), prefixes(remoteCIDRs(p))
	n.ID = b.NewID("vpnx-", 8)
	c, ref := b.Create(catalog().API, region, n)
	if ref != nil {
		return refusalFailure(ref)
	}
	writeOK(w, map[string]any{"data": map[string]any{
		"vpnGwId":          p.Str("vpnGwId"),
		"userGwId":         p.Str("userGwId"),
		"vpnConnId":        legacyNum(c.ID),
		"unVpnConnId":      c.ID,
		"taskId":           legacyNum("task/" + c.ID),
		"vpnConnStatus":    connStatus(b.Phase(c)),
		"preSharedKey":     p.Str("preSharedKey"),
		"userGwSubnetList": remoteCIDRs(p),
	}})
	return nil
}

// serveDelete is DeleteVpnConn: vpcId, vpnGwId and vpnConnId are all
// required (each the unified or the legacy id), and the connection must
// be of that VPC and gateway. The answer is the documented one: the
// gateway, the connection, a task id and state 4 (deleting).
func serveDelete(w http.ResponseWriter, q url.Values, region string, b *sandbox.Backend) *failure {
	for _, k := range []string{"vpcId", "vpnGwId", "vpnConnId"} {
		if q.Get(k) == "" {
			return invalid("%s is required (tunnelwiz sandbox)", k)
		}
	}
	inv := b.Inventory(catalog().API, region)
	vpc, gw := find(inv.VPCs, q.Get("vpcId")), find(inv.VPNGateways, q.Get("vpnGwId"))
	if vpc == nil {
		return refusalFailure(&sandbox.Refusal{Reason: sandbox.ReasonNoVPC, Message: "VPC " + q.Get("vpcId") + " does not exist in " + region})
	}
	if gw == nil {
		return refusalFailure(&sandbox.Refusal{Reason: sandbox.ReasonNoVPNGateway, Message: "VPN gateway " + q.Get("vpnGwId") + " does not exist in " + region})
	}
	id := q.Get("vpnConnId")
	var conn *sandbox.Conn
	for _, c := range b.Connections(catalog().API, region, cloud.Filter{VPNGatewayID: gw.ID}) {
		if c.VpcID == vpc.ID && (c.ID == id || strconv.Itoa(legacyNum(c.ID)) == id) {
			conn = &c
			break
		}
	}
	if conn == nil {
		return refusalFailure(&sandbox.Refusal{Reason: sandbox.ReasonNoConnection,
			Message: "VPN tunnel " + id + " does not exist on VPN gateway " + gw.ID + " of VPC " + vpc.ID + " in " + region})
	}
	if _, ref := b.Delete(catalog().API, region, conn.ID); ref != nil {
		return refusalFailure(ref)
	}
	writeOK(w, map[string]any{"data": map[string]any{
		"vpnGwId": gw.ID, "vpcConnId": conn.ID, "taskId": legacyNum("task/delete/" + conn.ID), "state": 4,
	}})
	return nil
}

// serveConnections is DescribeVpnConn: filters vpcId, vpnGwId, vpnConnId
// (either id) and vpnConnName (fuzzy), newest first unless asked otherwise.
func serveConnections(w http.ResponseWriter, q url.Values, region string, b *sandbox.Backend) *failure {
	inv := b.Inventory(catalog().API, region)
	var vpcID, gwID string
	if v := q.Get("vpcId"); v != "" {
		r := find(inv.VPCs, v)
		if r == nil {
			return refusalFailure(&sandbox.Refusal{Reason: sandbox.ReasonNoVPC, Message: "VPC " + v + " does not exist in " + region})
		}
		vpcID = r.ID
	}
	if v := q.Get("vpnGwId"); v != "" {
		r := find(inv.VPNGateways, v)
		if r == nil {
			return refusalFailure(&sandbox.Refusal{Reason: sandbox.ReasonNoVPNGateway, Message: "VPN gateway " + v + " does not exist in " + region})
		}
		gwID = r.ID
	}
	id, name := q.Get("vpnConnId"), q.Get("vpnConnName")
	var conns []sandbox.Conn
	for _, c := range b.Connections(catalog().API, region, cloud.Filter{VPNGatewayID: gwID}) {
		if (vpcID == "" || c.VpcID == vpcID) && (id == "" || c.ID == id || strconv.Itoa(legacyNum(c.ID)) == id) &&
			strings.Contains(c.Name, name) {
			conns = append(conns, c)
		}
	}
	if id != "" && len(conns) == 0 {
		return refusalFailure(&sandbox.Refusal{Reason: sandbox.ReasonNoConnection, Message: "VPN tunnel " + id + " does not exist in " + region})
	}
	var less func(a, b *sandbox.Conn) bool
	switch q.Get("orderField") {
	case "", "createTime":
		less = func(a, b *sandbox.Conn) bool { return a.Created.Before(b.Created) }
	case "vpnConnName":
		less = func(a, b *sandbox.Conn) bool { return a.Name < b.Name }
	default:
		return invalid("orderField must be createTime or vpnConnName, got %q", q.Get("orderField"))
	}
	switch q.Get("orderDirection") {
	case "", "desc":
		sort.SliceStable(conns, func(i, j int) bool { return less(&conns[j], &conns[i]) })
	case "asc":
		sort.SliceStable(conns, func(i, j int) bool { return less(&conns[i], &conns[j]) })
	default:
		return invalid("orderDirection must be asc or desc, got %q", q.Get("orderDirection"))
	}
	lo, hi, fl := page(q, len(conns))
	if fl != nil {
		return fl
	}
	rows := []any{}
	for i := lo; i < hi; i++ {
		rows = append(rows, connRow(&conns[i], b, inv))
	}
	writeOK(w, map[string]any{"totalCount": len(conns), "data": rows})
	return nil
}

// connRow answers one connection as DescribeVpnConn's documented example
// does: both ids of everything, lifetimes as strings, IKEArr/IPSECArr with
// the defaults filled in (DescribeVpnConn's examples show group1, 86400 s,
// 3600 s and 1843200 KB where AddVpnConnEx documents none), and the IPsec
// integrity algorithm sent as "sha" reported as "sha1".
func connRow(c *sandbox.Conn, b *sandbox.Backend, inv cloud.Inventory) map[string]any {
	vpc, gw, cgw := find(inv.VPCs, c.VpcID), find(inv.VPNGateways, c.VPNGatewayID), find(inv.CustomerGateways, c.CustomerGatewayID)
	p := c.Params
	ike, ipsec := p.Obj("IKESet"), p.Obj("IPsecSet")
	localID, remoteID := or(ike.Str("localIdentity"), "address"), or(ike.Str("remoteIdentity"), "address")
	identity := func(kind, want, v string) any {
		if kind != want {
			return nil
		}
		return v
	}
	integrity := or(ipsec.Str("integrityAlgorith"), "md5")
	if integrity == "sha" {
		integrity = "sha1"
	}
	return map[string]any{
		"vpcId": legacyOf(vpc), "unVpcId": c.VpcID, "vpcName": nameOf(vpc), "vpcCidrBlock": cidrOf(vpc),
		"vpnGwId": legacyNumOf(gw), "unVpnGwId": c.VPNGatewayID, "vpnGwName": nameOf(gw), "vpnGwAddress": addrOf(gw),
		"vpnConnId": legacyNum(c.ID), "unVpnConnId": c.ID, "vpnConnName": c.Name,
		"userGwId": legacyNumOf(cgw), "unUserGwId": c.CustomerGatewayID, "userGwName": nameOf(cgw), "userGwAddress": addrOf(cgw),
		"vpcConnStatus": connStatus(b.Phase(c)), "netStatus": netStatus(b.Up(c)),
		"preSharedKey": p.Str("preSharedKey"),
		"sourceCidr":   localCIDRs(p, vpc), "destinationCidr": remoteCIDRs(p),
		"vpnProto": "ip-sec", "createTime": c.Created.In(chinaTime).Format(time.DateTime),
		"IKEArr": map[string]any{
			"propoEncryAlgorithm":  or(ike.Str("propoEncryAlgorithm"), "3des-cbc"),
			"propoAuthenAlgorithm": or(ike.Str("propoAuthenAlgorithm"), "md5"),
			"exchangeMode":         or(ike.Str("exchangeMode"), "main"),
			"localIdentity":        localID,
			"remoteIdentity":       remoteID,
			"localAddress":         identity(localID, "address", or(ike.Str("localAddress"), addrOf(gw))),
			"remoteAddress":        identity(remoteID, "address", or(ike.Str("remoteAddress"), addrOf(cgw))),
			"localFqdnName":        identity(localID, "fqdn", ike.Str("localFqdnName")),
			"remoteFqdnName":       identity(remoteID, "fqdn", ike.Str("remoteFqdnName")),
			"dhGroupName":          or(ike.Str("dhGroupName"), "group1"),
			"ikeSaLifetimeSeconds": intText(ike, "ikeSaLifetimeSeconds", "86400"),
		},
		"IPSECArr": map[string]any{
			"encryptAlgorithm":       or(ike.Str("encryptAlgorithm"), ipsec.Str("encryptAlgorithm"), "3des-cbc"),
			"integrityAlgorith":      integrity,
			"encapMode":              "tunnel",
			"securityProto":          "ESP",
			"pfsDhGroup":             or(ipsec.Str("pfsDhGroup"), "null"),
			"ipsecSaLifetimeSeconds": intText(ipsec, "ipsecSaLifetimeSeconds", "3600"),
			"ipsecSaLifetimeTraffic": intText(ipsec, "ipsecSaLifetimeTraffic", "1843200"),
		},
	}
}

// netStatus is DescribeVpnConn's "vpn通道网络状态": available once the
// peer side has connected (POST /_sandbox/connect), else unavailable.
func netStatus(up bool) string {
	if up {
		return "available"
	}
	return "unavailable"
}

// serveGateways is DescribeVpnGw: filters vpcId, vpnGwId and vpnGwName
// (fuzzy).
func serveGateways(w http.ResponseWriter, q url.Values, region string, b *sandbox.Backend) *failure {
	inv := b.Inventory(catalog().API, region)
	var vpcID string
	if v := q.Get("vpcId"); v != "" {
		r := find(inv.VPCs, v)
		if r == nil {
			return refusalFailure(&sandbox.Refusal{Reason: sandbox.ReasonNoVPC, Message: "VPC " + v + " does not exist in " + region})
		}
		vpcID = r.ID
	}
	var gws []cloud.Resource
	for _, g := range inv.VPNGateways {
		if (vpcID == "" || g.VpcID == vpcID) && matchesID(g, q.Get("vpnGwId")) && strings.Contains(g.Name, q.Get("vpnGwName")) {
			gws = append(gws, g)
		}
	}
	if v := q.Get("vpnGwId"); v != "" && len(gws) == 0 {
		return refusalFailure(&sandbox.Refusal{Reason: sandbox.ReasonNoVPNGateway, Message: "VPN gateway " + v + " does not exist in " + region})
	}
	lo, hi, fl := page(q, len(gws))
	if fl != nil {
		return fl
	}
	rows := []any{}
	for _, g := range gws[lo:hi] {
		vpc := find(inv.VPCs, g.VpcID)
		bw, err := strconv.Atoi(g.Notes["bandwidth"])
		if err != nil {
			bw = 5
		}
		rows = append(rows, map[string]any{
			"vpcId": legacyOf(vpc), "unVpcId": g.VpcID, "vpcName": nameOf(vpc), "vpcCidrBlock": cidrOf(vpc),
			"vpnGwId": legacyNumOf(&g), "unVpnGwId": g.ID, "vpnGwName": g.Name, "bandwidth": bw,
			"vpnGwStatus": gatewayCode(g.State), "vpnGwAddress": addrOf(&g), "isAutoRenewals": true,
			"expireTime": or(g.Notes["expireTime"], "2027-06-01 10:00:00"), "createTime": or(g.Notes["createTime"], "2025-06-01 10:00:00"),
		})
	}
	writeOK(w, map[string]any{"totalCount": len(gws), "data": rows})
	return nil
}

// serveCustomerGateways is DescribeUserGw. Its documented answer writes
// every number as a string, code and totalCount included; so does this.
func serveCustomerGateways(w http.ResponseWriter, q url.Values, region string, b *sandbox.Backend) *failure {
	inv := b.Inventory(catalog().API, region)
	var cgws []cloud.Resource
	for _, g := range inv.CustomerGateways {
		if matchesID(g, q.Get("userGwId")) && strings.Contains(g.Name, q.Get("userGwName")) {
			cgws = append(cgws, g)
		}
	}
	if v := q.Get("userGwId"); v != "" && len(cgws) == 0 {
		return refusalFailure(&sandbox.Refusal{Reason: sandbox.ReasonNoCustomerGateway, Message: "customer gateway " + v + " does not exist in " + region})
	}
	lo, hi, fl := page(q, len(cgws))
	if fl != nil {
		return fl
	}
	rows := []any{}
	for _, g := range cgws[lo:hi] {
		used := len(b.Connections(catalog().API, region, cloud.Filter{CustomerGatewayID: g.ID}))
		rows = append(rows, map[string]any{
			"userGwName": g.Name, "userGwId": strconv.Itoa(legacyNumOf(&g)), "unUserGwId": g.ID,
			"userGwAddr": addrOf(&g), "vpnConnNum": strconv.Itoa(used),
			"createTime": or(g.Notes["createTime"], "2025-06-01 10:00:00"),
		})
	}
	writeJSON(w, http.StatusOK, map[string]any{"code": "0", "message": "", "codeDesc": "Success",
		"totalCount": strconv.Itoa(len(cgws)), "data": rows})
	return nil
}

// serveVpcs is DescribeVpcEx: filters vpcId and the VPC name (documented
// as "vpnName", a typo for vpcName; both are taken).
func serveVpcs(w http.ResponseWriter, q url.Values, region string, b *sandbox.Backend) *failure {
	inv := b.Inventory(catalog().API, region)
	name := or(q.Get("vpcName"), q.Get("vpnName"))
	var vpcs []cloud.Resource
	for _, v := range inv.VPCs {
		if matchesID(v, q.Get("vpcId")) && strings.Contains(v.Name, name) {
			vpcs = append(vpcs, v)
		}
	}
	if v := q.Get("vpcId"); v != "" && len(vpcs) == 0 {
		return refusalFailure(&sandbox.Refusal{Reason: sandbox.ReasonNoVPC, Message: "VPC " + v + " does not exist in " + region})
	}
	lo, hi, fl := page(q, len(vpcs))
	if fl != nil {
		return fl
	}
	rows := []any{}
	for _, v := range vpcs[lo:hi] {
		gws := 0
		for _, g := range inv.VPNGateways {
			if g.VpcID == v.ID {
				gws++
			}
		}
		rows = append(rows, map[string]any{
			"vpcId": legacyOf(&v), "unVpcId": v.ID, "vpcName": v.Name, "cidrBlock": v.CIDR,
			"subnetNum": 0, "routeTableNum": 1, "vpnGwNum": gws, "vpcPeerNum": 0, "vpcDeviceNum": 0,
			"classicLinkNum": 0, "vpgNum": 0, "natNum": 0, "isDefault": v.Notes["isDefault"] == "true",
			"createTime": or(v.Notes["createTime"], "2025-06-01 10:00:00"),
		})
	}
	writeOK(w, map[string]any{"totalCount": len(vpcs), "data": rows})
	return nil
}

// page reads offset and limit (default 0 and 20, limit at most 50, as
// every Describe page documents).
func page(q url.Values, n int) (lo, hi int, f *failure) {
	off, lim := 0, 20
	var err error
	if v := q.Get("offset"); v != "" {
		if off, err = strconv.Atoi(v); err != nil || off < 0 {
			return 0, 0, invalid("offset must be a non-negative integer, got %q", v)
		}
	}
	if v := q.Get("limit"); v != "" {
		if lim, err = strconv.Atoi(v); err != nil || lim < 1 || lim > pageSize {
			return 0, 0, invalid("limit must be 1 to %d, got %q", pageSize, v)
		}
	}
	lo, hi = min(off, n), min(off+lim, n)
	return lo, hi, nil
}

// legacyNum is the numeric pre-unification id the sandbox gives a
// resource: stable, made from its unified id.
func legacyNum(id string) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32()%90000) + 10000
}

// legacyOf is a resource's legacy id: the fixture's notes.legacy_id (VPCs:
// gz_vpc_8849 style), else a number.
func legacyOf(r *cloud.Resource) string {
	if r == nil {
		return ""
	}
	if l := r.Notes["legacy_id"]; l != "" {
		return l
	}
	return strconv.Itoa(legacyNum(r.ID))
}

func legacyNumOf(r *cloud.Resource) int {
	if r == nil {
		return 0
	}
	if n, err := strconv.Atoi(r.Notes["legacy_id"]); err == nil {
		return n
	}
	return legacyNum(r.ID)
}

// find returns the resource an id names, by its unified or legacy id.
func find(rs []cloud.Resource, id string) *cloud.Resource {
	if id == "" {
		return nil
	}
	for i := range rs {
		if matchesID(rs[i], id) {
			return &rs[i]
		}
	}
	return nil
}

func matchesID(r cloud.Resource, id string) bool {
	return id == "" || r.ID == id || legacyOf(&r) == id
}

// gatewayCode is vpnGwStatus for a fixture's state word: 6 (running)
// unless the fixture says otherwise.
func gatewayCode(state string) int {
	for code, word := range gatewayStatus {
		if strings.EqualFold(word, state) {
			n, _ := strconv.Atoi(code)
			return n
		}
	}
	return 6
}

func nameOf(r *cloud.Resource) string {
	if r == nil {
		return ""
	}
	return r.Name
}

func cidrOf(r *cloud.Resource) string {
	if r == nil {
		return ""
	}
	return r.CIDR
}

func addrOf(r *cloud.Resource) string {
	if r == nil || len(r.Addresses) == 0 {
		return ""
	}
	return r.Addresses[0].IP
}

// localCIDRs are the VPC side of a request: spdAcl's keys, or the VPC's
// CIDR for a userGwCidrBlock tunnel.
func localCIDRs(p cloud.Params, vpc *cloud.Resource) []string {
	keys, _ := spdEntries(p)
	if len(keys) == 0 && vpc != nil && vpc.CIDR != "" {
		return []string{vpc.CIDR}
	}
	if keys == nil {
		return []string{}
	}
	return keys
}

// remoteCIDRs are the IDC side, as sent, without repeats.
func remoteCIDRs(p cloud.Params) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, s := range remoteSubnets(p) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func prefixes(cidrs []string) []netip.Prefix {
	var out []netip.Prefix
	for _, s := range cidrs {
		if pr, err := cloud.ParseNetwork(s, false); err == nil {
			out = append(out, pr.Masked())
		}
	}
	return out
}

func intText(p cloud.Params, name, dflt string) string {
	if n, ok := p.Int(name); ok {
		return strconv.FormatInt(n, 10)
	}
	return dflt
}

func or(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
