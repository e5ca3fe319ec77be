package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tunnelwiz/cloud/sandbox"
)

// hostile is an OSC that retitles the window, a bell, a CSI that clears
// the screen, a bare CR and a line break: what a hostile spec or endpoint
// would send to the user's terminal.
const hostile = "\x1b]0;pwned\x07\x1b[2J\rX\nY"

// checkShown fails if out holds a raw control sequence, and wants each
// marker to show up escaped as text.
func checkShown(t *testing.T, what, out string, markers ...string) {
	t.Helper()
	if bad := rawControl(out); bad != "" {
		t.Errorf("%s: raw control %s in output:\n%q", what, bad, out)
	}
	for _, m := range markers {
		if !strings.Contains(out, m) {
			t.Errorf("%s: want %q in output:\n%s", what, m, out)
		}
	}
}

// Spec keys, values and the file's own name reach validate's and plan's
// text output escaped, in every position.
func TestSpecTextIsEscapedInOutput(t *testing.T) {
	dir := t.TempDir()
	ex, err := os.ReadFile("examples/tencent.yaml")
	if err != nil {
		t.Fatal(err)
	}
	q, _ := json.Marshal(hostile) // a JSON string: valid YAML double-quoted
	specs := map[string]string{
		"unknown key":        strings.Replace(string(ex), "  VpcId:", "  "+string(q)+": 1\n  VpcId:", 1),
		"value":              strings.Replace(string(ex), "gz-to-dc1", string(q), 1),
		"target key":         string(ex) + string(q) + ": x\n",
		"target value":       strings.Replace(string(ex), "region: ap-guangzhou", "region: "+string(q), 1),
		"known value":        strings.Replace(string(ex), "DpdAction: restart", "DpdAction: "+string(q), 1),
		"map-like list item": strings.Replace(string(ex), "192.168.11.0/24]", string(q)+"]", 1),
		"yaml error":         "vendor: tencent\nparams: {a: *" + "x\x1b[31m}\n",
		"unknown vendor":     "vendor: " + string(q) + "\n",
	}
	for name, src := range specs {
		p := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".yaml")
		os.WriteFile(p, []byte(src), 0o600)
		for _, cmd := range [][]string{{"validate", p}, {"plan", p}, {"validate", p, "--json"}, {"plan", p, "--json"}} {
			code, out, errs := runCLI(cmd...)
			if code != exitInvalid && code != exitUsage {
				t.Errorf("%s %v: exit %d", name, cmd[0], code)
			}
			checkShown(t, name+" "+strings.Join(cmd[:1], " "), out+errs)
		}
	}
	// A file name is text from outside too.
	p := filepath.Join(dir, "spec\x1b[31m\n.yaml")
	if err := os.WriteFile(p, ex, 0o600); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	_, out, errs := runCLI("validate", p)
	checkShown(t, "file name", out+errs, `\x1b[31m\n.yaml`)
	_, out, errs = runCLI("validate", p+"-missing")
	checkShown(t, "missing file name", out+errs, `\x1b[31m\n.yaml`)
}

// The --json output stays valid JSON after the escaping, and keeps the
// hostile text (as JSON escapes).
func TestJSONOutputStaysJSON(t *testing.T) {
	ex, _ := os.ReadFile("examples/tencent.yaml")
	q, _ := json.Marshal(hostile)
	// YAML takes DEL and C1 only as escapes in a double-quoted string.
	q = append(q[:len(q)-1], `\x7f\u009b"`...)
	p := filepath.Join(t.TempDir(), "s.yaml")
	os.WriteFile(p, []byte(strings.Replace(string(ex), "  VpcId:", "  "+string(q)+": 1\n  VpcId:", 1)), 0o600)
	_, out, _ := runCLI("validate", p, "--json")
	checkShown(t, "validate --json", out)
	var issues []map[string]any
	if err := json.Unmarshal([]byte(out), &issues); err != nil {
		t.Fatalf("not JSON any more: %v\n%s", err, out)
	}
	found := false
	for _, i := range issues {
		found = found || i["field"] == "params."+hostile+"\x7f\u009b" || i["field"] == hostile+"\x7f\u009b"
	}
	if !found {
		t.Errorf("the field path did not survive the round trip: %v", issues)
	}
}

// hostileEndpoint is a loopback sandbox whose create answers are replaced:
// an error whose message carries escapes and a line break, or a success
// whose connection id does.
func hostileEndpoint(t *testing.T, answer string) string {
	t.Helper()
	srv, err := sandbox.New(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-TC-Action") != "CreateVpnConnection" {
			srv.ServeHTTP(w, r)
			return
		}
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, answer)
	}))
	t.Cleanup(hs.Close)
	return hs.URL
}

// What an endpoint answers reaches apply's output escaped: the error in
// one line, the connection id as text.
func TestEndpointTextIsEscapedInOutput(t *testing.T) {
	q, _ := json.Marshal(hostile)
	refusal := `{"Response":{"Error":{"Code":"InvalidParameterValue","Message":` + string(q) + `},"RequestId":` + string(q) + `}}`
	code, out, errs := runCLI("apply", "examples/tencent.yaml", "--endpoint", hostileEndpoint(t, refusal), "--yes")
	if code != exitFailed {
		t.Errorf("refused create: exit %d\n%s%s", code, out, errs)
	}
	checkShown(t, "endpoint error", out+errs, `\x1b]0;pwned\x07`)
	last := errs[strings.LastIndex(strings.TrimSuffix(errs, "\n"), "\n")+1:]
	if !strings.HasPrefix(last, "tunnelwiz: ") || !strings.Contains(last, "pwned") {
		t.Errorf("the refusal is not one line: %q", errs)
	}

	created := `{"Response":{"VpnConnection":{"VpnConnectionId":` + string(q) + `},"RequestId":"r"}}`
	code, out, errs = runCLI("apply", "examples/tencent.yaml", "--endpoint", hostileEndpoint(t, created), "--yes")
	checkShown(t, "endpoint id", out+errs)
	if code == exitOK && !strings.Contains(out, `\x1b]0;pwned\x07`) {
		t.Errorf("the id is not shown escaped: %q", out)
	}
}
