package command

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"tunnelwiz/cloud"
	"tunnelwiz/ui/front"
)

// flagError turns a flag the command line got wrong into a usage error
// (exit 2) in one line: what is wrong, the nearest flag when one is close,
// and where the flags are listed.
func flagError(cmd *cobra.Command, err error) error {
	msg := err.Error()
	var missing *pflag.NotExistError
	if errors.As(err, &missing) {
		// Go's flag package's words, which tunnelwiz printed before.
		typed := missing.GetSpecifiedName()
		msg = "flag provided but not defined: --" + typed
		if group := missing.GetSpecifiedShortnames(); group != "" {
			msg = "flag provided but not defined: -" + typed
			if group != typed {
				msg += " in -" + group
			}
			typed = group // -jsn: a long flag mistyped with one dash
		}
		if near := nearestFlag(cmd, typed); near != "" {
			msg += " (did you mean " + near + "?)"
		}
	}
	return &front.UsageError{Msg: fmt.Sprintf("%s: %s; see %s --help", cmd.Name(), msg, cmd.CommandPath())}
}

// nearestFlag is the command's flag closest to a mistyped name, written
// as it is typed (--json, -o).
func nearestFlag(cmd *cobra.Command, typed string) string {
	if len(typed) == 1 {
		return "" // a single letter is too short to guess from
	}
	var names []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	if n := cloud.Nearest(strings.TrimLeft(typed, "-"), names); n != "" {
		return "--" + n
	}
	return ""
}

// unknownCommand is the root's argument check: the root (the wizard) takes
// no positional argument, so one is a command name mistyped.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	return &front.UsageError{Msg: fmt.Sprintf("unknown command %q%s; see %s --help", args[0], suggestCommand(cmd, args[0]), cmd.CommandPath())}
}

// suggestCommand is " (did you mean NAME?)" for parent's command nearest
// to a mistyped name, or "".
func suggestCommand(parent *cobra.Command, typed string) string {
	var names []string
	for _, c := range parent.Commands() {
		if c.IsAvailableCommand() || c.Name() == "help" {
			names = append(names, c.Name())
		}
	}
	if n := cloud.Nearest(typed, names); n != "" {
		return " (did you mean " + n + "?)"
	}
	return ""
}
