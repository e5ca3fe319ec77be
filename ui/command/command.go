// Package command describes each of tunnelwiz's commands once (its name,
// arguments, help text and flags) and runs it through cobra, so that
// parsing, --help, shell completion and the man page all read the same
// definition: a flag added in a command's Flags function is parsed,
// listed, completed and documented without more work.
package command

import (
	"github.com/spf13/pflag"

	"tunnelwiz/ui/front"
)

// Run runs a command with its flags parsed: args are the positional
// arguments.
type Run func(args []string, o front.IO) error

// Command is one command, described once.
type Command struct {
	// Use is the name, then the positional arguments: "validate FILE".
	Use string
	// Short is the line shown in the list of commands; Long the text of
	// its --help and man page section; Example command lines.
	Short, Long, Example string
	// Group is the heading it is listed under in tunnelwiz --help.
	Group string
	// Flags defines the command's flags on fs and returns what runs it
	// with their values: the one definition every reader of flags uses.
	Flags func(fs *pflag.FlagSet) Run
	// Args completes the positional arguments; nil offers nothing.
	Args Completer
}

// Main parses args with the command's flags and runs it, through the same
// cobra command the program uses (--help included): for callers that run
// one command, such as tests.
func (c *Command) Main(args []string, o front.IO) error {
	return Execute(c.Cobra(o), args)
}
