package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"gopkg.in/yaml.v3"

	"tunnelwiz/cloud"
	"tunnelwiz/presets"
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

// parse parses flags that may come before or after the positional
// arguments (tunnelwiz plan FILE --json), which the flag package alone
// does not allow.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, &UsageError{Msg: fmt.Sprintf("%s: %v", fs.Name(), err)}
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// loadOne parses the flags, then reads the one spec file named (- for
// standard input, in) and finds its driver. The name it returns is for
// display: escaped, since a file name may hold any byte but / and NUL.
func loadOne(fs *flag.FlagSet, args []string, in io.Reader) (string, *cloud.Spec, cloud.Driver, error) {
	pos, err := parse(fs, args)
	if err != nil {
		return "", nil, nil, err
	}
	if len(pos) != 1 {
		return "", nil, nil, &UsageError{Msg: fmt.Sprintf("usage: tunnelwiz %s FILE [flags]  (FILE - reads standard input)", fs.Name())}
	}
	var spec *cloud.Spec
	name := pos[0]
	if name == "-" {
		if in == nil {
			in = os.Stdin
		}
		name = "standard input"
		spec, err = cloud.ReadSpec(in, name)
	} else {
		spec, err = cloud.LoadSpec(name)
	}
	if err != nil {
		return "", nil, nil, err
	}
	d, err := cloud.DriverFor(spec.Vendor)
	if err != nil {
		return "", nil, nil, err
	}
	return front.Escape(name), spec, d, nil
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

// Validate runs `tunnelwiz validate FILE [--json]`.
func Validate(args []string, o IO) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print issues as JSON")
	file, spec, d, err := loadOne(fs, args, o.In)
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

// Plan runs `tunnelwiz plan FILE [--json] [--show-secrets]`.
func Plan(args []string, o IO) error {
	fs := flag.NewFlagSet("plan", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the request as JSON")
	show := fs.Bool("show-secrets", false, "show the pre-shared key instead of masking it")
	file, spec, d, err := loadOne(fs, args, o.In)
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
		// The issues are the result the user needs: on stdout, as validate prints them.
		writeIssues(o.Out, issues)
		fmt.Fprintf(o.Out, "%s: not planned (%s)\n", file, countText(issues))
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

// Rules runs `tunnelwiz rules [--vendor V] [--json]`.
func Rules(args []string, o IO) error {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	asJSON := fs.Bool("json", false, "print the catalog as JSON")
	vendor := fs.String("vendor", "", "only this vendor: "+strings.Join(cloud.Vendors(), ", "))
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
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

// Presets runs `tunnelwiz presets [NAME] [--vendor V]`: the list, or one
// preset mapped onto a vendor as a params fragment to paste into a spec.
func Presets(args []string, o IO) error {
	fs := flag.NewFlagSet("presets", flag.ContinueOnError)
	vendor := fs.String("vendor", "", "map the preset onto this vendor")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		all, err := presets.All()
		if err != nil {
			return err
		}
		for _, p := range all {
			fmt.Fprintf(o.Out, "%-14s %s\n", p.Name, p.Title)
		}
		fmt.Fprintf(o.Out, "%-14s %s\n", "defaults", "each vendor's documented defaults (needs --vendor)")
		return nil
	}
	if len(pos) > 1 || *vendor == "" {
		return &UsageError{Msg: "usage: tunnelwiz presets [NAME --vendor V]"}
	}
	d, err := cloud.DriverFor(*vendor)
	if err != nil {
		return err
	}
	var p *presets.Preset
	if pos[0] == "defaults" {
		p = presets.VendorDefaults(d.Catalog())
	} else if p, err = presets.Find(pos[0]); err != nil {
		return &UsageError{Msg: err.Error()}
	}
	params := cloud.Params{}
	_, problems := presets.Apply(p, d.Catalog(), params)
	b, err := yaml.Marshal(map[string]any{"params": map[string]any(params)})
	if err != nil {
		return err
	}
	fmt.Fprintf(o.Out, "# %s on %s\n%s", p.Title, d.Catalog().Title, b)
	for _, pr := range problems {
		fmt.Fprintf(o.Err, "cannot express: %s\n", pr.Message)
	}
	if len(problems) > 0 {
		return &PartialError{N: len(problems)}
	}
	return nil
}

// PartialError means a preset could be applied only in part (exit 1).
type PartialError struct{ N int }

func (e *PartialError) Error() string {
	return fmt.Sprintf("%d setting(s) of the preset cannot be expressed on this vendor", e.N)
}
