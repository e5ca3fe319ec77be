package wizard

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"tunnelwiz/peer"
)

// sideModel is a vendor's example at 80x24 with the gateways looked up,
// "your side" open over the preview.
func sideModel(t *testing.T, vendor string) *Model {
	t.Helper()
	m := exampleModel(t, vendor)
	msg, ok := m.loadInventory()().(invLoaded)
	if !ok || msg.err != nil {
		t.Fatalf("inventory: %v", msg.err)
	}
	m.St.Inventory, m.St.InvFor = msg.inv, msg.key
	lookUpNow(m)
	m.cur = m.previewIndex()
	m.pages[m.cur].Enter(m)
	m.side = newYourSide(m)
	screen(m) // drawn once, as the program does before any key
	return m
}

// bodyRows are the rows between the tabs and the panel's rule.
func bodyRows(out string) []string {
	lines := strings.Split(out, "\n")
	var rows []string
	for _, l := range lines[2:] {
		if strings.HasPrefix(l, "────") {
			break
		}
		rows = append(rows, strings.TrimRight(l, " "))
	}
	return rows
}

// TestYourSideHeadFixed: the picker (current device marked) and the
// device's title are the body's first two rows, whatever the scroll;
// another device starts at the top of its text; Huawei's header is two
// rows, which leaves at least 14 rows of configuration at 80x24.
func TestYourSideHeadFixed(t *testing.T) {
	m := sideModel(t, "huawei")
	for range 8 {
		m.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
	}
	rows := bodyRows(screen(m))
	if !strings.HasPrefix(rows[0], "Your side: [strongswan] cisco-ios-xe") || !strings.HasPrefix(rows[1], "strongSwan 5.9+") {
		t.Fatalf("scrolled: the picker and title are not on top:\n%s", strings.Join(rows, "\n"))
	}
	m.Update(tea.KeyPressMsg{Code: tea.KeyRight})
	rows = bodyRows(screen(m))
	if !strings.HasPrefix(rows[0], "Your side: strongswan [cisco-ios-xe]") || !strings.HasPrefix(rows[1], "Cisco IOS XE router") {
		t.Fatalf("after ←→: the picker and title are not on top:\n%s", strings.Join(rows, "\n"))
	}
	if !strings.HasPrefix(rows[2], "warning ") {
		t.Errorf("another device does not start at the top of its text: %q", rows[2])
	}
	if n := len(rows) - 2; n < 14 {
		t.Errorf("%d rows of configuration at 80x24:\n%s", n, strings.Join(rows, "\n"))
	}
}

// TestYourSideWrapMark: a row that continues a wrapped line starts (after
// its line's indentation) with the faint continuation mark, so that a
// comment's tail never reads as configuration; every other row is a line
// of the configuration as written, and the saved file is exactly the
// configuration, unwrapped.
func TestYourSideWrapMark(t *testing.T) {
	m := sideModel(t, "tencent")
	t0, err := peer.Build(m.St.Spec, peer.Options{Inventory: m.St.Inventory})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := peer.Devices()[0].Write(t0, false)
	lines := map[string]bool{}
	for _, l := range strings.Split(want, "\n") {
		lines[strings.Join(strings.Fields(l), " ")] = true
	}
	m.height = 400 // the whole text at once, still 80 wide
	var logical []string
	marked := 0
	for _, r := range bodyRows(screen(m))[2:] {
		if rest, ok := strings.CutPrefix(strings.TrimLeft(r, " "), "↪ "); ok && len(logical) > 0 {
			logical[len(logical)-1] += " " + rest
			marked++
			continue
		}
		logical = append(logical, r)
	}
	for _, l := range logical {
		if l = strings.Join(strings.Fields(l), " "); !lines[l] {
			t.Errorf("rows that do not join into a line of the configuration: %q", l)
		}
	}
	if marked == 0 {
		t.Error("no continuation row is marked")
	}
	_, c := m.Update(keyCtrl('s'))
	settle(m, c)
	b, err := os.ReadFile(filepath.Join(m.opts.SaveDir, "gz-to-dc1-strongswan.conf"))
	if err != nil || string(b) != want {
		t.Errorf("the saved file is not the configuration as written (%v):\n%s", err, b)
	}
}

// TestPickerLine: many names take at most two rows, wrapped between
// names; the current one is always shown, the ends cut marked "…".
func TestPickerLine(t *testing.T) {
	var names []string
	for i := range 30 {
		names = append(names, fmtAny(i)+"-device-name")
	}
	for _, at := range []int{0, 15, 29} {
		out := pickerLine("Your side: ", names, at, 80)
		rows := strings.Split(out, "\n")
		if len(rows) > 2 || !strings.Contains(out, "["+names[at]+"]") {
			t.Errorf("at %d:\n%s", at, out)
		}
		for _, r := range rows {
			if len([]rune(r)) > 80 {
				t.Errorf("row wider than 80: %q", r)
			}
		}
		if at > 0 && !strings.HasPrefix(out, "Your side: … ") || at < 29 && !strings.HasSuffix(out, " …") {
			t.Errorf("at %d: a cut end is not marked:\n%s", at, out)
		}
	}
}
