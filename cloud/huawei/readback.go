package huawei

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpn/v5/model"

	"tunnelwiz/cloud"
)

// phases maps a connection's status (ShowVpnConnection, "status": ERROR,
// ACTIVE, DOWN, PENDING_CREATE, PENDING_UPDATE, PENDING_DELETE, FREEZED,
// UNKNOWN) onto tunnelwiz's phases. DOWN is a connection that exists but
// whose tunnel has not come up (the peer device is not configured yet):
// creating it is done, so it is available, and State keeps DOWN for the
// user. FREEZED is a connection frozen for arrears: it will not come up
// by waiting.
var phases = map[string]cloud.Phase{
	"PENDING_CREATE": cloud.PhasePending,
	"PENDING_UPDATE": cloud.PhasePending,
	"ACTIVE":         cloud.PhaseAvailable,
	"DOWN":           cloud.PhaseAvailable,
	"ERROR":          cloud.PhaseFailed,
	"FREEZED":        cloud.PhaseFailed,
	"PENDING_DELETE": cloud.PhaseDeleting,
}

func phaseOf(status string) cloud.Phase {
	if ph, ok := phases[strings.ToUpper(status)]; ok {
		return ph
	}
	return cloud.PhaseUnknown
}

// tunnelOf reads the tunnel out of the same status: Huawei has one word
// for the resource and its tunnel. ACTIVE is a connection whose tunnel is
// up ("正常"), DOWN one whose tunnel is not (the peer has not negotiated);
// the other states say nothing of the tunnel.
func tunnelOf(status string) cloud.Tunnel {
	switch strings.ToUpper(status) {
	case "ACTIVE":
		return cloud.TunnelUp
	case "DOWN":
		return cloud.TunnelDown
	}
	return cloud.TunnelUnknown
}

// connection turns the SDK's answer into a cloud.Connection. Settings are
// read from the answer at the catalog paths of the role fields, so every
// role the catalog knows is read back with no list to keep in step; the
// answer's members are spelled as the request's.
func connection(v *model.ResponseVpnConnection) *cloud.Connection {
	c := &cloud.Connection{
		ID:                str(v.Id),
		Name:              str(v.Name),
		VPNGatewayID:      str(v.VgwId),
		CustomerGatewayID: str(v.CgwId),
		State:             str(v.Status),
		Settings:          map[cloud.Role]string{},
	}
	c.Phase = phaseOf(c.State)
	c.Tunnel, c.TunnelState, c.StateIsTunnel = tunnelOf(c.State), c.State, true
	if t, err := time.Parse(time.RFC3339Nano, str(v.CreatedAt)); err == nil {
		c.Created = t
	}
	answer := asParams(v)
	for i := range catalog().Fields {
		f := &catalog().Fields[i]
		if f.Role == "" || strings.Contains(f.Path, "[]") || f.Deprecated != "" {
			continue
		}
		if s, ok := scalar(answer, f.Path); ok {
			c.Settings[f.Role] = s
		}
	}
	seen := map[string]bool{}
	add := func(list *[]string, s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			*list = append(*list, s)
		}
	}
	if v.PeerSubnets != nil {
		for _, s := range *v.PeerSubnets {
			add(&c.RemoteSubnets, s)
		}
	}
	if v.PeerSubnetsV6 != nil {
		for _, s := range *v.PeerSubnetsV6 {
			add(&c.RemoteSubnets, s)
		}
	}
	// Only policy mode names the cloud-side subnets per connection (its
	// rules' sources); in route modes they are the gateway's
	// local_subnets, which a connection read does not return.
	for _, rules := range []*[]model.PolicyRule{v.PolicyRules, v.PolicyRulesV6} {
		if rules == nil {
			continue
		}
		for _, r := range *rules {
			add(&c.LocalSubnets, str(r.Source))
			if r.Destination != nil {
				for _, d := range *r.Destination {
					add(&c.RemoteSubnets, d)
				}
			}
		}
	}
	return c
}

// asParams re-reads the SDK's answer as generic parameters, numbers kept
// as written, under the request's top-level member name.
func asParams(v *model.ResponseVpnConnection) cloud.Params {
	raw, err := json.Marshal(v)
	if err != nil {
		return cloud.Params{}
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var m map[string]any
	if d.Decode(&m) != nil {
		return cloud.Params{}
	}
	return cloud.Params{"vpn_connection": m}
}

func scalar(ps cloud.Params, path string) (string, bool) {
	v, ok := ps.Get(path)
	if !ok {
		return "", false
	}
	switch x := v.(type) {
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	case bool:
		if x {
			return "true", true
		}
		return "false", true
	}
	return "", false
}
