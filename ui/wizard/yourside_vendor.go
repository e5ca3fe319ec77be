package wizard

import (
	"context"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"tunnelwiz/cloud"
	"tunnelwiz/ui/front"
)

// After a create, "your side" offers the vendor's own export too (what
// `tunnelwiz peer --connection ID --vendor-device NAME` prints), for the
// devices tunnelwiz does not write: the vendor's devices follow
// tunnelwiz's own in the ←→ list, each looked up in a command, never in
// Update, and kept once it has arrived.

// ifacePlaceholder stands for the device's outside interface where the
// vendor's export names it (Tencent's InterfaceName): the wizard does not
// ask for it, so the text shows a visible word to replace.
const ifacePlaceholder = "YOUR-OUTSIDE-INTERFACE"

// vendorSide is the vendor's part of the list.
type vendorSide struct {
	id      string // the connection created
	devices []cloud.PeerDevice
	err     error // the device list's look-up failed
	asked   bool  // the list was asked for
	// exports are the exports asked for, by device name (nil while asked).
	exports map[string]*vendorExport
}

type vendorExport struct {
	cfg *cloud.PeerConfig
	err error
}

// vendorDevicesMsg and vendorExportMsg bring the look-ups' answers.
type (
	vendorDevicesMsg struct {
		devices []cloud.PeerDevice
		err     error
	}
	vendorExportMsg struct {
		name string
		cfg  *cloud.PeerConfig
		err  error
	}
)

// vendorTimeout bounds each look-up.
const vendorTimeout = 30 * time.Second

// lookUpVendor asks for the vendor's devices once a connection exists
// and the driver has an export; nil otherwise.
func (y *yourSide) lookUpVendor(m *Model) tea.Cmd {
	st := m.St
	if st.Created == nil || st.Created.ID == "" || st.Dest == nil {
		return nil
	}
	if _, ok := st.Driver.(cloud.PeerExporter); !ok {
		return nil
	}
	y.vendor = &vendorSide{id: st.Created.ID, asked: true, exports: map[string]*vendorExport{}}
	y.render(m) // says the list is being asked for
	d, at := st.Driver, st.Dest.Base
	at.Target = st.Spec.Target
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), vendorTimeout)
		defer cancel()
		devs, err := cloud.ListPeerDevices(ctx, d, at)
		return vendorDevicesMsg{devs, err}
	}
}

// vendorCount is how many vendor devices follow tunnelwiz's own.
func (y *yourSide) vendorCount() int {
	if y.vendor == nil {
		return 0
	}
	return len(y.vendor.devices)
}

// vendorAt is the vendor device chosen, if the choice is one.
func (y *yourSide) vendorAt() (cloud.PeerDevice, bool) {
	i := y.at - len(y.devices)
	if i < 0 || i >= y.vendorCount() {
		return cloud.PeerDevice{}, false
	}
	return y.vendor.devices[i], true
}

// exportCmd asks for the chosen vendor device's export, once.
func (y *yourSide) exportCmd(m *Model) tea.Cmd {
	dev, ok := y.vendorAt()
	if !ok || y.vendor.exports[dev.Name] != nil {
		return nil
	}
	y.vendor.exports[dev.Name] = &vendorExport{}
	d, at, id := m.St.Driver, m.St.Dest.Base, y.vendor.id
	at.Target = m.St.Spec.Target
	iface := ""
	if dev.Interface {
		iface = ifacePlaceholder
	}
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), vendorTimeout)
		defer cancel()
		cfg, err := cloud.ExportPeerConfig(ctx, d, at, id, dev, iface)
		return vendorExportMsg{dev.Name, cfg, err}
	}
}

// arrived takes a look-up's answer.
func (y *yourSide) arrived(m *Model, msg tea.Msg) tea.Cmd {
	if y.vendor == nil {
		return nil
	}
	switch msg := msg.(type) {
	case vendorDevicesMsg:
		y.vendor.devices, y.vendor.err = msg.devices, msg.err
	case vendorExportMsg:
		y.vendor.exports[msg.name] = &vendorExport{cfg: msg.cfg, err: msg.err}
	}
	y.render(m)
	return nil
}

// vendorNames are the vendor devices' names as the list shows them:
// prefixed with the API, so that they read as the vendor's export.
func (y *yourSide) vendorNames(m *Model) []string {
	var out []string
	for _, d := range y.vendorDevicesOrNone() {
		out = append(out, m.St.Catalog().API+":"+front.Escape(d.Name))
	}
	return out
}

func (y *yourSide) vendorDevicesOrNone() []cloud.PeerDevice {
	if y.vendor == nil {
		return nil
	}
	return y.vendor.devices
}

// vendorStatus is a line about the vendor's list under the header: being
// asked for, or why it is missing.
func (y *yourSide) vendorStatus() string {
	switch {
	case y.vendor == nil:
		return ""
	case y.vendor.err != nil:
		return "The vendor's own export is not offered: " + front.Escape(y.vendor.err.Error()) + "\n\n"
	case y.vendor.devices == nil:
		return "Asking the vendor for the devices its own export writes for...\n\n"
	}
	return ""
}

// vendorText is the chosen vendor device's export as shown (key masked
// unless shown), or what stands for it.
func (y *yourSide) vendorText(m *Model, dev cloud.PeerDevice) string {
	x := y.vendor.exports[dev.Name]
	switch {
	case x == nil || x.cfg == nil && x.err == nil:
		return "Asking the vendor for its export of " + y.vendor.id + " for " + dev.Name + "...\n"
	case x.err != nil:
		return "The vendor's export failed: " + front.Escape(x.err.Error()) + "\n"
	}
	var b strings.Builder
	b.WriteString("The vendor's own export, as it wrote it: " + dev.Label() + ".\n")
	if dev.Interface {
		b.WriteString("Replace " + ifacePlaceholder + " with your device's outside interface (tunnelwiz peer --interface names it).\n")
	}
	b.WriteString("\n")
	if x.cfg.Note != "" {
		b.WriteString("# " + x.cfg.Note + "\n")
	}
	b.WriteString(strings.ReplaceAll(x.cfg.Text, "\r\n", "\n"))
	text := b.String()
	if !y.shown {
		text = cloud.Scrub(text, append(append([]string{}, x.cfg.Secrets...), m.St.Catalog().SecretValues(m.St.Params())...))
	}
	return escapeLines(text)
}

// escapeLines shows an endpoint's text with its control characters as
// text, line by line: it must never drive the terminal.
func escapeLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = front.Escape(l)
	}
	return strings.Join(lines, "\n")
}

// vendorSaveCmd writes the chosen vendor export as shown to a new file.
func (y *yourSide) vendorSaveCmd(m *Model, dev cloud.PeerDevice) tea.Cmd {
	x := y.vendor.exports[dev.Name]
	if x == nil || x.cfg == nil {
		return func() tea.Msg {
			return yourSideSaved{err: errNotYet}
		}
	}
	text := x.cfg.Text
	if x.cfg.Note != "" {
		text = "# " + x.cfg.Note + "\n" + text
	}
	if !y.shown {
		text = cloud.Scrub(text, append(append([]string{}, x.cfg.Secrets...), m.St.Catalog().SecretValues(m.St.Params())...))
	}
	name := safeName(m.St.Created.ID + "-" + dev.Name)
	dir, withKey := m.opts.SaveDir, y.shown
	return func() tea.Msg {
		path, err := writeNew(dir, name, ".conf", []byte(text))
		return yourSideSaved{path, withKey, err, "ctrl+r, then ctrl+s, saves it with the key"}
	}
}
