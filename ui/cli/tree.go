package cli

import (
	"slices"

	"github.com/spf13/cobra"

	"tunnelwiz/cloud"
	"tunnelwiz/peer"
	"tunnelwiz/ui/command"
)

// The headings of tunnelwiz --help's list of commands.
const (
	groupSpec  = "spec"
	groupCloud = "cloud"
	groupTools = "tools"
)

// Groups are the headings, in the order they are listed.
func Groups() []*command.Group {
	return []*command.Group{
		{ID: groupSpec, Title: "Check a spec, and write it for other tools:"},
		{ID: groupCloud, Title: "Create a connection, and follow it after:"},
		{ID: groupTools, Title: "More:"},
	}
}

// Commands are tunnelwiz's commands, in the order --help lists them.
func Commands() []*command.Command {
	return []*command.Command{
		validateCommand, planCommand, rulesCommand, presetsCommand, exportCommand, peerCommand,
		applyCommand, listCommand, showCommand, statusCommand, deleteCommand,
		sandboxCommand,
	}
}

// ToolsGroup is the heading the program's own commands (version, man,
// completion, help) go under.
const ToolsGroup = groupTools

// specFiles completes spec file names.
var specFiles = command.Files("yaml", "yml", "json")

// FlagValues completes a flag's value by the flag's name, whichever
// command has it: a --vendor added anywhere completes the vendors.
func FlagValues() map[string]command.Completer {
	return map[string]command.Completer{
		"vendor":   command.Words(cloud.Vendors),
		"device":   command.Words(deviceList),
		"format":   command.Words(formatNames),
		"from":     specFiles,
		"fixtures": command.Files("yaml", "yml", "json"),
		"output":   command.Files(),
		"region":   regions,
	}
}

// regions completes --region with the regions the vendor documents: the
// --vendor given's, else the spec file's (an argument, or --from), else
// every vendor's.
func regions(c *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	vendors := cloud.Vendors()
	if f := c.Flags().Lookup("vendor"); f != nil && f.Value.String() != "" {
		vendors = []string{f.Value.String()}
	} else {
		if f := c.Flags().Lookup("from"); f != nil {
			args = append([]string{f.Value.String()}, args...)
		}
		for _, a := range args {
			if spec, err := cloud.LoadSpec(a); err == nil {
				vendors = []string{spec.Vendor}
				break
			}
		}
	}
	var names []string
	for _, v := range vendors {
		if d, ok := cloud.Lookup(v); ok {
			if f := d.Catalog().TargetField("region"); f != nil {
				names = append(names, f.Known...)
			}
		}
	}
	slices.Sort(names)
	return slices.Compact(names), cobra.ShellCompDirectiveNoFileComp
}

func deviceList() []string {
	var names []string
	for _, d := range peer.Devices() {
		names = append(names, d.Name)
	}
	return names
}
