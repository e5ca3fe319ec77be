package command

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Execute runs the command line args on root (or the one command root
// is) and returns what the command returned: nothing is printed but the
// command's own output and what --help, --version and completion print.
func Execute(root *cobra.Command, args []string) error {
	if args == nil {
		args = []string{} // nil would make cobra read os.Args
	}
	root.SetArgs(longDashes(root, args))
	_, err := root.ExecuteC()
	return err
}

// longDashes rewrites a long flag written with one dash (-json, -yes=1),
// which Go's flag package, used by tunnelwiz before, accepted, into its
// two-dash form, so that command lines and scripts written for it keep
// working. Only a word naming one of the command's long flags is
// rewritten: -o and the like stay shorthands, - stays standard input, a
// flag's value and everything after -- are left as they are.
func longDashes(root *cobra.Command, args []string) []string {
	cmd, _, err := root.Find(args)
	if err != nil {
		cmd = root
	}
	flags := cmd.Flags()
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		out = append(out, a)
		if a == "--" {
			return append(out, args[i+1:]...)
		}
		if len(a) < 2 || a[0] != '-' {
			continue
		}
		name, hasValue := strings.TrimLeft(a, "-"), false
		if n, _, ok := strings.Cut(name, "="); ok {
			name, hasValue = n, true
		}
		f := flags.Lookup(name)
		if a[1] != '-' && len(name) > 1 && f != nil {
			out[len(out)-1] = "-" + a
		} else if a[1] != '-' && len(name) == 1 {
			f = flags.ShorthandLookup(name)
		}
		if f != nil && takesValue(f) && !hasValue && i+1 < len(args) {
			i++
			out = append(out, args[i]) // the flag's value, whatever it looks like
		}
	}
	return out
}

// takesValue reports whether a flag reads the next word as its value.
func takesValue(f *pflag.Flag) bool { return f.NoOptDefVal == "" }
