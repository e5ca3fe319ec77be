package wizard

import (
	"testing"

	"tunnelwiz/ui/front"
)

// TestCloudEndpointFollowsRegion: the cloud's endpoint is resolved again
// when the region changes after a look-up was made (the requests would
// otherwise go to the first region's host).
func TestCloudEndpointFollowsRegion(t *testing.T) {
	env := front.Env{Home: t.TempDir(), Getenv: func(k string) string {
		return map[string]string{"HUAWEICLOUD_SDK_AK": "AKEXAMPLE", "HUAWEICLOUD_SDK_SK": "SKEXAMPLE"}[k]
	}}
	m := New(Options{SaveDir: t.TempDir(), Env: env})
	m.St.SetVendor("huawei")
	m.St.UseSandbox = false
	m.St.Spec.Target["region"] = "cn-north-4"
	if err := m.ensureDest(); err != nil {
		t.Fatal(err)
	}
	if got := m.St.Dest.URL.Host; got != "vpn.cn-north-4.myhuaweicloud.com" {
		t.Fatalf("host %s", got)
	}
	m.St.Spec.Target["region"] = "cn-east-3"
	if err := m.ensureDest(); err != nil {
		t.Fatal(err)
	}
	if got := m.St.Dest.URL.Host; got != "vpn.cn-east-3.myhuaweicloud.com" {
		t.Errorf("after the region changed, host %s", got)
	}
}
