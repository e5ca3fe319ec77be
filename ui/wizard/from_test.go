package wizard

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/creack/pty"

	"tunnelwiz/cloud"
	"tunnelwiz/ui/front"
)

// --from reads through the same loader as the commands, so it has the
// same limits: a 50 MB file or a directory is refused in one line before
// any screen is drawn.
func TestFromHasTheLoadersLimits(t *testing.T) {
	ptm, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	defer ptm.Close()
	defer tty.Close()
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	os.WriteFile(big, nil, 0o600)
	os.Truncate(big, 50<<20) // sparse: reads as NULs
	for path, want := range map[string]string{big: "larger than", dir: "not a regular file"} {
		err := Main([]string{"--from", path}, front.IO{In: tty, Out: tty, Err: tty})
		var fe *cloud.FormatError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), want) {
			t.Errorf("--from %s: want a refusal saying %q, got %v", filepath.Base(path), want, err)
		}
	}
}
