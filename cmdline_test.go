package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"tunnelwiz/cloud"
	"tunnelwiz/ui/cli"
)

// definitions is the command tree as the program builds it, read for
// what the tests expect: every expectation below comes from the flag and
// command definitions, so a flag or command added later is checked too.
func definitions() *cobra.Command { return tree(cli.IO{}, cli.IO{}, true) }

// commandPaths are the words naming each command, the root's ("") first.
func commandPaths(root *cobra.Command) [][]string {
	paths := [][]string{nil}
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() || c.Name() == "help" {
			paths = append(paths, []string{c.Name()})
		}
	}
	return paths
}

// flagForms are how the help lists a command's flags: "-y, --yes" or
// "--json".
func flagForms(c *cobra.Command) []string {
	var forms []string
	c.LocalFlags().VisitAll(func(f *pflag.Flag) {
		form := "--" + f.Name
		if f.Shorthand != "" {
			form = "-" + f.Shorthand + ", " + form
		}
		forms = append(forms, form)
	})
	return forms
}

// SUB --help, SUB -h and help SUB print the command's help with every
// flag it defines, on stdout, exit 0 (the flag package said "flag: help
// requested", exit 2, and never listed --timeout, --settle or --seed).
func TestHelpListsEveryFlag(t *testing.T) {
	root := definitions()
	paths := commandPaths(root)
	if len(paths) < len(cli.Commands())+3 {
		t.Fatalf("only %d commands in the tree", len(paths))
	}
	for _, path := range paths {
		c, _, _ := root.Find(path)
		want := flagForms(c)
		var first string
		for _, args := range [][]string{append(path, "--help"), append(path, "-h"), append([]string{"help"}, path...)} {
			code, out, errs := runCLI(args...)
			if code != exitOK || errs != "" {
				t.Errorf("%v: exit %d, stderr %q", args, code, errs)
				continue
			}
			for _, f := range want {
				if !strings.Contains(out, f) {
					t.Errorf("%v: %s is not listed:\n%s", args, f, out)
				}
			}
			if first == "" {
				first = out
			} else if out != first {
				t.Errorf("%v differs from %v --help", args, path)
			}
		}
	}
	// The flags the flag package hid are there.
	for _, hidden := range []struct{ cmd, flag string }{{"apply", "--timeout"}, {"apply", "--settle"}, {"sandbox", "--seed"}} {
		if _, out, _ := runCLI(hidden.cmd, "--help"); !strings.Contains(out, hidden.flag) {
			t.Errorf("%s --help lacks %s", hidden.cmd, hidden.flag)
		}
	}
	_, out, _ := runCLI("--help")
	for _, keep := range []string{"tunnelwiz sandbox &", "Vendors: " + strings.Join(cloud.Vendors(), ", "), "FILE - reads standard input"} {
		if !strings.Contains(out, keep) {
			t.Errorf("tunnelwiz --help lacks %q", keep)
		}
	}
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"-v"}, {"version"}} {
		code, out, errs := runCLI(args...)
		if code != exitOK || errs != "" || !strings.HasPrefix(out, "tunnelwiz devel") || strings.Count(out, "\n") != 1 {
			t.Errorf("%v: exit %d, %q %q", args, code, out, errs)
		}
	}
	info := &debug.BuildInfo{GoVersion: "go1.26.8", Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "9f24fa205c26aa71776667a1c46042d6f7197837"}, {Key: "vcs.modified", Value: "true"}}}
	if got, want := describeVersion("1.2.0", info), "tunnelwiz 1.2.0 (revision 9f24fa205c26aa71776667a1c46042d6f7197837+dirty, go1.26.8)"; got != want {
		t.Errorf("stamped: %q, want %q", got, want)
	}
	info.Settings[1].Value = "false"
	if got := describeVersion("", info); got != "tunnelwiz devel (revision 9f24fa205c26aa71776667a1c46042d6f7197837, go1.26.8)" {
		t.Errorf("devel, clean: %q", got)
	}
	if got := describeVersion("", nil); got != "tunnelwiz devel" {
		t.Errorf("no build info: %q", got)
	}
}

// A mistyped command or flag: exit 2, one line naming the nearest and
// where the help is.
func TestSuggestions(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"valdate", "examples/tencent.yaml"}, `unknown command "valdate" (did you mean validate?); see tunnelwiz --help`},
		{[]string{"plna"}, "(did you mean plan?)"},
		{[]string{"help", "exprot"}, "(did you mean export?)"},
		{[]string{"completion", "bsh"}, `completion: unknown shell "bsh" (did you mean bash or zsh?); see tunnelwiz completion --help`},
		{[]string{"validate", "--jsn", "examples/tencent.yaml"}, "flag provided but not defined: --jsn (did you mean --json?); see tunnelwiz validate --help"},
		{[]string{"apply", "--endpont", "http://127.0.0.1:1", "examples/tencent.yaml"}, "(did you mean --endpoint?)"},
		{[]string{"--form", "x.yaml"}, "(did you mean --from?)"},
		{[]string{"peer", "-x"}, "flag provided but not defined: -x; see tunnelwiz peer --help"},
		{[]string{"plan", "-jsn", "examples/tencent.yaml"}, "plan: flag provided but not defined: --jsn (did you mean --json?); see tunnelwiz plan --help"},
		{[]string{"--verison"}, "tunnelwiz: flag provided but not defined: --verison (did you mean --version?); see tunnelwiz --help"},
	} {
		code, out, errs := runCLI(c.args...)
		// The program's name starts the line once: "tunnelwiz: tunnelwiz: " was said for the root's flags.
		if strings.Count(errs, "tunnelwiz: ") != 1 || !strings.HasPrefix(errs, "tunnelwiz: ") {
			t.Errorf("%v: the program's name is not said once, first: %q", c.args, errs)
		}
		if code != exitUsage || out != "" || !strings.Contains(errs, c.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and one line with %q", c.args, code, out, errs, c.want)
		}
	}
}

// --region replaces the spec's region in what plan shows, with a note on
// stderr; a parameter repeating the region (Alibaba's RegionId) follows.
func TestRegionOverrideShowsInPlan(t *testing.T) {
	code, out, errs := runCLI("plan", "examples/tencent.yaml", "--region", "ap-shanghai")
	if code != exitOK || !strings.Contains(out, "X-Tc-Region: ap-shanghai") || strings.Contains(out, "ap-guangzhou") {
		t.Errorf("tencent: exit %d\n%s", code, out)
	}
	if !strings.Contains(errs, `region ap-shanghai (--region; examples/tencent.yaml says "ap-guangzhou")`) {
		t.Errorf("tencent: no note of the override: %q", errs)
	}
	code, out, errs = runCLI("plan", "--json", "--region", "cn-beijing", "examples/alibaba.yaml")
	var req struct {
		URL  string            `json:"url"`
		Body map[string]string `json:"body"`
	}
	if err := json.Unmarshal([]byte(out), &req); code != exitOK || err != nil {
		t.Fatalf("alibaba: exit %d, %v\n%s%s", code, err, out, errs)
	}
	if !strings.Contains(req.URL, "cn-beijing") || req.Body["RegionId"] != "cn-beijing" || strings.Contains(out, "cn-shanghai") {
		t.Errorf("alibaba: the request still names the file's region: %s", out)
	}
	if !strings.Contains(errs, "also in RegionId") || strings.Contains(errs, "differs from the target region") {
		t.Errorf("alibaba: %q", errs)
	}
	// Checked like any region: a malformed one is an error of the spec.
	if code, out, _ := runCLI("validate", "examples/alibaba.yaml", "--region", "cn hangzhou!"); code != exitInvalid || !strings.Contains(out, "region") {
		t.Errorf("malformed region: exit %d\n%s", code, out)
	}
}

// --region moving a spec warns, once and naming them, of the values that
// belong to the old region: found by catalog role (gateways, VPC) or
// marked (Huawei's project_id).
func TestRegionOverrideWarnsOfRegionBoundValues(t *testing.T) {
	want := map[string]string{
		"examples/huawei.yaml":  "project_id, vpn_connection.vgw_id, vpn_connection.vgw_ip, vpn_connection.cgw_id are",
		"examples/tencent.yaml": "VpcId, VpnGatewayId, CustomerGatewayId are",
	}
	files, _ := filepath.Glob("examples/*.yaml")
	for _, f := range files {
		code, _, errs := runCLI("plan", f, "--region", "cn-south-1")
		if code != exitOK || strings.Count(errs, "must exist in cn-south-1") != 1 || !strings.Contains(errs, want[f]) {
			t.Errorf("%s: exit %d, want one warning naming %q:\n%s", f, code, want[f], errs)
		}
		if _, _, errs := runCLI("plan", f); strings.Contains(errs, "must exist in") {
			t.Errorf("%s: a warning with no --region:\n%s", f, errs)
		}
	}
}

func TestPresetsJSON(t *testing.T) {
	code, out, _ := runCLI("presets", "--json")
	var list []struct{ Name, Title string }
	if err := json.Unmarshal([]byte(out), &list); code != exitOK || err != nil || len(list) < 3 || list[0].Name != "modern-ikev2" || list[len(list)-1].Name != "defaults" {
		t.Errorf("presets --json: exit %d, %v\n%s", code, err, out)
	}
	code, out, _ = runCLI("presets", "modern-ikev2", "--vendor", "huawei", "--json")
	var mapped struct {
		Preset, Vendor string
		Params         map[string]any
		CannotExpress  []string `json:"cannot_express"`
	}
	if err := json.Unmarshal([]byte(out), &mapped); code != exitOK || err != nil || mapped.Vendor != "huawei" || len(mapped.Params) == 0 || mapped.CannotExpress == nil {
		t.Errorf("presets NAME --json: exit %d, %v\n%s", code, err, out)
	}
}

// -y is --yes: with no terminal, apply refuses without it and creates with it.
func TestYesShortForm(t *testing.T) {
	if code, _, errs := runCLI("apply", "--sandbox", "examples/tencent.yaml"); code != exitUsage || !strings.Contains(errs, "--yes") {
		t.Fatalf("without -y: exit %d %q", code, errs)
	}
	code, out, errs := runCLI("apply", "--sandbox", "-y", "--settle", "0s", "examples/tencent.yaml")
	if code != exitOK || !strings.HasPrefix(out, "vpnx-") {
		t.Errorf("with -y: exit %d %q %q", code, out, errs)
	}
}

// Long flags written with one dash, as Go's flag package took them, still work.
func TestSingleDashLongFlags(t *testing.T) {
	code, out, errs := runCLI("validate", "-json", "examples/tencent.yaml")
	if code != exitOK || !json.Valid([]byte(out)) {
		t.Errorf("validate -json: exit %d %q %q", code, out, errs)
	}
	if code, out, _ := runCLI("export", "examples/tencent.yaml", "-format=curl"); code != exitOK || !strings.HasPrefix(out, "#") && !strings.Contains(out, "curl") {
		t.Errorf("export -format=curl: exit %d\n%s", code, out)
	}
}

// The man page documents every command and every flag of each.
func TestManPage(t *testing.T) {
	code, out, errs := runCLI("man")
	if code != exitOK || errs != "" || !strings.HasPrefix(out, ".TH TUNNELWIZ 1") {
		t.Fatalf("man: exit %d %q\n%.200s", code, errs, out)
	}
	root := definitions()
	for _, path := range commandPaths(root)[1:] {
		c, _, _ := root.Find(path)
		if !strings.Contains(out, `.SS "tunnelwiz `+c.Name()) {
			t.Errorf("man: no section for %s", c.Name())
		}
	}
	for _, c := range append([]*cobra.Command{root}, root.Commands()...) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Name != "help" && !strings.Contains(out, `\fB\-\-`+strings.ReplaceAll(f.Name, "-", `\-`)+`\fR`) {
				t.Errorf("man: %s --%s is not documented", c.Name(), f.Name)
			}
		})
	}
	for _, section := range []string{".SH OPTIONS", ".SH COMMANDS", ".SH ENVIRONMENT", ".SH FILES", ".SH EXIT STATUS"} {
		if !strings.Contains(out, section) {
			t.Errorf("man: no %s", section)
		}
	}
	manLayout(t, out)
	manCredentials(t, out)
}

// The page is plain ASCII roff (groff reads bytes beyond it as Latin-1:
// a UTF-8 "…" printed as "â¦"), names the program once in its footer,
// lines the EXIT STATUS rows up, and describes completion in its words.
func manLayout(t *testing.T, out string) {
	for i, r := range out {
		if r > 0x7e || r < ' ' && r != '\n' {
			t.Errorf("man: byte %q at %d: not roff-safe: %q", r, i, out[max(0, i-40):i])
			break
		}
	}
	if head, _, _ := strings.Cut(out, "\n"); strings.Count(head, "tunnelwiz") != 1 {
		t.Errorf("man: the footer repeats the name: %s", head)
	}
	_, exit, _ := strings.Cut(out, ".SH EXIT STATUS\n.PP\n.nf\n")
	exit, _, _ = strings.Cut(exit, ".fi")
	for _, row := range strings.Split(strings.TrimSuffix(exit, "\n"), "\n") {
		if !strings.HasPrefix(row, "  ") || row[2] == ' ' {
			t.Errorf("man: EXIT STATUS row not aligned with the others: %q", row)
		}
	}
	_, completion, _ := strings.Cut(out, `.SS "tunnelwiz completion"`)
	completion, _, _ = strings.Cut(completion, ".SH")
	if strings.Contains(completion, "autocompletion script for tunnelwiz") || !strings.Contains(completion, "zsh") || !strings.Contains(completion, "fish") {
		t.Errorf("man: completion's description:\n%s", completion)
	}
}

// ENVIRONMENT and FILES name every variable and file each vendor's
// credential search reads, from the drivers themselves.
func manCredentials(t *testing.T, out string) {
	_, env, _ := strings.Cut(out, ".SH ENVIRONMENT")
	env, _, _ = strings.Cut(env, ".SH EXIT STATUS")
	env = strings.ReplaceAll(env, `\-`, "-")
	for _, v := range cloud.Vendors() {
		d, _ := cloud.Lookup(v)
		cd, ok := d.(cloud.CredentialDescriber)
		if !ok {
			t.Errorf("%s: the driver does not say where it looks for credentials", v)
			continue
		}
		src := cd.CredentialSources()
		for _, name := range slices.Concat(src.Keys, src.Profiles, src.Roles, src.Files) {
			if !strings.Contains(env, name) {
				t.Errorf("man: %s's %s is not in ENVIRONMENT or FILES", v, name)
			}
		}
	}
	for _, file := range []string{"~/.tccli/", "~/.tencentcloud/credentials", "~/.aliyun/config.json", "~/.huaweicloud/credentials", "~/.hcloud/config.json"} {
		if !strings.Contains(env, "\n"+file) {
			t.Errorf("man: FILES lacks %s", file)
		}
	}
	for _, selector := range []string{"TENCENTCLOUD_PROFILE", "TCCLI_PROFILE", "ALIBABA_CLOUD_PROFILE", "HW_PROFILE", "HW_ACCESS_KEY", "ALIBABACLOUDSTACK_ACCESS_KEY"} {
		if !strings.Contains(env, selector) {
			t.Errorf("man: ENVIRONMENT lacks %s", selector)
		}
	}
}

// BenchmarkTree is what the command line costs every start: defining
// every command and flag, before any command runs.
func BenchmarkTree(b *testing.B) {
	for b.Loop() {
		tree(cli.IO{}, cli.IO{}, false)
	}
}

// A value equally near several allowed ones gets no "did you mean": the
// first of them would be arbitrary (GROUP3 pointed at GROUP1, 768-bit DH).
func TestNoArbitrarySuggestion(t *testing.T) {
	src, err := os.ReadFile("examples/tencent.yaml")
	if err != nil {
		t.Fatal(err)
	}
	spec := strings.NewReplacer("DhGroupName: GROUP14", "DhGroupName: GROUP3", "PfsDhGroup: DH-GROUP14", "PfsDhGroup: DH-GROUP3").Replace(string(src))
	file := filepath.Join(t.TempDir(), "g3.yaml")
	if err := os.WriteFile(file, []byte(spec), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI("validate", file)
	if code != exitInvalid || !strings.Contains(out, `"GROUP3" is not allowed`) || !strings.Contains(out, `"DH-GROUP3" is not allowed`) {
		t.Fatalf("exit %d\n%s", code, out)
	}
	if strings.Contains(out, "did you mean") {
		t.Errorf("a suggestion among equally near values:\n%s", out)
	}
}

// presets: a value the vendor implies is expressed (Tencent API 2.0 is
// IKEv1-only); the defaults' heading names the vendor once; a NAME alone
// shows its vendor-neutral values and how to map them.
func TestPresetsWords(t *testing.T) {
	code, out, errs := runCLI("presets", "legacy-ikev1", "--vendor", "tencent-v2")
	if code != exitOK || errs != "" || !strings.Contains(out, "# ike.version ikev1: the API applies it") {
		t.Errorf("legacy-ikev1 on tencent-v2: exit %d %q\n%s", code, errs, out)
	}
	code, out, _ = runCLI("presets", "defaults", "--vendor", "alibaba")
	first, _, _ := strings.Cut(out, "\n")
	if code != exitOK || strings.Count(first, "CreateVpnConnection") != 1 {
		t.Errorf("defaults heading: exit %d %q", code, first)
	}
	code, out, errs = runCLI("presets", "modern-ikev2")
	if code != exitOK || errs != "" || !strings.Contains(out, "dh: modp2048") || !strings.Contains(out, "--vendor V") {
		t.Errorf("presets modern-ikev2: exit %d %q\n%s", code, errs, out)
	}
}

// Unconfirmed is two cases, and the help says which is which: with no
// terminal and no --yes, apply and delete refuse as a usage error (exit
// 2: --yes is how a script asks for it); a person answering no aborts
// (exit 130). Each command's help and the man page's EXIT STATUS say so.
func TestUnconfirmedExitStatusDocumented(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	_, url := sandboxAt(t)
	code, id, errs := runCLI("apply", "--endpoint", url, "--yes", "examples/tencent.yaml")
	if code != exitOK {
		t.Fatalf("apply --yes: exit %d %s", code, errs)
	}
	for _, cmd := range []string{"apply", "delete"} {
		args := []string{cmd, "--endpoint", url, "examples/tencent.yaml"}
		if cmd == "delete" {
			args = []string{cmd, strings.TrimSpace(id), "examples/tencent.yaml", "--endpoint", url}
		}
		code, out, errs := runCLI(args...)
		if code != exitUsage || out != "" || !strings.Contains(errs, "pass --yes") {
			t.Errorf("%s with no terminal and no --yes: exit %d\nstdout: %s\nstderr: %s", cmd, code, out, errs)
		}
		_, help, _ := runCLI(cmd, "--help")
		help = strings.Join(strings.Fields(help), " ")
		if !strings.Contains(help, "with no terminal it refuses without it (exit status 2)") || !strings.Contains(help, "answering no stops it (exit status 130)") {
			t.Errorf("%s --help does not give the exit statuses of the confirmation:\n%s", cmd, help)
		}
	}
	_, man, _ := runCLI("man")
	if !strings.Contains(man, "no terminal to confirm on") || !strings.Contains(man, "not confirmed (answered no)") {
		t.Errorf("the man page's exit statuses do not tell the two apart")
	}
}
