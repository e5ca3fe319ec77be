package huawei

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// TestChoicesProjects lists a region's project through IAM
// KeystoneListProjects, signed, with no project id in the request (the
// SDK's own project look-up sends none).
func TestChoicesProjects(t *testing.T) {
	_, base := newSandbox(t, nil)
	var seen []string
	tamper(t, func(r *http.Request) {
		seen = append(seen, r.Method+" "+r.URL.Path+"?"+r.URL.RawQuery+" project="+r.Header.Get("X-Project-Id"))
	})
	got, err := cloud.ListChoices(context.Background(), Driver{}, cloud.Base{URL: base, Cred: sandbox.Keys, Target: map[string]string{"region": "cn-north-4"}}, "project_id")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != fmt.Sprint([]cloud.Resource{{ID: "0123456789abcdef0123456789abcdef", Name: "cn-north-4"}}) {
		t.Errorf("projects of cn-north-4: %+v", got)
	}
	if fmt.Sprint(seen) != "[GET /v3/projects?name=cn-north-4 project=]" {
		t.Errorf("requests %v", seen)
	}
	if _, err := (Driver{}).Choices(context.Background(), base, sandbox.Keys, map[string]string{}, "project_id"); err != cloud.ErrNotListed {
		t.Errorf("no region: %v, want ErrNotListed", err)
	}
	if _, err := (Driver{}).Choices(context.Background(), base, cloud.Credentials{ID: "x", Secret: "y"}, map[string]string{"region": "cn-north-4"}, "project_id"); err == nil {
		t.Error("wrong keys: listed anyway")
	}
	if got := sibling(mustURL(t, "https://vpn.cn-north-4.myhuaweicloud.com"), "iam"); got != "https://iam.cn-north-4.myhuaweicloud.com" {
		t.Errorf("IAM beside the VPN endpoint: %s", got)
	}
}
