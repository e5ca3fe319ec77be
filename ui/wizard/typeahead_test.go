package wizard

import (
	"fmt"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

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

// TestFilterMatchingNothingIsTyped: a region the list lacks, typed into
// the list's filter, is taken as typed by Enter, under "type another",
// and what follows goes on in its text field (a walk found Enter did
// nothing there: "(type another)" was filtered out with the rest).
func TestFilterMatchingNothingIsTyped(t *testing.T) {
	m := runPath(t, []step{keys("enter", "enter"), typed("ap-mars-1"), keys("enter"), typed("0")})
	if got := m.St.Spec.Target["region"]; got != "ap-mars-10" {
		t.Errorf("region %q, want ap-mars-10", got)
	}
	fp, ok := m.pages[m.cur].(*formPage)
	if !ok || fp.focusedKey() != "region" {
		t.Errorf("the cursor is not in the region's text field")
	}
	// A filter that matches keeps huh's own Enter: the entry highlighted.
	m = runPath(t, []step{keys("enter", "enter"), typed("gua"), keys("enter")})
	if got := m.St.Spec.Target["region"]; got != "ap-guangzhou" {
		t.Errorf("region %q, want ap-guangzhou", got)
	}
}

// TestKeysHeldForTheLists: while the Gateways page waits for its lists,
// a key is held, not given to the "Looking up" note (which Enter would
// leave); the answer releases it onto the lists. esc does not wait.
func TestKeysHeldForTheLists(t *testing.T) {
	m := specModel(t, filepath.Join("..", "..", "examples", "tencent.yaml"))
	gw := 2
	if fp, ok := m.pages[gw].(*formPage); !ok || fp.step != cloud.StepGateways {
		t.Fatal("page 2 is not the Gateways page")
	}
	settle(m, m.go_(gw))
	m.St.Inventory, m.invPending = nil, m.St.InvKey()
	m.pages[gw].Enter(m)
	m.Update(press("enter"))
	if len(m.held) != 1 || m.cur != gw {
		t.Fatalf("Enter during the look-up: %d keys held, on page %d", len(m.held), m.cur)
	}
	m.Update(invLoaded{inv: &cloud.Inventory{}, key: m.invPending})
	if m.moving != nil {
		m.Update(huh.NextField()) // the released Enter's move, as huh sends it
	}
	if len(m.held) != 0 || m.invPending != "" {
		t.Errorf("the answer did not release the key: %d held", len(m.held))
	}
	m.invPending = m.St.InvKey()
	m.Update(press("x"))
	m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	if len(m.held) != 0 || m.cur != gw-1 {
		t.Errorf("esc during the look-up: %d keys held, on page %d (want %d)", len(m.held), m.cur, gw-1)
	}
}
