package command

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// CompleteFlags gives each flag in the tree that takes a value its
// completer, found by the flag's name in values (so a --vendor added to
// any command completes the vendors), and a flag with no entry nothing,
// rather than the shell's file names.
func CompleteFlags(root *cobra.Command, values map[string]Completer) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if !takesValue(f) {
				return
			}
			complete, ok := values[f.Name]
			if !ok {
				complete = cobra.NoFileCompletions
			}
			c.RegisterFlagCompletionFunc(f.Name, complete)
		})
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
}

// Words completes with a fixed list, made when completion is asked for
// (not when the program starts).
func Words(list func() []string) Completer {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return list(), cobra.ShellCompDirectiveNoFileComp
	}
}

// Files completes file names ending in one of exts (and directories, to
// walk into); no exts: any file.
func Files(exts ...string) Completer {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(exts) == 0 {
			return nil, cobra.ShellCompDirectiveDefault
		}
		return exts, cobra.ShellCompDirectiveFilterFileExt
	}
}

// At completes the positional argument at index i (from 0) with next,
// and no other: validate FILE is At(0, spec files), show ID FILE At(1, …).
func At(i int, next Completer) Completer {
	return func(c *cobra.Command, args []string, typed string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) != i {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return next(c, args, typed)
	}
}
