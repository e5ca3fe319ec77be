package huawei

import (
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpn/v5/model"

	"tunnelwiz/cloud"
)

// Huawei's one status word says both: DOWN is an available connection
// whose tunnel is not up.
func TestTunnelMapping(t *testing.T) {
	for status, want := range map[string]struct {
		phase  cloud.Phase
		tunnel cloud.Tunnel
	}{
		"ACTIVE":         {cloud.PhaseAvailable, cloud.TunnelUp},
		"DOWN":           {cloud.PhaseAvailable, cloud.TunnelDown},
		"PENDING_CREATE": {cloud.PhasePending, cloud.TunnelUnknown},
		"PENDING_DELETE": {cloud.PhaseDeleting, cloud.TunnelUnknown},
		"ERROR":          {cloud.PhaseFailed, cloud.TunnelUnknown},
	} {
		id, st := "c1", status
		c := connection(&model.ResponseVpnConnection{Id: &id, Status: &st})
		if c.Phase != want.phase || c.Tunnel != want.tunnel || c.TunnelState != status {
			t.Errorf("%s: %+v", status, c.Status())
		}
	}
}
