package export

import "tunnelwiz/cloud"

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
