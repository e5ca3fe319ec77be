package wizard

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"tunnelwiz/cloud"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// A path is what a person does: keys, typed text, and looking at the
// screen until something shows (a wait, which costs no key).
type step struct {
	keys []tea.KeyPressMsg
	wait string
}

func keys(names ...string) step {
	var s step
	for _, n := range names {
		switch n {
		case "up":
			s.keys = append(s.keys, tea.KeyPressMsg{Code: tea.KeyUp})
		case "down":
			s.keys = append(s.keys, keyDown())
		case "ctrl+g", "ctrl+p", "ctrl+e":
			s.keys = append(s.keys, keyCtrl(rune(n[5])))
		default:
			s.keys = append(s.keys, press(n))
		}
	}
	return s
}

func typed(text string) step {
	var s step
	for _, r := range text {
		s.keys = append(s.keys, press(string(r)))
	}
	return s
}

func waitFor(text string) step { return step{wait: text} }

// shortPaths are the shortest ways to a standard tunnel in the sandbox:
// the modern IKEv2 preset (Legacy IKEv1 on tencent-v2, which has no
// IKEv2), one local and one remote CIDR, a name. The
// README's walkthrough prints these counts.
var shortPaths = map[string][]step{
	"tencent": {
		keys("enter", "enter"),      // Tencent Cloud API 3.0, the built-in sandbox
		typed("gua"), keys("enter"), // region: the list filtered to ap-guangzhou
		keys("enter"),                    // no endpoint override
		waitFor("vpngw-1w9tue3d"),        // the gateways are listed
		keys("enter", "enter", "enter"),  // VPC, VPN gateway, customer gateway: the first of each
		keys("enter"),                    // route type: STATIC
		typed("192.168.10.0/24"),         // the remote CIDR, after the VPC's own (filled in)
		keys("enter"),                    //
		keys("down", "enter"),            // preset: Modern IKEv2
		keys("ctrl+g"),                   // a new pre-shared key
		keys("ctrl+p"),                   // the preview: identities and name are filled in
		waitFor("go to step"),            // the preview
		keys("ctrl+g"),                   // submit
		waitFor("Press enter to finish"), //
		keys("enter"),
	},
	"tencent-v2": {
		keys("down", "enter", "enter"), // Tencent Cloud API 2.0, the built-in sandbox
		typed("sh"), keys("enter"),     // region: sh
		keys("ctrl+n"),                   // endpoint and signature method as they are
		waitFor("vpngw-nhg87nmg"),        // the gateways are listed
		keys("enter", "enter", "enter"),  // VPC, VPN gateway, customer gateway: the first of each
		typed("192.168.10.0/24"),         // userGwCidrBlock: the remote side
		keys("enter", "enter"),           // no spdAcl
		keys("down", "down", "enter"),    // preset: Legacy IKEv1 (this API has no IKEv2 or SHA-256)
		keys("ctrl+g"),                   // a new pre-shared key
		keys("ctrl+p"),                   // the preview
		waitFor("go to step"),            //
		keys("ctrl+g"),                   // submit
		waitFor("Press enter to finish"), //
		keys("enter"),
	},
	"alibaba": {
		keys("up", "up", "up", "enter", "enter"), // Alibaba Cloud, the built-in sandbox
		typed("hangz"), keys("enter"),            // region: cn-hangzhou
		keys("ctrl+n"),                          // the account fields as they are
		waitFor("vpn-bp1hz7k2m4n6p8r0t2v4x"),    // the gateways are listed
		keys("enter", "enter"),                  // VPN gateway, customer gateway: the first of each
		keys("enter"),                           // LocalSubnet: the gateway's VPC (filled in)
		typed("192.168.10.0/24"), keys("enter"), // RemoteSubnet
		keys("down", "enter"),            // preset: Modern IKEv2
		keys("ctrl+g"),                   // a new pre-shared key
		keys("ctrl+p"),                   // the preview
		waitFor("go to step"),            //
		keys("ctrl+g"),                   // submit
		waitFor("Press enter to finish"), //
		keys("enter"),
	},
	"apsara": {
		keys("up", "up", "enter", "enter"),              // Alibaba Apsara Stack, the built-in sandbox
		typed("https://vpc.example.com"), keys("enter"), // endpoint: the deployment's API gateway, typed
		waitFor("sandbox region"),               // its regions are listed (DescribeRegions)
		keys("enter"),                           // region: the first listed
		keys("ctrl+n"),                          // organization and resource group as they are
		waitFor("qd-vpngw"),                     // the gateways are listed
		keys("enter", "enter"),                  // VPN gateway, customer gateway: the first of each
		keys("enter"),                           // LocalSubnet: the gateway's VPC (filled in)
		typed("192.168.10.0/24"), keys("enter"), // RemoteSubnet
		keys("down", "enter"),            // preset: Modern IKEv2
		keys("ctrl+g"),                   // a new pre-shared key
		keys("ctrl+p"),                   // the preview
		waitFor("go to step"),            //
		keys("ctrl+g"),                   // submit
		waitFor("Press enter to finish"), //
		keys("enter"),
	},
	"huawei": {
		keys("up", "enter", "enter"),                // Huawei Cloud VPN v5, the built-in sandbox
		keys("down", "enter"),                       // region: cn-north-4, the first listed
		waitFor("0123456789abcdef0123456789abcdef"), // the region's project is listed (IAM)
		keys("enter"),                               // project_id: the one listed
		keys("ctrl+n"),                              //
		waitFor("vpngw-seed"),                       // the gateways are listed
		keys("enter", "enter", "enter", "enter"),    // VPN gateway, customer gateway, its EIP, style
		keys("ctrl+n"),                              // HA role as it is
		typed("192.168.10.0/24"), keys("ctrl+n"),    // peer_subnets
		keys("down", "enter"),            // preset: Modern IKEv2
		keys("ctrl+g"),                   // a new pre-shared key
		keys("ctrl+p"),                   // the preview
		waitFor("go to step"),            //
		keys("ctrl+g"),                   // submit
		waitFor("Press enter to finish"), //
		keys("enter"),
	},
}

// TestShortPath drives the wizard with the exact key list of each
// vendor's short path, counts the keys, and checks that a connection was
// made with what the path chose.
func TestShortPath(t *testing.T) {
	// Issue 7's goals.
	limits := map[string]int{"tencent": 40, "tencent-v2": 60, "alibaba": 60, "apsara": 60, "huawei": 60}
	for vendor, path := range shortPaths {
		t.Run(vendor, func(t *testing.T) {
			rc, where := newRecorder(t)
			m := New(Options{SaveDir: t.TempDir(), Sandbox: where})
			tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
			n := 0
			for _, s := range path {
				if s.wait != "" {
					waitText(t, tm, s.wait, 30*time.Second)
					continue
				}
				for _, k := range s.keys {
					tm.Send(k)
					n++
				}
			}
			final := tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(*Model)
			t.Logf("%s: %d keys", vendor, n)
			if final.Outcome != Done || final.St.Final == nil {
				t.Fatalf("not created: outcome %v; issues %v", final.Outcome, final.St.Issues)
			}
			if limit := limits[vendor]; limit > 0 && n > limit {
				t.Errorf("%d keys, more than %d", n, limit)
			}
			if got := fmt.Sprint(final.St.Created.Params); !strings.Contains(got, "192.168.10.0/24") {
				t.Errorf("the remote CIDR was not sent: %s", got)
			}
			// The values looked up live (Huawei's project, the Apsara
			// deployment's region) are the ones sent.
			for k, want := range map[string]map[string]string{
				"huawei": {"region": "cn-north-4", "project_id": "0123456789abcdef0123456789abcdef"},
				"apsara": {"region": "cn-qingdao-env66-d01", "endpoint": "https://vpc.example.com"},
			}[vendor] {
				if got := final.St.Spec.Target[k]; got != want {
					t.Errorf("%s = %q, want %q", k, got, want)
				}
			}
			if n := rc.creates(); n != 1 {
				t.Errorf("%d creates reached the sandbox", n)
			}
		})
	}
}

// runPath drives a fresh wizard along a path and returns the model at
// its end (ctrl+c is sent last).
func runPath(t *testing.T, path []step) *Model {
	t.Helper()
	_, where := newRecorder(t)
	m := New(Options{SaveDir: t.TempDir(), Sandbox: where})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	for _, s := range path {
		if s.wait != "" {
			waitText(t, tm, s.wait, 30*time.Second)
			continue
		}
		for _, k := range s.keys {
			tm.Send(k)
		}
	}
	tm.Send(keyCtrl('c'))
	return tm.FinalModel(t, teatest.WithFinalTimeout(20*time.Second)).(*Model)
}

// TestRegionTypedFollows: a region typed character by character is
// repeated whole in the parameter that repeats it (Apsara RegionId), and
// the cursor stays in the region field. (With no endpoint yet there is
// no region list: the region is typed.)
func TestRegionTypedFollows(t *testing.T) {
	m := runPath(t, []step{keys("up", "up", "enter", "enter", "enter"), typed("cn-qingdao-env66-d01")})
	if got := m.St.Spec.Target["region"]; got != "cn-qingdao-env66-d01" {
		t.Errorf("region %q", got)
	}
	if got := m.St.Params().Str("RegionId"); got != "cn-qingdao-env66-d01" {
		t.Errorf("RegionId %q, want the region", got)
	}
}

// TestRepickRefills: values the wizard filled from the first gateways
// follow a different pick; the request then names the gateways picked.
func TestRepickRefills(t *testing.T) {
	m := runPath(t, []step{keys("enter", "enter"), typed("gua"), keys("enter", "enter"), waitFor("vpngw-1w9tue3d"),
		keys("down", "enter", "down", "enter", "down", "enter")})
	p := m.St.Params()
	for path, want := range map[string]string{
		"VpcId": "vpc-2x8kq0mn", "VpnGatewayId": "vpngw-7pnz3h2k", "CustomerGatewayId": "cgw-2wqq41m9",
		"IKEOptionsSpecification.LocalAddress": "203.0.113.11", "IKEOptionsSpecification.RemoteAddress": "198.51.100.21",
		"SecurityPolicyDatabases[0].LocalCidrBlock": "10.20.0.0/16", "VpnConnectionName": "gz-staging-vpngw-to-dc2-backup",
	} {
		if v, _ := p.At(path); fmt.Sprint(v) != want {
			t.Errorf("%s = %v, want %s", path, v, want)
		}
	}
}

// TestListedKeepsFocus: the project field the cursor moved to becomes a
// pick list when the region's projects arrive, and the cursor stays on
// it (not back on the first field).
func TestListedKeepsFocus(t *testing.T) {
	m := runPath(t, []step{keys("up", "enter", "enter", "down", "enter"), waitFor("0123456789abcdef0123456789abcdef")})
	fp, ok := m.pages[m.cur].(*formPage)
	if !ok || fp.step != cloud.StepTarget {
		t.Fatalf("on page %s", m.pages[m.cur].Name())
	}
	if got := fp.focusedKey(); got != "project_id#pick" {
		t.Errorf("cursor on %q, want project_id#pick", got)
	}
}

// TestAliasAskedOnce: Apsara's IkeConfig.LocalId and LocalIdIPsec carry
// one value under two documented names: a fresh session asks LocalId
// only; a spec that gave LocalIdIPsec shows it.
func TestAliasAskedOnce(t *testing.T) {
	shown := func(m *Model) []string {
		for _, p := range m.pages {
			if fp, ok := p.(*formPage); ok && fp.step == cloud.StepIKE {
				var paths []string
				for _, in := range fp.inputs(m) {
					paths = append(paths, in.Path)
				}
				return paths
			}
		}
		return nil
	}
	m := New(Options{SaveDir: t.TempDir()})
	m.St.SetVendor("apsara")
	got := strings.Join(shown(m), " ")
	if !strings.Contains(got, "IkeConfig.LocalId ") && !strings.HasSuffix(got, "IkeConfig.LocalId") || strings.Contains(got, "LocalIdIPsec") {
		t.Errorf("fresh session asks %s", got)
	}
	spec, err := cloud.LoadSpec("../../cloud/apsara/testdata/with-psk.yaml")
	if err != nil {
		t.Fatal(err)
	}
	m = New(Options{From: spec, SaveDir: t.TempDir()})
	if got := strings.Join(shown(m), " "); !strings.Contains(got, "LocalIdIPsec") {
		t.Errorf("given LocalIdIPsec not shown: %s", got)
	}
}

// TestReadmeCountsTheShortPaths: the README's table of keys per vendor
// says what the paths above count (its numbers were edited by hand).
func TestReadmeCountsTheShortPaths(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z0-9-]+)` \\| (\\d+) \\|")
	found := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(string(b), -1) {
		found[m[1]] = m[2]
	}
	for vendor, path := range shortPaths {
		n := 0
		for _, s := range path {
			n += len(s.keys)
		}
		if got := found[vendor]; got != strconv.Itoa(n) {
			t.Errorf("README says %q keys for %s; the path has %d", got, vendor, n)
		}
	}
}
