package command

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"tunnelwiz/ui/front"
)

// Group is a heading of tunnelwiz --help's list of commands.
type Group = cobra.Group

// Tree makes root the program: it runs when no command is named, subs
// are its commands, listed under groups in the order given. A word that
// names no command is a usage error naming the nearest one; `help
// [COMMAND]` prints a command's help, and --version prints version.
func Tree(root *cobra.Command, version string, groups []*Group, subs ...*cobra.Command) *cobra.Command {
	if cobra.EnableCommandSorting {
		cobra.EnableCommandSorting = false // the order given: the order of work
	}
	root.Args = unknownCommand
	root.Version = version
	root.SetVersionTemplate("{{.Version}}\n")
	root.AddGroup(groups...)
	root.AddCommand(subs...)
	root.SetHelpCommand(helpCommand())
	root.SetHelpCommandGroupID(groups[len(groups)-1].ID)
	root.SetCompletionCommandGroupID(groups[len(groups)-1].ID)
	// Made now rather than at Execute, to be listed in tunnelwiz's words.
	root.InitDefaultCompletionCmd()
	if c, _, err := root.Find([]string{"completion"}); err == nil && c != root {
		c.Short = "print the shell completion script: bash, zsh, fish or powershell"
		c.Long = `Prints the script that completes tunnelwiz's commands, flags, vendors, devices, export
formats, presets, regions and spec files in a shell: bash (needs the bash-completion package), zsh
(compinit enabled) or fish; powershell too. Load it now, or install it for every new shell:

  source <(tunnelwiz completion bash)
  tunnelwiz completion bash > /etc/bash_completion.d/tunnelwiz
  tunnelwiz completion zsh > "${fpath[1]}/_tunnelwiz"
  tunnelwiz completion fish > ~/.config/fish/completions/tunnelwiz.fish`
		// cobra's would print its help, exit 0, for a shell it lacks.
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return c.Help()
			}
			return &front.UsageError{Msg: fmt.Sprintf("completion: unknown shell %q%s; see %s --help", args[0], suggestCommand(c, args[0]), c.CommandPath())}
		}
	}
	return root
}

// helpCommand is `help [COMMAND]`: cobra's own prints the root's help for
// a topic it does not know; this one says so (exit 2), with the nearest.
func helpCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "the help of tunnelwiz or of one command (as COMMAND --help)",
		Args:  cobra.ArbitraryArgs,
		ValidArgsFunction: func(c *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []cobra.Completion
			for _, s := range c.Root().Commands() {
				if s.IsAvailableCommand() {
					names = append(names, cobra.CompletionWithDesc(s.Name(), s.Short))
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			root := c.Root()
			target, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 {
				return &front.UsageError{Msg: "help: no command " + strconv.Quote(strings.Join(args, " ")) + suggestCommand(root, args[0]) + "; see " + root.Name() + " --help"}
			}
			// As COMMAND --help shows them, the flags cobra adds included.
			target.InitDefaultHelpFlag()
			target.InitDefaultVersionFlag()
			return target.Help()
		},
	}
}
