package wizard

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"tunnelwiz/cloud"
)

// TestPickRowsCut: a pick list's row too wide for 80 columns is one row,
// cut with "…" between its parts, never wrapped inside an address
// ("172.16." over "0.11  ACTIVE"); on a wider terminal the row is whole.
func TestPickRowsCut(t *testing.T) {
	m := sideModel(t, "huawei")
	m.side = nil
	m.cur = m.pageOf(cloud.StepGateways)
	m.pages[m.cur].Enter(m)
	out := screen(m)
	if !strings.Contains(out, "vpngw-private-er  172.16.0.10  …") || strings.Contains(out, "172.16.\n") || strings.Contains(out, "┃   0.11") {
		t.Errorf("at 80 columns:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(strings.Trim(l, "┃> ")); len(f) > 0 && (f[0] == "ACTIVE" || strings.HasPrefix(f[0], "0.")) {
			t.Errorf("a row wrapped: %q", l)
		}
	}
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 24})
	if out := ansi.Strip(m.render()); !strings.Contains(out, "vpngw-private-er  172.16.0.10  172.16.0.11  ACTIVE") {
		t.Errorf("at 120 columns the row is still cut:\n%s", out)
	}
}

// TestFitRow: the cut falls between parts (two spaces), else at a space,
// with "…"; a label that fits is unchanged.
func TestFitRow(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		want  string
	}{
		{"id-1  gw  172.16.0.10  172.16.0.11  ACTIVE", 40, "id-1  gw  172.16.0.10  172.16.0.11  …"},
		{"id-1  gw  172.16.0.10  172.16.0.11  ACTIVE", 30, "id-1  gw  172.16.0.10  …"},
		{"Huawei Cloud VPN v5 (POST /v5/{project_id}/vpn-connection)", 40, "Huawei Cloud VPN v5 (POST …"},
		{"short", 40, "short"},
	} {
		if got := fitRow(c.in, c.width); got != c.want {
			t.Errorf("fitRow(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}
