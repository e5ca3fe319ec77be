package main

import (
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"
)

// maxInitBytes bounds what any one package's init may allocate in the
// commands that must start fast. Bytes, unlike milliseconds, are the same on
// every machine: a table or a regular expression built at init shows here
// (the Alibaba name rule compiled to 5 MB), a lazy one does not.
const maxInitBytes = 64 << 10

// initBytesExceptions are the packages allowed more, each with its reason.
// go-cmp is linked only because hclwrite (export's Terraform writer)
// imports it; its init compiles a \p{L} expression (178 KB, 0.4 ms) in
// v0.6.0 and v0.7.0 alike, and writing Terraform without hclwrite would be
// a rewrite of its own.
var initBytesExceptions = map[string]int64{
	"github.com/google/go-cmp/cmp": 256 << 10,
}

// TestStartInitCost runs the built binary with GODEBUG=inittrace=1 for each
// start command and fails on any package init allocating more than
// maxInitBytes.
func TestStartInitCost(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildTunnelwiz(t, t.TempDir())
	for _, args := range startCommands {
		for _, p := range initTrace(t, bin, args...) {
			bound, ok := initBytesExceptions[p.pkg]
			if !ok {
				bound = maxInitBytes
			}
			if p.bytes > bound {
				t.Errorf("tunnelwiz %s: init of %s allocates %d bytes (%d allocs), over %d: build it on first use (sync.OnceValue)",
					strings.Join(args, " "), p.pkg, p.bytes, p.allocs, bound)
			}
		}
	}
}

// dependencyFloors are the first versions of dependencies that dropped a
// start-up cost init tracing does not show in bytes: go-runewidth up to
// v0.0.27 filled a 2.2 MB package-level array at init (33 ms, yet 18 KB
// allocated), v0.0.28 fills it on first use.
var dependencyFloors = map[string]string{
	"github.com/mattn/go-runewidth": "v0.0.28",
}

// TestStartDependencyFloors fails when the module graph selects a
// dependency older than its floor (a downgrade, or a replace directive).
func TestStartDependencyFloors(t *testing.T) {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		t.Fatal("no build information in the test binary")
	}
	seen := map[string]bool{}
	for _, m := range info.Deps {
		if m.Replace != nil {
			m = m.Replace
		}
		floor, ok := dependencyFloors[m.Path]
		if !ok {
			continue
		}
		seen[m.Path] = true
		if olderThan(m.Version, floor) {
			t.Errorf("%s %s is older than %s, the first version without its start-up cost", m.Path, m.Version, floor)
		}
	}
	for path := range dependencyFloors {
		if !seen[path] {
			t.Logf("%s is no longer linked: its floor can go", path)
		}
	}
}

// olderThan compares two plain release versions vX.Y.Z numerically (a
// pre-release or pseudo-version counts as its X.Y.Z).
func olderThan(v, floor string) bool {
	parts := func(s string) [3]int {
		var n [3]int
		s, _, _ = strings.Cut(strings.TrimPrefix(s, "v"), "-")
		for i, f := range strings.SplitN(s, ".", 3) {
			n[i], _ = strconv.Atoi(f)
		}
		return n
	}
	a, b := parts(v), parts(floor)
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// BenchmarkStart measures what issue 11 budgets: the whole-process CPU
// (user+system) of validate, plan and --help beside a hello-world Go
// binary, runs interleaved so that the shared machine's noise falls on
// both; medians. It also reports the largest package init (clock ms and
// bytes) of validate, and the two floors beside hello-world: a hello-world
// linking net/http, and one linking the three vendor SDK packages
// (validate/sdk-floor is tunnelwiz's own cost above what the SDKs impose).
// Run it with -benchtime 200x.
func BenchmarkStart(b *testing.B) {
	dir := b.TempDir()
	tw, hello := buildTunnelwiz(b, dir), buildHello(b, dir)
	withHTTP, withSDKs := buildHelloWith(b, dir, "hello-http", helloHTTP), buildHelloWith(b, dir, "hello-sdks", helloSDKs)
	var helloCPU, httpCPU, sdkCPU []time.Duration
	cmdCPU := make([][]time.Duration, len(startCommands))
	var maxInitMs []time.Duration
	var maxInitBytes int64
	for b.Loop() {
		helloCPU = append(helloCPU, processCPU(b, hello))
		httpCPU = append(httpCPU, processCPU(b, withHTTP))
		sdkCPU = append(sdkCPU, processCPU(b, withSDKs))
		for i, args := range startCommands {
			cmdCPU[i] = append(cmdCPU[i], processCPU(b, tw, args...))
		}
		var worst float64
		for _, p := range initTrace(b, tw, startCommands[0]...) {
			worst = max(worst, p.clockMs)
			maxInitBytes = max(maxInitBytes, p.bytes)
		}
		maxInitMs = append(maxInitMs, time.Duration(worst*float64(time.Millisecond)))
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	h, sdk := median(helloCPU), median(sdkCPU)
	b.ReportMetric(ms(h), "hello-cpu-ms")
	b.ReportMetric(float64(median(httpCPU))/float64(h), "http-floor/hello")
	b.ReportMetric(float64(sdk)/float64(h), "sdk-floor/hello")
	for i, args := range startCommands {
		name := strings.TrimPrefix(args[0], "--")
		c := median(cmdCPU[i])
		b.ReportMetric(ms(c), name+"-cpu-ms")
		b.ReportMetric(float64(c)/float64(h), name+"/hello")
		b.ReportMetric(float64(c)/float64(sdk), name+"/sdk-floor")
	}
	b.ReportMetric(ms(median(maxInitMs)), "max-init-ms")
	b.ReportMetric(float64(maxInitBytes)/1024, "max-init-KB")
}
