package cloud

import (
	"slices"
	"strings"
)

// MoveRegion points the spec at another region, as a --region flag asks:
// the target's region, and each parameter that repeats it (Alibaba's
// RegionId) where it held the old one. A parameter naming another region
// is the spec's own choice and is left alone, for the validator to warn
// about as it would in a file. It returns the parameters it changed.
func (s *Spec) MoveRegion(c *Catalog, region string) (changed []string) {
	old := s.Target["region"]
	if s.Target == nil {
		s.Target = map[string]string{}
	}
	s.Target["region"] = region
	if s.Params == nil {
		return nil
	}
	p := Params(s.Params)
	for i := range c.Fields {
		f := &c.Fields[i]
		if f.Role != RoleRegion {
			continue
		}
		if v, ok := p.Get(f.Path); ok && v == old {
			p.Set(f.Path, region)
			changed = append(changed, f.Path)
		}
	}
	return changed
}

// regionalRoles name resources made in one region: their ids (and a
// gateway's address) mean nothing in another.
var regionalRoles = []Role{RoleVPC, RoleVPNGateway, RoleCustomerGateway, RoleGatewayAddress}

// IsRegionBound reports whether the field's value belongs to the region it
// was made in: marked so, or a role naming a regional resource.
func (f *Field) IsRegionBound() bool {
	return f.RegionBound || slices.Contains(regionalRoles, f.Role)
}

// RegionBound names the spec's values, set, that belong to its region:
// target keys by name, parameters by catalog path, in catalog order. A
// --region moving the spec elsewhere leaves them the old region's.
func (s *Spec) RegionBound(c *Catalog) []string {
	var out []string
	for i := range c.Target {
		f := &c.Target[i]
		if f.IsRegionBound() && s.Target[f.Path] != "" {
			out = append(out, f.Path)
		}
	}
	for i := range c.Fields {
		f := &c.Fields[i]
		if !f.IsRegionBound() {
			continue
		}
		set := false
		walkAt(map[string]any(s.Params), strings.Split(f.Path, "."), func(m map[string]any, k string) {
			if v, ok := scalarString(m[k]); ok && v != "" {
				set = true
			}
		})
		if set {
			out = append(out, f.Path)
		}
	}
	return out
}
