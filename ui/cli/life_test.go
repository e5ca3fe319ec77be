package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
	"tunnelwiz/ui/front"
)

// syncBuffer is a buffer a command writes while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// lifeSandbox runs a sandbox whose connections are ready at once.
func lifeSandbox(t *testing.T) (*sandbox.Server, string) {
	t.Helper()
	srv, err := sandbox.New(sandbox.Options{Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	return srv, hs.URL
}

// runCmd runs a command in process and returns what it printed.
func runCmd(cmd func([]string, IO) error, args ...string) (string, string, error) {
	var out, errb bytes.Buffer
	err := cmd(args, IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	return out.String(), errb.String(), err
}

// TestLifeCommands walks one connection of each vendor from apply to gone
// through the commands, against a sandbox on loopback.
func TestLifeCommands(t *testing.T) {
	t.Setenv("HOME", t.TempDir()) // no credentials: the sandbox's own are used
	for _, v := range []string{"tencent", "tencent-v2", "alibaba", "apsara", "huawei"} {
		t.Run(v, func(t *testing.T) {
			srv, url := lifeSandbox(t)
			file := "../../examples/" + v + ".yaml"
			out, errs, err := runCmd(Apply, "--endpoint", url, "--yes", "--wait", file)
			if err != nil {
				t.Fatalf("apply: %v\n%s", err, errs)
			}
			id := strings.TrimSpace(out)
			if !strings.Contains(errs, id+" created; tunnel not yet up: down") || !strings.Contains(errs, "tunnelwiz status "+id+" "+file+" --endpoint "+url+" --watch") {
				t.Errorf("apply --wait must say the tunnel is not up yet, and how to follow it:\n%s", errs)
			}

			out, errs, err = runCmd(List, file, "--endpoint", url)
			if err != nil || !strings.Contains(out, id) || !strings.Contains(out, "TUNNEL") || !strings.Contains(errs, "1 connection on "+v) {
				t.Errorf("list: %v\n%s%s", err, out, errs)
			}
			out, _, err = runCmd(Show, id, file, "--endpoint", url, "--json")
			var c cloud.Connection
			if err != nil || json.Unmarshal([]byte(out), &c) != nil || c.ID != id || c.Phase != cloud.PhaseAvailable || c.Tunnel != cloud.TunnelDown {
				t.Errorf("show --json: %v\n%s", err, out)
			}
			// show: each fact once (the name and the gateways were shown
			// again among the settings: "customer gateway" and
			// "customer-gateway", "name" twice).
			out, _, err = runCmd(Show, id, file, "--endpoint", url)
			if err != nil || !strings.Contains(out, "ike.") {
				t.Errorf("show: %v\n%s", err, out)
			}
			same := strings.NewReplacer("-", " ", "subnet.local", "local subnets", "subnet.remote", "remote subnets")
			seen := map[string]bool{}
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				key, _, _ := strings.Cut(line, "  ") // tabwriter pads with two spaces or more
				if key = same.Replace(key); seen[key] {
					t.Errorf("show says %s twice:\n%s", key, out)
				}
				seen[key] = true
			}
			out, _, err = runCmd(Status, id, file, "--endpoint", url)
			if err != nil || !strings.HasPrefix(out, id+"  tunnel down") || !strings.Contains(out, "connection available") {
				t.Errorf("status: %v %q", err, out)
			}

			// --watch sees the peer connect.
			var wout, werr syncBuffer
			done := make(chan error, 1)
			go func() {
				done <- Status([]string{id, file, "--endpoint", url, "--watch", "--json", "--timeout", "2m"}, IO{Out: &wout, Err: &werr})
			}()
			waitFor(t, &werr, id+"  tunnel down", done)
			if err := srv.Connect(id, true); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-done:
				var st statusJSON
				if err != nil || json.Unmarshal([]byte(wout.String()), &st) != nil || st.Tunnel != cloud.TunnelUp || st.TunnelState == "" || st.ID != id {
					t.Errorf("status --watch: %v\n%s%s", err, wout.String(), werr.String())
				}
				if !strings.Contains(werr.String(), "Changed: tunnel down") {
					t.Errorf("status --watch: no word of the change:\n%s", werr.String())
				}
			case <-time.After(2 * time.Minute):
				t.Fatalf("status --watch did not end:\n%s", werr.String())
			}

			// delete: refused without --yes off a terminal, then done.
			_, errs, err = runCmd(Delete, id, file, "--endpoint", url)
			var usage *UsageError
			if !errors.As(err, &usage) || !strings.Contains(err.Error(), "--yes") || !strings.Contains(errs, "This connection will be deleted") {
				t.Errorf("delete without --yes: %v\n%s", err, errs)
			}
			if n := len(srv.Backend().Connections(v, regionOf(t, file), cloud.Filter{})); n != 1 {
				t.Fatalf("a refused delete left %d connections", n)
			}
			out, errs, err = runCmd(Delete, id, file, "--endpoint", url, "--yes")
			if err != nil || strings.TrimSpace(out) != id || !strings.Contains(errs, "Deleted "+id) || !strings.Contains(errs, "the traffic through it stops") {
				t.Errorf("delete --yes: %v\n%s%s", err, out, errs)
			}
			out, _, err = runCmd(List, file, "--endpoint", url, "--json")
			if err != nil || strings.TrimSpace(out) != "[]" {
				t.Errorf("list after delete: %v %q", err, out)
			}
			_, _, err = runCmd(Status, id, file, "--endpoint", url)
			if cloud.CodeOf(err) != cloud.CodeNotFound || !strings.Contains(err.Error(), "no connection "+id) {
				t.Errorf("status of a deleted connection: %v", err)
			}
		})
	}
}

func regionOf(t *testing.T, file string) string {
	s, err := cloud.LoadSpec(file)
	if err != nil {
		t.Fatal(err)
	}
	return s.Region()
}

// waitFor polls a command's output until it holds want, failing if the
// command ends first or a generous bound passes.
func waitFor(t *testing.T, b *syncBuffer, want string, done chan error) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for !strings.Contains(b.String(), want) {
		select {
		case err := <-done:
			t.Fatalf("ended before %q: %v\n%s", want, err, b.String())
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %q in:\n%s", want, b.String())
		}
	}
}

// The destination comes from flags as well as from a file; what is
// missing or wrong is named with the flag that gives it.
func TestLifeDestinationFromFlags(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	_, url := lifeSandbox(t)
	for _, tc := range []struct {
		args []string
		want string // in the error; "" for success
	}{
		{[]string{"--vendor", "tencent", "--region", "ap-guangzhou", "--endpoint", url}, ""},
		{[]string{"--vendor", "huawei", "--region", "cn-north-4", "--project-id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9", "--endpoint", url}, ""},
		{[]string{"--vendor", "apsara", "--region", "cn-qingdao-env66-d01", "--endpoint", url}, ""},
		{[]string{"--endpoint", url}, "--vendor"},
		{[]string{"--vendor", "azure", "--region", "x", "--endpoint", url}, "unknown vendor"},
		{[]string{"--vendor", "tencent", "--endpoint", url}, "region: is required (give --region)"},
		{[]string{"--vendor", "huawei", "--region", "cn-north-4", "--endpoint", url}, "project_id: is required (give --project-id)"},
		{[]string{"--vendor", "tencent", "--region", "ap-guangzhou", "--project-id", "p1", "--endpoint", url}, "project_id"},
		{[]string{"--vendor", "huawei", "--region", "cn-north-4/../x", "--project-id", "p", "--endpoint", url}, "region"},
		{[]string{"../../examples/tencent.yaml", "--vendor", "alibaba", "--endpoint", url}, "is a tencent spec"},
		{[]string{"../../examples/tencent.yaml", "extra", "--endpoint", url}, "usage: tunnelwiz list"},
	} {
		out, errs, err := runCmd(List, tc.args...)
		if tc.want == "" {
			if err != nil || strings.TrimSpace(out) != "" || !strings.Contains(errs, "No connections on") {
				t.Errorf("%v: %v\n%s%s", tc.args, err, out, errs)
			}
			continue
		}
		var usage *UsageError
		var format *cloud.FormatError
		if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.As(err, &usage) && !errors.As(err, &format) {
			t.Errorf("%v: want a usage error with %q, got %v", tc.args, tc.want, err)
		}
	}
	// A region the fixtures lack lists nothing; an unknown id is not found,
	// and says where it was looked for.
	_, _, err := runCmd(Show, "vpnx-nosuch00", "--vendor", "tencent", "--region", "ap-guangzhou", "--endpoint", url)
	if cloud.CodeOf(err) != cloud.CodeNotFound || !strings.Contains(err.Error(), "tencent in ap-guangzhou") {
		t.Errorf("show unknown: %v", err)
	}
	_, _, err = runCmd(Delete, "vpnx-nosuch00", "--vendor", "tencent", "--region", "ap-guangzhou", "--endpoint", url, "--yes")
	if cloud.CodeOf(err) != cloud.CodeNotFound {
		t.Errorf("delete unknown: %v", err)
	}
	if _, _, err := runCmd(Status, "--vendor", "tencent", "--region", "ap-guangzhou", "--endpoint", url); err == nil || !strings.Contains(err.Error(), "usage: tunnelwiz status ID") {
		t.Errorf("status without an id: %v", err)
	}
	// An id is never a path or a query: refused before anything is sent.
	var usage *UsageError
	if _, _, err := runCmd(Delete, "../../v5/x", "--vendor", "tencent", "--region", "ap-guangzhou", "--endpoint", url, "--yes"); !errors.As(err, &usage) || !strings.Contains(err.Error(), "not a connection id") {
		t.Errorf("a path for an id: %v", err)
	}
}

// --watch that sees no change gives up at --timeout with where it
// stands: the last status on stdout, an error (exit 3).
func TestWatchTimesOut(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	_, url := lifeSandbox(t)
	out, _, err := runCmd(Apply, "--endpoint", url, "--yes", "--wait", "../../examples/tencent.yaml")
	if err != nil {
		t.Fatal(err)
	}
	id := strings.TrimSpace(out)
	out, errs, err := runCmd(Status, id, "../../examples/tencent.yaml", "--endpoint", url, "--watch", "--timeout", "300ms")
	if err == nil || !strings.Contains(err.Error(), "no change in 300ms: tunnel still down") || !strings.HasPrefix(out, id+"  tunnel down (UNAVAILABLE)") {
		t.Errorf("%v\n%s%s", err, out, errs)
	}
	var aborted *AbortedError
	if errors.As(err, &aborted) {
		t.Errorf("a timeout is no abort: %v", err)
	}
}

// The live line escapes what the endpoint says; off a terminal it is a
// line per change.
func TestWatchLinesEscaped(t *testing.T) {
	var b bytes.Buffer
	p := watchPrinter(front.Terminal(&b))
	c := &cloud.Connection{ID: "vpnx-\x1b[2J", Phase: cloud.PhaseAvailable, State: "AVAILABLE", Tunnel: cloud.TunnelDown, TunnelState: "UN\rAVAILABLE"}
	p.reading(c)
	p.reading(c)
	p.end()
	if got, want := b.String(), "vpnx-\\x1b[2J  tunnel down (UN\\rAVAILABLE)  connection available (AVAILABLE)\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCreatedTimesAgree: a connection's created time reads the same in
// show, show --json and list --json, for every vendor: RFC 3339 in UTC,
// to the second (Tencent's answers are in +08:00, Alibaba's in
// milliseconds; show printed Z and list --json +08:00).
func TestCreatedTimesAgree(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	for _, v := range []string{"tencent", "tencent-v2", "alibaba", "apsara", "huawei"} {
		t.Run(v, func(t *testing.T) {
			_, url := lifeSandbox(t)
			file := "../../examples/" + v + ".yaml"
			out, errs, err := runCmd(Apply, "--endpoint", url, "--yes", file)
			if err != nil {
				t.Fatalf("apply: %v\n%s", err, errs)
			}
			id := strings.TrimSpace(out)
			var seen []string
			out, _, _ = runCmd(Show, id, file, "--endpoint", url)
			for _, l := range strings.Split(out, "\n") {
				if f := strings.Fields(l); len(f) == 2 && f[0] == "created" {
					seen = append(seen, f[1])
				}
			}
			out, _, _ = runCmd(Show, id, file, "--endpoint", url, "--json")
			var one struct{ Created string }
			json.Unmarshal([]byte(out), &one)
			seen = append(seen, one.Created)
			out, _, _ = runCmd(List, file, "--endpoint", url, "--json")
			var all []struct{ ID, Created string }
			json.Unmarshal([]byte(out), &all)
			for _, c := range all {
				if c.ID == id {
					seen = append(seen, c.Created)
				}
			}
			if len(seen) != 3 || seen[0] != seen[1] || seen[1] != seen[2] {
				t.Fatalf("show, show --json, list --json: %q", seen)
			}
			if _, err := time.Parse(time.RFC3339, seen[0]); err != nil || !strings.HasSuffix(seen[0], "Z") || strings.Contains(seen[0], ".") {
				t.Errorf("created %q: want RFC 3339 in UTC, to the second", seen[0])
			}
		})
	}
}
