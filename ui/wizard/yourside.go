package wizard

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"tunnelwiz/cloud"
	"tunnelwiz/peer"
	"tunnelwiz/ui/front"
)

// yourSide shows the customer gateway's configuration for the connection
// being made (what `tunnelwiz peer` writes), over the preview or the
// result: pick a device, read it (key masked, ctrl+r shows it), save it.
// It draws from the same tables as the command; it is a view over the
// page beneath, which esc goes back to unchanged.
type yourSide struct {
	devices []peer.Device
	at      int
	vp      viewport.Model
	// names and title head the view, above the scrolled text, so that
	// the device shown is always in sight; text is what scrolls.
	names []string
	title string
	text  string
	width int
	// shown: the text holds the key (ctrl+r), so a save holds it too.
	shown bool
	// vendor is the vendor's own export, after a create (nil before).
	vendor *vendorSide
}

// errNotYet is a save asked before the vendor's export arrived.
var errNotYet = errors.New("the vendor's export has not arrived yet")

func newYourSide(m *Model) *yourSide {
	y := &yourSide{devices: peer.Devices(), shown: m.St.Revealed}
	y.vp = viewport.New(viewport.WithWidth(m.bodyWidth()), viewport.WithHeight(m.bodyHeight()))
	y.render(m)
	return y
}

// render writes the configuration for the device chosen, with the
// warnings (what the device cannot express) first, or why it cannot be
// written yet.
func (y *yourSide) render(m *Model) {
	var b strings.Builder
	y.names = nil
	for _, dv := range y.devices {
		y.names = append(y.names, dv.Name)
	}
	y.names = append(y.names, y.vendorNames(m)...)
	if dev, ok := y.vendorAt(); ok {
		y.title = front.Escape("the vendor's own export: " + dev.Label())
		y.text, y.width = y.vendorText(m, dev), 0
		return
	}
	d := y.devices[y.at]
	y.title = d.Title
	b.WriteString(y.vendorStatus())
	t, err := peer.Build(m.St.Spec, peer.Options{Inventory: m.St.Inventory})
	var missing *peer.MissingAddressError
	var invalid *cloud.InvalidError
	switch {
	case errors.As(err, &missing):
		b.WriteString("Not yet: the " + missing.What + " is not known here (pick the gateways from the live lists, or set it in the spec).\n")
	case errors.As(err, &invalid):
		b.WriteString("Not yet: the request has errors (ctrl+e goes to the first); the configuration follows from a valid request.\n")
	case err != nil:
		b.WriteString("Not written: " + err.Error() + "\n")
	case d.Holds(t) != nil:
		b.WriteString("Not written: " + d.Holds(t).Error() + "\n")
	default:
		text, warns := d.Write(t, y.shown)
		for _, w := range warns {
			b.WriteString("warning " + w.Field + ": " + w.Message + "\n")
		}
		if len(warns) > 0 {
			b.WriteString("\n")
		}
		if !y.shown {
			text = cloud.Scrub(text, m.St.Catalog().SecretValues(m.St.Params()))
		}
		b.WriteString(text)
	}
	y.text = b.String()
	y.width = 0
}

func (y *yourSide) update(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.Keys.Device):
		n := len(y.devices) + y.vendorCount()
		if msg.String() == "right" {
			y.at = (y.at + 1) % n
		} else {
			y.at = (y.at + n - 1) % n
		}
		cmd := y.exportCmd(m)
		y.render(m)
		y.vp.GotoTop() // another device's text, from its start
		return cmd
	case key.Matches(msg, m.Keys.Reveal):
		y.shown = !y.shown
		y.render(m)
	case key.Matches(msg, m.Keys.Save):
		if dev, ok := y.vendorAt(); ok {
			return y.vendorSaveCmd(m, dev)
		}
		return y.saveCmd(m)
	default:
		var cmd tea.Cmd
		y.vp, cmd = y.vp.Update(msg)
		return cmd
	}
	return nil
}

// saveCmd writes what is shown to a new file (never over one), mode
// 0600 whether or not it holds the key: a gateway's configuration is
// nobody else's business either.
func (y *yourSide) saveCmd(m *Model) tea.Cmd {
	t, err := peer.Build(m.St.Spec, peer.Options{Inventory: m.St.Inventory})
	if err != nil {
		return func() tea.Msg { return savedMsg{err: err, quiet: true} }
	}
	d := y.devices[y.at]
	if err := d.Holds(t); err != nil {
		return func() tea.Msg { return savedMsg{err: err, quiet: true} }
	}
	text, _ := d.Write(t, y.shown)
	name := safeName(t.Name + "-" + d.Name)
	dir, withKey := m.opts.SaveDir, y.shown
	return func() tea.Msg {
		path, err := writeNew(dir, name, ".conf", []byte(text))
		return yourSideSaved{path, withKey, err, "ctrl+r, then ctrl+s, saves it with the key"}
	}
}

// yourSideSaved says where a configuration or an export went; hint says
// how to save it with the key.
type yourSideSaved struct {
	path    string
	withKey bool
	err     error
	hint    string
}

// view is the picker and the device's title, fixed, over the scrolled
// text (wrapped rows marked as continuing their line).
func (y *yourSide) view(m *Model, w, h int) string {
	if y.width != w {
		y.vp.SetContent(wrapTokens(y.text, w, m.viewerMark()))
		y.width = w
	}
	head := pickerLine("Your side: ", y.names, y.at, w) + "\n" + m.Styles.Muted.Render(truncate(y.title, w))
	y.vp.SetWidth(w)
	y.vp.SetHeight(max(h-strings.Count(head, "\n")-1, 1))
	return head + "\n" + y.vp.View()
}
