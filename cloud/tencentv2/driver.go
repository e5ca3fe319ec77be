// Package tencentv2 drives Tencent Cloud's legacy API 2.0 AddVpnConnEx on
// vpc.api.qcloud.com/v2/index.php. There is no SDK for API 2.0, so this is
// the one driver that writes its requests and signature by hand (sign.go,
// call.go); its look-ups are the API 2.0 actions of the same endpoint
// (DescribeVpcEx, DescribeVpnGw, DescribeUserGw, DescribeVpnConn).
package tencentv2

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"

	"tunnelwiz/cloud"
)

// Action is the API 2.0 action that creates a connection.
const Action = "AddVpnConnEx"

// Driver implements cloud.Driver for the "tencent-v2" vendor key.
type Driver struct{}

func init() { cloud.Register(Vendor, Driver{}) }

// Catalog returns the rule table.
func (Driver) Catalog() *cloud.Catalog { return catalog() }

// Create sends AddVpnConnEx. Its documented answer holds a task id only
// (data.taskId, with vpnConnId 0), so when the answer names no connection
// the new one is looked up with DescribeVpnConn by gateway, customer
// gateway, name and subnets: Created.ID is always the connection's id
// (unVpnConnId, vpnx-...).
func (Driver) Create(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, p cloud.Params) (*cloud.Created, error) {
	form, err := encode(p)
	if err != nil {
		return nil, err
	}
	secrets := catalog().SecretValues(p)
	env, err := call(ctx, base, cred, target, request{action: Action, params: form, secrets: secrets, spec: p})
	if err != nil {
		return nil, err
	}
	var data map[string]any
	if len(env.Data) > 0 {
		d := json.NewDecoder(bytes.NewReader(env.Data))
		d.UseNumber()
		_ = d.Decode(&data) // a data member of another shape just holds no id
	}
	c := &cloud.Created{RequestID: env.RequestID, TaskID: text(data["taskId"]),
		State: vpnConnStatus[text(data["vpnConnStatus"])]}
	if id := text(data["unVpnConnId"]); id != "" {
		c.ID = id
	} else if id := text(data["vpnConnId"]); id != "" && id != "0" {
		c.ID = id
	}
	if c.ID != "" {
		return c, nil
	}
	// The create has happened: whatever goes wrong from here must not look
	// like a lost answer (%v, not %w), or Submit would send it again.
	if err := cloud.Pace(ctx, catalog()); err != nil {
		return nil, err
	}
	found, err := newest(ctx, base, cred, target, p)
	if err != nil {
		return nil, fmt.Errorf("tencentv2: %s accepted (task %s) but the new connection could not be looked up: %v", Action, c.TaskID, err)
	}
	if found == nil {
		return nil, fmt.Errorf("tencentv2: %s accepted (task %s) but DescribeVpnConn does not list the new connection yet; "+
			"look for it on gateway %s before creating it again", Action, c.TaskID, p.Str("vpnGwId"))
	}
	c.ID = found.ID
	if c.State == "" {
		c.State = found.State
	}
	return c, nil
}

// Delete sends DeleteVpnConn. The action names the connection's VPC and
// VPN gateway beside the connection, so the connection is read first
// (DescribeVpnConn): the ids are the ones it reports.
func (d Driver) Delete(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, id string) error {
	conn, err := d.Connection(ctx, base, cred, target, id)
	if err != nil {
		return err
	}
	vpc := conn.Settings[cloud.RoleVPC]
	if vpc == "" || conn.VPNGatewayID == "" {
		return fmt.Errorf("tencentv2: DescribeVpnConn reports no VPC or VPN gateway for %s, which %s needs", id, actionDelete)
	}
	if err := cloud.Pace(ctx, catalog()); err != nil {
		return err
	}
	_, err = call(ctx, base, cred, target, request{action: actionDelete,
		params: url.Values{"vpcId": {vpc}, "vpnGwId": {conn.VPNGatewayID}, "vpnConnId": {id}}})
	return err
}
