package cloud

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"
)

// The vendor's own export of the customer side, for devices tunnelwiz
// does not write itself: the vendor lists the devices it writes for, and
// writes one device's configuration for a connection that exists.

// PeerDevice is one device the vendor's export writes for, in the
// vendor's words.
type PeerDevice struct {
	// Name is what --vendor-device takes: the vendor's words joined,
	// lower case (PeerDeviceName).
	Name     string `json:"name"`
	Vendor   string `json:"vendor"`
	Platform string `json:"platform"`
	Version  string `json:"version"`
	// Series is Huawei's device series (its "type"); empty elsewhere.
	Series string `json:"series,omitempty"`
	// Interface is set when the vendor's export names the device's
	// outside interface (Tencent's InterfaceName): it must then be given.
	Interface bool `json:"interface,omitempty"`
	// About, for an entry that is no device (Alibaba's export takes none),
	// says what the export writes; Vendor, Platform and Version are then
	// empty: they are the vendor's words for a device, never a sentence.
	About string `json:"about,omitempty"`
}

// Label is the device in words, as every list and title shows it: the
// vendor's words (vendor, series / platform, version; the empty ones left
// out), or About for an entry that is no device.
func (d PeerDevice) Label() string {
	if d.About != "" {
		return d.About
	}
	platform := d.Platform
	if d.Series != "" {
		platform = strings.TrimSuffix(d.Series+" / "+d.Platform, " / ")
	}
	var words []string
	for _, w := range []string{d.Vendor, platform, d.Version} {
		if w = strings.TrimSpace(w); w != "" {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

// PeerDeviceName joins a device's words into one name, lower case, with
// '-' for spaces and between words; empty words are left out.
func PeerDeviceName(words ...string) string {
	var parts []string
	for _, w := range words {
		w = strings.Join(strings.Fields(strings.ToLower(w)), "-")
		if w != "" {
			parts = append(parts, w)
		}
	}
	return strings.Join(parts, "-")
}

// PeerConfig is what the vendor's export answered.
type PeerConfig struct {
	// Text is the configuration as the vendor wrote it.
	Text string
	// Secrets are the pre-shared keys the text holds, as the driver read
	// them from the vendor's answer (its key field), for masking.
	Secrets []string
	// Note, when set, says what the text is when it is not a device's
	// configuration (Alibaba answers the connection's parameters).
	Note string
}

// PeerExporter is what a driver implements when the vendor's API has its
// own customer-side export.
type PeerExporter interface {
	// PeerDevices lists the devices the vendor's export writes for.
	PeerDevices(ctx context.Context, base *url.URL, cred Credentials, target map[string]string) ([]PeerDevice, error)
	// PeerConfig exports connection id's configuration for one device of
	// that list; iface is the device's outside interface, for exports
	// that name it. A connection that does not exist is an *APIError
	// with CodeNotFound.
	PeerConfig(ctx context.Context, base *url.URL, cred Credentials, target map[string]string, id string, dev PeerDevice, iface string) (*PeerConfig, error)
}

// ErrNoPeerExport is what a vendor without its own export answers.
var ErrNoPeerExport = errors.New("the vendor's API offers no customer-gateway configuration export")

// ListPeerDevices lists the vendor's export devices at a destination,
// paced by the vendor's rate limit.
func ListPeerDevices(ctx context.Context, d Driver, at Base) ([]PeerDevice, error) {
	x, ok := d.(PeerExporter)
	if !ok {
		return nil, ErrNoPeerExport
	}
	if err := limit(ctx, d.Catalog()); err != nil {
		return nil, err
	}
	devs, err := x.PeerDevices(ctx, at.URL, at.Cred, at.Target)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(devs, func(i, j int) bool { return devs[i].Name < devs[j].Name })
	return devs, nil
}

// ExportPeerConfig asks the vendor for one device's configuration of
// connection id, paced by the vendor's rate limit.
func ExportPeerConfig(ctx context.Context, d Driver, at Base, id string, dev PeerDevice, iface string) (*PeerConfig, error) {
	x, ok := d.(PeerExporter)
	if !ok {
		return nil, ErrNoPeerExport
	}
	if err := CheckID(id); err != nil {
		return nil, err
	}
	if err := limit(ctx, d.Catalog()); err != nil {
		return nil, err
	}
	return x.PeerConfig(ctx, at.URL, at.Cred, at.Target, id, dev, iface)
}

// UnknownDeviceError is a name that picks no single device.
type UnknownDeviceError struct {
	Name    string
	Matches []PeerDevice // the devices the name is a prefix of, when several
	All     []PeerDevice
}

func (e *UnknownDeviceError) Error() string {
	names := func(ds []PeerDevice) string {
		var out []string
		for _, d := range ds {
			out = append(out, d.Name)
		}
		return strings.Join(out, ", ")
	}
	if len(e.Matches) > 1 {
		return fmt.Sprintf("%q names several devices: %s", e.Name, names(e.Matches))
	}
	return fmt.Sprintf("no device %q; the vendor's export writes for: %s", e.Name, names(e.All))
}

// FindPeerDevice picks a device by name, forgivingly (PickName): the
// whole name in any case, else the one name it is a prefix of. Spaces
// count as '-', so "cisco ios" finds cisco-ios-v15.4.
func FindPeerDevice(devs []PeerDevice, name string) (PeerDevice, error) {
	names := make([]string, len(devs))
	for i, d := range devs {
		names[i] = d.Name
	}
	picked, matches := PickName(names, name)
	var prefixed []PeerDevice
	for _, d := range devs {
		if d.Name == picked {
			return d, nil
		}
		if slices.Contains(matches, d.Name) {
			prefixed = append(prefixed, d)
		}
	}
	return PeerDevice{}, &UnknownDeviceError{Name: name, Matches: prefixed, All: devs}
}
