package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"
	"gopkg.in/yaml.v3"

	"tunnelwiz/cloud"
	"tunnelwiz/presets"
	"tunnelwiz/ui/command"
)

// defaultsTitle describes the preset that is no file: each vendor's own defaults.
const defaultsTitle = "each vendor's documented defaults (needs --vendor)"

var presetsCommand = &command.Command{
	Use:   "presets [NAME] [--vendor VENDOR]",
	Short: "list the IKE/IPsec presets, or map one onto a vendor",
	Long: `With no NAME, lists the vendor-neutral presets; with --vendor too, lists them as that vendor can
express them: each in full, or the settings it cannot express. With NAME alone, prints its
vendor-neutral values. With NAME and --vendor, prints the preset as the vendor's parameters, a params
fragment to paste into a spec; a value the API applies with no parameter (Tencent API 2.0's IKEv1) is
noted as applied, and a setting the vendor cannot express is reported on stderr (exit status 1), never
dropped. "defaults" is each vendor's documented defaults.`,
	Example: `  tunnelwiz presets
  tunnelwiz presets --vendor tencent-v2
  tunnelwiz presets modern-ikev2
  tunnelwiz presets modern-ikev2 --vendor huawei
  tunnelwiz presets defaults --vendor alibaba --json`,
	Group: groupSpec,
	Args:  command.At(0, command.Words(presetNames)),
	Flags: func(fs *pflag.FlagSet) command.Run {
		vendor := fs.String("vendor", "", "map the preset onto this `VENDOR`")
		asJSON := fs.Bool("json", false, "print the list, or the mapped preset, as JSON")
		return func(pos []string, o IO) error {
			if len(pos) == 0 && *vendor != "" {
				return listPresetsFor(o, *vendor, *asJSON)
			}
			if len(pos) == 0 {
				return listPresets(o, *asJSON)
			}
			if len(pos) > 1 {
				return &UsageError{Msg: "usage: tunnelwiz presets [NAME] [--vendor V] [--json]"}
			}
			if *vendor == "" {
				return showPreset(o, pos[0], *asJSON)
			}
			return mapPreset(o, pos[0], *vendor, *asJSON)
		}
	},
}

// Presets runs `tunnelwiz presets [NAME --vendor V] [--json]`: the list, or
// one preset mapped onto a vendor as a params fragment to paste into a spec.
func Presets(args []string, o IO) error { return presetsCommand.Main(args, o) }

// presetJSON is one entry of `presets --json`.
type presetJSON struct {
	Name  string         `json:"name"`
	Title string         `json:"title"`
	IKE   *presets.Phase `json:"ike,omitempty"`
	IPsec *presets.Phase `json:"ipsec,omitempty"`
}

// mappedJSON is `presets NAME --vendor V --json`.
type mappedJSON struct {
	Preset        string         `json:"preset"`
	Vendor        string         `json:"vendor"`
	Params        map[string]any `json:"params"`
	CannotExpress []string       `json:"cannot_express"`
}

func listPresets(o IO, asJSON bool) error {
	all, err := presets.All()
	if err != nil {
		return err
	}
	if asJSON {
		out := []presetJSON{}
		for _, p := range all {
			out = append(out, presetJSON{Name: p.Name, Title: p.Title, IKE: &p.IKE, IPsec: &p.IPsec})
		}
		return writeJSON(o.Out, append(out, presetJSON{Name: "defaults", Title: defaultsTitle}))
	}
	for _, p := range all {
		fmt.Fprintf(o.Out, "%-14s %s\n", p.Name, p.Title)
	}
	fmt.Fprintf(o.Out, "%-14s %s\n", "defaults", defaultsTitle)
	return nil
}

// vendorPresetJSON is one entry of `presets --vendor V --json`.
type vendorPresetJSON struct {
	Name          string   `json:"name"`
	Title         string   `json:"title"`
	Vendor        string   `json:"vendor"`
	CannotExpress []string `json:"cannot_express"`
}

// listPresetsFor lists the presets as the vendor can express them: in
// full, or what it cannot set (as `presets NAME --vendor V` reports it),
// then the vendor's own defaults. It is a listing: exit status 0.
func listPresetsFor(o IO, vendor string, asJSON bool) error {
	d, err := cloud.DriverFor(vendor)
	if err != nil {
		return err
	}
	c := d.Catalog()
	all, err := presets.All()
	if err != nil {
		return err
	}
	all = append(all, presets.VendorDefaults(c))
	var out []vendorPresetJSON
	for _, p := range all {
		_, problems := presets.Apply(p, c, cloud.Params{})
		e := vendorPresetJSON{Name: p.Name, Title: p.Title, Vendor: vendor, CannotExpress: []string{}}
		for _, pr := range problems {
			e.CannotExpress = append(e.CannotExpress, pr.Message)
		}
		out = append(out, e)
	}
	if asJSON {
		return writeJSON(o.Out, out)
	}
	fmt.Fprintf(o.Out, "# the presets on %s (tunnelwiz presets NAME --vendor %s prints one's parameters)\n", c.Title, vendor)
	for _, e := range out {
		if e.Name == "defaults" {
			fmt.Fprintf(o.Out, "%-14s %s\n", e.Name, e.Title)
			continue
		}
		if len(e.CannotExpress) == 0 {
			fmt.Fprintf(o.Out, "%-14s %s: expressed in full\n", e.Name, e.Title)
			continue
		}
		fmt.Fprintf(o.Out, "%-14s %s: cannot express %d %s:\n", e.Name, e.Title, len(e.CannotExpress), plural(len(e.CannotExpress), "setting"))
		for _, m := range e.CannotExpress {
			fmt.Fprintf(o.Out, "%-14s   %s\n", "", m)
		}
	}
	return nil
}

// showPreset prints one preset in vendor-neutral terms, as it is written,
// and how to map it onto a vendor.
func showPreset(o IO, name string, asJSON bool) error {
	hint := "add --vendor V to map it onto a vendor's parameters (V: " + strings.Join(cloud.Vendors(), ", ") + ")"
	if name == "defaults" {
		return &UsageError{Msg: "presets defaults: each vendor's own defaults, so no vendor-neutral values; " + hint}
	}
	p, err := presets.Find(name)
	if err != nil {
		return &UsageError{Msg: err.Error()}
	}
	if asJSON {
		return writeJSON(o.Out, presetJSON{Name: p.Name, Title: p.Title, IKE: &p.IKE, IPsec: &p.IPsec})
	}
	b, err := yaml.Marshal(map[string]any{"ike": p.IKE, "ipsec": p.IPsec})
	if err != nil {
		return err
	}
	fmt.Fprintf(o.Out, "# %s (vendor-neutral terms)\n# %s\n%s", p.Title, hint, b)
	return nil
}

func mapPreset(o IO, name, vendor string, asJSON bool) error {
	d, err := cloud.DriverFor(vendor)
	if err != nil {
		return err
	}
	var p *presets.Preset
	if name == "defaults" {
		p = presets.VendorDefaults(d.Catalog())
	} else if p, err = presets.Find(name); err != nil {
		return &UsageError{Msg: err.Error()}
	}
	params := cloud.Params{}
	_, problems := presets.Apply(p, d.Catalog(), params)
	if asJSON {
		out := mappedJSON{Preset: p.Name, Vendor: vendor, Params: params, CannotExpress: []string{}}
		for _, pr := range problems {
			out.CannotExpress = append(out.CannotExpress, pr.Message)
		}
		if err := writeJSON(o.Out, out); err != nil {
			return err
		}
	} else {
		b, err := yaml.Marshal(map[string]any{"params": map[string]any(params)})
		if err != nil {
			return err
		}
		// The vendor's defaults are titled by the vendor already.
		heading := p.Title
		if !strings.Contains(heading, d.Catalog().Title) {
			heading += " on " + d.Catalog().Title
		}
		fmt.Fprintf(o.Out, "# %s\n", heading)
		for _, im := range presets.Implied(p, d.Catalog()) {
			fmt.Fprintf(o.Out, "# %s %s: the API applies it, with no parameter to set\n", im.Role, im.Term)
		}
		fmt.Fprintf(o.Out, "%s", b)
	}
	for _, pr := range problems {
		fmt.Fprintf(o.Err, "cannot express: %s\n", pr.Message)
	}
	if len(problems) > 0 {
		return &PartialError{N: len(problems)}
	}
	return nil
}

// presetNames are the names presets takes, for completion.
func presetNames() []string {
	all, _ := presets.All()
	names := make([]string, 0, len(all)+1)
	for _, p := range all {
		names = append(names, p.Name)
	}
	return append(names, "defaults")
}
