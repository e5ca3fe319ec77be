package command

import (
	"slices"
	"testing"

	"github.com/spf13/cobra"
)

// Long flags written with one dash, as Go's flag package took them, are
// rewritten; shorthands, -, flag values and everything after -- are not.
func TestLongDashes(t *testing.T) {
	root := &cobra.Command{Use: "tw"}
	sub := &cobra.Command{Use: "export", Run: func(*cobra.Command, []string) {}}
	sub.Flags().Bool("json", false, "")
	sub.Flags().String("format", "", "")
	sub.Flags().StringP("output", "o", "", "")
	root.AddCommand(sub)
	for _, c := range []struct{ in, want []string }{
		{[]string{"export", "-json", "f.yaml"}, []string{"export", "--json", "f.yaml"}},
		{[]string{"export", "-format=curl", "-"}, []string{"export", "--format=curl", "-"}},
		{[]string{"export", "-format", "-json"}, []string{"export", "--format", "-json"}},
		{[]string{"export", "-o", "-json", "-json"}, []string{"export", "-o", "-json", "--json"}},
		{[]string{"export", "--", "-json"}, []string{"export", "--", "-json"}},
		// -jsn is no cluster of shorthands: the long flag mistyped, --jsn.
		{[]string{"export", "-jsn", "-ofile"}, []string{"export", "--jsn", "-ofile"}},
		{[]string{"export", "-ho", "x"}, []string{"export", "-ho", "x"}},
		{[]string{"export", "-oj", "-hx=1"}, []string{"export", "-oj", "--hx=1"}},
	} {
		if got := longDashes(root, c.in); !slices.Equal(got, c.want) {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
}
