package cli

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/creack/pty"

	"tunnelwiz/cloud"
	"tunnelwiz/ui/front"
)

// On a terminal the wait line redraws itself with the program's own
// carriage return and erase, which must pass the escaping writer, while
// the endpoint's id and state are shown escaped.
func TestWaitLineKeepsItsOwnEscapesOnly(t *testing.T) {
	ptm, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	defer ptm.Close()
	w := scrubWriter{w: front.Terminal(tty), secrets: []string{"nothing"}}
	show := waitPrinter(w, "vpnx-\x1b]0;id\x07")
	show(&cloud.Connection{State: "PENDING\x1b[2J", Phase: cloud.PhasePending})
	show(&cloud.Connection{State: "AVAILABLE", Phase: cloud.PhaseAvailable})
	tty.Close()
	var b bytes.Buffer
	io.Copy(&b, ptm) // ends with EIO once the other side is closed
	got := b.String()
	if strings.Count(got, "\r\x1b[K") != 2 {
		t.Errorf("the line's own redraw is lost: %q", got)
	}
	if strings.Contains(got, "\x1b]") || strings.Contains(got, "\x1b[2J") || !strings.Contains(got, `vpnx-\x1b]0;id\x07`) || !strings.Contains(got, `PENDING\x1b[2J`) {
		t.Errorf("the endpoint's words reach the terminal raw: %q", got)
	}
}

// Off a terminal, one line per state, escaped.
func TestWaitLinesEscapedOffTerminal(t *testing.T) {
	var b bytes.Buffer
	show := waitPrinter(front.Terminal(&b), "vpnx-\n1")
	show(&cloud.Connection{State: "UP\rDOWN", Phase: cloud.PhasePending})
	if got, want := b.String(), "vpnx-\\n1: UP\\rDOWN (pending)\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
