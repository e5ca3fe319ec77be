package peer_test

import (
	"bufio"
	"bytes"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The negotiation lab: two network namespaces joined by a veth pair that
// carries the spec's two public addresses, one strongSwan charon in each
// (its own mount namespace, /run and vici socket), loaded and unloaded
// over vici with swanctl. Facts: /work/shared/notes/strongswan-lab.md.

const (
	nsPrefix = "twpeer-"
	cloudIP  = "203.0.113.10"
	custIP   = "198.51.100.20"
)

// packages are what the lab needs; the test installs them when missing.
var packages = []string{"strongswan-charon", "strongswan-swanctl", "libcharon-extra-plugins",
	"libstrongswan-standard-plugins", "iproute2", "iputils-ping"}

// plugins: kernel-libipsec before kernel-netlink (no ESP in these
// kernels), and every algorithm the clouds offer that strongSwan has.
const plugins = "random nonce openssl aes sha1 sha2 md5 hmac gmp gcm xcbc kdf pem pkcs1 pubkey x509 " +
	"revocation constraints kernel-libipsec kernel-netlink socket-default vici updown"

type lab struct {
	dir         string
	charon      string
	cloud, cust *daemon
}

type daemon struct {
	name, ns, dir string
	cmd           *exec.Cmd
}

func (d *daemon) uri() string     { return "unix://" + filepath.Join(d.dir, "charon.vici") }
func (d *daemon) conf() string    { return filepath.Join(d.dir, "strongswan.conf") }
func (d *daemon) logPath() string { return filepath.Join(d.dir, "charon.log") }

// newLab makes the namespaces and starts both daemons, or skips when the
// machine cannot. Everything is undone by t.Cleanup, failures included.
func newLab(t *testing.T) *lab {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("SKIP: network namespaces need root (run the test command as root, as CI does)")
	}
	l := &lab{dir: t.TempDir()}
	l.charon = installed(t)
	for _, bin := range []string{"ip", "unshare", "mount"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Skipf("SKIP: %s is not installed, so no network namespaces can be made", bin)
		}
	}
	removeStale(t)
	if out, err := exec.Command("ip", "netns", "add", nsPrefix+"cloud").CombinedOutput(); err != nil {
		t.Skipf("SKIP: cannot make a network namespace here: %v: %s", err, out)
	}
	t.Cleanup(func() { removeStale(t) })
	run(t, "ip", "netns", "add", nsPrefix+"cust")
	run(t, "ip", "link", "add", "twpv0", "netns", nsPrefix+"cloud", "type", "veth", "peer", "name", "twpv1", "netns", nsPrefix+"cust")
	for _, s := range []struct{ ns, dev, me, them string }{
		{nsPrefix + "cloud", "twpv0", cloudIP, custIP}, {nsPrefix + "cust", "twpv1", custIP, cloudIP},
	} {
		run(t, "ip", "-n", s.ns, "link", "set", "lo", "up")
		run(t, "ip", "-n", s.ns, "link", "set", s.dev, "up")
		run(t, "ip", "-n", s.ns, "addr", "add", s.me+"/32", "dev", s.dev)
		run(t, "ip", "-n", s.ns, "route", "add", s.them+"/32", "dev", s.dev)
	}
	l.cloud = l.start(t, "cloud")
	l.cust = l.start(t, "cust")
	return l
}

// installed returns charon's path, installing the packages when a tool
// is missing.
func installed(t *testing.T) string {
	t.Helper()
	charon := findCharon()
	_, swanErr := exec.LookPath("swanctl")
	_, pingErr := exec.LookPath("ping")
	_, ipErr := exec.LookPath("ip")
	if charon != "" && swanErr == nil && pingErr == nil && ipErr == nil && hasPlugin("libstrongswan-kernel-libipsec.so") {
		return charon
	}
	if _, err := exec.LookPath("apt-get"); err != nil {
		t.Skip("SKIP: strongSwan is not installed and there is no apt-get to install " + strings.Join(packages, " "))
	}
	t.Logf("installing %s", strings.Join(packages, " "))
	env := append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
	for _, args := range [][]string{{"update"}, append([]string{"install", "-y"}, packages...)} {
		cmd := exec.Command("apt-get", args...)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("apt-get %s: %v\n%s", args[0], err, out)
		}
	}
	if charon = findCharon(); charon == "" {
		t.Fatal("charon not found after installing strongswan-charon")
	}
	return charon
}

func findCharon() string {
	for _, p := range []string{"/usr/lib/ipsec/charon", "/usr/libexec/ipsec/charon", "/usr/lib/strongswan/charon"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

func hasPlugin(name string) bool {
	for _, dir := range []string{"/usr/lib/ipsec/plugins", "/usr/libexec/ipsec/plugins"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return true
		}
	}
	return false
}

// removeStale deletes this test's namespaces (a previous run's too: a
// stale one keeps its veth address and breaks the next run) and with them
// the daemons still inside.
func removeStale(t *testing.T) {
	out, _ := exec.Command("ip", "netns", "list").Output()
	for _, line := range strings.Split(string(out), "\n") {
		name, _, _ := strings.Cut(strings.TrimSpace(line), " ")
		if !strings.HasPrefix(name, nsPrefix) {
			continue
		}
		if pids, _ := exec.Command("ip", "netns", "pids", name).Output(); len(pids) > 0 {
			for _, pid := range strings.Fields(string(pids)) {
				exec.Command("kill", "-9", pid).Run()
			}
		}
		if out, err := exec.Command("ip", "netns", "del", name).CombinedOutput(); err != nil {
			t.Logf("ip netns del %s: %v: %s", name, err, out)
		}
	}
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// start runs one charon inside its namespace, in a private mount
// namespace whose /run is its own directory, and waits for its socket.
func (l *lab) start(t *testing.T, name string) *daemon {
	t.Helper()
	d := &daemon{name: name, ns: nsPrefix + name, dir: filepath.Join(l.dir, name)}
	if err := os.MkdirAll(filepath.Join(d.dir, "run"), 0o700); err != nil {
		t.Fatal(err)
	}
	conf := fmt.Sprintf(`charon {
  load_modular = no
  load = %s
  threads = 16
  retransmit_tries = 3
  retransmit_timeout = 1.0
  retransmit_base = 1.4
  # The customer side initiates IKEv1 aggressive mode in one case.
  i_dont_care_about_security_and_use_aggressive_mode_psk = yes
  plugins {
    vici {
      socket = %s
    }
  }
  filelog {
    lab {
      path = %s
      default = 1
      ike = 1
      flush_line = yes
    }
  }
}
swanctl {
  load = pem pkcs1 x509 revocation constraints pubkey openssl random
}
`, plugins, d.uri(), d.logPath())
	if err := os.WriteFile(d.conf(), []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	script := fmt.Sprintf("mount --bind %q /run && exec %q", filepath.Join(d.dir, "run"), l.charon)
	d.cmd = exec.Command("ip", "netns", "exec", d.ns, "unshare", "-m", "--propagation", "private", "sh", "-c", script)
	d.cmd.Env = append(os.Environ(), "STRONGSWAN_CONF="+d.conf())
	var out bytes.Buffer
	d.cmd.Stdout, d.cmd.Stderr = &out, &out
	if err := d.cmd.Start(); err != nil {
		t.Fatalf("starting charon (%s): %v", name, err)
	}
	t.Cleanup(func() {
		d.cmd.Process.Kill()
		d.cmd.Wait()
	})
	if !poll(10*time.Second, func() bool { _, err := d.swanctl("--stats"); return err == nil }) {
		t.Fatalf("charon (%s) did not answer on %s within 10s:\n%s", name, d.uri(), out.String())
	}
	return d
}

// swanctl runs one swanctl command against this daemon's vici socket.
func (d *daemon) swanctl(args ...string) (string, error) {
	cmd := exec.Command("swanctl", append(args, "--uri", d.uri())...)
	cmd.Env = append(os.Environ(), "STRONGSWAN_CONF="+d.conf())
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if err != nil {
		return out.String(), fmt.Errorf("swanctl %s (%s): %v: %s%s", strings.Join(args, " "), d.name, err, out.String(), errb.String())
	}
	return out.String(), nil
}

// load replaces the daemon's connections and secrets with a file's.
func (d *daemon) load(file string) error {
	_, err := d.swanctl("--load-all", "--file", file)
	return err
}

var saLine = regexp.MustCompile(`(?m)^(\S+): #(\d+),`)

// reset unloads everything and closes every SA, so that the next case
// starts from nothing.
func (l *lab) reset(t *testing.T) {
	t.Helper()
	empty := filepath.Join(l.dir, "empty.conf")
	os.WriteFile(empty, []byte("connections {\n}\nsecrets {\n}\n"), 0o600)
	for _, d := range []*daemon{l.cust, l.cloud} {
		if err := d.load(empty); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []*daemon{l.cust, l.cloud} {
		out, _ := d.swanctl("--list-sas")
		for _, m := range saLine.FindAllStringSubmatch(out, -1) {
			d.swanctl("--terminate", "--ike-id", m[2], "--force", "--timeout", "2")
		}
	}
	for _, d := range []*daemon{l.cust, l.cloud} {
		if !poll(5*time.Second, func() bool { out, _ := d.swanctl("--list-sas"); return !saLine.MatchString(out) }) {
			t.Fatalf("%s still has SAs after terminating them", d.name)
		}
		// The subnets' hosts are the only global addresses on lo.
		run(t, "ip", "-n", d.ns, "addr", "flush", "dev", "lo", "scope", "global")
	}
}

// hosts puts the first host of each subnet on the namespace's loopback
// (scope global, flushed between cases): the ping's ends, and the source
// addresses charon's routes need.
func (l *lab) hosts(t *testing.T, d *daemon, subnets []string) {
	t.Helper()
	for _, s := range subnets {
		h := host(t, s)
		out, err := exec.Command("ip", "-n", d.ns, "addr", "add", h+"/32", "dev", "lo", "scope", "global").CombinedOutput()
		if err != nil && !strings.Contains(string(out), "exists") {
			t.Fatalf("ip addr add %s: %v: %s", h, err, out)
		}
	}
}

func host(t *testing.T, cidr string) string {
	t.Helper()
	h, err := firstHost(cidr)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// firstHost is a subnet's first host address (the address itself for /31
// and /32).
func firstHost(cidr string) (string, error) {
	p, err := netip.ParsePrefix(cidr)
	if err != nil {
		return "", fmt.Errorf("subnet %q: %v", cidr, err)
	}
	p = p.Masked()
	if p.Bits() >= 31 {
		return p.Addr().String(), nil
	}
	return p.Addr().Next().String(), nil
}

// ping sends one echo through the tunnel between two subnets' hosts; a
// lost first packet is retried once (ping -W bounds each wait).
func (l *lab) ping(from, to string) error {
	var out []byte
	var err error
	for try := 0; try < 2; try++ {
		out, err = exec.Command("ip", "netns", "exec", l.cust.ns, "ping", "-n", "-c", "1", "-W", "2", "-I", from, to).CombinedOutput()
		if err == nil {
			return nil
		}
	}
	return fmt.Errorf("ping -I %s %s: %v\n%s", from, to, err, out)
}

// mark is a position in a daemon's log, from which events are awaited.
type mark struct {
	d   *daemon
	off int64
}

func (d *daemon) mark() mark {
	st, err := os.Stat(d.logPath())
	if err != nil {
		return mark{d: d}
	}
	return mark{d: d, off: st.Size()}
}

// Events in charon's log (IKE level 1). Failures are definite: a refusal
// from the peer or the end of a negotiation, never a silence.
var (
	childUp  = regexp.MustCompile(`CHILD_SA (\S+)\{(\d+)\} established`)
	failures = regexp.MustCompile(`NO_PROPOSAL_CHOSEN|AUTHENTICATION_FAILED|TS_UNACCEPTABLE|INVALID_ID_INFORMATION|` +
		`failed to establish CHILD_SA|establishing IKE_SA failed|rekeying failed|no CHILD_SA built|` +
		`peer didn't accept|giving up after|received \S+ error notify|no IKE config found|no peer config found|` +
		`no matching peer config|unable to install|no shared key found|` +
		`constraint check failed|received INVALID_KE_PAYLOAD`)
)

// event is what the log showed after a mark: children established (by
// name and unique id), or the first failure line.
type event struct {
	up      map[string]string
	failure string
	log     string
}

// wait reads the log from the mark until want children are up or a
// failure shows, within limit (a bound against a hang, never a verdict:
// running out is itself a failure).
func (m mark) wait(want int, limit time.Duration) event {
	var ev event
	poll(limit, func() bool {
		ev = m.read()
		return ev.failure != "" || len(ev.up) >= want
	})
	if ev.failure == "" && len(ev.up) < want {
		ev.failure = fmt.Sprintf("no definite outcome within %s (%d of %d CHILD_SAs up)", limit, len(ev.up), want)
	}
	return ev
}

func (m mark) read() event {
	ev := event{up: map[string]string{}}
	f, err := os.Open(m.d.logPath())
	if err != nil {
		return ev
	}
	defer f.Close()
	f.Seek(m.off, 0)
	var b strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		b.WriteString(line + "\n")
		if g := childUp.FindStringSubmatch(line); g != nil {
			ev.up[g[1]] = g[2]
		}
		if ev.failure == "" && failures.MatchString(line) {
			ev.failure = strings.TrimSpace(line)
		}
	}
	ev.log = b.String()
	return ev
}

// poll calls cond every 20ms until it holds or limit passes.
func poll(limit time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(limit)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
}
