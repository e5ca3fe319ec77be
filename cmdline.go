package main

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"tunnelwiz/cloud"

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
			return command.Man(c.OutOrStdout(), c.Root(), versionLine(), manSections()...)
		},
	}
}

// manSections are the man page's sections beside the commands. ENVIRONMENT
// and FILES come from each driver's CredentialSources, the names its
// credential search reads.
func manSections() []command.Section {
	env, files := credentialSections()
	return []command.Section{
		{Title: "Environment", Text: env},
		{Title: "Files", Text: files},
		{Title: "Exit status", Text: `  0    done (warnings do not change it)
  1    the spec has errors, or a preset cannot be fully expressed
  2    bad command line, a missing or non-YAML/JSON file, an unknown vendor, no credentials, or no terminal to confirm on and no --yes (apply, delete)
  3    the cloud refused, or anything else failed
  130  aborted: not confirmed (answered no), the wizard closed, or Ctrl-C`},
		{Title: "See also", Text: "README.md and examples/ in tunnelwiz's source; tunnelwiz COMMAND --help."},
	}
}

// credentialSections are the ENVIRONMENT and FILES texts: one paragraph
// per vendor (vendors that look in the same places share one), then the
// variables every command honours.
func credentialSections() (env, files string) {
	type group struct {
		vendors []string
		src     cloud.CredentialSources
	}
	var groups []*group
	var fileOrder []string
	fileVendors := map[string][]string{}
	for _, v := range cloud.Vendors() {
		d, _ := cloud.Lookup(v)
		cd, ok := d.(cloud.CredentialDescriber)
		if !ok {
			continue
		}
		src := cd.CredentialSources()
		for _, file := range src.Files {
			if fileVendors[file] == nil {
				fileOrder = append(fileOrder, file)
			}
			fileVendors[file] = append(fileVendors[file], v)
		}
		if i := slices.IndexFunc(groups, func(g *group) bool { return reflect.DeepEqual(g.src, src) }); i >= 0 {
			groups[i].vendors = append(groups[i].vendors, v)
			continue
		}
		groups = append(groups, &group{[]string{v}, src})
	}
	var e, f strings.Builder
	e.WriteString("Keys are looked for where each vendor's own SDK, CLI and Terraform provider look; --profile NAME wins over all of them, and keys in the environment beside a profile variable stop with exit 2 (which was meant is unclear). See README.md, \"Whose keys sign\".\n")
	for _, g := range groups {
		fmt.Fprintf(&e, "\n%s: keys %s; profiles %s; roles %s; not supported, each stops with exit 2: %s.\n", strings.Join(g.vendors, ", "),
			strings.Join(g.src.Keys, ", "), strings.Join(g.src.Profiles, ", "), strings.Join(g.src.Roles, ", "), strings.Join(g.src.Stops, ", "))
	}
	for _, file := range fileOrder {
		fmt.Fprintf(&f, "%s (%s)\n\n", file, strings.Join(fileVendors[file], ", "))
	}
	e.WriteString("\nNO_COLOR turns the wizard's colours off; TERM=dumb makes it ask plain prompts (as --accessible).")
	return e.String(), f.String()
}
