package tencentv2

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"testing"
	"time"

	"tunnelwiz/cloud"
)

// TestConnectionsPages: listings page with the documented maximum limit of
// 50 until totalCount rows are read.
func TestConnectionsPages(t *testing.T) {
	var offsets []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		q, _ := url.ParseQuery(string(b))
		offsets = append(offsets, q.Get("offset"))
		off, _ := strconv.Atoi(q.Get("offset"))
		lim, _ := strconv.Atoi(q.Get("limit"))
		var rows []map[string]any
		for i := off; i < min(off+lim, 60); i++ {
			rows = append(rows, map[string]any{"unVpnConnId": fmt.Sprintf("vpnx-%08d", i), "vpcConnStatus": 6})
		}
		json.NewEncoder(w).Encode(map[string]any{"code": 0, "totalCount": 60, "data": rows})
	}))
	defer srv.Close()
	base, _ := url.Parse(srv.URL)
	conns, err := Driver{}.Connections(context.Background(), base, testCred, map[string]string{"region": "gz"}, cloud.Filter{})
	if err != nil || len(conns) != 60 || conns[59].ID != "vpnx-00000059" || conns[0].Phase != cloud.PhaseAvailable {
		t.Fatalf("%d connections, %v", len(conns), err)
	}
	if fmt.Sprint(offsets) != "[0 50]" {
		t.Errorf("offsets %v", offsets)
	}
}

// TestConnectionRowShapes: rows are read whichever way the documents spell
// them: IKEArr/IPSECArr objects (the English example), IKESet/IPsecSet
// (the Chinese table) as one-element lists, numbers as strings, and the
// legacy ids a caller filtered by.
func TestConnectionRowShapes(t *testing.T) {
	answer := `{"code":"0","message":"","totalCount":"2","data":[
{"vpcId":"gz_vpc_76","unVpcId":"vpc-03vihbk9","vpnGwId":547,"unVpnGwId":"vpngw-kfldykuz","vpnConnId":399,"unVpnConnId":"vpnx-ol6bcqp0",
 "vpnConnName":"399_vpnconn","userGwId":315,"unUserGwId":"cgw-e098slul","vpcConnStatus":6,"preSharedKey":"tencent",
 "sourceCidr":["10.100.2.0\/24"],"destinationCidr":["10.100.25.0\/24"],"createTime":"2015-11-06 11:20:39",
 "IKEArr":{"propoAuthenAlgorithm":"sha","propoEncryAlgorithm":"des-cbc","exchangeMode":"main","dhGroupName":"group1","ikeSaLifetimeSeconds":"86400"},
 "IPSECArr":{"encryptAlgorithm":"aes-cbc-128","integrityAlgorith":"sha1","pfsDhGroup":"null","ipsecSaLifetimeSeconds":"3600"}},
{"vpcId":"gz_vpc_80","vpnGwId":"547","vpnConnId":"292","vpnConnName":"399_vpnconn_b","userGwId":"232","vpcConnStatus":"1",
 "IKESet":[{"propoEncryAlgorithm":"3des-cbc","ikeSaLifetimeSeconds":11180}],"IPsecSet":[{"integrityAlgorithm":"md5","pfsDhGroup":"dh-group1"}]}]}`
	var asked []url.Values
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		q, _ := url.ParseQuery(string(b))
		asked = append(asked, q)
		io.WriteString(w, answer)
	}))
	defer srv.Close()
	base, _ := url.Parse(srv.URL)
	target := map[string]string{"region": "gz"}
	conns, err := Driver{}.Connections(context.Background(), base, testCred, target, cloud.Filter{VPNGatewayID: "547", Name: "399_vpnconn"})
	if err != nil || len(conns) != 1 {
		t.Fatalf("%+v %v", conns, err)
	}
	if asked[0].Get("vpnGwId") != "547" || asked[0].Get("vpnConnName") != "399_vpnconn" {
		t.Errorf("asked %v", asked[0])
	}
	c := conns[0]
	want := map[cloud.Role]string{
		cloud.RoleName: "399_vpnconn", cloud.RoleVPC: "vpc-03vihbk9", cloud.RoleVPNGateway: "547", cloud.RoleCustomerGateway: "cgw-e098slul",
		cloud.RoleIKEEncryption: "des-cbc", cloud.RoleIKEIntegrity: "sha", cloud.RoleIKEMode: "main", cloud.RoleIKEDHGroup: "group1",
		cloud.RoleIKELifetime: "86400", cloud.RoleIPsecEncryption: "aes-cbc-128", cloud.RoleIPsecIntegrity: "sha",
		cloud.RoleIPsecPFS: "null", cloud.RoleIPsecLifetime: "3600",
	}
	if fmt.Sprint(c.Settings) != fmt.Sprint(want) {
		t.Errorf("settings\n got %v\nwant %v", c.Settings, want)
	}
	if c.ID != "vpnx-ol6bcqp0" || c.State != "available" || c.VPNGatewayID != "547" ||
		!c.Created.Equal(time.Date(2015, 11, 6, 3, 20, 39, 0, time.UTC)) || c.LocalSubnets[0] != "10.100.2.0/24" {
		t.Errorf("%+v", c)
	}
	for _, v := range c.Settings {
		if v == "tencent" {
			t.Error("the pre-shared key is in the settings")
		}
	}
	// The legacy-only row, by its legacy id.
	got, err := Driver{}.Connection(context.Background(), base, testCred, target, "292")
	if err != nil || got.ID != "292" || got.Phase != cloud.PhaseFailed || got.State != "create-failed" ||
		got.Settings[cloud.RoleIPsecIntegrity] != "md5" || got.Settings[cloud.RoleIKELifetime] != "11180" || got.Settings[cloud.RoleVPC] != "gz_vpc_80" {
		t.Errorf("%+v %v", got, err)
	}
	if asked[1].Get("vpnConnId") != "292" {
		t.Errorf("asked %v", asked[1])
	}
}

// TestInventoryDocumentedAnswers: the three look-ups read answers shaped
// like the documents' examples.
func TestInventoryDocumentedAnswers(t *testing.T) {
	answers := map[string]string{
		"DescribeVpcEx": `{"code":0,"message":"","totalCount":1,"data":[{"vpcId":"gz_vpc_245","unVpcId":"vpc-8e0ypm3z","vpcName":"alblack.bbb",
"cidrBlock":"10.0.0.0/24","vpnGwNum":3,"createTime":"2015-08-24 15:05:16"}]}`,
		"DescribeVpnGw": `{"code":0,"message":"","totalCount":1,"data":[{"vpcId":"sh_vpc_389","unVpcId":"vpc-aa3z6vxo","vpnGwId":122,
"unVpnGwId":"vpngw-nhg87nmg","vpnGwName":"test001","bandwidth":5,"vpnGwStatus":6,"vpnGwAddress":"115.159.26.189","isAutoRenewals":true}]}`,
		"DescribeUserGw": `{"code":"0","message":"","totalCount":"1","data":[{"userGwName":"183.60.249.12","userGwId":"404",
"unUserGwId":"cgw-1tb1k34n","userGwAddr":"183.60.249.12","vpnConnNum":"1","createTime":"2016-06-23 11:11:49"}],"codeDesc":"Success"}`,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		q, _ := url.ParseQuery(string(b))
		io.WriteString(w, answers[q.Get("Action")])
	}))
	defer srv.Close()
	base, _ := url.Parse(srv.URL)
	inv, err := Driver{}.Inventory(context.Background(), base, testCred, map[string]string{"region": "sh"})
	if err != nil {
		t.Fatal(err)
	}
	v, g, c := inv.VPCs[0], inv.VPNGateways[0], inv.CustomerGateways[0]
	if v.ID != "vpc-8e0ypm3z" || v.CIDR != "10.0.0.0/24" || v.Notes["legacy_id"] != "gz_vpc_245" {
		t.Errorf("vpc %+v", v)
	}
	if g.ID != "vpngw-nhg87nmg" || g.VpcID != "vpc-aa3z6vxo" || g.State != "running" || g.Addresses[0].IP != "115.159.26.189" || g.Notes["legacy_id"] != "122" {
		t.Errorf("gateway %+v", g)
	}
	if c.ID != "cgw-1tb1k34n" || c.Addresses[0].IP != "183.60.249.12" || c.Notes["legacy_id"] != "404" {
		t.Errorf("customer gateway %+v", c)
	}
}
