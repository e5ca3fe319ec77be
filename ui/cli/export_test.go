package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

func runExport(args ...string) (string, string, error) {
	var out, errb bytes.Buffer
	err := Export(args, IO{Out: &out, Err: &errb})
	return out.String(), errb.String(), err
}

// The command's contract: usage errors for a bad format or a vendor with no
// provider (exit 2), the spec's issues for an invalid spec (exit 1), the
// key only when asked, and -o 0600 only when the key is in the file.
func TestExportCommand(t *testing.T) {
	const key = "Xr7!pL2#vQ9@mN4k"
	var usage *UsageError
	if _, _, err := runExport("../../examples/tencent.yaml", "--format", "pulumi"); !errors.As(err, &usage) {
		t.Errorf("unknown format: %v", err)
	}
	if _, _, err := runExport("--format", "terraform"); !errors.As(err, &usage) {
		t.Errorf("no file: %v", err)
	}
	if _, _, err := runExport("../../examples/tencent-v2.yaml", "--format", "terraform"); !errors.As(err, &usage) ||
		!strings.Contains(err.Error(), "no official Terraform provider") || strings.Contains(err.Error(), "\n") {
		t.Errorf("tencent-v2: %v", err)
	}

	out, stderr, err := runExport("../../examples/apsara.yaml", "--format", "terraform", "--connection", "vco-1")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, key) || !strings.Contains(out, "import {") {
		t.Errorf("output:\n%s", out)
	}
	if !strings.Contains(stderr, "warning AutoConfigRoute: ") {
		t.Errorf("the value the provider cannot express is not named on stderr: %q", stderr)
	}

	dir := t.TempDir()
	for _, c := range []struct {
		show bool
		mode os.FileMode
	}{{false, 0o644}, {true, 0o600}} {
		path := filepath.Join(dir, fmt.Sprintf("out-%v.tf", c.show))
		args := []string{"../../examples/huawei.yaml", "--format", "terraform", "-o", path}
		if c.show {
			args = append(args, "--show-secrets")
		}
		if _, _, err := runExport(args...); err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(path)
		if st.Mode().Perm() != c.mode || strings.Contains(string(b), key) != c.show {
			t.Errorf("show=%v: mode %v, key in file %v", c.show, st.Mode().Perm(), strings.Contains(string(b), key))
		}
	}

	bad := filepath.Join(dir, "bad.yaml")
	ex, _ := os.ReadFile("../../examples/tencent.yaml")
	os.WriteFile(bad, []byte(strings.Replace(string(ex), "GROUP14", "GROUP3", 1)), 0o600)
	out, errs, err := runExport(bad, "--format", "terraform")
	var invalid *cloud.InvalidError
	if !errors.As(err, &invalid) || !strings.Contains(errs, "DhGroupName") || out != "" {
		t.Errorf("invalid spec: %v\nstdout: %s\nstderr: %s", err, out, errs)
	}
}
