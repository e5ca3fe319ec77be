package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"tunnelwiz/cloud"
	"tunnelwiz/peer"
	"tunnelwiz/ui/command"
	"tunnelwiz/ui/front"
)

const peerUsage = "usage: tunnelwiz peer FILE --device NAME [--cloud-ip IP] [--peer-ip IP] [--show-secrets] [--sandbox | --endpoint URL] [-o FILE], or tunnelwiz peer --devices, or (after a create) tunnelwiz peer --connection ID --vendor-device NAME|list FILE|--vendor V --region R"

var peerCommand = &command.Command{
	Use:   "peer FILE --device NAME",
	Short: "your side: the customer gateway's configuration for the spec",
	Long: `Writes the customer gateway's configuration for the spec's connection: every phase 1 and
phase 2 value is the cloud's own, and a value the spec leaves unset is the vendor's documented
default, marked so. Addresses come from the flags, else the spec, else a look-up at --sandbox or
--endpoint (or the cloud, with keys found). The pre-shared key is a placeholder unless
--show-secrets. -o writes a new file, never over one (mode 0600 with the key in it). FILE - reads
standard input.
tunnelwiz peer --devices lists the devices and how each was verified. After a create,
--connection ID --vendor-device NAME prints the vendor's own export for a device tunnelwiz does
not write (--vendor-device list lists them), from a spec FILE or --vendor/--region/--project-id.`,
	Example: `  tunnelwiz peer examples/tencent.yaml --device strongswan -o gz-to-dc1.conf --show-secrets`,
	Group:   groupSpec,
	Args:    command.At(0, specFiles),
	Flags: func(fs *pflag.FlagSet) command.Run {
		return peerFlags(fs, front.OSEnv())
	},
}

// Peer runs `tunnelwiz peer FILE --device NAME ...` and `tunnelwiz peer
// --devices`: the customer gateway's configuration for one device.
func Peer(args []string, o IO) error { return peerCommand.Main(args, o) }

// PeerIn is Peer with the environment given (keys for look-ups are found
// in env, not the process's).
func PeerIn(env front.Env, args []string, o IO) error {
	c := *peerCommand
	c.Flags = func(fs *pflag.FlagSet) command.Run { return peerFlags(fs, env) }
	return c.Main(args, o)
}

func peerFlags(fs *pflag.FlagSet, env front.Env) command.Run {
	device := fs.String("device", "", "the customer gateway device `NAME`: "+deviceNames()+" (any case, or the unique start of one; see --devices)")
	list := fs.Bool("devices", false, "list the devices")
	cloudIP := fs.String("cloud-ip", "", "the cloud VPN gateway's public `IP` (wins over the spec and look-ups; A,B for a dual-tunnel connection, one per tunnel)")
	peerIP := fs.String("peer-ip", "", "this customer gateway's `IP` (wins over the spec and look-ups; A,B for a dual-tunnel connection's two customer gateways)")
	show := fs.Bool("show-secrets", false, "write the pre-shared key instead of a placeholder")
	out := fs.StringP("output", "o", "", "write to this new `FILE` (never over one; mode 0600 when it holds the key) instead of stdout")
	dest := front.NewDestFlags(fs, "look the gateways' addresses up at this base `URL` (e.g. a running tunnelwiz sandbox)",
		"look the gateways' addresses up in a built-in sandbox")
	// After a create: the vendor's own export, for devices peer does not write.
	connection := fs.String("connection", "", "after a create: the connection's `ID`, for --vendor-device")
	vendorDevice := fs.String("vendor-device", "", "with --connection: the vendor's own export for device `NAME`; list: the vendor's devices and their NAMEs")
	iface := fs.String("interface", "", "with --vendor-device: your device's outside interface `NAME`, where the vendor's export names it (Tencent)")
	vendor := fs.String("vendor", "", "with --vendor-device and no spec file: the API, `VENDOR`: "+strings.Join(cloud.Vendors(), ", "))
	project := fs.String("project-id", "", "with --vendor-device: Huawei's project `ID` (or a spec file's project_id)")
	specs := front.NewSpecFlags(fs)
	return func(pos []string, o IO) error {
		if *connection != "" || *vendorDevice != "" {
			if *list || *device != "" || *cloudIP != "" || *peerIP != "" {
				return &UsageError{Msg: "--connection and --vendor-device ask the vendor's own export; --device, --devices, --cloud-ip and --peer-ip are for the configuration tunnelwiz writes"}
			}
			timeout, region := vendorExportTimeout, specs.Region()
			asJSON := false
			life := &lifeFlags{name: "peer", vendor: vendor, region: &region, project: project, dest: dest,
				asJSON: &asJSON, timeout: &timeout}
			v := &vendorPeer{life: life, connection: *connection, device: *vendorDevice, iface: *iface, show: *show, out: *out}
			return v.run(pos, o)
		}
		if *vendor != "" || *project != "" || *iface != "" {
			return &UsageError{Msg: "--vendor, --project-id and --interface go with --connection and --vendor-device"}
		}
		if *list {
			if len(pos) > 0 || *device != "" {
				return &UsageError{Msg: peerUsage}
			}
			for _, d := range peer.Devices() {
				fmt.Fprintf(o.Out, "%-14s %s; verified: %s\n", d.Name, d.Title, d.Verified)
			}
			return nil
		}
		if len(pos) != 1 {
			return &UsageError{Msg: peerUsage}
		}
		// As forgiving as --vendor-device: any case, or a unique start.
		picked, matches := cloud.PickName(deviceList(), *device)
		dev, ok := peer.Find(picked)
		if !ok {
			what := fmt.Sprintf("no device %q", *device)
			switch {
			case *device == "":
				what = "no device given"
			case len(matches) > 1:
				what = fmt.Sprintf("%q names several devices (%s)", *device, strings.Join(matches, ", "))
			}
			return &UsageError{Msg: fmt.Sprintf("--device: %s; use one of %s (tunnelwiz peer --devices)", front.Escape(what), cloud.OrList(deviceList()))}
		}
		if err := front.CheckOutput(*out); err != nil {
			return err
		}
		name, spec, d, err := specs.Load(pos[0], o.In, o.Err)
		if err != nil {
			return err
		}
		opts := peer.Options{CloudIP: *cloudIP, PeerIP: *peerIP}
		ask := dest.Ask()
		return peerWrite(env, name, spec, d, dev, opts, ask, *show, *out, o)
	}
}

// peerWrite builds the tunnel (looking addresses up where asked or
// needed) and writes the device's configuration to out, or stdout.
func peerWrite(env front.Env, name string, spec *cloud.Spec, d cloud.Driver, dev peer.Device, opts peer.Options,
	ask front.Ask, show bool, out string, o IO) error {
	var err error
	secrets := d.Catalog().SecretValues(spec.Params)
	if !show {
		var flush func()
		o, flush = scrubbing(o, secrets)
		defer flush()
	}
	var bad *peer.FlagError
	if err := peer.CheckOptions(opts); errors.As(err, &bad) {
		return &UsageError{Msg: err.Error()} // before any look-up
	}
	explicit := ask.Sandbox || ask.Endpoint != ""
	if explicit {
		// A destination was named: its look-up fills what the spec lacks
		// (the gateways' addresses, the VPC's CIDR).
		if opts.Inventory, err = lookUp(env, d, spec, ask, o.Err); err != nil {
			return scrubbedError{err, secrets}
		}
	}
	t, err := peer.Build(spec, opts)
	var missing *peer.MissingAddressError
	if errors.As(err, &missing) && !explicit {
		// The spec lacks an address: look the gateways up in the cloud
		// when the vendor's keys are found.
		inv, lerr := lookUp(env, d, spec, ask, o.Err)
		if lerr != nil {
			return scrubbedError{lerr, secrets}
		}
		if inv != nil {
			opts.Inventory = inv
			t, err = peer.Build(spec, opts)
		}
	}
	var invalid *cloud.InvalidError
	switch {
	case errors.As(err, &invalid):
		writeIssues(o.Err, invalid.Issues) // errors, not the configuration: stdout stays empty
		fmt.Fprintf(o.Err, "%s: no configuration written (%s)\n", name, countText(invalid.Issues))
		return err
	case errors.As(err, &missing), errors.As(err, &bad):
		return &UsageError{Msg: err.Error()}
	case err != nil:
		return err
	}
	if err := dev.Holds(t); err != nil {
		return &UsageError{Msg: err.Error()}
	}
	text, warns := dev.Write(t, show)
	for _, w := range warns {
		fmt.Fprintf(o.Err, "warning %s\n", w)
	}
	if out == "" {
		_, err := fmt.Fprint(o.Out, text)
		return err
	}
	withKey := show && t.PSK.Known()
	if err := front.WriteOutput(out, text, withKey); err != nil {
		return err
	}
	fmt.Fprintf(o.Err, "wrote %s (%s)\n", front.Escape(out), keyNote(withKey))
	return nil
}

func keyNote(withKey bool) string {
	if withKey {
		return "mode 0600: it holds the pre-shared key"
	}
	return "the pre-shared key is a placeholder"
}

func deviceNames() string { return strings.Join(deviceList(), ", ") }

// lookUp lists the destination's gateways: the sandbox or endpoint asked
// for, else the cloud when the vendor's keys are found; nil when there is
// nowhere to look.
func lookUp(env front.Env, d cloud.Driver, spec *cloud.Spec, ask front.Ask, say io.Writer) (*cloud.Inventory, error) {
	where, err := front.ResolveIn(env, d, spec.Target, ask)
	var nocred *NoCredentialsError
	if errors.As(err, &nocred) && !ask.Sandbox && ask.Endpoint == "" {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer where.Close()
	// The look-up signs: say as whom, as every command that signs does.
	fmt.Fprintf(say, "Looking the gateways up at %s\n", where.Said)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	inv, err := cloud.ListInventory(ctx, d, where.Base)
	if err != nil {
		return nil, fmt.Errorf("looking the gateways up at %s: %w", where.Said, err)
	}
	return inv, nil
}
