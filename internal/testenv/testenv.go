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
	"testing"

	"tunnelwiz/cloud"
	_ "tunnelwiz/cloud/all" // every vendor's variables
)

// Main is a package's TestMain: it runs the tests in such a process.
func Main(m *testing.M) {
	home, err := os.MkdirTemp("", "tunnelwiz-test-home")
	if err != nil {
		panic(err)
	}
	os.Setenv("HOME", home)
	os.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	for _, k := range cloud.CredentialVariables() {
		os.Unsetenv(k)
	}
	code := m.Run()
	os.RemoveAll(home)
	os.Exit(code)
}

// NoKeys gives one test a home of its own and no credential variable,
// whatever an earlier test of the process set.
func NoKeys(t testing.TB) {
	t.Helper()
	t.Setenv("HOME", t.TempDir())
	for _, k := range cloud.CredentialVariables() {
		t.Setenv(k, "")
	}
}
