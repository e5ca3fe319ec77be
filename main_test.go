package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

// specFiles are every valid spec the project ships: the examples and each
// vendor's seed reproductions.
func specFiles(t testing.TB) []string {
	a, _ := filepath.Glob("examples/*.yaml")
	b, _ := filepath.Glob("cloud/*/testdata/*.yaml")
	files := append(a, b...)
	if len(files) < 5 {
		t.Fatalf("expected at least one spec per vendor, found %v", files)
	}
	return files
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		return p
	}
	cases := []struct {
		args []string
		code int
		out  string // on stdout
		err  string // on stderr
	}{
		{[]string{"help"}, exitOK, "Usage:", ""},
		{[]string{}, exitUsage, "", "the wizard needs a terminal"},
		{[]string{"frobnicate"}, exitUsage, "", "unknown command"},
		{[]string{"validate"}, exitUsage, "", "usage: tunnelwiz validate FILE"},
		{[]string{"validate", filepath.Join(dir, "none.yaml")}, exitUsage, "", "no such file"},
		{[]string{"validate", write("bad.yaml", "vendor: [x")}, exitUsage, "", "not a YAML or JSON spec"},
		{[]string{"validate", write("text.yaml", "hello world")}, exitUsage, "", "must be a mapping"},
		{[]string{"validate", write("vendor.yaml", "vendor: azure\nparams: {}")}, exitUsage, "", `unknown vendor "azure"`},
		{[]string{"plan", write("vendor2.yaml", "vendor: gcp\nparams: {}")}, exitUsage, "", "tencent-v2"},
		{[]string{"validate", "--bogus", "x"}, exitUsage, "", "flag provided but not defined"},
		{[]string{"rules", "--vendor", "nope"}, exitUsage, "", "unknown vendor"},
		{[]string{"presets", "nope", "--vendor", "tencent"}, exitUsage, "", "unknown preset"},
		{[]string{"validate", write("empty.yaml", "vendor: tencent\nregion: ap-guangzhou\nparams: {}")}, exitInvalid, "is required", ""},
	}
	for _, c := range cases {
		code, out, errs := runCLI(c.args...)
		if code != c.code || !strings.Contains(out, c.out) || !strings.Contains(errs, c.err) {
			t.Errorf("%v: code %d (want %d)\nstdout: %s\nstderr: %s", c.args, code, c.code, out, errs)
		}
		if c.code == exitUsage && strings.Count(strings.TrimSpace(errs), "\n") > 0 && c.args[0] != "frobnicate" {
			t.Errorf("%v: want a one-line error, got %q", c.args, errs)
		}
	}
}

func TestValidateJSONShape(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.yaml")
	os.WriteFile(p, []byte("vendor: tencent\nregion: ap-guangzhou\nparams:\n  VpcId: vpc-1\n  IKEOptionsSpecification: {DhGroupName: GROUP3}\n"), 0o600)
	code, out, _ := runCLI("validate", p, "--json")
	if code != exitInvalid {
		t.Fatalf("code %d", code)
	}
	var issues []map[string]any
	if err := json.Unmarshal([]byte(out), &issues); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	found := false
	for _, i := range issues {
		if i["field"] == "IKEOptionsSpecification.DhGroupName" && i["severity"] == "error" {
			found = true
			if al, _ := i["allowed"].([]any); len(al) == 0 {
				t.Errorf("no allowed values: %v", i)
			}
		}
	}
	if !found {
		t.Errorf("DhGroupName issue missing: %s", out)
	}
}

func TestEveryShippedSpecValidatesAndPlans(t *testing.T) {
	for _, f := range specFiles(t) {
		if code, out, errs := runCLI("validate", f); code != exitOK {
			t.Errorf("validate %s: %d\n%s%s", f, code, out, errs)
		}
		code, out, errs := runCLI("plan", f, "--json")
		if code != exitOK {
			t.Errorf("plan %s: %d\n%s", f, code, errs)
			continue
		}
		var r map[string]any
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Errorf("plan --json %s: %v", f, err)
		}
		for _, k := range []string{"vendor", "method", "url", "headers", "body"} {
			if _, ok := r[k]; !ok {
				t.Errorf("plan --json %s: no %q", f, k)
			}
		}
	}
}

// TestSecretsNeverShown searches every output of plan (text and JSON, with
// warnings on stderr) and every validation message for the pre-shared key:
// it may appear only with --show-secrets.
func TestSecretsNeverShown(t *testing.T) {
	checked := 0
	for _, f := range specFiles(t) {
		spec, err := cloud.LoadSpec(f)
		if err != nil {
			t.Fatal(err)
		}
		d, _ := cloud.Lookup(spec.Vendor)
		secrets := d.Catalog().SecretValues(spec.Params)
		if len(secrets) == 0 {
			continue
		}
		checked++
		for _, args := range [][]string{{"plan", f}, {"plan", f, "--json"}, {"validate", f}, {"validate", f, "--json"}} {
			_, out, errs := runCLI(args...)
			for _, s := range secrets {
				if strings.Contains(out+errs, s) {
					t.Errorf("%v shows the secret", args)
				}
			}
		}
		for _, args := range [][]string{{"plan", f, "--show-secrets"}, {"plan", f, "--json", "--show-secrets"}} {
			_, out, _ := runCLI(args...)
			for _, s := range secrets {
				esc, _ := json.Marshal(s)
				if !strings.Contains(out, s) && !strings.Contains(out, strings.Trim(string(esc), `"`)) {
					t.Errorf("%v: secret missing with --show-secrets", args)
				}
			}
		}
		// Invalid secrets: every message about them must still hide them.
		for _, path := range d.Catalog().Secrets() {
			for _, bad := range []string{"LEAK", "LEAK<>[]&\\ leak leak " + strings.Repeat("Z", 300)} {
				s2, _ := cloud.LoadSpec(f)
				if cloud.Params(s2.Params).Set(strings.ReplaceAll(path, "[]", "[0]"), bad) != nil {
					continue
				}
				b, _ := s2.Marshal()
				p := filepath.Join(t.TempDir(), "bad.yaml")
				os.WriteFile(p, b, 0o600)
				for _, args := range [][]string{{"validate", p}, {"validate", p, "--json"}, {"plan", p}, {"plan", p, "--json"}} {
					_, out, errs := runCLI(args...)
					if strings.Contains(out+errs, "LEAK") {
						t.Errorf("%v with %s=%q shows it:\n%s%s", args, path, bad[:4], out, errs)
					}
				}
			}
		}
	}
	if checked < 5 {
		t.Errorf("only %d spec files carry a secret; every vendor's should", checked)
	}
}

func TestRulesJSON(t *testing.T) {
	code, out, _ := runCLI("rules", "--json")
	if code != exitOK {
		t.Fatal(code)
	}
	var cats []struct {
		Vendor string
		Params []struct {
			Path, Type, Source string
			Required, Secret   bool
			Allowed            []string
			Min, Max           *int64
		}
	}
	if err := json.Unmarshal([]byte(out), &cats); err != nil {
		t.Fatal(err)
	}
	if len(cats) != 5 {
		t.Fatalf("want 5 vendors, got %d", len(cats))
	}
	for _, c := range cats {
		secret := false
		for _, p := range c.Params {
			if p.Source == "" || p.Type == "" {
				t.Errorf("%s %s: missing source or type", c.Vendor, p.Path)
			}
			secret = secret || p.Secret
		}
		if !secret {
			t.Errorf("%s: no secret parameter in the catalog", c.Vendor)
		}
	}
	if code, out, _ := runCLI("rules", "--vendor", "huawei"); code != exitOK || !strings.Contains(out, "vpn_connection.ikepolicy.dh_group") {
		t.Errorf("rules --vendor huawei: %d %s", code, out)
	}
}

func TestPresetsMapOntoEveryVendor(t *testing.T) {
	for _, v := range cloud.Vendors() {
		code, out, errs := runCLI("presets", "modern-ikev2", "--vendor", v)
		if code != exitOK && code != exitInvalid {
			t.Errorf("%s: code %d %s", v, code, errs)
		}
		if !strings.Contains(out, "params:") {
			t.Errorf("%s: no params fragment: %s", v, out)
		}
		if code, out, errs = runCLI("presets", "defaults", "--vendor", v); code == exitFailed || code == exitUsage {
			t.Errorf("%s defaults: %d %s %s", v, code, out, errs)
		}
	}
}

// BenchmarkValidate measures a full validation of each shipped spec: the
// wizard validates on every keystroke, so this must stay well under a
// frame (the target is 50 µs).
func BenchmarkValidate(b *testing.B) {
	for _, f := range specFiles(b) {
		spec, err := cloud.LoadSpec(f)
		if err != nil {
			b.Fatal(err)
		}
		d, _ := cloud.Lookup(spec.Vendor)
		b.Run(strings.ReplaceAll(f, "/", "_"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d.Catalog().Check(spec)
			}
		})
	}
}

// The key typed where a parameter name goes, or copied into another field,
// is still never shown.
func TestSecretInUnforeseenPlaces(t *testing.T) {
	dir := t.TempDir()
	const key = "Xr7!pL2#vQ9@mN4k-unforeseen"
	specs := map[string]string{
		"as-name.yaml": "vendor: tencent\nregion: ap-guangzhou\nparams:\n  PreShareKey: \"" + key + "\"\n  \"" + key + "\": 1\n",
		"copied.yaml": "vendor: tencent\nregion: ap-guangzhou\nparams:\n  VpnGatewayId: vpngw-1w9tue3d\n  CustomerGatewayId: cgw-qa9sxpy7\n" +
			"  VpnConnectionName: &k \"" + key + "\"\n  PreShareKey: *k\n  RouteType: StaticRoute\n  VpcId: vpc-gapcv96p\n",
	}
	for name, body := range specs {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		for _, args := range [][]string{{"validate", p}, {"validate", p, "--json"}, {"plan", p}, {"plan", p, "--json"}} {
			_, out, errs := runCLI(args...)
			if strings.Contains(out+errs, "unforeseen") {
				t.Errorf("%s %v shows the key:\n%s%s", name, args, out, errs)
			}
		}
	}
	_, out, _ := runCLI("validate", filepath.Join(dir, "copied.yaml"))
	if !strings.Contains(out, "VpnConnectionName: holds the same value as the pre-shared key") {
		t.Errorf("no warning for the copied key:\n%s", out)
	}
}

// A spec with errors: plan, apply, export and peer have no result, so the
// issues (and the line saying nothing was done) are errors, on stderr, and
// stdout stays empty (`plan x > req.txt` must not capture them as the
// request). validate's issues are its result: stdout, text or JSON.
func TestSpecErrorsOnStderr(t *testing.T) {
	src, err := os.ReadFile("examples/tencent.yaml")
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte(strings.Replace(string(src), "DhGroupName: GROUP14", "DhGroupName: GROUP3", 1)), 0o600)
	const issue = `DhGroupName: "GROUP3" is not allowed`
	for _, args := range [][]string{
		{"plan", bad},
		{"plan", bad, "--json"},
		{"apply", bad, "--sandbox", "--yes"},
		{"apply", bad, "--sandbox", "--yes", "--json"},
		{"export", bad, "--format", "terraform"},
		{"peer", bad, "--device", "strongswan"},
	} {
		code, out, errs := runCLI(args...)
		if code != exitInvalid || out != "" || !strings.Contains(errs, issue) || !strings.Contains(errs, "1 error") {
			t.Errorf("%v: exit %d\nstdout: %s\nstderr: %s", args, code, out, errs)
		}
	}
	for _, args := range [][]string{{"validate", bad}, {"validate", bad, "--json"}} {
		code, out, errs := runCLI(args...)
		if code != exitInvalid || !strings.Contains(out, "GROUP3") || errs != "" {
			t.Errorf("%v: exit %d\nstdout: %s\nstderr: %s", args, code, out, errs)
		}
	}
}

// "use one of" lists the allowed values as every such message does
// ("a, b or c"), never in Go's slice notation.
func TestOneOfMessages(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"presets", "nosuch"}, `unknown preset "nosuch": use one of modern-ikev2, legacy-ikev1 or defaults`},
		{[]string{"presets", "nosuch", "--vendor", "huawei"}, `use one of modern-ikev2, legacy-ikev1 or defaults`},
		{[]string{"export", "examples/tencent.yaml", "--format", "cdk"}, `use one of terraform, tccli or curl (for a tencent spec)`},
		{[]string{"peer", "examples/tencent.yaml", "--device", "nosuch"}, ` or `},
	} {
		code, out, errs := runCLI(c.args...)
		if code != exitUsage || out != "" || !strings.Contains(errs, c.want) || strings.Contains(errs, "[") {
			t.Errorf("%v: exit %d\nstdout: %s\nstderr: %s", c.args, code, out, errs)
		}
	}
}

// presets --vendor V with no NAME lists the presets as that vendor can
// express them (it was ignored: the vendor-neutral list, as if no
// --vendor): each fully expressed or what it cannot set, and the
// vendor's defaults; --json gives the same per preset.
func TestPresetsListForVendor(t *testing.T) {
	code, out, errs := runCLI("presets", "--vendor", "tencent-v2")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out, errs)
	}
	for _, want := range []string{"Tencent Cloud API 2.0", "legacy-ikev1", "expressed in full", "modern-ikev2", "cannot express", "sha256", "defaults"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	code, out, _ = runCLI("presets", "--vendor", "tencent-v2", "--json")
	var list []struct {
		Name          string   `json:"name"`
		Vendor        string   `json:"vendor"`
		CannotExpress []string `json:"cannot_express"`
	}
	if err := json.Unmarshal([]byte(out), &list); code != exitOK || err != nil || len(list) != 3 {
		t.Fatalf("exit %d, %v:\n%s", code, err, out)
	}
	for _, p := range list {
		if p.Vendor != "tencent-v2" || p.CannotExpress == nil || (p.Name == "modern-ikev2") != (len(p.CannotExpress) > 0) {
			t.Errorf("%+v", p)
		}
	}
	if code, _, errs := runCLI("presets", "--vendor", "nope"); code != exitUsage || !strings.Contains(errs, "unknown vendor") {
		t.Errorf("--vendor nope: exit %d %s", code, errs)
	}
}
