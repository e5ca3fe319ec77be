package cli

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/ui/front"
)

// `tunnelwiz peer --connection ID --vendor-device NAME`: after a create,
// the vendor's own customer-side export, for devices tunnelwiz does not
// write itself. Where to ask comes as for list/show/status/delete (a spec
// file, or --vendor/--region/--project-id; --sandbox or --endpoint).

const vendorPeerUsage = "usage: tunnelwiz peer --connection ID --vendor-device NAME|list FILE|--vendor V --region R [--project-id P] [--interface NAME] [--sandbox | --endpoint URL] [--show-secrets] [-o FILE]"

// listDevices is the --vendor-device value that lists the vendor's devices.
const listDevices = "list"

// vendorPeer is the command line of a vendor export.
type vendorPeer struct {
	life       *lifeFlags
	connection string
	device     string // --vendor-device
	iface      string // --interface
	show       bool
	out        string
}

func (v *vendorPeer) run(pos []string, o IO) error {
	if len(pos) > 1 || v.device == "" || v.connection == "" && v.device != listDevices {
		return &UsageError{Msg: vendorPeerUsage}
	}
	if v.connection != "" {
		if err := cloud.CheckID(v.connection); err != nil {
			return &UsageError{Msg: "--connection " + front.Escape(err.Error())}
		}
	}
	if err := front.CheckOutput(v.out); err != nil {
		return err
	}
	file := ""
	if len(pos) == 1 {
		file = pos[0]
	}
	dest, err := v.life.locate(file, o.In)
	if err != nil {
		return err
	}
	defer dest.close()
	if _, ok := dest.driver.(cloud.PeerExporter); !ok {
		c := dest.driver.Catalog()
		return &UsageError{Msg: fmt.Sprintf("%s (%s): the vendor offers no customer-gateway configuration export in this API; tunnelwiz writes one itself: tunnelwiz peer FILE --device NAME (see tunnelwiz peer --devices)", c.API, c.Title)}
	}
	if !v.show {
		o = masked(o, dest.secrets)
	}
	ctx, stop := v.life.context()
	defer stop()
	fmt.Fprintf(o.Err, "Destination: %s\n", dest.where.Said)
	devs, err := cloud.ListPeerDevices(ctx, dest.driver, dest.where.Base)
	if err != nil {
		if e := interrupted(ctx, "stopped listing devices"); e != nil {
			return e
		}
		return explain(err)
	}
	if v.device == listDevices {
		writeDevices(o, devs)
		return nil
	}
	dev, err := cloud.FindPeerDevice(devs, v.device)
	var unknown *cloud.UnknownDeviceError
	if errors.As(err, &unknown) {
		return &UsageError{Msg: "--vendor-device: " + front.Escape(unknown.Error()) + " (tunnelwiz peer --vendor-device list)"}
	}
	if dev.Interface && v.iface == "" {
		return &UsageError{Msg: fmt.Sprintf("--interface: the export for %s names your device's outside interface: give it with --interface (such as GigabitEthernet0/0/1)", dev.Name)}
	}
	cfg, err := cloud.ExportPeerConfig(ctx, dest.driver, dest.where.Base, v.connection, dev, v.iface)
	if err != nil {
		if e := interrupted(ctx, "stopped exporting"); e != nil {
			return e
		}
		return dest.notFound(v.connection, err)
	}
	text := peerExportText(cfg)
	secrets := append(append([]string{}, cfg.Secrets...), dest.secrets...)
	if !v.show && len(secrets) == 0 {
		// Masking needs the key: neither the spec nor the vendor's answer
		// gave one tunnelwiz can recognise, so the text may hold it in a
		// form nothing would mask. It is not printed unless asked.
		return &UsageError{Msg: "the vendor's export holds no key tunnelwiz can recognise to mask, so it may show the pre-shared key as it is: give the spec FILE (its key is masked), or --show-secrets to print it anyway"}
	}
	if !v.show {
		text = cloud.Scrub(text, secrets)
	}
	if v.out == "" {
		_, err := fmt.Fprint(o.Out, strings.ReplaceAll(text, "\r\n", "\n"))
		return err
	}
	// Mode 0600 even masked: the vendor's text may hold the key in a form
	// nothing recognised.
	if err := front.WriteOutput(v.out, text, true); err != nil {
		return err
	}
	note := "the pre-shared key masked; --show-secrets writes it"
	if v.show {
		note = "it may hold the pre-shared key"
	}
	fmt.Fprintf(o.Err, "wrote %s (mode 0600; %s)\n", front.Escape(v.out), note)
	return nil
}

// peerExportText is the vendor's text, after a header line when the
// vendor's answer is not a device's configuration, ending in a newline.
func peerExportText(cfg *cloud.PeerConfig) string {
	text := cfg.Text
	if cfg.Note != "" {
		text = "# " + cfg.Note + "\n" + text
	}
	if !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	return text
}

// writeDevices lists the devices, one a line, with the NAME to pass and
// the device in the vendor's words (PeerDevice.Label).
func writeDevices(o IO, devs []cloud.PeerDevice) {
	tw := tabwriter.NewWriter(o.Out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tDEVICE")
	for _, d := range devs {
		fmt.Fprintf(tw, "%s\t%s\n", front.Escape(d.Name), dash(front.Escape(d.Label())))
	}
	tw.Flush()
	fmt.Fprintf(o.Err, "%d %s; pass the NAME (or a unique start of it) to --vendor-device.\n", len(devs), plural(len(devs), "device"))
}

// vendorExportTimeout bounds a vendor export (two or three calls).
const vendorExportTimeout = 2 * time.Minute
