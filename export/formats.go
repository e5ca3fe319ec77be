package export

import (
	"slices"

	"tunnelwiz/cloud"
)

// Format is one way to hand a spec on: its name (--format), the file
// extension a saved copy takes, and the writer.
type Format struct {
	Name  string
	Ext   string
	Write func(*cloud.Spec, Options) (*Result, error)
}

// Formats are the export formats, in the order the wizard offers them.
var Formats = []Format{
	{"terraform", ".tf", Terraform},
	{"tccli", ".sh", CLI("tccli")},
	{"aliyun", ".sh", CLI("aliyun")},
	{"hcloud", ".sh", CLI("hcloud")},
	{"curl", ".sh", Curl},
}

// Lookup finds a format by name.
func Lookup(name string) (Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// For returns the formats that can be written for a vendor's spec, in
// the order of Formats: Terraform when the vendor has an official
// provider, the vendor's own CLI (not another's), and curl. An unknown
// vendor gets them all.
func For(vendor string) []Format {
	d, ok := cloud.Lookup(vendor)
	if !ok {
		return Formats
	}
	c := d.Catalog()
	var out []Format
	for _, f := range Formats {
		switch {
		case f.Name == "terraform" && c.Terraform.Resource == "":
		case slices.Contains(CLIs, f.Name) && f.Name != c.CLI:
		default:
			out = append(out, f)
		}
	}
	return out
}
