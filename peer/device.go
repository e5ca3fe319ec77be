package peer

import (
	"fmt"
	"sort"
	"strings"
)

// Device is a kind of customer gateway tunnelwiz writes a configuration for.
type Device struct {
	// Name is what --device takes.
	Name string
	// Title says what the device is and what is written.
	Title string
	// Verified says how the output was checked.
	Verified string
	// Parts: the device can hold several tunnels of one connection side by
	// side (each its own connection or interface). A device whose tunnels
	// share one crypto map, IKE policy or st0 unit per interface cannot:
	// the second tunnel would replace or shadow the first.
	Parts bool
	write func(t *Tunnel, show bool) (string, []Warning)
}

// Holds says why the device cannot be given the tunnel (nil when it can).
func (d Device) Holds(t *Tunnel) error {
	if len(t.Parts) < 2 || d.Parts {
		return nil
	}
	var can []string
	for _, o := range Devices() {
		if o.Parts {
			can = append(can, o.Name)
		}
	}
	return &UnsupportedError{Field: t.PartsField, Why: fmt.Sprintf("%s cannot hold the connection's %d tunnels side by side "+
		"as tunnelwiz writes them (the second would replace or shadow the first); devices that can: %s",
		d.Name, len(t.Parts), strings.Join(can, ", "))}
}

// Write renders the tunnel for the device. With show false the pre-shared
// key is a visible placeholder. The warnings are the tunnel's and what
// the device cannot express, each naming the spec's field.
// A tunnel with Parts is written part after part.
func (d Device) Write(t *Tunnel, show bool) (string, []Warning) {
	all := append([]Warning(nil), t.Warnings...)
	if err := d.Holds(t); err != nil {
		u := err.(*UnsupportedError)
		return "", append(all, Warning{Field: u.Field, Message: u.Why})
	}
	var text string
	if len(t.Parts) == 0 {
		var ws []Warning
		text, ws = d.write(t, show)
		all = append(all, ws...)
	}
	for i, p := range t.Parts {
		pt, ws := d.write(p, show)
		if i > 0 {
			text += "\n"
		}
		text += pt
		all = append(append(all, p.Warnings...), ws...)
	}
	var out []Warning
	seen := map[Warning]bool{}
	for _, w := range all {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return text, out
}

var devices = map[string]Device{}

func register(d Device) { devices[d.Name] = d }

// Devices lists the devices, by name.
func Devices() []Device {
	out := make([]Device, 0, len(devices))
	for _, d := range devices {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	return out
}

// rank puts strongswan (the one proven against a real daemon) first.
func rank(d Device) string {
	if d.Name == "strongswan" {
		return ""
	}
	return d.Name
}

// Find returns a device by name.
func Find(name string) (Device, bool) {
	d, ok := devices[name]
	return d, ok
}

// Placeholder stands for the spec's pre-shared key unless --show-secrets.
const Placeholder = "PRE-SHARED-KEY-MASKED-see-the-spec-or-use--show-secrets"

// PlaceholderFromCloud stands for the key the cloud made up, when the spec
// sends none (Alibaba, Huawei): neither the spec nor --show-secrets holds it.
const PlaceholderFromCloud = "PRE-SHARED-KEY-FROM-THE-CLOUD"
