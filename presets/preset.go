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
	Version    string `yaml:"version,omitempty" json:"version,omitempty"`
	Mode       string `yaml:"mode,omitempty" json:"mode,omitempty"`
	Encryption string `yaml:"encryption,omitempty" json:"encryption,omitempty"`
	Integrity  string `yaml:"integrity,omitempty" json:"integrity,omitempty"`
	DH         string `yaml:"dh,omitempty" json:"dh,omitempty"`
	PFS        string `yaml:"pfs,omitempty" json:"pfs,omitempty"`
	Lifetime   int64  `yaml:"lifetime,omitempty" json:"lifetime,omitempty"`
}

// Preset is a named profile.
type Preset struct {
	Name  string `yaml:"name"`
	Title string `yaml:"title"`
	// Rank orders presets in lists, lowest first (the recommended one).
	Rank  int   `yaml:"rank"`
	IKE   Phase `yaml:"ike"`
	IPsec Phase `yaml:"ipsec"`
}

// slot is where a preset keeps its setting for a role: a term, or a
// number of seconds for the lifetimes; both nil for roles presets do not set.
func (p *Preset) slot(r cloud.Role) (term *string, seconds *int64) {
	switch r {
	case cloud.RoleIKEVersion:
		return &p.IKE.Version, nil
	case cloud.RoleIKEMode:
		return &p.IKE.Mode, nil
	case cloud.RoleIKEEncryption:
		return &p.IKE.Encryption, nil
	case cloud.RoleIKEIntegrity:
		return &p.IKE.Integrity, nil
	case cloud.RoleIKEDHGroup:
		return &p.IKE.DH, nil
	case cloud.RoleIKELifetime:
		return nil, &p.IKE.Lifetime
	case cloud.RoleIPsecEncryption:
		return &p.IPsec.Encryption, nil
	case cloud.RoleIPsecIntegrity:
		return &p.IPsec.Integrity, nil
	case cloud.RoleIPsecPFS:
		return &p.IPsec.PFS, nil
	case cloud.RoleIPsecLifetime:
		return nil, &p.IPsec.Lifetime
	}
	return nil, nil
}

// presetRoles are the roles a preset may set, in the order they apply.
var presetRoles = []cloud.Role{
	cloud.RoleIKEVersion, cloud.RoleIKEMode, cloud.RoleIKEEncryption, cloud.RoleIKEIntegrity,
	cloud.RoleIKEDHGroup, cloud.RoleIKELifetime, cloud.RoleIPsecEncryption, cloud.RoleIPsecIntegrity,
	cloud.RoleIPsecPFS, cloud.RoleIPsecLifetime,
}

// choices lists the preset's settings by role, in a fixed order.
func (p *Preset) choices() []choice {
	var out []choice
	for _, r := range presetRoles {
		term, seconds := p.slot(r)
		switch {
		case term != nil && *term != "":
			out = append(out, choice{role: r, term: *term})
		case seconds != nil && *seconds != 0:
			out = append(out, choice{role: r, seconds: *seconds})
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

// All returns the shipped presets, by rank (the recommended first), then
// by name.
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
	sort.Slice(out, func(i, j int) bool {
		if out[i].Rank != out[j].Rank {
			return out[i].Rank < out[j].Rank
		}
		return out[i].Name < out[j].Name
	})
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
	return nil, fmt.Errorf("unknown preset %q: use one of %s", name, cloud.OrList(append(names, "defaults")))
}
