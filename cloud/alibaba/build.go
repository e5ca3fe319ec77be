package alibaba

import (
	"github.com/alibabacloud-go/tea/dara"
	vpc "github.com/alibabacloud-go/vpc-20160428/v7/client"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// jsonParams are the objects the API takes as JSON strings.
var jsonParams = []string{"IkeConfig", "IpsecConfig", "HealthCheckConfig", "BgpConfig"}

// buildRequest turns validated parameters into the SDK's request type; the
// SDK then decides the wire form (query for most, form fields for the
// tunnels), so the preview shows exactly what the SDK sends.
func buildRequest(p cloud.Params) *vpc.CreateVpnConnectionRequest {
	r := &vpc.CreateVpnConnectionRequest{}
	str := func(key string, set func(string) *vpc.CreateVpnConnectionRequest) {
		if v, ok := aliyun.Text(p, key); ok {
			set(v)
		}
	}
	boolean := func(key string, set func(bool) *vpc.CreateVpnConnectionRequest) {
		if v, ok := aliyun.Bool(p, key); ok {
			set(v)
		}
	}
	integer := func(key string, set func(int64) *vpc.CreateVpnConnectionRequest) {
		if v, ok := aliyun.Int(p, key); ok {
			set(v)
		}
	}
	str("RegionId", r.SetRegionId)
	str("VpnGatewayId", r.SetVpnGatewayId)
	str("CustomerGatewayId", r.SetCustomerGatewayId)
	str("LocalSubnet", r.SetLocalSubnet)
	str("RemoteSubnet", r.SetRemoteSubnet)
	str("Name", r.SetName)
	str("ClientToken", r.SetClientToken)
	str("RemoteCaCertificate", r.SetRemoteCaCertificate)
	str("OwnerAccount", r.SetOwnerAccount)
	str("ResourceOwnerAccount", r.SetResourceOwnerAccount)
	integer("OwnerId", r.SetOwnerId)
	integer("ResourceOwnerId", r.SetResourceOwnerId)
	boolean("AutoConfigRoute", r.SetAutoConfigRoute)
	boolean("EffectImmediately", r.SetEffectImmediately)
	boolean("EnableDpd", r.SetEnableDpd)
	boolean("EnableNatTraversal", r.SetEnableNatTraversal)
	boolean("EnableTunnelsBgp", r.SetEnableTunnelsBgp)
	boolean("DryRun", r.SetDryRun)

	encoded := map[string]func(string) *vpc.CreateVpnConnectionRequest{
		"IkeConfig": r.SetIkeConfig, "IpsecConfig": r.SetIpsecConfig,
		"HealthCheckConfig": r.SetHealthCheckConfig, "BgpConfig": r.SetBgpConfig,
	}
	for _, key := range jsonParams {
		if obj := p.Obj(key); obj != nil {
			encoded[key](aliyun.JSONString(catalog, key, obj))
		}
	}

	for _, e := range p.List("Tags") {
		t := cloud.Params(asMap(e))
		tag := &vpc.CreateVpnConnectionRequestTags{}
		if v, ok := aliyun.Text(t, "Key"); ok {
			tag.Key = dara.String(v)
		}
		if v, ok := aliyun.Text(t, "Value"); ok {
			tag.Value = dara.String(v)
		}
		r.Tags = append(r.Tags, tag)
	}
	for _, e := range p.List(tunnels) {
		r.TunnelOptionsSpecification = append(r.TunnelOptionsSpecification, buildTunnel(cloud.Params(asMap(e))))
	}
	return r
}

func buildTunnel(t cloud.Params) *vpc.CreateVpnConnectionRequestTunnelOptionsSpecification {
	out := &vpc.CreateVpnConnectionRequestTunnelOptionsSpecification{
		CustomerGatewayId:   text(t, "CustomerGatewayId"),
		Role:                text(t, "Role"),
		RemoteCaCertificate: text(t, "RemoteCaCertificate"),
		EnableDpd:           boolean(t, "EnableDpd"),
		EnableNatTraversal:  boolean(t, "EnableNatTraversal"),
	}
	if ike := t.Obj("TunnelIkeConfig"); ike != nil {
		out.TunnelIkeConfig = &vpc.CreateVpnConnectionRequestTunnelOptionsSpecificationTunnelIkeConfig{
			Psk: text(ike, "Psk"), IkeVersion: text(ike, "IkeVersion"), IkeMode: text(ike, "IkeMode"),
			IkeEncAlg: text(ike, "IkeEncAlg"), IkeAuthAlg: text(ike, "IkeAuthAlg"), IkePfs: text(ike, "IkePfs"),
			IkeLifetime: integer(ike, "IkeLifetime"), LocalId: text(ike, "LocalId"), RemoteId: text(ike, "RemoteId"),
		}
	}
	if ipsec := t.Obj("TunnelIpsecConfig"); ipsec != nil {
		out.TunnelIpsecConfig = &vpc.CreateVpnConnectionRequestTunnelOptionsSpecificationTunnelIpsecConfig{
			IpsecEncAlg: text(ipsec, "IpsecEncAlg"), IpsecAuthAlg: text(ipsec, "IpsecAuthAlg"),
			IpsecPfs: text(ipsec, "IpsecPfs"), IpsecLifetime: integer(ipsec, "IpsecLifetime"),
		}
	}
	if bgp := t.Obj("TunnelBgpConfig"); bgp != nil {
		out.TunnelBgpConfig = &vpc.CreateVpnConnectionRequestTunnelOptionsSpecificationTunnelBgpConfig{
			LocalAsn: integer(bgp, "LocalAsn"), TunnelCidr: text(bgp, "TunnelCidr"), LocalBgpIp: text(bgp, "LocalBgpIp"),
		}
	}
	return out
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// Pointer forms for the SDK structs: nil when absent, so the SDK omits them.

func text(p cloud.Params, key string) *string {
	if v, ok := aliyun.Text(p, key); ok {
		return dara.String(v)
	}
	return nil
}

func boolean(p cloud.Params, key string) *bool {
	if v, ok := aliyun.Bool(p, key); ok {
		return dara.Bool(v)
	}
	return nil
}

func integer(p cloud.Params, key string) *int64 {
	if v, ok := aliyun.Int(p, key); ok {
		return dara.Int64(v)
	}
	return nil
}
