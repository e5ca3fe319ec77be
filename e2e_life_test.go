package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"tunnelwiz/internal/testenv"
)

// TestLifecycleEndToEnd runs the built binary through a connection's
// life, for every vendor, against `tunnelwiz sandbox`: apply --wait (the
// tunnel is not up yet, and it says so) → list → show → status (down) →
// the peer connects → status --watch sees it up → delete → list is empty.
// Waits are bounded polls, never timings.
func TestLifecycleEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	url := startSandbox(t, bin)
	home := t.TempDir() // no credentials anywhere: the sandbox's own are used
	run := func(args ...string) (int, string, string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "HOME="+home)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		cmd.Run()
		return cmd.ProcessState.ExitCode(), out.String(), errb.String()
	}
	examples, _ := filepath.Glob("examples/*.yaml")
	if len(examples) != 5 {
		t.Fatalf("want one example per vendor, got %v", examples)
	}
	for _, ex := range examples {
		t.Run(strings.TrimSuffix(filepath.Base(ex), ".yaml"), func(t *testing.T) {
			where := []string{ex, "--endpoint", url}
			code, out, errs := run("apply", "--endpoint", url, "--yes", "--wait", "--json", ex)
			var res struct {
				ID, Phase, Tunnel string
				TunnelState       string `json:"tunnel_state"`
			}
			json.Unmarshal([]byte(out), &res)
			if code != exitOK || res.ID == "" || res.Phase != "available" || res.Tunnel != "down" || res.TunnelState == "" {
				t.Fatalf("apply: exit %d\n%s%s", code, out, errs)
			}
			id := res.ID
			if !strings.Contains(errs, id+" created; tunnel not yet up: down") {
				t.Errorf("apply --wait must say the tunnel is not up yet:\n%s", errs)
			}

			code, out, errs = run(append([]string{"list", "--json"}, where...)...)
			var listed []struct{ ID, Tunnel string }
			if json.Unmarshal([]byte(out), &listed); code != exitOK || len(listed) != 1 || listed[0].ID != id || listed[0].Tunnel != "down" {
				t.Errorf("list: exit %d\n%s%s", code, out, errs)
			}
			code, out, errs = run(append([]string{"show", id}, where...)...)
			if code != exitOK || !strings.Contains(out, id) || !strings.Contains(out, "tunnel ") || !strings.Contains(out, "connection ") {
				t.Errorf("show: exit %d\n%s%s", code, out, errs)
			}
			code, out, errs = run(append([]string{"status", id}, where...)...)
			if code != exitOK || !strings.HasPrefix(out, id+"  tunnel down") {
				t.Errorf("status: exit %d\n%s%s", code, out, errs)
			}

			// status --watch, then the peer connects: the watch sees the
			// tunnel up and ends.
			watch := exec.Command(bin, append([]string{"status", id, "--watch", "--timeout", "2m"}, where...)...)
			watch.Env = append(os.Environ(), "HOME="+home)
			var wout, werr lockedBuffer
			watch.Stdout, watch.Stderr = &wout, &werr
			if err := watch.Start(); err != nil {
				t.Fatal(err)
			}
			exited := make(chan struct{})
			go func() { watch.Wait(); close(exited) }() // bounded by its own --timeout
			t.Cleanup(func() { watch.Process.Kill(); <-exited })
			awaitOutput(t, &werr, id+"  tunnel down", exited)
			resp, err := http.Post(url+"/_sandbox/connect", "application/json", strings.NewReader(`{"id":"`+id+`"}`))
			if err != nil || resp.StatusCode != http.StatusNoContent {
				t.Fatalf("connect: %v %v", resp, err)
			}
			resp.Body.Close()
			<-exited
			if code := watch.ProcessState.ExitCode(); code != exitOK || !strings.HasPrefix(wout.String(), id+"  tunnel up") {
				t.Errorf("status --watch: exit %d\n%s%s", code, wout.String(), werr.String())
			}

			// delete: refused without --yes (stdin is no terminal), then done.
			if code, _, errs := run(append([]string{"delete", id}, where...)...); code != exitUsage || !strings.Contains(errs, "--yes") {
				t.Errorf("delete without --yes: exit %d\n%s", code, errs)
			}
			code, out, errs = run(append([]string{"delete", id, "--yes"}, where...)...)
			if code != exitOK || strings.TrimSpace(out) != id || !strings.Contains(errs, "Deleted "+id) {
				t.Errorf("delete: exit %d\n%s%s", code, out, errs)
			}
			code, out, errs = run(append([]string{"list", "--json"}, where...)...)
			if code != exitOK || strings.TrimSpace(out) != "[]" {
				t.Errorf("list after delete: exit %d\n%s%s", code, out, errs)
			}
			if code, _, errs := run(append([]string{"status", id}, where...)...); code != exitFailed || !strings.Contains(errs, "no connection "+id) {
				t.Errorf("status after delete: exit %d\n%s", code, errs)
			}
		})
	}
}

// lockedBuffer is a process's output, read while it is written.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// awaitOutput polls a running command's output until it holds want; it
// fails if the command ends first or a generous bound passes.
func awaitOutput(t *testing.T, b *lockedBuffer, want string, exited <-chan struct{}) {
	t.Helper()
	bound := time.After(2 * time.Minute)
	for !strings.Contains(b.String(), want) {
		select {
		case <-exited:
			if !strings.Contains(b.String(), want) {
				t.Fatalf("ended before %q:\n%s", want, b.String())
			}
			return
		case <-bound:
			t.Fatalf("no %q in:\n%s", want, b.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// TestLifecycleExitCodes: the lifecycle commands map onto the one exit
// status table: a bad line or a destination that is not said is 2, a
// connection that is not there is 3.
func TestLifecycleExitCodes(t *testing.T) {
	testenv.NoKeys(t)
	gz := []string{"--vendor", "tencent", "--region", "ap-guangzhou"}
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"list"}, exitUsage, "--vendor"},
		{[]string{"status"}, exitUsage, "usage: tunnelwiz status ID"},
		{[]string{"list", "--vendor", "tencent", "--sandbox"}, exitUsage, "give --region"},
		{append([]string{"list"}, gz...), exitUsage, "--sandbox"}, // no credentials
		{append([]string{"list", "--sandbox"}, gz...), exitOK, "No connections on tencent in ap-guangzhou"},
		{append([]string{"show", "vpnx-nosuch00", "--sandbox"}, gz...), exitFailed, "no connection vpnx-nosuch00"},
		{append([]string{"status", "vpnx-nosuch00", "--sandbox", "--watch"}, gz...), exitFailed, "no connection vpnx-nosuch00"},
		{append([]string{"delete", "vpnx-nosuch00", "--sandbox"}, gz...), exitFailed, "no connection vpnx-nosuch00"},
	} {
		code, out, errs := runCLI(tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.err) {
			t.Errorf("%v: exit %d, want %d with %q\n%s%s", tc.args, code, tc.code, tc.err, out, errs)
		}
	}
}
