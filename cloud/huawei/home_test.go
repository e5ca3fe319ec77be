package huawei

import (
	"os"
	"testing"

	"tunnelwiz/cloud"
)

// TestNothingWrittenInHome: the SDK writes ~/.huaweicloud/application_id
// (a UUID it then sends in every User-Agent) unless the client has a
// User-Agent of its own; tunnelwiz gives one, so a plan (which sends
// nothing anywhere) and every call leave the home directory alone.
func TestNothingWrittenInHome(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	spec, err := cloud.LoadSpec("../../examples/huawei.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := cloud.Plan(spec, false); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(home); len(left) > 0 {
		t.Errorf("the plan wrote into HOME: %v", left)
	}
}
