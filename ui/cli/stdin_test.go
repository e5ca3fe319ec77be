package cli

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	_ "tunnelwiz/cloud/all"
	"tunnelwiz/ui/front"
)

// zeros is an endless stream of NULs: /dev/zero piped in.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// `-` reads the spec from standard input, with the same cap as a file: an
// endless stream is refused after cap+1 bytes instead of filling memory.
func TestSpecFromStandardInput(t *testing.T) {
	ex, err := os.ReadFile("../../examples/tencent.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Validate([]string{"-"}, IO{In: bytes.NewReader(ex), Out: &out, Err: &out}); err != nil {
		t.Fatalf("validate -: %v\n%s", err, &out)
	}
	if !strings.HasPrefix(out.String(), "standard input: ") || !strings.Contains(out.String(), " valid") {
		t.Errorf("validate -: %q", &out)
	}
	err = Plan([]string{"-"}, IO{In: zeros{}, Out: &out, Err: &out})
	var fe *cloud.FormatError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "standard input: larger than") {
		t.Errorf("endless input: %v", err)
	}
}

// Every command that takes a spec file takes - for standard input: export
// and peer too, and --region applies to what was read.
func TestEveryCommandReadsStandardInput(t *testing.T) {
	ex, err := os.ReadFile("../../examples/tencent.yaml")
	if err != nil {
		t.Fatal(err)
	}
	noKeys := front.Env{Getenv: func(string) string { return "" }, Home: t.TempDir()}
	for name, run := range map[string]func([]string, IO) error{
		"validate": Validate,
		"plan":     Plan,
		"export":   Export,
		"peer":     func(args []string, o IO) error { return PeerIn(noKeys, args, o) },
	} {
		var out, errb bytes.Buffer
		args := []string{"-", "--region", "ap-shanghai"}
		switch name {
		case "export":
			args = append(args, "--format", "tccli")
		case "peer":
			args = append(args, "--device", "strongswan")
		}
		if err := run(args, IO{In: bytes.NewReader(ex), Out: &out, Err: &errb}); err != nil {
			t.Errorf("%s -: %v\n%s", name, err, &errb)
			continue
		}
		if !strings.Contains(errb.String(), `region ap-shanghai (--region; standard input says "ap-guangzhou")`) {
			t.Errorf("%s -: no note of the region: %q", name, &errb)
		}
		if name != "validate" && name != "peer" && !strings.Contains(out.String(), "ap-shanghai") {
			t.Errorf("%s -: the output does not name the region given:\n%s", name, &out)
		}
	}
}
