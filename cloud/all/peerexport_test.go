package all

import (
	"context"
	"errors"
	"fmt"
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
				// A device in its vendor's words, or an entry that is no
				// device (Alibaba's) saying what it is instead.
				if dv.Name == "" || dv.About == "" && (dv.Vendor == "" || dv.Platform == "" || dv.Version == "") ||
					dv.About != "" && dv.Vendor+dv.Platform+dv.Version != "" {
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
	// Nor does it say what the connection does not hold: an exchange mode
	// for an IKEv2 tunnel that show reads none for (Tencent's export once
	// said MAIN: the mode is IKEv1's, so its default is no answer there).
	v2 := strings.Contains(strings.ToLower(conn.Settings[cloud.RoleIKEVersion]), "2")
	if v2 && conn.Settings[cloud.RoleIKEMode] == "" && (words["main"] || words["aggressive"]) {
		t.Errorf("show reads no exchange mode (IKE version %s); the export names one:\n%s", conn.Settings[cloud.RoleIKEVersion], text)
	}
	if shown < 6 {
		t.Errorf("show read only %d phase values: %v", shown, conn.Settings)
	}
}

// TestTencentExportExchangeMode: the sandbox's Tencent export says the
// exchange mode the connection holds: the documented default MAIN for
// IKEv1, none for IKEv2 (the mode is IKEv1's), and a mode set on an IKEv2
// tunnel as set, marked unused; each agrees with show.
func TestTencentExportExchangeMode(t *testing.T) {
	d, _ := cloud.DriverFor("tencent")
	spec, err := cloud.LoadSpec(filepath.Join("..", "..", "examples", "tencent.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	_, base := drivertest.StartSandbox(t, sandbox.Options{}, nil)
	at := cloud.Base{URL: base, Cred: sandbox.Keys, Target: spec.Target}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	devs, err := cloud.ListPeerDevices(ctx, d, at)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range []struct{ version, mode, want string }{
		{"IKEV2", "", "- (IKEV2: the exchange mode is IKEv1's)"},
		{"IKEV1", "", "MAIN"},
		{"IKEV1", "AGGRESSIVE", "AGGRESSIVE"},
		{"IKEV2", "AGGRESSIVE", "AGGRESSIVE (not used with IKEV2)"},
	} {
		p := cloud.Params(spec.Params).Clone()
		p.Set("VpnConnectionName", fmt.Sprintf("mode-%d", i))
		p.Set("SecurityPolicyDatabases", []any{map[string]any{"LocalCidrBlock": "10.8.4.0/24",
			"RemoteCidrBlock": []any{fmt.Sprintf("192.168.%d.0/24", 20+i)}}})
		p.Set("IKEOptionsSpecification.IKEVersion", c.version)
		if c.mode != "" {
			p.Set("IKEOptionsSpecification.ExchangeMode", c.mode)
		}
		res, err := (&cloud.Submission{Driver: d, At: at, Params: p}).Run(ctx)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := cloud.ExportPeerConfig(ctx, d, at, res.ID, devs[0], "eth0")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(cfg.Text, "  - Exchange mode            : "+c.want+"\r\n") {
			t.Errorf("%s %q: want the exchange mode %q:\n%s", c.version, c.mode, c.want, cfg.Text)
		}
		agreesWithShow(t, ctx, d, at, res.ID, cfg.Text)
	}
}
