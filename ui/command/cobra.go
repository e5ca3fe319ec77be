package command

import (
	"github.com/spf13/cobra"

	"tunnelwiz/ui/front"
)

// Completer completes a positional argument or a flag's value.
type Completer = cobra.CompletionFunc

// Cobra builds the cobra command for c. The command's own output goes to
// o; cobra's (--help, completion scripts) to o.Out's underlying writer,
// since it is tunnelwiz's own text and a completion script must reach
// the shell byte for byte. Errors are returned, never printed: the
// caller reports them and maps them to the exit status.
func (c *Command) Cobra(o front.IO) *cobra.Command {
	cc := &cobra.Command{
		Use:               c.Use,
		Short:             c.Short,
		Long:              c.Long,
		Example:           c.Example,
		GroupID:           c.Group,
		ValidArgsFunction: c.Args,
		SilenceErrors:     true,
		SilenceUsage:      true,
		// The commands check their own positional arguments, each with
		// its usage line.
		Args: cobra.ArbitraryArgs,
	}
	if cc.ValidArgsFunction == nil {
		cc.ValidArgsFunction = cobra.NoFileCompletions
	}
	run := c.Flags(cc.Flags())
	cc.RunE = func(_ *cobra.Command, args []string) error { return run(args, o) }
	cc.SetFlagErrorFunc(flagError)
	cc.SetOut(front.Underlying(o.Out))
	cc.SetErr(front.Underlying(o.Err))
	return cc
}
