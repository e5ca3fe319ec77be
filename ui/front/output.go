package front

import (
	"errors"
	"fmt"
	"os"
)

// Every file tunnelwiz writes at a name it was given (-o FILE) or chose
// (the wizard's saves) is created here: a new file, never over one that
// exists.

// CreateFile writes b to a new file at path with mode perm. The file is
// created exclusively (O_EXCL), so an existing file is never written over
// and a symlink at path, even a dangling one, is never followed: both
// give an error wrapping os.ErrExist. A failed write removes the file, so
// no half-written configuration is left behind.
func CreateFile(path string, b []byte, perm os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
	}
	return err
}

// WriteOutput is -o FILE: text in a new file, mode 0600 when it holds a
// secret (or may), else 0644 (less the umask). An existing path, or a
// symlink there, is refused in one line (exit 2).
func WriteOutput(path, text string, secret bool) error {
	perm := os.FileMode(0o644)
	if secret {
		perm = 0o600
	}
	err := CreateFile(path, []byte(text), perm)
	if errors.Is(err, os.ErrExist) {
		return outputExists(path)
	}
	return err
}

// CheckOutput refuses an existing -o path (or a symlink there) before any
// work is done for it (a look-up, the vendor's export, warnings about a
// text that will not be written); WriteOutput still creates the file
// exclusively, so a file made in between is refused all the same.
func CheckOutput(path string) error {
	if path == "" {
		return nil
	}
	if _, err := os.Lstat(path); err == nil {
		return outputExists(path)
	}
	return nil
}

func outputExists(path string) error {
	return &UsageError{Msg: fmt.Sprintf("-o %s: the file exists; tunnelwiz never writes over a file: choose another name", Escape(path))}
}
