package wizard

import "tunnelwiz/cloud"

// repeats: a field that says again what another field says is not asked
// a second time: a deprecated spelling (Tencent IntegrityAlgorith) or an
// alias (Apsara LocalIdIPsec) unless a value was given under it, and a
// parameter that repeats the region (Alibaba RegionId) while it holds the
// region, or, optional, nothing.
func repeats(st *State, f *cloud.Field) bool {
	v, has := st.Params().At(f.Path)
	switch {
	case f.Deprecated != "" || f.Alias != "":
		return !has
	case f.Role == cloud.RoleRegion:
		s, _ := v.(string)
		return has && s == st.Spec.Target["region"] || !has && !f.Required
	}
	return false
}

// mirrorRegion puts the region chosen into the parameters that repeat it:
// those left empty in a fresh session, those that held the region the
// engineer is changing (a spec's), and those the wizard filled itself; a
// value typed there is left alone. It runs at every key, so the copy
// follows the region as it is typed.
func mirrorRegion(st *State, before string) {
	region := st.Spec.Target["region"]
	c := st.Catalog()
	p := st.Params()
	if st.Filled == nil {
		st.Filled = map[string]string{}
	}
	for i := range c.Fields {
		f := &c.Fields[i]
		if f.Role != cloud.RoleRegion || !f.Required {
			continue
		}
		v, has := p.At(f.Path)
		s, _ := v.(string)
		ours := has && s == st.Filled[f.Path]
		if !has && !st.Given && region != "" || ours || has && s == before && before != region {
			if region == "" {
				p.Delete(f.Path)
			} else {
				p.Set(f.Path, region)
			}
			st.Filled[f.Path] = region
		}
	}
}
