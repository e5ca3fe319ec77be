package cloud

import (
	"slices"
	"testing"
)

func TestPickName(t *testing.T) {
	names := []string{"cisco-ios-xe", "cisco-asa", "juniper-srx", "strongswan"}
	for typed, want := range map[string]string{
		"juniper-srx": "juniper-srx", "JUNIPER": "juniper-srx", "cisco ios": "cisco-ios-xe", "s": "strongswan",
		"cisco": "", "zz": "", "": "",
	} {
		if got, _ := PickName(names, typed); got != want {
			t.Errorf("PickName(%q) = %q, want %q", typed, got, want)
		}
	}
	if _, m := PickName(names, "Cisco"); !slices.Equal(m, []string{"cisco-ios-xe", "cisco-asa"}) {
		t.Errorf("ambiguous: matches %q", m)
	}
}
