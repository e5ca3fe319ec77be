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
	// -h and -v exist only once cobra adds them, at execution: add them
	// now (it does so once) so that -hv reads as the cluster it is.
	cmd.InitDefaultHelpFlag()
	cmd.InitDefaultVersionFlag()
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
		switch {
		case a[1] != '-' && len(name) > 1 && f != nil:
			out[len(out)-1] = "-" + a
		case a[1] != '-' && len(name) == 1:
			f = flags.ShorthandLookup(name)
		case a[1] != '-' && len(name) > 1 && !shorthands(flags, name):
			// -jsn is no cluster of shorthands (no -j): it is a long flag
			// mistyped with one dash, and is refused as --jsn, with the
			// nearest long flag, rather than as pflag's "-j in -jsn".
			out[len(out)-1] = "-" + a
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

// shorthands reports whether word (after its one dash) is a cluster of
// the flags' shorthands as pflag reads one: -yo is -y -o, and a shorthand
// taking a value takes the rest of the word (-ofile).
func shorthands(flags *pflag.FlagSet, word string) bool {
	for i := 0; i < len(word); i++ {
		f := flags.ShorthandLookup(word[i : i+1])
		if f == nil {
			return false
		}
		if takesValue(f) {
			return true
		}
	}
	return true
}
