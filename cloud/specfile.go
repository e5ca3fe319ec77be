package cloud

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// MaxSpecBytes caps what is read of a spec file. The largest spec shipped
// is under 2 KB; 256 KiB is a hundred times any real one, and bounds the
// YAML parser too: its node tree for 256 KiB of the densest YAML (a flow
// list of one-digit numbers) allocates about 35 MB, where 1 MiB would
// allocate 135 MB.
const MaxSpecBytes = 256 << 10

// LoadSpec reads and parses a spec file. Only a regular file is read, and
// only up to MaxSpecBytes: a device, a FIFO or a directory is refused
// before anything is read, so /dev/zero cannot exhaust memory and a FIFO
// with no writer cannot hang the program.
func LoadSpec(path string) (*Spec, error) {
	f, err := openRegular(path)
	if err != nil {
		return nil, &FormatError{Msg: err.Error()}
	}
	defer f.Close()
	return ReadSpec(f, path)
}

// ReadSpec reads a spec from r (standard input, or an open file), named
// name in errors, with the same cap as LoadSpec.
func ReadSpec(r io.Reader, name string) (*Spec, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSpecBytes+1))
	if err != nil {
		return nil, &FormatError{Msg: name + ": " + err.Error()}
	}
	if len(data) > MaxSpecBytes {
		return nil, &FormatError{Msg: fmt.Sprintf("%s: larger than %d KiB, refused (a spec file is a few KB)", name, MaxSpecBytes>>10)}
	}
	s, err := ParseSpec(data)
	if err != nil {
		return nil, &FormatError{Msg: name + ": " + err.Error()}
	}
	return s, nil
}

// openRegular opens path for reading only if it is a regular file.
// O_NONBLOCK makes the open of a FIFO return at once instead of waiting
// for a writer (it changes nothing for a regular file), and O_NOCTTY keeps
// a terminal device from becoming ours; the type is then checked on the
// open descriptor, since a check before the open could be raced.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s: not a regular file (%s): a spec must be a regular file", path, fileKind(st.Mode()))
	}
	return f, nil
}

// fileKind names a file type the way a user would.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	}
	return "not a plain file"
}
