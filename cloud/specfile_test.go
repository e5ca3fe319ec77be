package cloud

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// loadRefused loads path and wants a one-line FormatError mentioning want.
func loadRefused(t *testing.T, path, want string) {
	t.Helper()
	_, err := LoadSpec(path)
	var fe *FormatError
	if !errors.As(err, &fe) {
		t.Fatalf("%s: want a FormatError, got %v", path, err)
	}
	if !strings.Contains(err.Error(), want) || strings.ContainsAny(err.Error(), "\n\r") {
		t.Errorf("%s: want one line mentioning %q, got %q", path, want, err)
	}
}

// A FIFO with no writer must be refused at once: a plain open() would wait
// for a writer forever. The watchdog only turns a hang into a failure; it
// is not a speed requirement.
func TestLoadSpecRefusesFIFOWithoutBlocking(t *testing.T) {
	p := filepath.Join(t.TempDir(), "spec.fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		loadRefused(t, p, "not a regular file")
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("LoadSpec blocked on a FIFO with no writer")
	}
}

// Directories and devices are not spec files; /dev/zero would otherwise be
// read until memory runs out.
func TestLoadSpecRefusesDirectoriesAndDevices(t *testing.T) {
	loadRefused(t, t.TempDir(), "not a regular file")
	for _, dev := range []string{"/dev/zero", "/dev/urandom", "/dev/null"} {
		if _, err := os.Stat(dev); err == nil {
			loadRefused(t, dev, "not a regular file")
		}
	}
}

// allocated reports the bytes f allocates (cumulative, not peak: an upper
// bound on what it can hold).
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// A file over the cap is refused after reading at most cap+1 bytes,
// whatever its size: the cost of a 50 MB file is the cost of the cap.
func TestLoadSpecCapsSize(t *testing.T) {
	dir := t.TempDir()
	sparse := filepath.Join(dir, "zeros.yaml") // /dev/zero as a regular file
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(50 << 20)
	f.Close()
	oneLine := filepath.Join(dir, "one-line.yaml")
	os.WriteFile(oneLine, []byte("vendor: fake\nparams: {Name: "+strings.Repeat("a", 50<<20)+"}\n"), 0o600)
	justOver := filepath.Join(dir, "just-over.yaml")
	os.WriteFile(justOver, []byte("vendor: fake\n#"+strings.Repeat("x", MaxSpecBytes)+"\n"), 0o600)
	for _, p := range []string{sparse, oneLine, justOver} {
		n := allocated(func() { loadRefused(t, p, "larger than") })
		if n > 4*MaxSpecBytes+1<<20 {
			t.Errorf("%s: allocated %d bytes to refuse it", filepath.Base(p), n)
		}
	}
	atCap := filepath.Join(dir, "at-cap.yaml")
	src := "vendor: fake\n#"
	os.WriteFile(atCap, []byte(src+strings.Repeat("x", MaxSpecBytes-len(src)-1)+"\n"), 0o600)
	if _, err := LoadSpec(atCap); err != nil {
		t.Errorf("a file of exactly the cap is refused: %v", err)
	}
}
