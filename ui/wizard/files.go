package wizard

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"tunnelwiz/cloud"
	"tunnelwiz/ui/front"
)

// Files are written by commands, off the update loop, from a snapshot of
// the spec taken when asked; what became of a write comes back as a
// message, and a failure is shown in the panel.

// savedMsg says a spec file was written (or why not).
type savedMsg struct {
	path    string
	withKey bool
	err     error
	quiet   bool // an update at submit: no note unless it failed
}

// draftMsg says whether the draft was kept.
type draftMsg struct{ err error }

// saveCmd writes the spec as a new file (0600), the key left out unless
// asked. It never writes over a file (it may be the spec the session came
// from, with its key): the next free name, created exclusively.
func (m *Model) saveCmd(keepKey bool) tea.Cmd {
	st := m.St
	b, err := m.specBytes(keepKey)
	name := "tunnelwiz-" + st.Spec.Vendor
	if f := st.Catalog().RoleField(cloud.RoleName); f != nil && st.Params().Str(f.Path) != "" {
		name = safeName(st.Params().Str(f.Path))
	}
	dir := m.opts.SaveDir
	return func() tea.Msg {
		if err != nil {
			return savedMsg{err: err}
		}
		path, err := writeNew(dir, name, ".yaml", b)
		return savedMsg{path: path, withKey: keepKey, err: err}
	}
}

// resaveCmd brings the file this session saved up to date with what is
// about to be sent (after a refusal the engineer may have changed
// anything), keeping whether it holds the key; with none saved yet, it
// saves one without the key.
func (m *Model) resaveCmd() tea.Cmd {
	if m.St.Saved == "" {
		return m.saveCmd(false)
	}
	return m.rewriteCmd(m.St.SavedWithKey, true)
}

// rewriteCmd writes the file this session saved again, with or without
// the key: ctrl+y after a submit puts the key into the spec just saved
// rather than beside it in a second file.
func (m *Model) rewriteCmd(withKey, quiet bool) tea.Cmd {
	path := m.St.Saved
	b, err := m.specBytes(withKey)
	return func() tea.Msg {
		if err == nil {
			err = os.WriteFile(path, b, 0o600)
		}
		return savedMsg{path: path, withKey: withKey, err: err, quiet: quiet}
	}
}

// saved takes a write's answer into the state.
func (m *Model) saved(msg savedMsg) {
	if msg.err != nil {
		m.note = "The spec could not be saved: " + msg.err.Error()
		return
	}
	m.St.Saved, m.St.SavedWithKey = msg.path, msg.withKey
	if !msg.quiet {
		m.note = "Saved " + msg.path + map[bool]string{true: " with the pre-shared key (mode 0600).", false: " without the pre-shared key."}[msg.withKey]
	}
}

func (m *Model) specBytes(keepKey bool) ([]byte, error) {
	st := m.St
	spec := &cloud.Spec{Vendor: st.Spec.Vendor, Target: st.Spec.Target, Params: st.Params().Clone()}
	if !keepKey {
		spec.Params = st.Catalog().WithoutSecrets(st.Params())
	}
	if f := st.Catalog().RoleField(cloud.RoleClientToken); f != nil && st.TokenAdded {
		cloud.Params(spec.Params).Delete(f.Path) // the session's own: a re-run is a new create
	}
	return spec.Marshal()
}

// writeNew writes b as dir/name.ext, or name-2.ext... if that exists,
// each created exclusively with mode 0600 (front.CreateFile, as every -o
// FILE): never over a file, never through a symlink.
func writeNew(dir, name, ext string, b []byte) (string, error) {
	for i := 1; ; i++ {
		path := filepath.Join(dir, name+ext)
		if i > 1 {
			path = filepath.Join(dir, fmt.Sprintf("%s-%d%s", name, i, ext))
		}
		err := front.CreateFile(path, b, 0o600)
		if errors.Is(err, os.ErrExist) && i < 1000 {
			continue
		}
		if err != nil {
			return "", err
		}
		return path, nil
	}
}

func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			return r
		}
		return '-'
	}, s)
}

// draftCmd keeps the session without secrets, so that the next start can
// resume it after Ctrl-C, a closed terminal or a crash; nil when there is
// nothing to keep (after a create a draft would invite making it twice).
func (m *Model) draftCmd() tea.Cmd {
	write := m.draftWriter()
	if write == nil {
		return nil
	}
	return func() tea.Msg { return draftMsg{write()} }
}

// writeDraft keeps the draft now (a crash, plain prompts).
func (m *Model) writeDraft() error {
	if write := m.draftWriter(); write != nil {
		return write()
	}
	return nil
}

func (m *Model) draftWriter() func() error {
	st := m.St
	path := m.opts.DraftPath
	if path == "" || st.Spec == nil || st.Created != nil {
		return nil
	}
	spec := &cloud.Spec{Vendor: st.Spec.Vendor, Target: st.Spec.Target, Params: st.Catalog().WithoutSecrets(st.Params())}
	b, err := spec.Marshal()
	return func() error {
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return err
		}
		return os.WriteFile(path, b, 0o600)
	}
}

// clearDraftCmd removes the draft once a connection is made.
func (m *Model) clearDraftCmd() tea.Cmd {
	path := m.opts.DraftPath
	if path == "" {
		return nil
	}
	return func() tea.Msg {
		if err := os.Remove(path); err != nil && !os.IsNotExist(err) {
			return draftMsg{err}
		}
		return nil
	}
}
