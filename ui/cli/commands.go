package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"tunnelwiz/cloud"
	"tunnelwiz/ui/command"
	"tunnelwiz/ui/front"
)

// UsageError is a command line that cannot be run as given (exit 2).
type UsageError = front.UsageError

// The shared front-end types, under the names the commands use.
type (
	IO                 = front.IO
	Where              = front.Where
	Ask                = front.Ask
	AbortedError       = front.AbortedError
	FailedError        = front.FailedError
	NoCredentialsError = front.NoCredentialsError
)

// Resolve picks where requests go (see front.Resolve).
var Resolve = front.Resolve

// IsTerminal reports whether f is a terminal.
var IsTerminal = front.IsTerminal

// loadOne reads the one spec file the command line names (- for standard
// input, in) through the spec flags (--region), and finds its driver.
func loadOne(specs *front.SpecFlags, command string, pos []string, o IO) (string, *cloud.Spec, cloud.Driver, error) {
	if len(pos) != 1 {
		return "", nil, nil, &UsageError{Msg: fmt.Sprintf("usage: tunnelwiz %s FILE [flags]  (FILE - reads standard input; see tunnelwiz %s --help)", command, command)}
	}
	return specs.Load(pos[0], o.In, o.Err)
}

// scrubbing buffers a command's output and masks the spec's secrets in it
// on flush: the last line of defence behind the catalog's redaction.
func scrubbing(o IO, secrets []string) (IO, func()) {
	var out, errb bytes.Buffer
	return IO{Out: &out, Err: &errb}, func() {
		io.WriteString(o.Out, cloud.Scrub(out.String(), secrets))
		io.WriteString(o.Err, cloud.Scrub(errb.String(), secrets))
	}
}

// scrubWriter masks secrets write by write, for output a person must see
// as it happens (prompts, progress). Writes are whole lines or prompts, so
// a key is never split across two.
type scrubWriter struct {
	w       io.Writer
	secrets []string
}

func (s scrubWriter) Unwrap() io.Writer { return s.w }

func (s scrubWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(s.w, cloud.Scrub(string(p), s.secrets)); err != nil {
		return 0, err
	}
	return len(p), nil
}

var validateCommand = &command.Command{
	Use:   "validate FILE",
	Short: "check a spec file against its vendor's rules",
	Long: `Checks every field of the spec against the vendor's rules. Each issue names the parameter path,
what is wrong and the allowed values or range. Exit status 1 when the spec has errors; warnings do
not change it. FILE - reads standard input.`,
	Group: groupSpec,
	Args:  command.At(0, specFiles),
	Flags: func(fs *pflag.FlagSet) command.Run {
		asJSON := fs.Bool("json", false, "print issues as JSON")
		specs := front.NewSpecFlags(fs)
		return func(pos []string, o IO) error {
			file, spec, d, err := loadOne(specs, "validate", pos, o)
			if err != nil {
				return err
			}
			o, flush := scrubbing(o, d.Catalog().SecretValues(spec.Params))
			defer flush()
			_, issues := d.Catalog().Check(spec)
			if *asJSON {
				if issues == nil {
					issues = cloud.Issues{}
				}
				if err := writeJSON(o.Out, issues); err != nil {
					return err
				}
			} else {
				writeIssues(o.Out, issues)
				verdict := "valid"
				if issues.Errors() > 0 {
					verdict = "invalid"
				}
				fmt.Fprintf(o.Out, "%s: %s %s (%s)\n", file, d.Catalog().Title, verdict, countText(issues))
			}
			if issues.Errors() > 0 {
				return &cloud.InvalidError{Issues: issues}
			}
			return nil
		}
	},
}

// Validate runs `tunnelwiz validate FILE [--json]`.
func Validate(args []string, o IO) error { return validateCommand.Main(args, o) }

var planCommand = &command.Command{
	Use:   "plan FILE",
	Short: "show the exact request it would send: method, URL, headers, body",
	Long: `Plans the spec through the vendor's real SDK against a recorder inside the process: what it
prints is what the SDK puts on the wire, and nothing is sent anywhere. The pre-shared key is masked
unless --show-secrets. Errors and warnings go to stderr; stdout is the request alone (nothing when the
spec has errors, exit status 1). FILE - reads standard input.`,
	Group: groupSpec,
	Args:  command.At(0, specFiles),
	Flags: func(fs *pflag.FlagSet) command.Run {
		asJSON := fs.Bool("json", false, "print the request as JSON")
		show := fs.Bool("show-secrets", false, "show the pre-shared key instead of masking it")
		specs := front.NewSpecFlags(fs)
		return func(pos []string, o IO) error {
			file, spec, d, err := loadOne(specs, "plan", pos, o)
			if err != nil {
				return err
			}
			if !*show {
				var flush func()
				o, flush = scrubbing(o, d.Catalog().SecretValues(spec.Params))
				defer flush()
			}
			req, issues, err := cloud.Plan(spec, *show)
			var invalid *cloud.InvalidError
			if errors.As(err, &invalid) {
				// There is no request: the issues are errors, for people
				// (stderr); stdout, the request alone, stays empty.
				writeIssues(o.Err, issues)
				fmt.Fprintf(o.Err, "%s: not planned (%s)\n", file, countText(issues))
				return err
			}
			if err != nil {
				return err
			}
			// Warnings are for people; stdout stays the request alone.
			writeIssues(o.Err, issues)
			if *asJSON {
				return writeJSON(o.Out, req)
			}
			writePlan(o.Out, d.Catalog().Title, req, !*show)
			return nil
		}
	},
}

// Plan runs `tunnelwiz plan FILE [--json] [--show-secrets]`.
func Plan(args []string, o IO) error { return planCommand.Main(args, o) }

var rulesCommand = &command.Command{
	Use:   "rules",
	Short: "list every vendor rule and its source",
	Long: `Prints each vendor's rule table: every parameter with its type, whether it is required, its
allowed values or range, its default, and the document it comes from (--json gives every source).`,
	Group: groupSpec,
	Flags: func(fs *pflag.FlagSet) command.Run {
		asJSON := fs.Bool("json", false, "print the catalog as JSON")
		vendor := fs.String("vendor", "", "only this `VENDOR`: "+strings.Join(cloud.Vendors(), ", "))
		return func(pos []string, o IO) error {
			if len(pos) > 0 {
				return &UsageError{Msg: "usage: tunnelwiz rules [--vendor V] [--json]"}
			}
			vendors := cloud.Vendors()
			if *vendor != "" {
				if _, err := cloud.DriverFor(*vendor); err != nil {
					return err
				}
				vendors = []string{*vendor}
			}
			var out []catalogJSON
			for _, v := range vendors {
				d, _ := cloud.Lookup(v)
				if *asJSON {
					out = append(out, toCatalogJSON(d.Catalog()))
				} else {
					writeRules(o.Out, d.Catalog())
				}
			}
			if *asJSON {
				return writeJSON(o.Out, out)
			}
			return nil
		}
	},
}

// Rules runs `tunnelwiz rules [--vendor V] [--json]`.
func Rules(args []string, o IO) error { return rulesCommand.Main(args, o) }

// PartialError means a preset could be applied only in part (exit 1).
type PartialError struct{ N int }

func (e *PartialError) Error() string {
	return fmt.Sprintf("%d setting(s) of the preset cannot be expressed on this vendor", e.N)
}
