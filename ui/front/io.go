package front

import (
	"io"
	"os"

	"golang.org/x/term"

	"tunnelwiz/cloud"
)

// IO is a command's streams: In (the wizard's keyboard), Out for
// results, Err for people.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
}

// Env is the environment a face reads: variables and the home directory
// (credentials, CLI profiles, the draft). Tests give their own.
type Env struct {
	Getenv func(string) string
	Home   string
	// Metadata fetches instance-metadata documents (instance roles); nil
	// fetches nothing, and an instance-role source stops with a reason.
	// Tests inject a fetcher; never the network.
	Metadata cloud.Fetcher
}

// OSEnv is the process's environment.
func OSEnv() Env {
	home, _ := os.UserHomeDir()
	return Env{Getenv: os.Getenv, Home: home, Metadata: metadataHTTP}
}

// ConfigDir is tunnelwiz's own directory under the user's configuration
// directory (XDG_CONFIG_HOME, else ~/.config), as os.UserConfigDir has it
// on Unix.
func (e Env) ConfigDir() string {
	if d := e.Getenv("XDG_CONFIG_HOME"); d != "" {
		return d + "/tunnelwiz"
	}
	if e.Home == "" {
		return ""
	}
	return e.Home + "/.config/tunnelwiz"
}

// IsTerminal reports whether f is a terminal.
func IsTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }
