package cli

import (
	"slices"

	"github.com/spf13/cobra"

	"tunnelwiz/cloud"
	"tunnelwiz/export"
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
		"vendor":   vendors,
		"device":   devices,
		"format":   formats,
		"from":     specFiles,
		"fixtures": command.Files("yaml", "yml", "json"),
		"output":   command.Files(),
		"region":   regions,
	}
}

// givenSpec is the spec file already on the command line being completed
// (an argument, or --from), nil when there is none that reads.
func givenSpec(c *cobra.Command, args []string) *cloud.Spec {
	if f := c.Flags().Lookup("from"); f != nil && f.Value.String() != "" {
		args = append([]string{f.Value.String()}, args...)
	}
	for _, a := range args {
		if spec, err := cloud.LoadSpec(a); err == nil {
			return spec
		}
	}
	return nil
}

// vendors completes --vendor: the spec file's vendor when one is given
// (the commands refuse another), else every vendor.
func vendors(c *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if spec := givenSpec(c, args); spec != nil {
		if _, ok := cloud.Lookup(spec.Vendor); ok {
			return []string{spec.Vendor}, cobra.ShellCompDirectiveNoFileComp
		}
	}
	return cloud.Vendors(), cobra.ShellCompDirectiveNoFileComp
}

// formats completes --format: the formats the spec file's vendor can be
// written as (its own CLI, Terraform where it has a provider, curl),
// else every format.
func formats(c *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	fs := export.Formats
	if spec := givenSpec(c, args); spec != nil {
		fs = export.For(spec.Vendor)
	}
	var names []string
	for _, f := range fs {
		names = append(names, f.Name)
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// devices completes --device: every device, but for a spec whose
// connection has tunnels side by side (Alibaba's dual tunnel) only the
// devices that can hold them (peer refuses the others).
func devices(c *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	spec := givenSpec(c, args)
	var names []string
	for _, d := range peer.Devices() {
		if d.Parts || spec == nil || peer.SideBySide(spec) < 2 {
			names = append(names, d.Name)
		}
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// regions completes --region with the regions the vendor documents: the
// --vendor given's, else the spec file's (an argument, or --from), else
// every vendor's.
func regions(c *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	vendors := cloud.Vendors()
	if f := c.Flags().Lookup("vendor"); f != nil && f.Value.String() != "" {
		vendors = []string{f.Value.String()}
	} else if spec := givenSpec(c, args); spec != nil {
		vendors = []string{spec.Vendor}
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
