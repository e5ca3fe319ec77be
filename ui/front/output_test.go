package front

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteOutput: a new file with the mode asked; an existing file or a
// symlink (even dangling) refused in one line, left as it was.
func TestWriteOutput(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		secret bool
		mode   os.FileMode
	}{{false, 0o644}, {true, 0o600}} {
		path := filepath.Join(dir, map[bool]string{true: "key.conf", false: "masked.conf"}[c.secret])
		if err := WriteOutput(path, "text\n", c.secret); err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(path); st == nil || st.Mode().Perm() != c.mode&^umask(t) {
			t.Errorf("secret=%v: mode %v", c.secret, st)
		}
		err := WriteOutput(path, "other\n", c.secret)
		var usage *UsageError
		if !errors.As(err, &usage) || usage.Msg != "-o "+path+": the file exists; tunnelwiz never writes over a file: choose another name" {
			t.Errorf("over an existing file: %v", err)
		}
		if b, _ := os.ReadFile(path); string(b) != "text\n" {
			t.Errorf("the existing file now holds %q", b)
		}
	}
	link := filepath.Join(dir, "link.conf")
	os.Symlink(filepath.Join(dir, "nowhere"), link)
	if err := WriteOutput(link, "text\n", true); err == nil {
		t.Error("a dangling symlink was written through")
	}
	if _, err := os.Lstat(filepath.Join(dir, "nowhere")); err == nil {
		t.Error("the symlink was followed")
	}
}

func umask(t *testing.T) os.FileMode {
	f := filepath.Join(t.TempDir(), "probe")
	os.WriteFile(f, nil, 0o777)
	st, _ := os.Stat(f)
	return 0o777 &^ st.Mode().Perm()
}
