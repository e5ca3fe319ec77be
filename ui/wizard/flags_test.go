package wizard

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"tunnelwiz/ui/front"
)

// The wizard's own flag rules, said before any screen: standard input is
// its keyboard, and --region changes a spec, so it needs --from.
func TestWizardFlagRules(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--from", "-"}, "give the spec as a file"},
		{[]string{"--region", "ap-shanghai"}, "give --from FILE"},
		{[]string{"extra"}, "usage: tunnelwiz"},
	} {
		var out bytes.Buffer
		err := Main(c.args, front.IO{In: strings.NewReader(""), Out: &out, Err: &out})
		var usage *front.UsageError
		if !errors.As(err, &usage) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v, want a usage error saying %q", c.args, err, c.want)
		}
	}
}
