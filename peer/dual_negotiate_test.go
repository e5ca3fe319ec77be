package peer_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tunnelwiz/ui/cli"
	"tunnelwiz/ui/front"
)

// cloudIP2 is the dual-tunnel gateway's second address (Alibaba's
// DisasterRecoveryInternetIp), added to the lab's cloud end.
const cloudIP2 = "203.0.113.11"

// dualCloud is the cloud's half of dualSpec, written by hand from
// Alibaba's documented meaning of each token (IkeEncAlg aes256 and aes =
// AES-CBC-256 and -128; IkeAuthAlg sha256, sha1; IkePfs/IpsecPfs group14 =
// MODP-2048, group2 = MODP-1024, disabled = no PFS; Psk per tunnel), not
// by the exporter: one connection per tunnel, each on its own address.
func dualCloud(ike2 string) string {
	conn := func(name, me, ike, esp string) string {
		return fmt.Sprintf(`    %s {
        version = 2
        local_addrs = %s
        remote_addrs = %s
        proposals = %s
        local { auth = psk
            id = %s }
        remote { auth = psk
            id = %s }
        children { %s-c { local_ts = 10.0.0.0/24
            remote_ts = 192.168.0.0/24
            esp_proposals = %s } }
    }
`, name, me, custIP, ike, me, custIP, name, esp)
	}
	return "connections {\n" +
		conn("t1", cloudIP, "aes256-sha256-modp2048", "aes256-sha256-modp2048") +
		conn("t2", cloudIP2, ike2, "aes128-sha1") + "}\n" +
		fmt.Sprintf("secrets {\n    ike-1 { id-a = %s\n        id-b = %s\n        secret = \"Key-One-111\" }\n", cloudIP, custIP) +
		fmt.Sprintf("    ike-2 { id-a = %s\n        id-b = %s\n        secret = \"Key-Two-222\" }\n}\n", cloudIP2, custIP)
}

// TestDualTunnelNegotiates: the file tunnelwiz peer writes for a
// dual-tunnel connection brings both tunnels up against a cloud with two
// addresses, traffic passes, each tunnel rekeys; and with the standby
// tunnel's phase 1 changed on the cloud's side, it does not come up.
func TestDualTunnelNegotiates(t *testing.T) {
	l := newLab(t)
	run(t, "ip", "-n", nsPrefix+"cloud", "addr", "add", cloudIP2+"/32", "dev", "twpv0")
	run(t, "ip", "-n", nsPrefix+"cust", "route", "add", cloudIP2+"/32", "dev", "twpv1")
	dir := t.TempDir()
	spec := filepath.Join(dir, "dual.yaml")
	os.WriteFile(spec, []byte(dualSpec), 0o600)
	cust := filepath.Join(dir, "swanctl.conf")
	var out, errb bytes.Buffer
	noKeys := front.Env{Getenv: func(string) string { return "" }, Home: dir}
	args := []string{spec, "--device", "strongswan", "--show-secrets", "-o", cust,
		"--cloud-ip", cloudIP + "," + cloudIP2, "--peer-ip", custIP}
	if err := cli.PeerIn(noKeys, args, cli.IO{Out: &out, Err: &errb}); err != nil {
		t.Fatalf("tunnelwiz peer: %v\n%s%s", err, out.String(), errb.String())
	}

	for _, c := range []struct {
		name, ike2 string
		ok         bool
	}{
		{"both tunnels", "aes128-sha1-modp1024", true},
		{"standby's IKE DH group differs on the cloud", "aes128-sha1-modp2048", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			l.reset(t)
			l.hosts(t, l.cloud, []string{"10.0.0.0/24"})
			l.hosts(t, l.cust, []string{"192.168.0.0/24"})
			cloudFile := filepath.Join(dir, "cloud.conf")
			os.WriteFile(cloudFile, []byte(dualCloud(c.ike2)), 0o600)
			if err := l.cloud.load(cloudFile); err != nil {
				t.Fatalf("the cloud's side does not load: %v", err)
			}
			m := l.cust.mark()
			if err := l.cust.load(cust); err != nil {
				t.Fatalf("the exported swanctl.conf does not load: %v", err)
			}
			ev := m.wait(2, 20*time.Second)
			if !c.ok {
				if ev.failure == "" {
					t.Fatalf("both tunnels came up although the cloud's standby tunnel differs: %v", ev.up)
				}
				t.Logf("failed as it must: %s", ev.failure)
				return
			}
			if ev.failure != "" {
				t.Fatal(l.explain(fmt.Errorf("establishing: %s", ev.failure), cust, cloudFile))
			}
			for _, name := range []string{"hq-tunnel1-1", "hq-tunnel2-1"} {
				if ev.up[name] == "" {
					t.Fatalf("%s is not up: %v", name, ev.up)
				}
			}
			if err := l.pings([]pair{{cloud: []string{"10.0.0.0/24"}, cust: []string{"192.168.0.0/24"}}}); err != nil {
				t.Fatal(l.explain(err, cust, cloudFile))
			}
			for _, name := range []string{"hq-tunnel1-1", "hq-tunnel2-1"} {
				m := l.cust.mark()
				if _, err := l.cust.swanctl("--rekey", "--child", name); err != nil {
					t.Fatal(err)
				}
				re := m.wait(1, 20*time.Second)
				if re.failure != "" || re.up[name] == "" || re.up[name] == ev.up[name] {
					t.Fatalf("rekeying %s: %s %v", name, re.failure, re.up)
				}
			}
			if s, _ := l.cust.swanctl("--list-sas"); !strings.Contains(s, cloudIP2) {
				t.Errorf("no SA with the standby address %s:\n%s", cloudIP2, s)
			}
		})
	}
}
