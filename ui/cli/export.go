package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"tunnelwiz/cloud"
	"tunnelwiz/export"
)

const exportUsage = "usage: tunnelwiz export FILE --format terraform|tccli|aliyun|hcloud|curl [--show-secrets] [--connection ID] [-o FILE]"

// Export runs `tunnelwiz export FILE --format F`: the spec as the vendor's
// Terraform resource, a vendor CLI's command line, or a curl command.
func Export(args []string, o IO) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	format := fs.String("format", "", "terraform, tccli, aliyun, hcloud or curl")
	show := fs.Bool("show-secrets", false, "write the pre-shared key itself instead of a variable or placeholder")
	conn := fs.String("connection", "", "an existing connection's id: Terraform adopts it (import block) instead of creating another")
	out := fs.String("o", "", "write to this file (mode 0600 when it holds the key) instead of stdout")
	name, spec, d, err := loadOne(fs, args, o.In)
	if err != nil {
		var u *UsageError
		if errors.As(err, &u) && strings.HasPrefix(u.Msg, "usage:") {
			return &UsageError{Msg: exportUsage}
		}
		return err
	}
	f, ok := export.Lookup(*format)
	run := f.Write
	if !ok {
		return &UsageError{Msg: fmt.Sprintf("--format %q: use one of terraform, tccli, aliyun, hcloud, curl", *format)}
	}
	secrets := d.Catalog().SecretValues(spec.Params)
	res, err := run(spec, export.Options{ShowSecrets: *show, ConnectionID: *conn})
	var invalid *cloud.InvalidError
	var noProvider *export.NoProviderError
	var wrongVendor *export.WrongVendorError
	switch {
	case errors.As(err, &invalid):
		is := invalid.Issues
		if !*show {
			is = scrubIssues(is, secrets)
		}
		writeIssues(o.Out, is)
		fmt.Fprintf(o.Out, "%s: nothing exported (%s)\n", name, countText(invalid.Issues))
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
	if !*show {
		// The last net: the key is never in the output unless asked.
		text = cloud.Scrub(text, secrets)
	}
	if *out == "" {
		_, err := fmt.Fprint(o.Out, text)
		return err
	}
	withKey := *show && res.HasSecret
	if err := writeConfig(*out, text, withKey); err != nil {
		return err
	}
	note := "it holds no key"
	if withKey {
		note = "mode 0600: it holds the pre-shared key"
	}
	fmt.Fprintf(o.Err, "wrote %s (%s)\n", *out, note)
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
