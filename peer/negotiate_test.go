package peer_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/ui/cli"
	"tunnelwiz/ui/front"
)

// labCase is one spec to negotiate: settings written into the base spec
// (path -> token; "" deletes), and for a mismatch the one value the
// cloud's side changes.
type labCase struct {
	name   string
	set    map[string]string
	change func(*side) string
	// flags are added to the command line (addresses a case's spec lacks).
	flags []string
	// edit changes the spec beyond single settings (nil for none).
	edit func(p cloud.Params)
}

// TestNegotiate proves that what `tunnelwiz peer --device strongswan`
// writes negotiates: for every vendor, one case per algorithm token the
// vendor offers and strongSwan has, the exported swanctl.conf loaded
// unchanged on the customer's charon against a cloud side written from the
// vendor's documents (cloudside_test.go): IKE and CHILD SAs up, a ping
// through each CHILD_SA, a CHILD_SA rekey (where an IKEv2 PFS mismatch
// first shows) and a ping after it. Each vendor's mismatch case (the
// cloud with one value changed) must fail to negotiate.
func TestNegotiate(t *testing.T) {
	l := newLab(t)
	start := time.Now()
	for _, d := range docs {
		t.Run(d.vendor, func(t *testing.T) {
			for _, c := range d.cases(t) {
				t.Run(c.name, func(t *testing.T) {
					if err := l.negotiate(t, d, c); err != nil {
						t.Fatal(err)
					}
				})
			}
			neg := d.mismatch(t)
			t.Run(neg.name, func(t *testing.T) {
				err := l.negotiate(t, d, neg)
				if err == nil {
					t.Fatalf("negotiated although the cloud's side differs: %s", neg.change(&side{}))
				}
				t.Logf("failed as it must: %v", firstLine(err.Error()))
			})
		})
	}
	t.Logf("matrix: %s", time.Since(start).Round(time.Millisecond))
}

// roleTokens are the tokens a setting offers, from the catalog, less
// those strongSwan has no case for; every one must have a documented
// meaning in the test's document.
func (d *cloudDoc) roleTokens(t *testing.T, path string, meanings map[string]string) []string {
	t.Helper()
	drv, err := cloud.DriverFor(d.vendor)
	if err != nil {
		t.Fatal(err)
	}
	f := drv.Catalog().Field(path)
	if f == nil {
		t.Fatalf("%s: no such field in the %s catalog", path, d.vendor)
	}
	var out []string
	for _, tok := range f.Allowed {
		if _, skip := d.noStrongswan[tok]; skip {
			continue
		}
		if _, ok := meanings[tok]; !ok {
			t.Errorf("%s %s: the test's document gives no meaning (add it, or say why it has no case)", path, tok)
			continue
		}
		out = append(out, tok)
	}
	return out
}

// cases zips the token lists so that every token appears at least once;
// versions alternate (IKEv2 where the IKE cipher is AEAD) and every
// fourth IKEv1 case uses aggressive mode. Vendors with documented
// defaults for every value also get a case that sets none of them.
func (d *cloudDoc) cases(t *testing.T) []labCase {
	lists := []struct {
		path string
		toks []string
	}{
		{d.ikeEnc, d.roleTokens(t, d.ikeEnc, d.enc)}, {d.ikeInteg, d.roleTokens(t, d.ikeInteg, d.integ)},
		{d.ikeDH, d.roleTokens(t, d.ikeDH, d.groups)}, {d.espEnc, d.roleTokens(t, d.espEnc, d.enc)},
		{d.espInteg, d.roleTokens(t, d.espInteg, d.integ)}, {d.pfs, d.roleTokens(t, d.pfs, d.groups)},
	}
	n := 0
	for _, l := range lists {
		n = max(n, len(l.toks))
	}
	var out []labCase
	for i := 0; i < n; i++ {
		c := labCase{set: map[string]string{}}
		for _, l := range lists {
			c.set[l.path] = l.toks[i%len(l.toks)]
		}
		v1 := i%2 == 1 && !strings.Contains(d.enc[c.set[d.ikeEnc]], "gcm")
		if d.version != "" {
			want := "2"
			if v1 {
				want = "1"
			}
			for tok, v := range d.versions {
				if v == want {
					c.set[d.version] = tok
				}
			}
		}
		if (v1 || d.version == "") && i%4 == 1 && d.mode != "" {
			c.set[d.mode] = d.aggressive
		}
		c.name = caseName(i, c.set, d)
		out = append(out, c)
	}
	if d.vendor == "tencent" {
		// FQDN identities on both ends.
		c := labCase{name: "fqdn-identities", set: map[string]string{
			"IKEOptionsSpecification.IKEVersion": "IKEV2", d.ikeEnc: "AES-CBC-256", d.ikeInteg: "SHA-256", d.ikeDH: "GROUP14",
			d.espEnc: "AES-CBC-256", d.espInteg: "SHA-256", d.pfs: "DH-GROUP14",
			"IKEOptionsSpecification.LocalIdentity": "FQDN", "IKEOptionsSpecification.LocalFqdnName": "vpn.cloud.example",
			"IKEOptionsSpecification.LocalAddress": "", "IKEOptionsSpecification.RemoteIdentity": "FQDN",
			"IKEOptionsSpecification.RemoteFqdnName": "dc1.example", "IKEOptionsSpecification.RemoteAddress": "",
		}, flags: []string{"--cloud-ip", cloudIP, "--peer-ip", custIP}}
		out = append(out, c)
	}
	if d.defaults[d.ikeInteg] != "" && d.defaults[d.ikeDH] != "" {
		c := labCase{name: "vendor-defaults", set: map[string]string{}}
		for _, p := range []string{d.version, d.mode, d.ikeEnc, d.ikeInteg, d.ikeDH, d.espEnc, d.espInteg, d.pfs} {
			if p != "" {
				c.set[p] = ""
			}
		}
		out = append(out, c)
	}
	return out
}

// mismatch is the vendor's negative case: a spec pinning AES-256, SHA-1
// and DH group 14 in both phases, and a cloud side with the document's one
// change (cloudDoc.negative).
func (d *cloudDoc) mismatch(t *testing.T) labCase {
	set := map[string]string{}
	for _, x := range []struct {
		path string
		m    map[string]string
		want string
	}{
		{d.ikeEnc, d.enc, "aes256"}, {d.ikeInteg, d.integ, "sha1"}, {d.ikeDH, d.groups, "modp2048"},
		{d.espEnc, d.enc, "aes256"}, {d.espInteg, d.integ, "sha1"}, {d.pfs, d.groups, "modp2048"},
	} {
		for _, tok := range d.roleTokens(t, x.path, x.m) {
			if x.m[tok] == x.want && set[x.path] == "" {
				set[x.path] = tok
			}
		}
	}
	if d.version != "" {
		for tok, v := range d.versions {
			if (v == "2") == d.negative.ikev2 {
				set[d.version] = tok
			}
		}
	}
	return labCase{name: d.negative.name, set: set, change: d.negative.change, edit: d.negative.edit}
}

func caseName(i int, set map[string]string, d *cloudDoc) string {
	var parts []string
	for _, p := range []string{d.version, d.mode, d.ikeEnc, d.ikeInteg, d.ikeDH, d.espEnc, d.espInteg, d.pfs} {
		if v := set[p]; v != "" && p != "" {
			parts = append(parts, v)
		}
	}
	return fmt.Sprintf("%02d-%s", i, strings.Join(parts, "_"))
}

// negotiate runs one case end to end and says where it failed.
func (l *lab) negotiate(t *testing.T, d *cloudDoc, c labCase) error {
	t.Helper()
	l.reset(t)
	dir := t.TempDir()
	spec, err := cloud.ParseSpec([]byte(d.base))
	if err != nil {
		t.Fatal(err)
	}
	p := cloud.Params(spec.Params)
	keys := make([]string, 0, len(c.set))
	for k := range c.set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if c.set[k] == "" {
			p.Delete(k)
		} else if err := p.Set(k, c.set[k]); err != nil {
			t.Fatalf("set %s: %v", k, err)
		}
	}
	if c.edit != nil {
		c.edit(p)
	}
	specFile := filepath.Join(dir, "spec.yaml")
	b, err := spec.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(specFile, b, 0o600)

	// The cloud: the vendor's documents' reading of the spec.
	s, err := d.side(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.change != nil {
		t.Logf("the cloud's side differs: %s", c.change(&s))
	}
	var cloudNets, custNets []string
	for _, pr := range s.pairs {
		cloudNets = append(cloudNets, pr.cloud...)
		custNets = append(custNets, pr.cust...)
	}
	l.hosts(t, l.cloud, cloudNets)
	l.hosts(t, l.cust, custNets)
	cloudFile := filepath.Join(dir, "cloud.conf")
	os.WriteFile(cloudFile, []byte(s.conf()), 0o600)
	if err := l.cloud.load(cloudFile); err != nil {
		t.Fatalf("the cloud's side does not load: %v\n%s", err, s.conf())
	}

	// The customer: tunnelwiz peer's file, loaded unchanged.
	custFile := filepath.Join(dir, "swanctl.conf")
	var out, errb bytes.Buffer
	args := append(append([]string{specFile, "--device", "strongswan", "--show-secrets", "-o", custFile}, d.flags...), c.flags...)
	noKeys := front.Env{Getenv: func(string) string { return "" }, Home: dir}
	if err := cli.PeerIn(noKeys, args, cli.IO{Out: &out, Err: &errb}); err != nil {
		t.Fatalf("tunnelwiz peer: %v\n%s%s", err, out.String(), errb.String())
	}
	if w := strings.TrimSpace(errb.String()); strings.Contains(w, "warning") {
		t.Logf("tunnelwiz peer said:\n%s", w)
	}
	m := l.cust.mark()
	if err := l.cust.load(custFile); err != nil {
		return l.explain(fmt.Errorf("the exported swanctl.conf does not load: %w", err), custFile, cloudFile)
	}
	// IKEv1 carries one selector pair per Quick Mode (RFC 2409 5.5): one
	// CHILD_SA per combination of subnets.
	want := len(s.pairs)
	if s.version == "1" {
		want = 0
		for _, pr := range s.pairs {
			want += len(pr.cust) * len(pr.cloud)
		}
	}
	ev := m.wait(want, 20*time.Second)
	if ev.failure != "" {
		return l.explain(fmt.Errorf("establishing: %s", ev.failure), custFile, cloudFile)
	}
	if err := l.pings(s.pairs); err != nil {
		return l.explain(err, custFile, cloudFile)
	}
	names := make([]string, 0, len(ev.up))
	for name := range ev.up {
		names = append(names, name)
	}
	sort.Strings(names)
	m = l.cust.mark()
	if _, err := l.cust.swanctl("--rekey", "--child", names[0]); err != nil {
		return l.explain(err, custFile, cloudFile)
	}
	re := m.wait(1, 20*time.Second)
	if re.failure != "" {
		return l.explain(fmt.Errorf("rekeying %s: %s", names[0], re.failure), custFile, cloudFile)
	}
	if id := re.up[names[0]]; id == "" || id == ev.up[names[0]] {
		return l.explain(fmt.Errorf("rekeying %s: no new CHILD_SA (%v)", names[0], re.up), custFile, cloudFile)
	}
	if err := l.pings(s.pairs); err != nil {
		return l.explain(fmt.Errorf("after the rekey: %w", err), custFile, cloudFile)
	}
	return nil
}

// pings sends one echo between every customer and cloud subnet of each
// pair of selectors, customer to cloud: every combination the cloud
// protects must pass.
func (l *lab) pings(pairs []pair) error {
	for _, pr := range pairs {
		for _, c := range pr.cust {
			for _, k := range pr.cloud {
				from, err := firstHost(c)
				if err != nil {
					return err
				}
				to, err := firstHost(k)
				if err != nil {
					return err
				}
				if err := l.ping(from, to); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// explain adds both configurations and the end of both logs to an error.
func (l *lab) explain(err error, custFile, cloudFile string) error {
	cust, _ := os.ReadFile(custFile)
	cl, _ := os.ReadFile(cloudFile)
	return fmt.Errorf("%w\n--- customer swanctl.conf (tunnelwiz peer)\n%s--- cloud swanctl.conf (the test's)\n%s--- customer log\n%s--- cloud log\n%s",
		err, cust, cl, tail(l.cust.logPath(), 25), tail(l.cloud.logPath(), 15))
}

func tail(path string, n int) string {
	b, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n") + "\n"
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
