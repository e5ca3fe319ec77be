package main

import (
	"runtime/debug"
	"strings"
)

// version is stamped by a release build: go build -ldflags "-X
// main.version=VERSION". Empty, the build is a developer's ("devel").
var version = ""

// versionLine is what --version prints: the version, and the source
// revision Go recorded in the binary (vcs.revision; +dirty when the tree
// had changes), so that any build can be traced to its source.
func versionLine() string {
	info, _ := debug.ReadBuildInfo()
	return describeVersion(version, info)
}

func describeVersion(v string, info *debug.BuildInfo) string {
	if v == "" {
		v = "devel"
	}
	line := "tunnelwiz " + v
	if info == nil {
		return line
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	var parts []string
	if rev != "" {
		if dirty {
			rev += "+dirty"
		}
		parts = append(parts, "revision "+rev)
	}
	if info.GoVersion != "" {
		parts = append(parts, info.GoVersion)
	}
	if len(parts) > 0 {
		line += " (" + strings.Join(parts, ", ") + ")"
	}
	return line
}
