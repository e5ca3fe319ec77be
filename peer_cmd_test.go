package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tunnelwiz/internal/testenv"
	"tunnelwiz/peer"
)

const exampleKey = "Xr7!pL2#vQ9@mN4k"

// TestPeerCommand pins issue 9's interface: stdout, exit statuses, the key
// a placeholder unless asked, warnings on stderr naming the field.
func TestPeerCommand(t *testing.T) {
	testenv.NoKeys(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("vendor: tencent\nregion: ap-guangzhou\nparams: {VpnGatewayId: x}\n"), 0o600)
	sm4 := filepath.Join(dir, "sm4.yaml")
	ex, _ := os.ReadFile("examples/tencent.yaml")
	os.WriteFile(sm4, []byte(strings.Replace(string(ex), "EncryptAlgorithm: AES-CBC-256", "EncryptAlgorithm: SM4", 1)), 0o600)
	cases := []struct {
		name      string
		args      []string
		code      int
		out, errs string // must contain ("" for nothing more)
		noOut     string // must not be on stdout
	}{
		{"devices", []string{"peer", "--devices"}, exitOK, "strongswan", "", ""},
		{"tencent", []string{"peer", "examples/tencent.yaml", "--device", "strongswan"}, exitOK,
			"proposals = aes256-sha256-modp2048", "", exampleKey},
		{"show secrets", []string{"peer", "examples/tencent.yaml", "--device", "strongswan", "--show-secrets"}, exitOK,
			`secret = "` + exampleKey + `"`, "", "MASKED"},
		{"flags win", []string{"peer", "examples/tencent.yaml", "--device", "strongswan", "--cloud-ip", "192.0.2.7"}, exitOK,
			"remote_addrs = 192.0.2.7", "", ""},
		// A malformed address flag is named with its value, not taken for
		// a missing address.
		{"bad cloud ip", []string{"peer", "examples/tencent.yaml", "--device", "strongswan", "--cloud-ip", "999.1.1.1"}, exitUsage,
			"", "tunnelwiz: --cloud-ip 999.1.1.1: not an IPv4 address\n", ""},
		{"bad peer ip", []string{"peer", "examples/huawei.yaml", "--device", "strongswan", "--peer-ip", "198.51.100", "--sandbox"}, exitUsage,
			"", "tunnelwiz: --peer-ip 198.51.100: not an IPv4 address\n", "connections {"},
		{"bad second cloud ip", []string{"peer", "examples/tencent.yaml", "--device", "strongswan", "--cloud-ip", "192.0.2.1,300.1.1.1"}, exitUsage,
			"", "tunnelwiz: --cloud-ip 192.0.2.1,300.1.1.1: 300.1.1.1 is not an IPv4 address\n", ""},
		{"unknown device", []string{"peer", "examples/tencent.yaml", "--device", "cisco-asa"}, exitUsage,
			"", `--device: no device "cisco-asa"; use one of strongswan`, ""},
		// As --vendor-device: any case, or the unique start of a name.
		{"device prefix", []string{"peer", "examples/tencent.yaml", "--device", "Cisco"}, exitOK, "crypto ikev2 proposal", "", ""},
		{"device start", []string{"peer", "examples/tencent.yaml", "--device", "s"}, exitOK, "connections {", "", ""},
		{"both addresses missing", []string{"peer", "examples/huawei.yaml", "--device", "strongswan"}, exitUsage,
			"", "give them with --cloud-ip and --peer-ip", ""},
		{"no device", []string{"peer", "examples/tencent.yaml"}, exitUsage, "", "use one of", ""},
		{"no file", []string{"peer", "--device", "strongswan"}, exitUsage, "", "usage: tunnelwiz peer FILE", ""},
		{"missing address", []string{"peer", "examples/huawei.yaml", "--device", "strongswan", "--peer-ip", "198.51.100.1"}, exitUsage,
			"", "give it with --cloud-ip", ""},
		{"missing peer address", []string{"peer", "examples/alibaba.yaml", "--device", "strongswan", "--cloud-ip", "203.0.113.1"},
			exitUsage, "", "give it with --peer-ip", ""},
		{"looked up in the sandbox", []string{"peer", "examples/huawei.yaml", "--device", "strongswan", "--sandbox"}, exitOK,
			"remote_addrs = 203.0.113.20", "vpn_connection.ipsecpolicy.authentication_algorithm: strongswan: sha2-256 is not negotiated", exampleKey},
		{"VPC CIDR looked up", []string{"peer", "cloud/tencentv2/testdata/seed.yaml", "--device", "strongswan", "--sandbox"}, exitOK,
			"remote_ts = 10.8.0.0/16  # the VPC's CIDR (look-up)", "IKESet.dhGroupName: not set", ""},
		{"spec errors", []string{"peer", bad, "--device", "strongswan"}, exitInvalid, "", "error   ", "connections {"},
		{"cannot express", []string{"peer", sm4, "--device", "strongswan"}, exitOK, "esp_proposals = UNSUPPORTED",
			"warning IPSECOptionsSpecification.EncryptAlgorithm: strongswan: IPsec encryption SM4 (sm4-cbc) cannot be expressed", ""},
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
			if c.code == exitOK && c.errs == "" && strings.TrimSpace(errs) != "" {
				t.Errorf("unexpected stderr: %s", errs)
			}
		})
	}
}

// TestPeerOutputFile: -o writes a new file (0600 when it holds the key,
// else 0644), nothing on stdout.
func TestPeerOutputFile(t *testing.T) {
	testenv.NoKeys(t)
	dir := t.TempDir()
	f := filepath.Join(dir, "swanctl.conf")
	code, out, errs := runCLI("peer", "examples/tencent.yaml", "--device", "strongswan", "-o", f)
	if code != exitOK || out != "" || !strings.Contains(errs, "placeholder") {
		t.Fatalf("code %d stdout %q stderr %q", code, out, errs)
	}
	if st, _ := os.Stat(f); st == nil || st.Mode().Perm() != 0o644 {
		t.Errorf("masked file mode: %v", st)
	}
	f = filepath.Join(dir, "keyed.conf")
	code, _, errs = runCLI("peer", "examples/tencent.yaml", "--device", "strongswan", "--show-secrets", "-o", f)
	b, _ := os.ReadFile(f)
	st, _ := os.Stat(f)
	if code != exitOK || st == nil || st.Mode().Perm() != 0o600 || !strings.Contains(string(b), exampleKey) || !strings.Contains(errs, "0600") {
		t.Errorf("code %d mode %v stderr %q", code, st, errs)
	}
}

// TestOutputNeverOverwrites: every command's -o FILE creates a new file
// and refuses an existing one, or a symlink there (even dangling), in one
// line, exit 2, leaving it as it was: peer, export and the vendor's
// export (TestPeerVendorDeviceCommand) alike.
func TestOutputNeverOverwrites(t *testing.T) {
	testenv.NoKeys(t)
	for _, cmd := range [][]string{
		{"peer", "examples/tencent.yaml", "--device", "strongswan"},
		{"peer", "examples/tencent.yaml", "--device", "strongswan", "--show-secrets"},
		// Refused before the warnings about a text it will not write.
		{"peer", "examples/huawei.yaml", "--device", "strongswan", "--cloud-ip", "203.0.113.10", "--peer-ip", "198.51.100.20"},
		{"export", "examples/tencent.yaml", "--format", "terraform"},
		{"export", "examples/tencent.yaml", "--format", "tccli", "--show-secrets"},
	} {
		dir := t.TempDir()
		kept := filepath.Join(dir, "keep.conf")
		os.WriteFile(kept, []byte("precious\n"), 0o644)
		dangling := filepath.Join(dir, "link.conf")
		os.Symlink(filepath.Join(dir, "nowhere"), dangling)
		for _, f := range []string{kept, dangling} {
			code, out, errs := runCLI(append(cmd, "-o", f)...)
			want := "tunnelwiz: -o " + f + ": the file exists; tunnelwiz never writes over a file: choose another name\n"
			if code != exitUsage || out != "" || errs != want {
				t.Errorf("%v -o %s: exit %d\nstdout %q\nstderr %q", cmd, filepath.Base(f), code, out, errs)
			}
		}
		if b, _ := os.ReadFile(kept); string(b) != "precious\n" {
			t.Errorf("%v: the existing file now holds %q", cmd, b)
		}
		if st, _ := os.Stat(kept); st == nil || st.Mode().Perm() != 0o644 {
			t.Errorf("%v: the existing file's mode is now %v", cmd, st)
		}
		if _, err := os.Lstat(filepath.Join(dir, "nowhere")); err == nil {
			t.Errorf("%v: the dangling symlink was followed", cmd)
		}
		if st, _ := os.Lstat(dangling); st == nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%v: the symlink was replaced", cmd)
		}
		if left, _ := os.ReadDir(dir); len(left) != 2 {
			t.Errorf("%v: files left: %v", cmd, left)
		}
	}
}

// TestPeerEveryShippedSpec: every example and seed spec writes for every
// device (addresses given where the spec lacks them: two cloud addresses
// for a dual-tunnel spec) without the key; a device that cannot hold a
// dual-tunnel connection says so, exit 2.
func TestPeerEveryShippedSpec(t *testing.T) {
	testenv.NoKeys(t)
	for _, d := range peer.Devices() {
		for _, f := range specFiles(t) {
			cloudIP := "203.0.113.10"
			if strings.Contains(f, "dual-tunnel") {
				cloudIP += ",203.0.113.11"
			}
			code, out, errs := runCLI("peer", f, "--device", d.Name, "--cloud-ip", cloudIP, "--peer-ip", "198.51.100.20")
			refused := !d.Parts && strings.Contains(f, "dual-tunnel")
			switch {
			case refused && (code != exitUsage || !strings.Contains(errs, "cannot hold")):
				t.Errorf("%s on %s: code %d\n%s%s", f, d.Name, code, out, errs)
			case !refused && code != exitOK:
				t.Errorf("%s on %s: code %d\n%s%s", f, d.Name, code, out, errs)
			}
			if strings.Contains(out+errs, exampleKey) {
				t.Errorf("%s on %s: the key is in the output", f, d.Name)
			}
		}
	}
}
