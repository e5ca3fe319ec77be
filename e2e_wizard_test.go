package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// terminal is the binary running in a pseudo-terminal of 80x24: keys go
// in, and the screen's text (escape codes stripped) accumulates.
type terminal struct {
	f   *os.File
	mu  sync.Mutex
	out bytes.Buffer
}

func (tm *terminal) text() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return ansi.Strip(tm.out.String())
}

// waitFor blocks until the screen has shown s (the program is
// asynchronous: this waits on what it draws, it asserts nothing on time).
func (tm *terminal) waitFor(t *testing.T, s string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(tm.text(), s) {
		if time.Now().After(deadline) {
			t.Fatalf("the screen never showed %q; it shows:\n%s", s, tail(tm.text(), 3000))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// mark forgets what was shown so far, so the next waitFor sees only what
// comes after.
func (tm *terminal) mark() {
	tm.mu.Lock()
	tm.out.Reset()
	tm.mu.Unlock()
}

func (tm *terminal) keys(s string) { tm.f.Write([]byte(s)) }

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

const (
	enter = "\r"
	down  = "\x1b[B"
	ctrlE = "\x05"
	ctrlG = "\x07"
	ctrlP = "\x10"
)

// TestWizardEndToEnd types its way through a whole Tencent flow in the
// real binary, in a pseudo-terminal, into a `tunnelwiz sandbox` running in
// the background; then finds the connection id on screen, on stdout and in
// the sandbox.
func TestWizardEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	url := startSandbox(t, bin)
	home := t.TempDir()
	cmd := exec.Command(bin, "--endpoint", url)
	cmd.Dir = t.TempDir()
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+home+"/.config", "TERM=xterm-256color")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tm := &terminal{f: f}
	done := make(chan struct{})
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			tm.mu.Lock()
			tm.out.Write(buf[:n])
			tm.mu.Unlock()
			if err != nil {
				close(done)
				return
			}
		}
	}()

	tm.waitFor(t, "Vendor and API")
	tm.keys(enter) // Tencent Cloud API 3.0
	tm.waitFor(t, "the endpoint given")
	tm.keys(enter) // send to the running sandbox
	tm.waitFor(t, "region (required), type to filter")
	tm.keys("gua" + enter)          // the region list filtered to ap-guangzhou
	tm.keys(enter)                  // no endpoint override
	tm.waitFor(t, "vpngw-1w9tue3d") // the live pick list
	tm.mark()
	tm.keys(enter + enter + enter) // the first VPC, VPN gateway and customer gateway
	tm.keys(enter)                 // RouteType: the vendor's default
	tm.waitFor(t, "SecurityPolicyDatabases (required)")
	tm.keys("192.168.10.0/24" + enter) // the remote side; the VPC's CIDR is filled in
	tm.waitFor(t, "Preset")
	tm.mark()
	tm.keys(down + enter) // Modern IKEv2
	tm.waitFor(t, "Applied Modern IKEv2")
	tm.mark()
	tm.keys(ctrlG) // a generated key
	tm.waitFor(t, "give your side the same key")
	tm.mark()
	tm.keys(ctrlP) // the preview: identities and the name filled in from the gateways
	tm.waitFor(t, "X-Tc-Action: CreateVpnConnection")
	tm.keys(ctrlG) // submit
	tm.waitFor(t, "Press enter to finish")
	screen := tm.text()
	tm.keys(enter)
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the wizard did not exit")
	}
	cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != exitOK {
		t.Errorf("exit status %d", code)
	}
	i := strings.Index(screen, "Connection vpnx-")
	if i < 0 {
		t.Fatalf("no connection id on screen:\n%s", tail(screen, 2000))
	}
	id := strings.TrimSuffix(strings.Fields(screen[i+len("Connection "):])[0], ":")
	after := tail(tm.text(), 600)
	if !strings.Contains(after, id) {
		t.Errorf("the id %s is not printed on exit", id)
	}
	// The result stays on the terminal once the full screen is gone.
	if !strings.Contains(after, "connection "+id+": available (AVAILABLE); tunnel down") || !strings.Contains(after, "tunnelwiz apply --endpoint") {
		t.Errorf("the result is not left on the terminal:\n%s", after)
	}
	resp, err := http.Get(url + "/_sandbox/connections")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var held map[string][]struct {
		ID, Name string
		Params   map[string]any
	}
	json.Unmarshal(b, &held)
	found := false
	for _, c := range held["tencent/ap-guangzhou"] {
		if c.ID == id && c.Name == "gz-vpngw-to-dc1" {
			found = true
			if c.Params["PreShareKey"] == "" {
				t.Errorf("no key reached the sandbox")
			}
		}
	}
	if !found {
		t.Errorf("connection %s not in the sandbox: %s", id, b)
	}
	if strings.Contains(screen, "gz-vpngw-to-dc1.yaml") == false {
		t.Errorf("the saved spec is not named on screen")
	}
}
