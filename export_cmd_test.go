package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportCommand pins issue 12's export interface through run(): exit
// statuses, the key only when asked, warnings on stderr naming the field.
func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("vendor: tencent\nregion: ap-guangzhou\nparams: {VpnGatewayId: x}\n"), 0o600)
	cases := []struct {
		name      string
		args      []string
		code      int
		out, errs string // must contain
		noOut     string // must not be on stdout
	}{
		{"terraform", []string{"export", "examples/tencent.yaml", "--format", "terraform"}, exitOK,
			`resource "tencentcloud_vpn_connection" "gz_to_dc1"`, "", exampleKey},
		{"import", []string{"export", "examples/huawei.yaml", "--format", "terraform", "--connection", "abc"}, exitOK,
			"to = huaweicloud_vpn_connection.bj4_to_dc1", "", exampleKey},
		{"show secrets", []string{"export", "examples/alibaba.yaml", "--format", "terraform", "--show-secrets"}, exitOK,
			`psk          = "` + exampleKey + `"`, "", "variable"},
		{"cannot express", []string{"export", "examples/apsara.yaml", "--format", "terraform"}, exitOK,
			"alibabacloudstack_vpn_connection", "warning AutoConfigRoute: ", exampleKey},
		{"no provider", []string{"export", "examples/tencent-v2.yaml", "--format", "terraform"}, exitUsage,
			"", "has no official Terraform provider", ""},
		{"unknown format", []string{"export", "examples/tencent.yaml", "--format", "cdk"}, exitUsage, "", "--format \"cdk\"", ""},
		{"no format", []string{"export", "examples/tencent.yaml"}, exitUsage, "", "--format \"\"", ""},
		{"other vendor's CLI", []string{"export", "examples/tencent.yaml", "--format", "hcloud"}, exitUsage, "", "use --format tccli", ""},
		{"spec errors", []string{"export", bad, "--format", "terraform"}, exitInvalid, "", "error   ", "resource"},
		{"curl", []string{"export", "examples/huawei.yaml", "--format", "curl"}, exitOK, "curl cannot sign it", "", exampleKey},
		{"tccli", []string{"export", "examples/tencent.yaml", "--format", "tccli"}, exitOK, `--PreShareKey "$TUNNELWIZ_PSK"`, "", exampleKey},
		{"aliyun", []string{"export", "examples/alibaba.yaml", "--format", "aliyun"}, exitOK, "--RegionId cn-shanghai", "", exampleKey},
		{"hcloud", []string{"export", "examples/huawei.yaml", "--format", "hcloud"}, exitOK, "--cli-region=cn-north-4", "", exampleKey},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runCLI(c.args...)
			if code != c.code || !strings.Contains(out, c.out) || !strings.Contains(errs, c.errs) ||
				c.noOut != "" && strings.Contains(out, c.noOut) {
				t.Fatalf("%v: code %d (want %d)\nstdout: %s\nstderr: %s", c.args, code, c.code, out, errs)
			}
			if c.code == exitUsage && strings.Count(strings.TrimSpace(errs), "\n") > 0 {
				t.Errorf("want a one-line error, got %q", errs)
			}
		})
	}
}
