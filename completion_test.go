package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/export"
	"tunnelwiz/internal/testenv"
	"tunnelwiz/peer"
)

// asMain, set in the environment, makes the test binary run as tunnelwiz
// itself: the shells' completion scripts call the program by name, and a
// link named tunnelwiz to this binary answers them without a build.
const asMain = "TUNNELWIZ_TEST_RUN_AS_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(asMain) == "1" {
		main()
	}
	testenv.Main(m) // the machine's cloud settings choose nothing here
}

// complete asks what the shells ask (cobra's hidden __complete command):
// the candidates, and the directive after the colon.
func complete(t *testing.T, words ...string) ([]string, string) {
	t.Helper()
	code, out, _ := runCLI(append([]string{"__complete"}, words...)...)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != exitOK || len(lines) == 0 || !strings.HasPrefix(lines[len(lines)-1], ":") {
		t.Fatalf("__complete %q: exit %d\n%s", words, code, out)
	}
	var names []string
	for _, l := range lines[:len(lines)-1] {
		names = append(names, strings.SplitN(l, "\t", 2)[0])
	}
	return names, lines[len(lines)-1]
}

func TestCompletion(t *testing.T) {
	var devices, formats []string
	for _, d := range peer.Devices() {
		devices = append(devices, d.Name)
	}
	for _, f := range export.Formats {
		formats = append(formats, f.Name)
	}
	const noFiles, fileExt = ":4", ":8"
	for _, c := range []struct {
		words     []string
		want      []string
		directive string
	}{
		{[]string{"rules", "--vendor", ""}, cloud.Vendors(), noFiles},
		{[]string{"list", "--vendor", "ten"}, cloud.Vendors(), noFiles}, // the shell filters by the prefix
		{[]string{"presets", "modern-ikev2", "--vendor", ""}, cloud.Vendors(), noFiles},
		{[]string{"peer", "examples/tencent.yaml", "--device", ""}, devices, noFiles},
		// --format: the formats the spec's vendor can be written as; all without a spec.
		{[]string{"export", "examples/tencent.yaml", "--format", ""}, []string{"terraform", "tccli", "curl"}, noFiles},
		{[]string{"export", "examples/huawei.yaml", "--format", ""}, []string{"terraform", "hcloud", "curl"}, noFiles},
		{[]string{"export", "examples/tencent-v2.yaml", "--format", ""}, []string{"curl"}, noFiles},
		{[]string{"export", "--format", ""}, formats, noFiles},
		// --device: a dual-tunnel spec only the devices that hold both tunnels.
		{[]string{"peer", "cloud/alibaba/testdata/dual-tunnel.yaml", "--device", ""}, []string{"strongswan", "fortigate"}, noFiles},
		{[]string{"peer", "--device", ""}, devices, noFiles},
		// --vendor beside a spec file: the file's vendor (another is refused).
		{[]string{"list", "examples/huawei.yaml", "--vendor", ""}, []string{"huawei"}, noFiles},
		{[]string{"presets", ""}, []string{"modern-ikev2", "legacy-ikev1", "defaults"}, noFiles},
		{[]string{"validate", ""}, []string{"yaml", "yml", "json"}, fileExt},
		{[]string{"apply", "--sandbox", ""}, []string{"yaml", "yml", "json"}, fileExt},
		{[]string{"status", "vpnx-1", ""}, []string{"yaml", "yml", "json"}, fileExt},
		{[]string{"--from", ""}, []string{"yaml", "yml", "json"}, fileExt},
		{[]string{"validate", "examples/tencent.yaml", ""}, nil, noFiles},
		{[]string{"plan", "--"}, []string{"--help", "--json", "--region", "--show-secrets"}, noFiles},
		{[]string{"apply", "--endpoint", ""}, nil, noFiles},
	} {
		got, directive := complete(t, c.words...)
		if !slices.Equal(got, c.want) || directive != c.directive {
			t.Errorf("%q: %q %s, want %q %s", c.words, got, directive, c.want, c.directive)
		}
	}
	// --region: the regions the vendor documents, the spec's vendor or --vendor's.
	if got, _ := complete(t, "plan", "examples/tencent.yaml", "--region", ""); !slices.Contains(got, "ap-guangzhou") || slices.Contains(got, "cn-hangzhou") {
		t.Errorf("plan FILE --region: %q", got)
	}
	if got, _ := complete(t, "list", "--vendor", "alibaba", "--region", ""); !slices.Contains(got, "cn-hangzhou") || slices.Contains(got, "ap-guangzhou") {
		t.Errorf("list --vendor alibaba --region: %q", got)
	}
	names, _ := complete(t, "")
	for _, want := range []string{"validate", "plan", "apply", "peer", "export", "sandbox", "completion", "man", "version"} {
		if !slices.Contains(names, want) {
			t.Errorf("the commands offered lack %s: %q", want, names)
		}
	}
}

// shellTunnelwiz puts a `tunnelwiz` that is this test binary, run as the
// program, first on PATH, in a directory that also holds spec files.
func shellTunnelwiz(t *testing.T) (dir string, env []string) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin, dir := t.TempDir(), t.TempDir()
	if err := os.Symlink(self, filepath.Join(bin, "tunnelwiz")); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"gz.yaml", "sh.json", "notes.txt"} {
		os.WriteFile(filepath.Join(dir, f), []byte("{}"), 0o600)
	}
	return dir, append(os.Environ(), asMain+"=1", "PATH="+bin+":"+os.Getenv("PATH"))
}

// shellPackages are the Debian packages the completion tests drive: the
// three shells, and bash-completion, which cobra's bash script needs.
var shellPackages = []string{"bash", "bash-completion", "zsh", "fish"}

var (
	installShells sync.Once
	installErr    error
)

// needShell makes sure a shell (and what its completion needs) is there:
// found, else installed from Debian's packages (all of them, once) when
// this runs as root with apt-get, as the test command does in CI, else
// the test is skipped saying what is missing.
func needShell(t *testing.T, probe string) {
	t.Helper()
	present := func() bool {
		if strings.HasPrefix(probe, "/") {
			_, err := os.Stat(probe)
			return err == nil
		}
		_, err := exec.LookPath(probe)
		return err == nil
	}
	if present() {
		return
	}
	if _, err := exec.LookPath("apt-get"); err != nil || os.Geteuid() != 0 {
		t.Skipf("SKIP: %s is missing, and installing %s needs root and apt-get", probe, strings.Join(shellPackages, " "))
	}
	installShells.Do(func() {
		t.Logf("installing %s", strings.Join(shellPackages, " "))
		for _, args := range [][]string{{"update", "-q"}, append([]string{"install", "-y", "-q"}, shellPackages...)} {
			cmd := exec.Command("apt-get", args...)
			cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
			if out, err := cmd.CombinedOutput(); err != nil {
				installErr = fmt.Errorf("apt-get %s: %v\n%s", args[0], err, out)
				return
			}
		}
	})
	if installErr != nil {
		t.Fatal(installErr)
	}
	if !present() {
		t.Fatalf("%s still missing after installing %s", probe, strings.Join(shellPackages, " "))
	}
}

// askShell runs a shell's command line (its script included) with line
// as the script's argument and tunnelwiz on PATH, in a directory holding
// gz.yaml, sh.json and notes.txt, and returns the words it printed on
// stdout, sorted.
func askShell(t *testing.T, shell []string, line string) []string {
	t.Helper()
	dir, env := shellTunnelwiz(t)
	cmd := exec.Command(shell[0], append(shell[1:], line)...)
	cmd.Dir, cmd.Env = dir, env
	var errb strings.Builder
	cmd.Stderr = &errb
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %q: %v\n%s%s", shell[0], line, err, out, errb.String())
	}
	words := strings.Fields(string(out))
	slices.Sort(words)
	return words
}

// checkShell asks a shell's completion what the Tab key would offer on
// each line, and compares it with the definitions. specFiles is what the
// shell offers for a spec file in a directory of gz.yaml, sh.json and
// notes.txt.
func checkShell(t *testing.T, specFiles []string, ask func(line string) []string) {
	t.Helper()
	vendors := slices.Sorted(slices.Values(cloud.Vendors()))
	devices := deviceNamesSorted()
	for _, c := range []struct {
		line string
		want []string
	}{
		{"tunnelwiz rules --vendor ", vendors},
		{"tunnelwiz rules --vendor tencent-", []string{"tencent-v2"}},
		{"tunnelwiz peer gz.yaml --device ", devices},
		{"tunnelwiz peer gz.yaml --device ju", []string{"juniper-srx"}},
		{"tunnelwiz export gz.yaml --format c", []string{"curl"}},
		{"tunnelwiz valid", []string{"validate"}},
		{"tunnelwiz validate ", specFiles},
	} {
		if got := ask(c.line); !slices.Equal(got, c.want) {
			t.Errorf("%q: %q, want %q", c.line, got, c.want)
		}
	}
}

// The bash script, sourced into bash and asked as bash asks on Tab.
func TestBashCompletionScript(t *testing.T) {
	needShell(t, "/usr/share/bash-completion/bash_completion")
	const script = `source /usr/share/bash-completion/bash_completion
source <(tunnelwiz completion bash) || exit 9
COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
read -ra COMP_WORDS <<<"$COMP_LINE"
[[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
__start_tunnelwiz
printf '%s\n' "${COMPREPLY[@]}"`
	// (bash's compopt says on stderr that no Tab is being completed.)
	checkShell(t, []string{"gz.yaml", "sh.json"}, func(line string) []string {
		return askShell(t, []string{"bash", "--norc", "--noprofile", "-c", script, "bash"}, line)
	})
}

// The fish script, loaded into fish and asked with complete -C, as fish
// asks on Tab.
func TestFishCompletionScript(t *testing.T) {
	needShell(t, "fish")
	const script = `tunnelwiz completion fish | source; or exit 9
complete -C "$argv[1]" | string replace -r '\\t.*' ''
true # string replace fails when no line had a description`
	// Cobra's fish script cannot filter by extension: it offers every file.
	checkShell(t, []string{"gz.yaml", "notes.txt", "sh.json"}, func(line string) []string { return askShell(t, []string{"fish", "--no-config", "-c", script}, line) })
}

// The zsh script, loaded into zsh's completion system and run as on Tab,
// with the three functions through which it hands zsh its answer
// (_describe, _arguments for files, compadd) replaced by ones that print
// it: driving zsh's own menu needs a terminal. The words each line
// offers are compared unfiltered: zsh filters them by the prefix itself.
func TestZshCompletionScript(t *testing.T) {
	needShell(t, "zsh")
	const script = `autoload -U compinit && compinit -u -D
source <(tunnelwiz completion zsh) || exit 9
_describe() { print -rl -- "${completions[@]%%:*}" }
_arguments() { print -r -- "$*" }
compadd() { print -r -- "$*" }
words=(${(z)1}); [[ $1 == *' ' ]] && words+=('')
CURRENT=${#words}
_tunnelwiz`
	ask := func(line string) []string { return askShell(t, []string{"zsh", "-f", "-c", script, "zsh"}, line) }
	var formats []string
	for _, f := range export.Formats {
		formats = append(formats, f.Name)
	}
	for _, c := range []struct {
		line string
		want []string
	}{
		{"tunnelwiz rules --vendor ", slices.Sorted(slices.Values(cloud.Vendors()))},
		{"tunnelwiz peer gz.yaml --device ", deviceNamesSorted()},
		{"tunnelwiz export gz.yaml --format ", slices.Sorted(slices.Values(formats))},
		{"tunnelwiz validate ", []string{"*:filename:_files", "-g", "-g", "-g", `\*.json`, `\*.yaml`, `\*.yml`}},
	} {
		if got := ask(c.line); !slices.Equal(got, c.want) {
			t.Errorf("%q: %q, want %q", c.line, got, c.want)
		}
	}
}

// deviceNamesSorted are the devices peer writes, as a shell sorts them.
func deviceNamesSorted() []string {
	var out []string
	for _, d := range peer.Devices() {
		out = append(out, d.Name)
	}
	slices.Sort(out)
	return out
}
