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

	"tunnelwiz/cloud"
	_ "tunnelwiz/cloud/all"
	"tunnelwiz/ui/cli"
	"tunnelwiz/ui/front"
	"tunnelwiz/ui/wizard"
)

// Exit statuses, mapped in one place (exitCode) from the errors commands return.
const (
	exitOK      = 0
	exitInvalid = 1   // the spec has errors, or a preset cannot be fully expressed
	exitUsage   = 2   // bad command line, unreadable or non-spec file, unknown vendor
	exitFailed  = 3   // the cloud refused, or anything else went wrong
	exitAborted = 130 // the user said no or pressed Ctrl-C
)

const usage = `tunnelwiz: create an IPsec VPN connection, checked against each vendor's rules.

Usage:
  tunnelwiz [--from FILE] [--accessible]            the wizard (a terminal is needed)
  tunnelwiz validate FILE [--json]                 check a spec file
  tunnelwiz plan FILE [--json] [--show-secrets]    show the exact request it sends
  tunnelwiz rules [--vendor V] [--json]            list every vendor rule and its source
  tunnelwiz presets [NAME --vendor V]              list presets, or map one onto a vendor
  tunnelwiz apply FILE [--sandbox | --endpoint URL] [--yes] [--wait] [--json]
                                                   validate, show the plan, confirm, create it
  tunnelwiz list FILE|--vendor V --region R [--project-id P] [--endpoint URL | --sandbox] [--json]
                                                   list the region's connections, tunnel and state
  tunnelwiz show ID FILE|--vendor V --region R ... [--json]
                                                   everything a connection reports
  tunnelwiz status ID FILE|--vendor V --region R ... [--watch [--timeout D]] [--json]
                                                   its tunnel and state; --watch until they change
  tunnelwiz delete ID FILE|--vendor V --region R ... [--yes] [--timeout D] [--json]
                                                   show it, confirm, delete it, wait until it is gone
  tunnelwiz sandbox [--listen ADDR] [--fixtures FILE]
                                                   run the built-in sandbox: every vendor's API, no cloud
  tunnelwiz peer FILE --device NAME [--cloud-ip IP] [--peer-ip IP] [--show-secrets]
                 [--sandbox | --endpoint URL] [-o FILE]
                                                   the customer gateway's configuration for the spec
  tunnelwiz peer --devices                         the devices it writes, and how each was verified
  tunnelwiz export FILE --format terraform|tccli|aliyun|hcloud|curl [--show-secrets]
                   [--connection ID] [-o FILE]
                                                   the spec as Terraform, a vendor CLI line or curl

With no cloud account, try everything in the sandbox:
  tunnelwiz apply --sandbox --wait examples/tencent.yaml
  tunnelwiz sandbox &     then --endpoint http://127.0.0.1:8642 for apply, list,
                          show, status and delete (it keeps what they made)

Vendors: tencent, tencent-v2, alibaba, apsara, huawei. Spec files are YAML or
JSON, up to 256 KiB; FILE - reads standard input. See README.md and examples/.
`

var commands = map[string]func([]string, cli.IO) error{
	"validate": cli.Validate,
	"plan":     cli.Plan,
	"rules":    cli.Rules,
	"presets":  cli.Presets,
	"apply":    cli.Apply,
	"sandbox":  cli.Sandbox,
	"peer":     cli.Peer,
	"list":     cli.List,
	"show":     cli.Show,
	"status":   cli.Status,
	"delete":   cli.Delete,
	"export":   cli.Export,
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help") {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return report(wizard.Main(args, cli.IO{In: os.Stdin, Out: stdout, Err: stderr}), stderr)
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "tunnelwiz: unknown command %q\n\n%s", args[0], usage)
		return exitUsage
	}
	// The one boundary between the commands and the terminal: whatever
	// they print, a control character from a spec, a file name or an
	// endpoint's answer is shown escaped (the wizard draws its own screen
	// and strips them itself).
	o := cli.IO{In: os.Stdin, Out: front.Terminal(stdout), Err: front.Terminal(stderr)}
	return report(cmd(args[1:], o), o.Err)
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
