package wizard

import (
	"fmt"
	"testing"

	"tunnelwiz/cloud"
)

// TestShortPathTypedAhead: each vendor's short path typed in one burst,
// without looking at the screen while the gateway, project or region
// lists load, ends where the same keys typed after each list showed do
// (a walk lost the remote CIDR and the key: Enter on "Looking up
// gateways..." left the page before its lists came).
func TestShortPathTypedAhead(t *testing.T) {
	for vendor, path := range shortPaths {
		t.Run(vendor, func(t *testing.T) {
			var waited, burst []step
			for _, s := range path {
				if s.wait == "go to step" {
					// Both look at the preview before they stop.
					waited, burst = append(waited, s), append(burst, s)
					break
				}
				waited = append(waited, s)
				if s.wait == "" {
					burst = append(burst, s)
				}
			}
			slow, fast := runPath(t, waited), runPath(t, burst)
			if got, want := fmt.Sprint(fast.St.Spec.Target), fmt.Sprint(slow.St.Spec.Target); got != want {
				t.Errorf("target typed ahead: %s\nlooked at: %s", got, want)
			}
			if got, want := chosen(fast), chosen(slow); got != want {
				t.Errorf("typed ahead:\n%s\nlooked at:\n%s", got, want)
			}
			if _, ok := fast.pages[fast.cur].(*previewPage); !ok {
				t.Errorf("typed ahead, the wizard ended on %s, not the preview", fast.pages[fast.cur].Name())
			}
			if fast.St.Issues.Errors() > 0 {
				t.Errorf("typed ahead: %v", fast.St.Issues)
			}
		})
	}
}

// chosen is the request's parameters but the generated key (random on
// each run), whose presence is kept.
func chosen(m *Model) string {
	p := m.St.Params().Clone()
	if f := m.St.Catalog().RoleField(cloud.RolePSK); f != nil && p.Has(f.Path) {
		p.Set(f.Path, "(generated)")
	}
	return fmt.Sprint(p)
}
