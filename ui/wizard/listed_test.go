package wizard

import (
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

// TestListedGatewayDecides: Huawei asks for peer_subnets unless the VPN
// gateway is attached to an enterprise router. Once the wizard has listed
// the gateways it knows the attachment, so it never warns that it
// "cannot see the gateway": a VPC-attached gateway makes peer_subnets an
// error, an ER-attached one needs none; only a gateway the listing lacks
// draws the warning.
func TestListedGatewayDecides(t *testing.T) {
	m := exampleModel(t, "huawei")
	c := m.St.Params().Obj("vpn_connection")
	c.Delete("peer_subnets")
	c.Set("style", "policy")
	msg, ok := m.loadInventory()().(invLoaded)
	if !ok || msg.err != nil {
		t.Fatalf("inventory: %v", msg.err)
	}
	m.Update(msg)
	issue := func() *cloud.Issue { return m.St.IssueAt("vpn_connection.peer_subnets") }
	for _, tc := range []struct {
		gw       string
		severity cloud.Severity
		says     string
	}{
		{"b32d91a4-5c2e-4a8d-8a86-e907174eb11d", cloud.Error, "bj4-vpngw (b32d91a4-5c2e-4a8d-8a86-e907174eb11d) has attachment_type vpc"},
		{"4c8e1a2b-3d5f-4a7c-9e1b-2d4f6a8c0e13", "", ""},
		{"00000000-0000-4000-8000-000000000000", cloud.Warning, "cannot see the gateway"},
	} {
		c.Set("vgw_id", tc.gw)
		m.St.Revalidate()
		i := issue()
		switch {
		case tc.severity == "" && i != nil:
			t.Errorf("%s: %v", tc.gw, i)
		case tc.severity != "" && (i == nil || i.Severity != tc.severity || !strings.Contains(i.Message, tc.says)):
			t.Errorf("%s: %v, want a %s saying %q", tc.gw, i, tc.severity, tc.says)
		}
	}
}
