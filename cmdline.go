package main

import (
	"github.com/spf13/cobra"

	"tunnelwiz/ui/cli"
	"tunnelwiz/ui/command"
	"tunnelwiz/ui/wizard"
)

// tree is the command line: the wizard when no command is named, the
// commands of ui/cli, and the program's own (version, man, completion,
// help). raw are the streams as they are (for the wizard, which draws its
// own screen), o the escaped ones every other command prints through.
// The flags' completers are attached only when a shell asks (completing),
// to keep that work off every other start.
func tree(raw, o cli.IO, completing bool) *cobra.Command {
	root := wizard.Command.Cobra(raw)
	root.Long = about()
	subs := []*cobra.Command{}
	for _, c := range cli.Commands() {
		subs = append(subs, c.Cobra(o))
	}
	subs = append(subs, versionCommand(), manCommand())
	command.Tree(root, versionLine(), cli.Groups(), subs...)
	if completing {
		command.CompleteFlags(root, cli.FlagValues())
	}
	return root
}

func versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "the version and the source revision it was built from (as --version)",
		GroupID: cli.ToolsGroup,
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			c.Println(versionLine())
			return nil
		},
	}
}

func manCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "print the man page (roff) on stdout",
		Long: `Prints tunnelwiz(1), made from the same definitions as --help. Install it with
  tunnelwiz man > ~/.local/share/man/man1/tunnelwiz.1`,
		GroupID: cli.ToolsGroup,
		Args:    cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return command.Man(c.OutOrStdout(), c.Root(), versionLine(), manSections...)
		},
	}
}

// manSections are the man page's sections beside the commands.
var manSections = []command.Section{
	{Title: "Exit status", Text: `  0    done (warnings do not change it)
  1    the spec has errors, or a preset cannot be fully expressed
  2    bad command line, a missing or non-YAML/JSON file, an unknown vendor, or no credentials
  3    the cloud refused, or anything else failed
  130  aborted: not confirmed, or Ctrl-C`},
	{Title: "See also", Text: "README.md and examples/ in tunnelwiz's source; tunnelwiz COMMAND --help."},
}
