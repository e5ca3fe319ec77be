package all

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
	"tunnelwiz/cloud/sandbox"
)

// TestPeerExportThroughTheSandbox: every API with its own customer-side
// export, through its SDK against the sandbox on loopback: the devices
// are listed; a created connection is exported for one of them, with its
// key as the vendor wrote it and named by the driver for masking; an
// unknown connection and an unknown device are refused with the vendor's
// codes. Tencent API 2.0 has no export.
func TestPeerExportThroughTheSandbox(t *testing.T) {
	const key = "Xr7!pL2#vQ9@mN4k" // the examples' key
	cases := []struct {
		vendor, missing string // an id of the vendor's shape that does not exist
		notFound        string // the vendor's code for it
		badDevice       string // the vendor's code for a device it does not list ("" when the call takes none)
	}{
		{"tencent", "vpnx-00000000", "ResourceNotFound", "InvalidParameterValue.Malformed"},
		{"alibaba", "vco-00000000000000000000", "InvalidVpnConnectionInstanceId.NotFound", ""},
		{"apsara", "vco-00000000000000000000", "InvalidVpnConnectionInstanceId.NotFound", ""},
		{"huawei", "00000000-0000-4000-8000-000000000000", "VPN.0004", "VPN.0001"},
	}
	for _, c := range cases {
		t.Run(c.vendor, func(t *testing.T) {
			d, err := cloud.DriverFor(c.vendor)
			if err != nil {
				t.Fatal(err)
			}
			spec, err := cloud.LoadSpec(filepath.Join("..", "..", "examples", c.vendor+".yaml"))
			if err != nil {
				t.Fatal(err)
			}
			_, base := drivertest.StartSandbox(t, sandbox.Options{}, nil)
			at := cloud.Base{URL: base, Cred: sandbox.Keys, Target: spec.Target}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()

			devs, err := cloud.ListPeerDevices(ctx, d, at)
			if err != nil || len(devs) == 0 {
				t.Fatalf("devices: %v %v", devs, err)
			}
			for _, dv := range devs {
				if dv.Name == "" || dv.Vendor == "" || dv.Platform == "" || dv.Version == "" {
					t.Errorf("a device without its words: %+v", dv)
				}
			}
			p, issues := d.Catalog().Check(spec)
			if issues.Errors() > 0 {
				t.Fatal(issues)
			}
			res, err := (&cloud.Submission{Driver: d, At: at, Params: p}).Run(ctx)
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := cloud.ExportPeerConfig(ctx, d, at, res.ID, devs[0], "GigabitEthernet0/1")
			if err != nil {
				t.Fatalf("export: %v", err)
			}
			if !strings.Contains(cfg.Text, key) {
				t.Errorf("the export lacks the key as the vendor writes it:\n%s", cfg.Text)
			}
			if masked := cloud.Scrub(cfg.Text, cfg.Secrets); strings.Contains(masked, key) || !strings.Contains(masked, cloud.Mask) {
				t.Errorf("the key the driver read (%d keys) does not mask the text:\n%s", len(cfg.Secrets), masked)
			}
			agreesWithShow(t, ctx, d, at, res.ID, cfg.Text)

			_, err = cloud.ExportPeerConfig(ctx, d, at, c.missing, devs[0], "eth0")
			var ae *cloud.APIError
			if !errors.As(err, &ae) || ae.Code != cloud.CodeNotFound || ae.VendorCode != c.notFound {
				t.Errorf("unknown connection: %v", err)
			}
			if c.badDevice != "" {
				bad := cloud.PeerDevice{Name: "nobody-x-1", Vendor: "nobody", Series: "x", Platform: "x", Version: "1"}
				_, err = cloud.ExportPeerConfig(ctx, d, at, res.ID, bad, "eth0")
				if !errors.As(err, &ae) || ae.Code != cloud.CodeInvalid || ae.VendorCode != c.badDevice {
					t.Errorf("unknown device: %v", err)
				}
			}
		})
	}
	d, _ := cloud.DriverFor("tencent-v2")
	if _, err := cloud.ListPeerDevices(context.Background(), d, cloud.Base{}); !errors.Is(err, cloud.ErrNoPeerExport) {
		t.Errorf("tencent-v2: %v", err)
	}
}

// agreesWithShow: the sandbox's export says what the connection it holds
// says, as `show` reads it (the driver's Connection): each phase 1 and
// phase 2 value shown is in the text as a word (Tencent's export once
// said an IPsec lifetime of 14400 s beside show's 3600).
func agreesWithShow(t *testing.T, ctx context.Context, d cloud.Driver, at cloud.Base, id, text string) {
	t.Helper()
	conn, err := d.Connection(ctx, at.URL, at.Cred, at.Target, id)
	if err != nil {
		t.Fatal(err)
	}
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '.'
	}) {
		words[w] = true
	}
	roles := []cloud.Role{cloud.RoleIKEVersion, cloud.RoleIKEMode, cloud.RoleIKEEncryption, cloud.RoleIKEIntegrity,
		cloud.RoleIKEDHGroup, cloud.RoleIKELifetime, cloud.RoleIPsecEncryption, cloud.RoleIPsecIntegrity,
		cloud.RoleIPsecPFS, cloud.RoleIPsecLifetime}
	shown := 0
	for _, r := range roles {
		v := strings.ToLower(conn.Settings[r])
		if v == "" {
			continue
		}
		shown++
		// VRP writes the IKE version as its number ("version 2" for v2).
		if !words[v] && !(r == cloud.RoleIKEVersion && words[strings.TrimPrefix(v, "v")]) {
			t.Errorf("show says %s %s; the export does not:\n%s", r, conn.Settings[r], text)
		}
	}
	if shown < 6 {
		t.Errorf("show read only %d phase values: %v", shown, conn.Settings)
	}
}
