package wizard

import (
	"strings"
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

// TestCloudWithoutKeysSaysSo: choosing the cloud with no keys found is
// told at once, with the way back to the sandbox, not at the gateways.
func TestCloudWithoutKeysSaysSo(t *testing.T) {
	env := front.Env{Home: t.TempDir(), Getenv: func(string) string { return "" }}
	m := New(Options{SaveDir: t.TempDir(), Env: env})
	vp := m.pages[0].(*vendorPage)
	vp.Enter(m)
	vp.vendor, vp.dest = "alibaba", "cloud"
	vp.Leave(m)
	if !strings.Contains(m.note, "No keys were found") || !strings.Contains(m.note, "sandbox") {
		t.Errorf("note %q", m.note)
	}
}
