// Package testenv makes a test process independent of the machine it
// runs on: no vendor's credential variable is set, and the home directory
// is a new empty one (no CLI profiles, no draft, no history). A CI
// machine's own settings could otherwise choose the keys a test signs
// with, or make it dial an instance-metadata host.
//
// Only tests import it.
package testenv

import (
	"os"
	"path/filepath"

	"tunnelwiz/cloud"
	_ "tunnelwiz/cloud/all" // every vendor's variables
)

// Clean sets the process up so, and returns what removes the home.
func Clean() (cleanup func()) {
	home, err := os.MkdirTemp("", "tunnelwiz-test-home")
	if err != nil {
		panic(err)
	}
	os.Setenv("HOME", home)
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	for _, k := range cloud.CredentialVariables() {
		os.Unsetenv(k)
	}
	return func() { os.RemoveAll(home) }
}
