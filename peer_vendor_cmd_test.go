package main

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tunnelwiz/cloud/sandbox"
	"tunnelwiz/internal/testenv"
)

// startInProcessSandbox serves a fresh sandbox on loopback for one test.
func startInProcessSandbox(t *testing.T) string {
	t.Helper()
	srv, err := sandbox.New(sandbox.Options{Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	return hs.URL
}

// applied creates the spec's connection in the sandbox and returns its id.
func applied(t *testing.T, url, spec string) string {
	t.Helper()
	code, out, errs := runCLI("apply", "--endpoint", url, "--yes", "--json", spec)
	var res struct{ ID string }
	json.Unmarshal([]byte(out), &res)
	if code != exitOK || res.ID == "" {
		t.Fatalf("apply %s: exit %d\n%s%s", spec, code, out, errs)
	}
	return res.ID
}

// TestPeerVendorDeviceCommand pins `peer --connection ID --vendor-device
// NAME`: the vendor's own export, for every API that has one, through a
// sandbox on loopback; the key masked unless asked; the API without an
// export says so in one line.
func TestPeerVendorDeviceCommand(t *testing.T) {
	testenv.NoKeys(t)
	url := startInProcessSandbox(t)
	cases := []struct {
		spec, device, iface string
		flags               []string // where to look without the spec file
		want                []string // on stdout
		listed              string   // a device's words in --vendor-device list
	}{
		{spec: "examples/tencent.yaml", device: "cisco", iface: "GigabitEthernet0/1",
			flags:  []string{"--vendor", "tencent", "--region", "ap-guangzhou"},
			want:   []string{"# VPC utilizes unique identifiers", "Pre-Shared Key           : ********", "Outside interface        : GigabitEthernet0/1"},
			listed: "cisco ios V15.4"},
		{spec: "examples/alibaba.yaml", device: "parameters",
			flags:  []string{"--vendor", "alibaba", "--region", "cn-shanghai"},
			want:   []string{"# Alibaba Cloud DownloadVpnConnectionConfig", `"Psk": "********"`},
			listed: "the connection's parameters (Alibaba Cloud's DownloadVpnConnectionConfig: no device to choose)"},
		{spec: "examples/apsara.yaml", device: "param",
			flags:  []string{"--vendor", "apsara", "--region", "cn-qingdao-env66-d01"},
			want:   []string{"DownloadVpnConnectionConfig", `"Psk": "********"`},
			listed: "the connection's parameters (Apsara Stack's DownloadVpnConnectionConfig: no device to choose)"},
		{spec: "examples/huawei.yaml", device: "Huawei AR",
			flags:  []string{"--vendor", "huawei", "--region", "cn-north-4", "--project-id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"},
			want:   []string{"pre-shared-key cipher ********", "ike peer"},
			listed: "Huawei AR series / AR6300 V300R021"},
	}
	for _, c := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(c.spec), ".yaml"), func(t *testing.T) {
			id := applied(t, url, c.spec)
			where := []string{c.spec, "--endpoint", url, "--connection", id}

			code, out, errs := runCLI(append([]string{"peer", "--vendor-device", "list"}, where...)...)
			if code != exitOK || !strings.HasPrefix(out, "NAME") || !strings.Contains(errs, "--vendor-device") {
				t.Fatalf("list: exit %d\n%s%s", code, out, errs)
			}
			// Each device in words; an entry that is no device says so.
			if !strings.Contains(out, "  "+c.listed+"\n") || strings.Contains(out, " any ") || strings.Contains(out, " -\n") {
				t.Errorf("list: want a line with %q:\n%s", c.listed, out)
			}

			args := append([]string{"peer", "--vendor-device", c.device}, where...)
			if c.iface != "" {
				args = append(args, "--interface", c.iface)
			}
			code, out, errs = runCLI(args...)
			if code != exitOK || strings.Contains(out, exampleKey) {
				t.Fatalf("export: exit %d\n%s%s", code, out, errs)
			}
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("export lacks %q:\n%s", w, out)
				}
			}
			// Without the spec file the key is not known beforehand: it is
			// masked from the vendor's own answer.
			bare := append([]string{"peer", "--vendor-device", c.device, "--connection", id, "--endpoint", url, "--interface", "eth0"}, c.flags...)
			code, out, errs = runCLI(bare...)
			if code != exitOK || strings.Contains(out, exampleKey) || !strings.Contains(out, "********") {
				t.Errorf("export without the spec file: exit %d\n%s%s", code, out, errs)
			}
			code, out, _ = runCLI(append(args, "--show-secrets")...)
			if code != exitOK || !strings.Contains(out, exampleKey) {
				t.Errorf("--show-secrets: exit %d, the key not shown:\n%s", code, out)
			}

			f := filepath.Join(t.TempDir(), "peer.conf")
			code, out, errs = runCLI(append(args, "-o", f)...)
			b, _ := os.ReadFile(f)
			st, _ := os.Stat(f)
			if code != exitOK || out != "" || st == nil || st.Mode().Perm() != 0o600 || strings.Contains(string(b), exampleKey) || len(b) == 0 {
				t.Fatalf("-o: exit %d mode %v\n%s%s", code, st, out, errs)
			}
			code, _, errs = runCLI(append(args, "-o", f, "--show-secrets")...)
			after, _ := os.ReadFile(f)
			if code != exitUsage || !strings.Contains(errs, "the file exists") || string(after) != string(b) {
				t.Errorf("-o over an existing file: exit %d\n%s", code, errs)
			}

			if c.iface != "" {
				code, _, errs = runCLI(append([]string{"peer", "--vendor-device", c.device}, where...)...)
				if code != exitUsage || !strings.Contains(errs, "give it with --interface") {
					t.Errorf("no --interface: exit %d\n%s", code, errs)
				}
			}
			code, _, errs = runCLI(append([]string{"peer", "--vendor-device", "no-such-device"}, where...)...)
			if code != exitUsage || !strings.Contains(errs, `--vendor-device: no device "no-such-device"`) || strings.Count(strings.TrimSpace(errs), "\n") != 1 {
				t.Errorf("unknown device: exit %d\n%s", code, errs) // the Destination line, then one line
			}

			gone := append([]string{"peer", "--vendor-device", c.device, "--connection", "vpnx-00000000", c.spec, "--endpoint", url}, "--interface", "eth0")
			code, _, errs = runCLI(gone...)
			if code != exitFailed || !strings.Contains(errs, "no connection vpnx-00000000") {
				t.Errorf("unknown connection: exit %d\n%s", code, errs)
			}
		})
	}
}

// TestPeerVendorDeviceRefusals: the lines that come before any request.
func TestPeerVendorDeviceRefusals(t *testing.T) {
	testenv.NoKeys(t)
	cases := []struct {
		args []string
		errs string
	}{
		{[]string{"peer", "--connection", "x-1", "--vendor-device", "cisco", "examples/tencent-v2.yaml", "--sandbox"}, "the vendor offers no customer-gateway configuration export in this API; tunnelwiz writes one itself: tunnelwiz peer FILE --device NAME"},
		{[]string{"peer", "--vendor-device", "cisco", "examples/tencent.yaml"}, "usage: tunnelwiz peer --connection ID"},
		{[]string{"peer", "--connection", "a/b", "--vendor-device", "cisco", "examples/tencent.yaml"}, "is not a connection id"},
		{[]string{"peer", "--connection", "vpnx-1", "--vendor-device", "cisco", "--device", "strongswan", "examples/tencent.yaml"}, "--device, --devices"},
		{[]string{"peer", "--connection", "vpnx-1", "--vendor-device", "cisco"}, "say where to look"},
		{[]string{"peer", "examples/tencent.yaml", "--device", "strongswan", "--project-id", "x"}, "go with --connection"},
	}
	for _, c := range cases {
		code, out, errs := runCLI(c.args...)
		if code != exitUsage || out != "" || !strings.Contains(errs, c.errs) || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
			t.Errorf("%v: exit %d\nstdout: %s\nstderr: %s", c.args, code, out, errs)
		}
	}
}
