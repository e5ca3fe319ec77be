package front

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"

	"tunnelwiz/cloud"
)

// SpecFlags are the flags of every command that reads a spec file, beside
// the file: defined here once, so that validate, plan, apply, export, peer
// and the wizard's --from read a spec the same way.
type SpecFlags struct {
	region *string
}

// NewSpecFlags defines the spec flags on fs.
func NewSpecFlags(fs *pflag.FlagSet) *SpecFlags {
	return &SpecFlags{
		region: fs.String("region", "", "use this `REGION` instead of the spec's (the parameters that repeat the region follow it)"),
	}
}

// Region is the region --region gives, or "".
func (f *SpecFlags) Region() string { return *f.region }

// Load reads the spec named (- for standard input, from in), finds its
// driver and applies the flags. A --region replaces the spec's and is said
// on note, so that what is planned or sent is never silently other than
// the file; the region is then checked like any other. The name returned
// is for display: escaped, since a file name may hold any byte but / and NUL.
func (f *SpecFlags) Load(name string, in io.Reader, note io.Writer) (string, *cloud.Spec, cloud.Driver, error) {
	spec, err := ReadSpec(name, in)
	if err != nil {
		return "", nil, nil, err
	}
	d, err := cloud.DriverFor(spec.Vendor)
	if err != nil {
		return "", nil, nil, err
	}
	shown := Escape(name)
	if name == "-" {
		shown = "standard input"
	}
	if r := *f.region; r != "" && r != spec.Region() {
		old := spec.Region()
		changed := spec.MoveRegion(d.Catalog(), r)
		msg := fmt.Sprintf("region %s (--region; %s says %q)", Escape(r), shown, Escape(old))
		if len(changed) > 0 {
			msg += ", also in " + strings.Join(changed, ", ")
		}
		fmt.Fprintln(note, msg)
		if bound := spec.RegionBound(d.Catalog()); len(bound) > 0 {
			// Said once, for every such value: an id (Huawei's project_id
			// too) names something made in one region, and the request
			// would otherwise go to the new region holding the old ids.
			fmt.Fprintf(note, "warning: %s are %s's values for %q: each must exist in %s too (a project's or a gateway's id belongs to the region it was made in)\n",
				strings.Join(bound, ", "), shown, Escape(old), Escape(r))
		}
	}
	return shown, spec, d, nil
}

// ReadSpec reads a spec file, or standard input (in) for "-".
func ReadSpec(name string, in io.Reader) (*cloud.Spec, error) {
	if name != "-" {
		return cloud.LoadSpec(name)
	}
	if in == nil {
		in = os.Stdin
	}
	return cloud.ReadSpec(in, "standard input")
}
