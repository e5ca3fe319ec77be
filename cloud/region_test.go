package cloud

import (
	"slices"
	"testing"
)

// --region moves the target and every parameter that repeated the old
// region; one that named another region stays, for the validator to warn.
func TestMoveRegion(t *testing.T) {
	c := &Catalog{Fields: []Field{{Path: "RegionId", Role: RoleRegion}, {Path: "Other.RegionId", Role: RoleRegion}, {Path: "Name"}}}
	s := &Spec{Target: map[string]string{"region": "cn-shanghai"},
		Params: map[string]any{"RegionId": "cn-shanghai", "Other": map[string]any{"RegionId": "cn-beijing"}, "Name": "cn-shanghai"}}
	changed := s.MoveRegion(c, "cn-hangzhou")
	p := Params(s.Params)
	if s.Region() != "cn-hangzhou" || p.Str("RegionId") != "cn-hangzhou" || !slices.Equal(changed, []string{"RegionId"}) {
		t.Errorf("moved: region %q, RegionId %q, changed %q", s.Region(), p.Str("RegionId"), changed)
	}
	if p.Str("Other.RegionId") != "cn-beijing" || p.Str("Name") != "cn-shanghai" {
		t.Errorf("changed what was not the region's repeat: %v", s.Params)
	}
}
