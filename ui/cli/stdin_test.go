package cli

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	_ "tunnelwiz/cloud/all"
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
