package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"tunnelwiz/cloud"
	"tunnelwiz/export"
	"tunnelwiz/ui/command"
	"tunnelwiz/ui/front"
)

const exportUsage = "usage: tunnelwiz export FILE --format terraform|tccli|aliyun|hcloud|curl [--show-secrets] [--connection ID] [-o FILE]"

var exportCommand = &command.Command{
	Use:   "export FILE --format FORMAT",
	Short: "the spec as Terraform, a vendor CLI line or curl",
	Long: `Writes the same connection as the vendor's official Terraform provider resource, the vendor
CLI's command line for the create call (tccli, aliyun, hcloud), or the planned request as a curl
command. The pre-shared key is a variable or placeholder unless --show-secrets. -o writes a new
file, never over one (mode 0600 with the key in it). FILE - reads standard input.`,
	Example: `  tunnelwiz export examples/tencent.yaml --format terraform --connection vpnx-xr2of3zb -o vpn.tf`,
	Group:   groupSpec,
	Args:    command.At(0, specFiles),
	Flags: func(fs *pflag.FlagSet) command.Run {
		format := fs.String("format", "", "`FORMAT`: "+strings.Join(formatNames(), ", "))
		show := fs.Bool("show-secrets", false, "write the pre-shared key itself instead of a variable or placeholder")
		conn := fs.String("connection", "", "an existing connection's `ID`: Terraform adopts it (import block) instead of creating another")
		out := fs.StringP("output", "o", "", "write to this new `FILE` (never over one; mode 0600 when it holds the key) instead of stdout")
		specs := front.NewSpecFlags(fs)
		return func(pos []string, o IO) error {
			return exportSpec(specs, pos, o, *format, *show, *conn, *out)
		}
	},
}

// Export runs `tunnelwiz export FILE --format F`: the spec as the vendor's
// Terraform resource, a vendor CLI's command line, or a curl command.
func Export(args []string, o IO) error { return exportCommand.Main(args, o) }

func exportSpec(specs *front.SpecFlags, pos []string, o IO, format string, show bool, conn, out string) error {
	if err := front.CheckOutput(out); err != nil {
		return err
	}
	name, spec, d, err := loadOne(specs, "export", pos, o)
	if err != nil {
		var u *UsageError
		if errors.As(err, &u) && strings.HasPrefix(u.Msg, "usage:") {
			return &UsageError{Msg: exportUsage}
		}
		return err
	}
	f, ok := export.Lookup(format)
	run := f.Write
	if !ok {
		var names []string
		for _, f := range export.For(spec.Vendor) {
			names = append(names, f.Name)
		}
		return &UsageError{Msg: fmt.Sprintf("--format %q: use one of %s (for a %s spec)", format, cloud.OrList(names), spec.Vendor)}
	}
	secrets := d.Catalog().SecretValues(spec.Params)
	res, err := run(spec, export.Options{ShowSecrets: show, ConnectionID: conn})
	var invalid *cloud.InvalidError
	var noProvider *export.NoProviderError
	var wrongVendor *export.WrongVendorError
	switch {
	case errors.As(err, &invalid):
		is := invalid.Issues
		if !show {
			is = scrubIssues(is, secrets)
		}
		writeIssues(o.Err, is) // errors, not the export: stdout stays empty
		fmt.Fprintf(o.Err, "%s: nothing exported (%s)\n", name, countText(invalid.Issues))
		return err
	case errors.As(err, &noProvider), errors.As(err, &wrongVendor):
		return &UsageError{Msg: err.Error()}
	case err != nil:
		return scrubbedError{err, secrets}
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(o.Err, "warning %s\n", cloud.Scrub(w, secrets))
	}
	text := res.Text
	if !show {
		// The last net: the key is never in the output unless asked.
		text = cloud.Scrub(text, secrets)
	}
	if out == "" {
		_, err := fmt.Fprint(o.Out, text)
		return err
	}
	withKey := show && res.HasSecret
	if err := front.WriteOutput(out, text, withKey); err != nil {
		return err
	}
	note := "it holds no key"
	if withKey {
		note = "mode 0600: it holds the pre-shared key"
	}
	fmt.Fprintf(o.Err, "wrote %s (%s)\n", front.Escape(out), note)
	return nil
}

func scrubIssues(is cloud.Issues, secrets []string) cloud.Issues {
	out := make(cloud.Issues, len(is))
	for i, x := range is {
		x.Message = cloud.Scrub(x.Message, secrets)
		out[i] = x
	}
	return out
}

// formatNames are the names --format takes.
func formatNames() []string {
	names := make([]string, len(export.Formats))
	for i, f := range export.Formats {
		names[i] = f.Name
	}
	return names
}
