package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
	"tunnelwiz/ui/cli"
)

// The reliability suite: what an engineer needs to hold under faults and
// load, checked against the project's own sandbox on loopback.

// sandboxAt runs a fresh sandbox and returns it with its URL.
func sandboxAt(t *testing.T) (*sandbox.Server, string) {
	t.Helper()
	srv, err := sandbox.New(sandbox.Options{Seed: 11, Settle: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	return srv, hs.URL
}

// applyIn runs `tunnelwiz apply --yes --json` in process and returns its
// exit status and what it printed.
func applyIn(file, url string, extra ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	args := append([]string{"--endpoint", url, "--yes", "--json"}, extra...)
	err := cli.Apply(append(args, file), cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	code = report(err, &errb)
	return code, out.String(), errb.String()
}

// connections lists what the sandbox holds for a spec's vendor and region.
func connections(srv *sandbox.Server, file string) ([]sandbox.Conn, error) {
	spec, err := cloud.LoadSpec(file)
	if err != nil {
		return nil, err
	}
	return srv.Backend().Connections(spec.Vendor, spec.Target["region"], cloud.Filter{}), nil
}

// TestFaultMatrix injects every fault the sandbox has, once and
// persistently, on the create and on the listings recovery uses, for
// every vendor. Whatever happens: at most one connection is made; when
// one exists its id is printed (as the result, or in the error); else
// the exit status is 3 with a message that says what to do.
func TestFaultMatrix(t *testing.T) {
	examples, _ := filepath.Glob("examples/*.yaml")
	if len(examples) != 5 {
		t.Fatalf("want one example per vendor, got %v", examples)
	}
	var cases, made, notMade, unknowable atomic.Int64
	t.Run("all", func(t *testing.T) {
		for _, ex := range examples {
			for _, kind := range []sandbox.FaultKind{sandbox.Throttle, sandbox.ErrorAfterCommit, sandbox.Drop, sandbox.Latency} {
				for _, op := range []sandbox.Op{sandbox.OpCreate, sandbox.OpConnections} {
					for _, count := range []int{1, 10} {
						name := fmt.Sprintf("%s/%s/%s/x%d", strings.TrimSuffix(filepath.Base(ex), ".yaml"), kind, op, count)
						t.Run(name, func(t *testing.T) {
							t.Parallel()
							spec, _ := cloud.LoadSpec(ex)
							srv, url := sandboxAt(t)
							f := sandbox.Fault{Kind: kind, Vendor: spec.Vendor, Op: op, Count: count}
							if kind == sandbox.Latency {
								f.Delay = 50 * time.Millisecond
							}
							if err := srv.Inject(f); err != nil {
								t.Fatal(err)
							}
							code, stdout, stderr := applyIn(ex, url)
							conns, err := connections(srv, ex)
							if err != nil {
								t.Fatal(err)
							}
							cases.Add(1)
							switch len(conns) {
							case 0:
								notMade.Add(1)
								if code != exitFailed || strings.TrimSpace(stderr) == "" {
									t.Errorf("nothing made: exit %d\n%s", code, stderr)
								}
							case 1:
								made.Add(1)
								id := conns[0].ID
								var res struct{ ID string }
								json.Unmarshal([]byte(stdout), &res)
								switch {
								case res.ID == id || strings.Contains(stderr, id):
								case code == exitFailed && strings.Contains(stderr, "The connection exists: find it on VPN gateway "+conns[0].VPNGatewayID):
									// The answer named no id and every listing
									// failed: the id cannot be known, and the
									// engineer is told where to find it.
									unknowable.Add(1)
								default:
									t.Errorf("connection %s exists but its id was not printed: exit %d\nstdout %s\nstderr %s", id, code, stdout, stderr)
								}
							default:
								t.Errorf("%d connections made", len(conns))
							}
							for _, s := range []string{stdout, stderr} {
								if strings.Contains(s, "Xr7") {
									t.Errorf("the key is in the output")
								}
							}
						})
					}
				}
			}
		}
	})
	t.Logf("fault matrix: %d cases: %d with a connection made (its id printed, or, in %d where the answer named none and every listing failed, where to find it), %d with none (exit 3)",
		cases.Load(), made.Load(), unknowable.Load(), notMade.Load())
	if cases.Load() != int64(len(examples)*4*2*2) {
		t.Errorf("%d cases ran", cases.Load())
	}
}

// distinct is example ex made the i-th of many on the same gateways: its
// own name and its own remote subnets, so that none conflicts.
func distinct(t *testing.T, ex string, i int) string {
	t.Helper()
	b, err := os.ReadFile(ex)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.NewReplacer(
		"-to-dc1", fmt.Sprintf("-to-dc1-c%d", i),
		"192.168.", fmt.Sprintf("172.%d.", 16+i),
		"RemoteSubnet: 10.10.1.0/24", fmt.Sprintf("RemoteSubnet: 10.%d.1.0/24", 100+i),
	).Replace(string(b))
	out := filepath.Join(t.TempDir(), fmt.Sprintf("%d-%s", i, filepath.Base(ex)))
	if err := os.WriteFile(out, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestConcurrentApplies: 20 distinct specs (four per vendor) applied at
// once against one sandbox make exactly 20 connections, each id printed
// once.
func TestConcurrentApplies(t *testing.T) {
	srv, url := sandboxAt(t)
	examples, _ := filepath.Glob("examples/*.yaml")
	var files []string
	for _, ex := range examples {
		for i := 0; i < 4; i++ {
			files = append(files, distinct(t, ex, i))
		}
	}
	ids := make([]string, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, stdout, stderr := applyIn(f, url)
			var res struct{ ID string }
			if err := json.Unmarshal([]byte(stdout), &res); code != exitOK || err != nil || res.ID == "" {
				t.Errorf("%s: exit %d\n%s%s", f, code, stdout, stderr)
			}
			ids[i] = res.ID
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	total := 0
	for _, ex := range examples {
		conns, _ := connections(srv, ex)
		total += len(conns)
		for _, c := range conns {
			seen[c.ID] = true
		}
	}
	for _, id := range ids {
		if !seen[id] {
			t.Errorf("id %q printed but not in the sandbox", id)
		}
	}
	t.Logf("concurrent applies: %d specs, %d connections", len(files), total)
	if total != 20 || len(seen) != 20 {
		t.Errorf("%d connections (%d distinct), want 20", total, len(seen))
	}
}
