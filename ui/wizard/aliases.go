package wizard

import "tunnelwiz/cloud"

// repeats: a field that says again what another field says is not asked
// a second time: a deprecated spelling (Tencent IntegrityAlgorith) unless
// a value was given under it, and a parameter that repeats the region
// (Alibaba RegionId) while it holds the region, or, optional, nothing.
func repeats(st *State, f *cloud.Field) bool {
	v, has := st.Params().At(f.Path)
	switch {
	case f.Deprecated != "":
		return !has
	case f.Role == cloud.RoleRegion:
		s, _ := v.(string)
		return has && s == st.Spec.Target["region"] || !has && !f.Required
	}
	return false
}

// mirrorRegion puts the region chosen into the parameters that repeat it:
// those left empty in a fresh session, and those that held the region
// the engineer just changed.
func mirrorRegion(st *State, before string) {
	region := st.Spec.Target["region"]
	if region == "" {
		return
	}
	c := st.Catalog()
	p := st.Params()
	for i := range c.Fields {
		f := &c.Fields[i]
		if f.Role != cloud.RoleRegion || !f.Required {
			continue
		}
		v, has := p.At(f.Path)
		if s, _ := v.(string); !has && !st.Given || has && s == before && before != region {
			p.Set(f.Path, region)
		}
	}
}
