package cloud

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
