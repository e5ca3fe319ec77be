package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"tunnelwiz/cloud"
	"tunnelwiz/ui/command"
	"tunnelwiz/ui/front"
)

// applied is what `apply --json` prints.
type applied struct {
	Vendor    string `json:"vendor"`
	Sandbox   bool   `json:"sandbox"`
	ID        string `json:"id"`
	TaskID    string `json:"task_id,omitempty"`
	RequestID string `json:"request_id,omitempty"`
	State     string `json:"state,omitempty"`
	Phase     string `json:"phase,omitempty"`
	// Tunnel and TunnelState (with --wait) say whether the tunnel is
	// negotiated, in vendor-neutral terms and the vendor's own.
	Tunnel      string `json:"tunnel,omitempty"`
	TunnelState string `json:"tunnel_state,omitempty"`
	Attempts    int    `json:"attempts"`
	Recovered   bool   `json:"recovered,omitempty"`
	// Identity is who signed (never a secret, a token or more than the
	// key id's last four).
	Identity cloud.Identity `json:"identity"`
}

var applyCommand = &command.Command{
	Use:   "apply FILE",
	Short: "validate, show the plan, confirm, create the connection",
	Long: `Validates the spec, prints the masked plan and the destination on stderr, asks for confirmation
(or takes --yes; with no terminal it refuses without it (exit status 2), and answering no stops it
(exit status 130)), sends the request through the vendor's SDK and prints the new connection's id on
stdout. A request whose answer is lost is never simply resent. FILE - reads standard input.`,
	Example: `  tunnelwiz apply --sandbox --wait examples/tencent.yaml
  tunnelwiz apply --endpoint http://127.0.0.1:8642 -y --wait examples/huawei.yaml`,
	Group: groupCloud,
	Args:  command.At(0, specFiles),
	Flags: func(fs *pflag.FlagSet) command.Run {
		asJSON := fs.Bool("json", false, "print the result as JSON")
		yes := fs.BoolP("yes", "y", false, "do not ask for confirmation")
		wait := fs.Bool("wait", false, "follow the connection until it is available or failed")
		dest := front.NewDestFlags(fs, "send to this base `URL` (e.g. a running tunnelwiz sandbox)",
			"send to a built-in sandbox: nothing is created in any cloud")
		settle := fs.Duration("settle", 3*time.Second, "with --sandbox: how long a new connection stays pending")
		timeout := fs.Duration("timeout", 15*time.Minute, "give up waiting after this long")
		specs := front.NewSpecFlags(fs)
		return func(pos []string, o IO) error {
			file, spec, d, err := loadOne(specs, "apply", pos, o)
			if err != nil {
				return err
			}
			c := d.Catalog()
			// Everything apply prints, errors included, is scrubbed of the key: an
			// SDK's transport error quotes the whole request URL (Alibaba puts
			// IkeConfig with the key in the query).
			secrets := c.SecretValues(spec.Params)
			o = IO{Out: scrubWriter{o.Out, secrets}, Err: scrubWriter{o.Err, secrets}}
			ask := dest.Ask()
			ask.Settle = *settle
			err = applySpec(file, spec, d, c, o, *asJSON, *yes, *wait, ask, *timeout, specs.Region())
			if err != nil {
				return scrubbedError{err, secrets}
			}
			return nil
		}
	},
}

// Apply runs `tunnelwiz apply FILE [--endpoint URL] [--sandbox] [--wait]
// [--json] [--yes]`: validate, show the plan, confirm, submit, report.
func Apply(args []string, o IO) error { return applyCommand.Main(args, o) }

// scrubbedError keeps the error's kind (for the exit status) and masks the
// key in its text.
type scrubbedError struct {
	err     error
	secrets []string
}

func (e scrubbedError) Error() string { return cloud.Scrub(e.err.Error(), e.secrets) }
func (e scrubbedError) Unwrap() error { return e.err }

func applySpec(file string, spec *cloud.Spec, d cloud.Driver, c *cloud.Catalog, o IO, asJSON, yes, wait bool,
	ask Ask, timeout time.Duration, region string) error {
	params, issues := c.Check(spec)
	if issues.Errors() > 0 {
		// Nothing was made: the issues are errors (stderr); stdout is
		// kept for the new connection's id.
		writeIssues(o.Err, issues)
		fmt.Fprintf(o.Err, "%s: not applied (%s)\n", file, countText(issues))
		return &cloud.InvalidError{Issues: issues}
	}
	where, err := Resolve(d, spec.Target, ask)
	var nocred *NoCredentialsError
	if errors.As(err, &nocred) && isTerminal(os.Stdin) {
		// A person at a terminal with no account: offer the sandbox
		// rather than stop.
		fmt.Fprintf(o.Err, "%v.\n", err)
		if confirm(o.Err, "Try it in the built-in sandbox instead (nothing is created in any cloud)?") == nil {
			where, err = Resolve(d, spec.Target, Ask{Sandbox: true, Settle: ask.Settle})
		}
	}
	if err != nil {
		return err
	}
	defer where.Close()

	// The plan goes to the person (stderr), masked; stdout keeps the result.
	if err := showPlan(o.Err, spec, c, issues); err != nil {
		return err
	}
	fmt.Fprintf(o.Err, "Destination: %s\n", where.Said)
	if !yes {
		place := c.Title + " in " + spec.Region()
		if where.Sandbox {
			place = "the SANDBOX (" + place + ")"
		}
		if err := confirm(o.Err, fmt.Sprintf("Create this connection on %s?", place)); err != nil {
			return err
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	sub := &cloud.Submission{Driver: d, At: where.Base, Params: params, Progress: progressPrinter(o.Err)}
	res, err := sub.Run(ctx)
	if errors.Is(ctx.Err(), context.Canceled) {
		return &AbortedError{Why: "interrupted; the connection may or may not have been created, look it up before applying again"}
	}
	if err != nil {
		return explain(err)
	}
	out := applied{Vendor: c.API, Sandbox: where.Sandbox, ID: res.ID, TaskID: res.TaskID, RequestID: res.RequestID,
		State: res.State, Attempts: res.Attempts, Recovered: res.Recovered, Identity: where.Identity}
	if res.Recovered {
		fmt.Fprintf(o.Err, "The answer was lost, but the connection had been created: found %s.\n", front.Escape(res.ID))
	}
	if wait && res.ID != "" {
		conn, err := cloud.Wait(ctx, d, where.Base, res.ID, pollEvery(where.Sandbox), waitPrinter(o.Err, res.ID))
		if err != nil {
			// The connection exists: its id is the result, whatever
			// stopped the waiting.
			printApplied(o.Out, out, asJSON)
			if errors.Is(ctx.Err(), context.Canceled) {
				return &AbortedError{Why: "stopped waiting; connection " + res.ID + " was created"}
			}
			return fmt.Errorf("connection %s was created, but following it failed: %w", res.ID, explain(err))
		}
		out.State, out.Phase = conn.State, string(conn.Phase)
		out.Tunnel, out.TunnelState = string(conn.Status().Tunnel), conn.TunnelState
		if conn.Phase == cloud.PhaseFailed {
			printApplied(o.Out, out, asJSON)
			return &FailedError{ID: conn.ID, State: conn.State}
		}
		tellTunnel(o.Err, conn, followCommand(file, spec, ask, res.ID, region))
	}
	printApplied(o.Out, out, asJSON)
	return nil
}

// tellTunnel says, once the connection is ready, whether its tunnel is
// up: a connection the vendor calls ready (Huawei's DOWN, Tencent's
// AVAILABLE with NetStatus UNAVAILABLE) carries no traffic until the
// customer gateway has negotiated with it, and must not read as done.
func tellTunnel(w io.Writer, c *cloud.Connection, follow string) {
	id := front.Escape(c.ID)
	if c.Tunnel == cloud.TunnelUp {
		fmt.Fprintf(w, "%s created; tunnel up: %s.\n", id, tunnelWords(c))
		return
	}
	fmt.Fprintf(w, "%s created; tunnel not yet up: %s. It comes up once your customer gateway negotiates with it", id, tunnelWords(c))
	if follow == "" {
		fmt.Fprintln(w, ".")
		return
	}
	fmt.Fprintf(w, "; follow it with:\n  %s\n", follow)
}

// followCommand is the status --watch command line for a new connection,
// or "" where there is nothing to follow (a sandbox in this process is
// gone once apply ends). region is the --region apply was given, if any.
func followCommand(file string, spec *cloud.Spec, ask Ask, id, region string) string {
	if ask.Sandbox {
		return ""
	}
	where := file
	if region != "" {
		where += " --region " + front.Escape(region)
	}
	if file == "standard input" {
		where = "--vendor " + spec.Vendor
		for _, k := range []string{"region", "project_id"} {
			if v := spec.Target[k]; v != "" {
				where += " " + flagOf[k] + " " + front.Escape(v)
			}
		}
	}
	cmd := "tunnelwiz status " + front.Escape(id) + " " + where
	if ask.Endpoint != "" {
		cmd += " --endpoint " + front.Redacted(ask.Endpoint)
		if ask.InsecureEndpoint {
			cmd += " --insecure-endpoint"
		}
	}
	return cmd + " --watch"
}

func printApplied(w io.Writer, a applied, asJSON bool) {
	if asJSON {
		writeJSON(w, a)
		return
	}
	fmt.Fprintln(w, front.Escape(a.ID)) // the endpoint's words
}

// showPlan prints the masked request preview and any warnings.
func showPlan(w io.Writer, spec *cloud.Spec, c *cloud.Catalog, issues cloud.Issues) error {
	req, _, err := cloud.Plan(spec, false)
	if err != nil {
		return err
	}
	var b strings.Builder
	writePlan(&b, c.Title, req, true)
	writeIssues(&b, issues)
	io.WriteString(w, cloud.Scrub(b.String(), c.SecretValues(spec.Params)))
	return nil
}

// confirm asks on the terminal; with no terminal it refuses, since an
// unattended create must be asked for with --yes.
func confirm(w io.Writer, question string) error {
	return confirmTo(w, "creating", "nothing was sent", question)
}

// confirmTo asks before doing something (creating, deleting); unanswered
// is no, and with no terminal it refuses: --yes asks for it unattended.
func confirmTo(w io.Writer, doing, nothing, question string) error {
	if !isTerminal(os.Stdin) {
		return &UsageError{Msg: "not " + doing + " anything without confirmation: stdin is not a terminal, so pass --yes"}
	}
	fmt.Fprintf(w, "%s [y/N] ", question)
	line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" {
		return &AbortedError{Why: "not confirmed; " + nothing}
	}
	return nil
}

// IsTerminal reports whether f is a terminal (not /dev/null, a pipe or a file).
func isTerminal(f *os.File) bool { return front.IsTerminal(f) }

func pollEvery(sandbox bool) time.Duration { return front.PollEvery(sandbox) }

func progressPrinter(w io.Writer) func(cloud.Event) {
	return func(e cloud.Event) {
		switch e.Kind {
		case cloud.EventSending:
			if e.Attempt > 1 {
				fmt.Fprintf(w, "Sending again (try %d)...\n", e.Attempt)
			} else {
				fmt.Fprintln(w, "Sending...")
			}
		case cloud.EventThrottled:
			if e.Wait == 0 {
				fmt.Fprintf(w, "The vendor asked to slow down (%s).\n", front.Escape(fmt.Sprint(e.Err)))
			} else {
				fmt.Fprintf(w, "The vendor asked to slow down (%s); retrying in %s.\n", front.Escape(fmt.Sprint(e.Err)), e.Wait.Round(100*time.Millisecond))
			}
		case cloud.EventLost:
			fmt.Fprintf(w, "No answer (%s); checking whether the connection was created before trying again.\n", front.Escape(fmt.Sprint(e.Err)))
		}
	}
}

// waitPrinter shows the connection's state: one updating line on a
// terminal, a line per change otherwise. The id and the state are the
// endpoint's words, shown escaped; the line's own carriage return and
// erase go beneath the escaping writer.
func waitPrinter(w io.Writer, id string) func(*cloud.Connection) {
	start := time.Now()
	last := ""
	tty := false
	raw := front.Underlying(w)
	if f, ok := raw.(*os.File); ok {
		tty = isTerminal(f)
	}
	id = front.Escape(id)
	spin := `|/-\`
	n := 0
	return func(c *cloud.Connection) {
		n++
		state := front.Escape(c.State)
		tunnel := ""
		if t := c.Status().Tunnel; t != cloud.TunnelUnknown {
			tunnel = ", tunnel " + string(t)
		}
		if tty {
			io.WriteString(raw, "\r\033[K")
			fmt.Fprintf(w, "Waiting for %s: %s (%s%s) %c %s", id, state, c.Phase, tunnel, spin[n%4], time.Since(start).Round(time.Second))
			if c.Phase == cloud.PhaseAvailable || c.Phase == cloud.PhaseFailed {
				fmt.Fprintln(w)
			}
			return
		}
		if c.State+tunnel != last {
			fmt.Fprintf(w, "%s: %s (%s%s)\n", id, state, c.Phase, tunnel)
			last = c.State + tunnel
		}
	}
}

// explain adds what to do next to a cloud error, keeping it wrapped.
func explain(err error) error {
	var ae *cloud.APIError
	if !errors.As(err, &ae) {
		return err
	}
	hint := map[cloud.Code]string{
		cloud.CodeInvalid:     "fix the field and validate again",
		cloud.CodeConflict:    "it clashes with an existing connection: change the name or the subnets",
		cloud.CodeQuota:       "a limit is reached: remove a connection or ask the vendor for more quota",
		cloud.CodeNotFound:    "check the gateway and VPC ids (the wizard lists them)",
		cloud.CodeThrottled:   "the vendor kept throttling: try again in a minute",
		cloud.CodeAuth:        "check the keys, their permissions and this machine's clock",
		cloud.CodeUnavailable: "the service failed: look the connection up before applying again",
	}[ae.Code]
	if hint == "" {
		return err
	}
	field := ""
	if ae.Field != "" {
		field = " (field " + ae.Field + ")"
	}
	return fmt.Errorf("%w%s: %s", err, field, hint)
}
