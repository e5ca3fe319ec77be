// Package presets holds vendor-neutral IKE/IPsec profiles, written in the
// vocabulary of cloud/algo.go, and maps them onto any vendor's catalog.
package presets

import (
	"embed"
	"fmt"
	"sort"
	"strconv"

	"gopkg.in/yaml.v3"

	"tunnelwiz/cloud"
)

//go:embed *.yaml
var files embed.FS

// Phase holds one negotiation phase's choices in vocabulary terms.
type Phase struct {
	Version    string `yaml:"version,omitempty"`
	Mode       string `yaml:"mode,omitempty"`
	Encryption string `yaml:"encryption,omitempty"`
	Integrity  string `yaml:"integrity,omitempty"`
	DH         string `yaml:"dh,omitempty"`
	PFS        string `yaml:"pfs,omitempty"`
	Lifetime   int64  `yaml:"lifetime,omitempty"`
}

// Preset is a named profile.
type Preset struct {
	Name  string `yaml:"name"`
	Title string `yaml:"title"`
	IKE   Phase  `yaml:"ike"`
	IPsec Phase  `yaml:"ipsec"`
}

// choices lists the preset's settings by role, in a fixed order.
func (p *Preset) choices() []choice {
	all := []choice{
		{cloud.RoleIKEVersion, p.IKE.Version, 0},
		{cloud.RoleIKEMode, p.IKE.Mode, 0},
		{cloud.RoleIKEEncryption, p.IKE.Encryption, 0},
		{cloud.RoleIKEIntegrity, p.IKE.Integrity, 0},
		{cloud.RoleIKEDHGroup, p.IKE.DH, 0},
		{cloud.RoleIKELifetime, "", p.IKE.Lifetime},
		{cloud.RoleIPsecEncryption, p.IPsec.Encryption, 0},
		{cloud.RoleIPsecIntegrity, p.IPsec.Integrity, 0},
		{cloud.RoleIPsecPFS, p.IPsec.PFS, 0},
		{cloud.RoleIPsecLifetime, "", p.IPsec.Lifetime},
	}
	var out []choice
	for _, c := range all {
		if c.term != "" || c.seconds != 0 {
			out = append(out, c)
		}
	}
	return out
}

type choice struct {
	role    cloud.Role
	term    string
	seconds int64
}

func (c choice) String() string {
	if c.term == "" {
		return strconv.FormatInt(c.seconds, 10) + "s"
	}
	return c.term
}

// All returns the shipped presets, sorted by name.
func All() ([]*Preset, error) {
	entries, err := files.ReadDir(".")
	if err != nil {
		return nil, err
	}
	var out []*Preset
	for _, e := range entries {
		b, err := files.ReadFile(e.Name())
		if err != nil {
			return nil, err
		}
		var p Preset
		if err := yaml.Unmarshal(b, &p); err != nil {
			return nil, fmt.Errorf("preset %s: %w", e.Name(), err)
		}
		out = append(out, &p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Find returns a shipped preset by name. "defaults" is not a file: it is
// derived from a vendor's catalog by VendorDefaults.
func Find(name string) (*Preset, error) {
	all, err := All()
	if err != nil {
		return nil, err
	}
	var names []string
	for _, p := range all {
		if p.Name == name {
			return p, nil
		}
		names = append(names, p.Name)
	}
	return nil, fmt.Errorf("unknown preset %q: use one of %v or defaults", name, names)
}
