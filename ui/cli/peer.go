package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/peer"
	"tunnelwiz/ui/front"
)

const peerUsage = "usage: tunnelwiz peer FILE --device NAME [--cloud-ip IP] [--peer-ip IP] [--show-secrets] [--sandbox | --endpoint URL] [-o FILE], or tunnelwiz peer --devices"

// Peer runs `tunnelwiz peer FILE --device NAME ...` and `tunnelwiz peer
// --devices`: the customer gateway's configuration for one device.
func Peer(args []string, o IO) error {
	return PeerIn(front.OSEnv(), args, o)
}

// PeerIn is Peer with the environment given (keys for look-ups are found
// in env, not the process's).
func PeerIn(env front.Env, args []string, o IO) error {
	fs := flag.NewFlagSet("peer", flag.ContinueOnError)
	device := fs.String("device", "", "the customer gateway device (see --devices)")
	list := fs.Bool("devices", false, "list the devices")
	cloudIP := fs.String("cloud-ip", "", "the cloud VPN gateway's public IP (wins over the spec and look-ups)")
	peerIP := fs.String("peer-ip", "", "this customer gateway's IP (wins over the spec and look-ups)")
	show := fs.Bool("show-secrets", false, "write the pre-shared key instead of a placeholder")
	out := fs.String("o", "", "write to this file (mode 0600 when it holds the key) instead of stdout")
	endpoint := fs.String("endpoint", "", "look the gateways' addresses up at this base URL (e.g. a running `tunnelwiz sandbox`)")
	insecure := fs.Bool("insecure-endpoint", false, "allow plain http to a host other than this machine")
	profile := fs.String("profile", "", "sign as this vendor CLI profile (over TENCENTCLOUD_PROFILE, ALIBABA_CLOUD_PROFILE, HW_PROFILE…)")
	useSandbox := fs.Bool("sandbox", false, "look the gateways' addresses up in a built-in sandbox")
	pos, err := parse(fs, args)
	if err != nil {
		return err
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
	dev, ok := peer.Find(*device)
	if !ok {
		return &UsageError{Msg: fmt.Sprintf("--device %q: use one of %s (tunnelwiz peer --devices)", *device, deviceNames())}
	}
	spec, err := cloud.LoadSpec(pos[0])
	if err != nil {
		return err
	}
	d, err := cloud.DriverFor(spec.Vendor)
	if err != nil {
		return err
	}
	secrets := d.Catalog().SecretValues(spec.Params)
	if !*show {
		var flush func()
		o, flush = scrubbing(o, secrets)
		defer flush()
	}
	opts := peer.Options{CloudIP: *cloudIP, PeerIP: *peerIP}
	ask := front.Ask{Endpoint: *endpoint, Sandbox: *useSandbox, InsecureEndpoint: *insecure, Profile: *profile}
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
		writeIssues(o.Out, invalid.Issues)
		fmt.Fprintf(o.Out, "%s: no configuration written (%s)\n", pos[0], countText(invalid.Issues))
		return err
	case errors.As(err, &missing):
		return &UsageError{Msg: err.Error()}
	case err != nil:
		return err
	}
	text, warns := dev.Write(t, *show)
	for _, w := range warns {
		fmt.Fprintf(o.Err, "warning %s\n", w)
	}
	if *out == "" {
		_, err := fmt.Fprint(o.Out, text)
		return err
	}
	withKey := *show && t.PSK.Known()
	if err := writeConfig(*out, text, withKey); err != nil {
		return err
	}
	fmt.Fprintf(o.Err, "wrote %s (%s)\n", *out, keyNote(withKey))
	return nil
}

func keyNote(withKey bool) string {
	if withKey {
		return "mode 0600: it holds the pre-shared key"
	}
	return "the pre-shared key is a placeholder"
}

func deviceNames() string {
	var names []string
	for _, d := range peer.Devices() {
		names = append(names, d.Name)
	}
	return strings.Join(names, ", ")
}

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

// writeConfig writes the file whole, through a temporary file renamed
// into place, so that it never exists with a key under wider permissions.
func writeConfig(path, text string, withKey bool) error {
	mode := os.FileMode(0o644)
	if withKey {
		mode = 0o600
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tunnelwiz-peer-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.WriteString(text); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
