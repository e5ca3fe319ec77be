package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// startCommands are the commands whose start-up is budgeted (issue 11, "Start
// fast"): they do no network and little work, so their cost is the
// program's start.
var startCommands = [][]string{
	{"validate", "examples/tencent.yaml"},
	{"plan", "examples/tencent.yaml"},
	{"--help"},
}

// helloWorld is the yardstick the start-up budget is measured against: the
// smallest Go program that prints, built the same way as tunnelwiz.
const helloWorld = "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello\") }\n"

// Floors: hello-world linking only what any program that sends an HTTP
// request links (net/http), and only the three vendor SDK packages the
// brief requires. Every package linked runs its init and its pages are
// touched at start, so these are what tunnelwiz cannot go below while it
// sends with the official SDKs.
var (
	helloHTTP = []string{"net/http"}
	helloSDKs = []string{
		"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc/v20170312",
		"github.com/alibabacloud-go/vpc-20160428/v7/client",
		"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpn/v5",
	}
)

// buildHello builds helloWorld into dir (a module of its own, so it links
// nothing of tunnelwiz).
func buildHello(tb testing.TB, dir string) string {
	return buildHelloWith(tb, dir, "hello", nil)
}

// buildHelloWith builds helloWorld with blank imports, as a module that
// takes tunnelwiz's go.mod and go.sum (so the SDKs are the versions
// tunnelwiz links).
func buildHelloWith(tb testing.TB, dir, name string, imports []string) string {
	tb.Helper()
	src := filepath.Join(dir, name)
	os.MkdirAll(src, 0o755)
	mod := "module hello\n\ngo 1.26\n"
	if len(imports) > 0 {
		b, err := os.ReadFile("go.mod")
		if err != nil {
			tb.Fatal(err)
		}
		mod = strings.Replace(string(b), "module tunnelwiz", "module hello", 1)
		sum, _ := os.ReadFile("go.sum")
		os.WriteFile(filepath.Join(src, "go.sum"), sum, 0o644)
	}
	main := helloWorld
	for _, imp := range imports {
		main = strings.Replace(main, "import \"fmt\"", "import \"fmt\"\nimport _ \""+imp+"\"", 1)
	}
	os.WriteFile(filepath.Join(src, "go.mod"), []byte(mod), 0o644)
	os.WriteFile(filepath.Join(src, "main.go"), []byte(main), 0o644)
	bin := filepath.Join(dir, name+"-bin")
	cmd := exec.Command("go", "build", "-mod=mod", "-o", bin, ".")
	cmd.Dir = src
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("build %s: %v\n%s", name, err, out)
	}
	return bin
}

// buildTunnelwiz builds the program under test, as `go build` does for a
// user (buildBinary takes a *testing.T; benchmarks need a testing.TB).
func buildTunnelwiz(tb testing.TB, dir string) string {
	tb.Helper()
	bin := filepath.Join(dir, "tunnelwiz")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		tb.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// processCPU runs bin once and returns the CPU (user+system) the whole
// process used, start-up included: what a user pays for each call.
func processCPU(tb testing.TB, bin string, args ...string) time.Duration {
	tb.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	cmd.Run() // the exit status is not what is measured; ProcessState is
	if cmd.ProcessState == nil {
		tb.Fatalf("%s %v did not run", bin, args)
	}
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// packageInit is one line of GODEBUG=inittrace=1:
// "init PKG @T ms, C ms clock, B bytes, A allocs".
type packageInit struct {
	pkg     string
	clockMs float64
	bytes   int64
	allocs  int64
}

// initTrace runs bin with GODEBUG=inittrace=1 and returns each package's
// init cost as the runtime reports it.
func initTrace(tb testing.TB, bin string, args ...string) []packageInit {
	tb.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1", "NO_COLOR=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Run()
	var inits []packageInit
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		// init PKG @T ms, C ms clock, B bytes, A allocs
		if len(f) != 11 || f[0] != "init" || f[6] != "clock," || f[8] != "bytes," {
			continue
		}
		clock, _ := strconv.ParseFloat(f[4], 64)
		b, _ := strconv.ParseInt(f[7], 10, 64)
		a, _ := strconv.ParseInt(f[9], 10, 64)
		inits = append(inits, packageInit{pkg: f[1], clockMs: clock, bytes: b, allocs: a})
	}
	if len(inits) == 0 {
		tb.Fatalf("%s %v: no inittrace lines on stderr:\n%s", bin, args, stderr.String())
	}
	return inits
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
