package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// firstFrameText is on the wizard's first page: the vendor choice.
const firstFrameText = "Vendor and API"

// BenchmarkWizardFirstFrame starts the wizard in an 80x24 pseudo-terminal,
// with no credentials and an empty home, and measures the time from start
// until its first page is on the screen, and the process CPU by then (it
// is killed as soon as the page shows), beside a hello-world's CPU.
func BenchmarkWizardFirstFrame(b *testing.B) {
	dir := b.TempDir()
	tw, hello := buildTunnelwiz(b, dir), buildHello(b, dir)
	home := b.TempDir()
	var frame, cpu, helloCPU []time.Duration
	for b.Loop() {
		helloCPU = append(helloCPU, processCPU(b, hello))
		f, c := firstFrame(b, tw, home)
		frame, cpu = append(frame, f), append(cpu, c)
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(median(frame)), "first-frame-ms")
	b.ReportMetric(ms(median(cpu)), "wizard-cpu-ms")
	b.ReportMetric(ms(median(helloCPU)), "hello-cpu-ms")
	b.ReportMetric(float64(median(cpu))/float64(median(helloCPU)), "wizard/hello")
}

// firstFrame runs the wizard once and returns the time to its first page
// and the CPU it had used when killed right after.
func firstFrame(b *testing.B, bin, home string) (time.Duration, time.Duration) {
	b.Helper()
	cmd := exec.Command(bin)
	cmd.Dir = home
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+home+"/.config", "TERM=xterm-256color")
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var screen bytes.Buffer
	buf := make([]byte, 4096)
	var took time.Duration
	for {
		n, err := f.Read(buf)
		screen.Write(buf[:n])
		if strings.Contains(ansi.Strip(screen.String()), firstFrameText) {
			took = time.Since(start)
			break
		}
		if err != nil {
			b.Fatalf("the wizard ended before its first page: %v\n%s", err, ansi.Strip(screen.String()))
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	return took, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}
