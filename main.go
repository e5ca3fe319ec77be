// Command tunnelwiz creates one IPsec VPN connection on Tencent Cloud (API
// 3.0 and legacy 2.0), Alibaba Cloud, Alibaba Apsara Stack or Huawei Cloud,
// checking every field against the vendor's own rules and showing the exact
// request before it is sent.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"tunnelwiz/cloud"
	_ "tunnelwiz/cloud/all"
	"tunnelwiz/ui/cli"
	"tunnelwiz/ui/command"
	"tunnelwiz/ui/front"
)

// Exit statuses, mapped in one place (exitCode) from the errors commands return.
const (
	exitOK      = 0
	exitInvalid = 1   // the spec has errors, or a preset cannot be fully expressed
	exitUsage   = 2   // bad command line, unreadable or non-spec file, unknown vendor, no terminal to confirm and no --yes
	exitFailed  = 3   // the cloud refused, or anything else went wrong
	exitAborted = 130 // the user answered no, closed the wizard or pressed Ctrl-C
)

// about is the top of tunnelwiz --help (and the man page's description):
// what it is, and how to try it with no cloud account.
func about() string {
	return `tunnelwiz creates one IPsec VPN connection on Tencent Cloud (API 3.0 and legacy 2.0), Alibaba
Cloud, Alibaba Apsara Stack or Huawei Cloud, checking every field against the vendor's own rules and
showing the exact request before it is sent. With no command it runs the wizard (a terminal is
needed); the commands below do the same from spec files, for scripts.

With no cloud account, try everything in the sandbox:
  tunnelwiz apply --sandbox --wait examples/tencent.yaml
  tunnelwiz sandbox &     then --endpoint http://127.0.0.1:8642 for apply, peer, list,
                          show, status and delete (it keeps what they made)

Vendors: ` + strings.Join(cloud.Vendors(), ", ") + `. Spec files are YAML or JSON, up to
256 KiB; FILE - reads standard input. See README.md and examples/.`
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	// The one boundary between the commands and the terminal: whatever
	// they print, a control character from a spec, a file name or an
	// endpoint's answer is shown escaped. The wizard draws its own screen
	// and strips them itself, so it gets the streams as they are.
	raw := cli.IO{In: os.Stdin, Out: stdout, Err: stderr}
	o := cli.IO{In: os.Stdin, Out: front.Terminal(stdout), Err: front.Terminal(stderr)}
	completing := len(args) > 0 && strings.HasPrefix(args[0], cobra.ShellCompRequestCmd) // __complete, __completeNoDesc
	return report(command.Execute(tree(raw, o, completing), args), o.Err)
}

// report prints an error in one line (unless the command printed its
// issues already) and maps it to the exit status. The text is escaped: it
// may quote a file name or an endpoint's multi-line answer.
func report(err error, stderr io.Writer) int {
	code := exitCode(err)
	if err != nil && code != exitInvalid {
		fmt.Fprintf(stderr, "tunnelwiz: %s\n", front.Escape(err.Error()))
	}
	return code
}

func exitCode(err error) int {
	var (
		invalid *cloud.InvalidError
		format  *cloud.FormatError
		usage   *cli.UsageError
		partial *cli.PartialError
		nocred  *cli.NoCredentialsError
		aborted *cli.AbortedError
	)
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &invalid), errors.As(err, &partial):
		return exitInvalid
	case errors.As(err, &format), errors.As(err, &usage), errors.As(err, &nocred):
		return exitUsage
	case errors.As(err, &aborted):
		return exitAborted
	}
	return exitFailed
}
