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
		msg += didYouMean(nearestFlags(cmd, typed))
	}
	// The program's name prefixes every error already (main's report):
	// only a command's name is said, not the root's again.
	if cmd.HasParent() {
		msg = cmd.Name() + ": " + msg
	}
	return &front.UsageError{Msg: fmt.Sprintf("%s; see %s --help", msg, cmd.CommandPath())}
}

// nearestFlags are the command's flags closest to a mistyped name,
// written as they are typed (--json).
func nearestFlags(cmd *cobra.Command, typed string) []string {
	if len(typed) == 1 {
		return nil // a single letter is too short to guess from
	}
	var names []string
	cmd.Flags().VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	near := cloud.Nearest(strings.TrimLeft(typed, "-"), names)
	for i := range near {
		near[i] = "--" + near[i]
	}
	return near
}

// didYouMean is " (did you mean A?)", " (did you mean A or B?)" when
// several are equally near, or "" for none.
func didYouMean(near []string) string {
	switch len(near) {
	case 0:
		return ""
	case 1:
		return " (did you mean " + near[0] + "?)"
	}
	return " (did you mean " + strings.Join(near[:len(near)-1], ", ") + " or " + near[len(near)-1] + "?)"
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
	return didYouMean(cloud.Nearest(typed, names))
}
