package apsara

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// TestChoicesRegions lists the deployment's regions with DescribeRegions
// through the gateway route, before any region is known.
func TestChoicesRegions(t *testing.T) {
	var paths []string
	_, base := start(t, sandbox.Options{}, func(r *http.Request) {
		paths = append(paths, r.URL.Path+" region="+r.Header.Get("x-acs-regionid"))
	})
	got, err := cloud.ListChoices(context.Background(), Driver{}, cloud.Base{URL: base, Cred: sandbox.Keys, Target: map[string]string{"endpoint": base.String()}}, "region")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != "cn-qingdao-env66-d01" {
		t.Errorf("regions %+v", got)
	}
	if fmt.Sprint(paths) != "[/apsara/route/Vpc/DescribeRegions region=]" {
		t.Errorf("requests %v", paths)
	}
	if _, err := cloud.ListChoices(context.Background(), Driver{}, cloud.Base{URL: base, Cred: sandbox.Keys}, "organization_id"); err != cloud.ErrNotListed {
		t.Errorf("organization_id: %v, want ErrNotListed", err)
	}
}
