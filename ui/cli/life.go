package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/pflag"

	"tunnelwiz/cloud"
	"tunnelwiz/ui/command"
	"tunnelwiz/ui/front"
)

// The commands for a connection's life after its create: list, show,
// status (--watch) and delete. They find the destination as apply does
// (front.Resolve), from a spec file's target keys or from flags, and
// make every call through the core, paced by the vendor's rate limit.

// lifeFlags are the flags every lifecycle command takes: where to look.
type lifeFlags struct {
	name    string // the command's, for messages
	vendor  *string
	region  *string
	project *string
	dest    *front.DestFlags
	asJSON  *bool
	timeout *time.Duration
}

func newLifeFlags(fs *pflag.FlagSet, name string, timeout time.Duration) *lifeFlags {
	return &lifeFlags{
		name:    name,
		vendor:  fs.String("vendor", "", "the API, `VENDOR`: "+strings.Join(cloud.Vendors(), ", ")+" (or a spec file's)"),
		region:  fs.String("region", "", "the `REGION` (or a spec file's)"),
		project: fs.String("project-id", "", "Huawei's project `ID` (or a spec file's project_id)"),
		dest: front.NewDestFlags(fs, "send to this base `URL` (e.g. a running tunnelwiz sandbox)",
			"look in a built-in sandbox started for this command (it holds nothing yet)"),
		asJSON:  fs.Bool("json", false, "print the result as JSON"),
		timeout: fs.Duration("timeout", timeout, "give up after this long"),
	}
}

// destination is where a lifecycle command looks, resolved.
type destination struct {
	driver  cloud.Driver
	title   string // the vendor key and the region, for messages
	where   *Where
	secrets []string // a spec file's secrets, masked in every output
}

func (d *destination) close() {
	if d.where != nil {
		d.where.Close()
	}
}

// flagOf names the flag that sets a target key.
var flagOf = map[string]string{"region": "--region", "project_id": "--project-id", "endpoint": "--endpoint"}

// locate builds the target from the spec file (when file is not "") and
// the flags, checks it against the catalog's target rules, and resolves
// the destination. Flags win over the file's keys.
func (f *lifeFlags) locate(file string, in io.Reader) (*destination, error) {
	target := map[string]string{}
	vendor := *f.vendor
	var secrets []string
	if file != "" {
		spec, err := front.ReadSpec(file, in)
		if err != nil {
			return nil, err
		}
		if vendor != "" && vendor != spec.Vendor {
			return nil, &UsageError{Msg: fmt.Sprintf("--vendor %s, but %s is a %s spec", front.Escape(vendor), front.Escape(file), spec.Vendor)}
		}
		vendor = spec.Vendor
		for k, v := range spec.Target {
			target[k] = v
		}
		if d, ok := cloud.Lookup(vendor); ok {
			secrets = d.Catalog().SecretValues(spec.Params)
		}
	}
	if vendor == "" {
		return nil, &UsageError{Msg: fmt.Sprintf("%s: say where to look: a spec file, or --vendor (%s) and --region", f.name, strings.Join(cloud.Vendors(), ", "))}
	}
	d, err := cloud.DriverFor(vendor)
	if err != nil {
		return nil, err
	}
	for key, v := range map[string]string{"region": *f.region, "project_id": *f.project} {
		if v != "" {
			target[key] = v
		}
	}
	ask := f.dest.Ask()
	c := d.Catalog()
	_, issues := c.Check(&cloud.Spec{Vendor: vendor, Target: target, Params: cloud.Params{}})
	var bad []string
	for _, is := range issues {
		_, given := target[is.Field]
		if is.Severity != cloud.Error || c.TargetField(is.Field) == nil && !given {
			continue // the params' issues: no params are sent here
		}
		if is.Field == "endpoint" && (ask.Endpoint != "" || ask.Sandbox) && target["endpoint"] == "" {
			continue // the destination comes from the flag
		}
		msg := front.Escape(is.Field) + ": " + front.Escape(is.Message)
		if fl := flagOf[is.Field]; fl != "" && target[is.Field] == "" {
			msg += " (give " + fl + ")"
		}
		bad = append(bad, msg)
	}
	if len(bad) > 0 {
		return nil, &UsageError{Msg: fmt.Sprintf("%s: where to look on %s: %s", f.name, vendor, strings.Join(bad, "; "))}
	}
	where, err := Resolve(d, target, ask)
	if err != nil {
		return nil, err
	}
	return &destination{driver: d, title: vendor + " in " + front.Escape(target["region"]), where: where, secrets: secrets}, nil
}

// lifeArgs checks a lifecycle command's positional arguments: want is
// the number of leading ones (the id, or none for list), then an optional
// spec file.
func lifeArgs(pos []string, want int, usage string) (ids []string, file string, err error) {
	if len(pos) < want || len(pos) > want+1 {
		return nil, "", &UsageError{Msg: "usage: " + usage}
	}
	if len(pos) == want+1 {
		file = pos[want]
	}
	for _, id := range pos[:want] {
		if err := cloud.CheckID(id); err != nil {
			return nil, "", &UsageError{Msg: front.Escape(err.Error())}
		}
	}
	return pos[:want], file, nil
}

// lifeContext is the command's context: interrupted by Ctrl-C, bounded
// by --timeout.
func (f *lifeFlags) context() (context.Context, func()) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	ctx, cancel := context.WithTimeout(ctx, *f.timeout)
	return ctx, func() { cancel(); stop() }
}

// lifeRun is what every after-create command starts from: its ids, the
// destination, the streams masked of a spec file's key, and the context
// (interrupt and --timeout); stop releases them.
type lifeRun struct {
	pos  []string
	dest *destination
	o    IO
	ctx  context.Context
	stop func()
}

// start checks the positional arguments (ids ids, then an optional spec
// file), resolves the destination and makes the context.
func (f *lifeFlags) start(args []string, ids int, usage string, o IO) (*lifeRun, error) {
	pos, file, err := lifeArgs(args, ids, usage)
	if err != nil {
		return nil, err
	}
	dest, err := f.locate(file, o.In)
	if err != nil {
		return nil, err
	}
	ctx, done := f.context()
	return &lifeRun{pos: pos, dest: dest, o: masked(o, dest.secrets), ctx: ctx, stop: func() { done(); dest.close() }}, nil
}

// masked wraps the streams so that a spec file's key never shows.
func masked(o IO, secrets []string) IO {
	if len(secrets) == 0 {
		return o
	}
	return IO{In: o.In, Out: scrubWriter{o.Out, secrets}, Err: scrubWriter{o.Err, secrets}}
}

// The words of a state, shared with the wizard (ui/front).
var (
	tunnelWords = front.TunnelWords
	phaseWords  = front.PhaseWords
)

// statusLine is the one-line status: the tunnel first, since that is what
// a person following a connection waits for.
func statusLine(c *cloud.Connection) string {
	return fmt.Sprintf("%s  tunnel %s  connection %s", front.Escape(c.ID), tunnelWords(c), phaseWords(c))
}

// statusJSON is what `status --json` prints.
type statusJSON struct {
	Vendor      string       `json:"vendor"`
	Sandbox     bool         `json:"sandbox"`
	ID          string       `json:"id"`
	Phase       cloud.Phase  `json:"phase"`
	State       string       `json:"state"`
	Tunnel      cloud.Tunnel `json:"tunnel"`
	TunnelState string       `json:"tunnel_state"`
	// Identity is who signed the look-up.
	Identity cloud.Identity `json:"identity"`
}

func (d *destination) statusOf(c *cloud.Connection) statusJSON {
	s := c.Status()
	return statusJSON{Vendor: d.driver.Catalog().API, Sandbox: d.where.Sandbox, ID: c.ID,
		Phase: s.Phase, State: s.State, Tunnel: s.Tunnel, TunnelState: s.TunnelState, Identity: d.where.Identity}
}

// notFound adds where it was looked for to a not-found error.
func (d *destination) notFound(id string, err error) error {
	if cloud.CodeOf(err) == cloud.CodeNotFound {
		return fmt.Errorf("no connection %s on %s (%s): %w", front.Escape(id), d.title, d.where.Said, err)
	}
	return explain(err)
}

// interrupted maps a context that ended into the user's words: Ctrl-C is
// an abort (exit 130); the time running out stays an error.
func interrupted(ctx context.Context, what string) error {
	if errors.Is(ctx.Err(), context.Canceled) {
		return &AbortedError{Why: what}
	}
	return nil
}

var listCommand = &command.Command{
	Use:   "list [FILE]",
	Short: "list the region's connections, their tunnel and state",
	Long: `Lists the region's connections, one a line. Where to look comes from a spec file's region,
project_id and endpoint, or from the flags (flags win). Times (--json's created) are RFC 3339 in UTC,
to the second, whatever offset the vendor answers in.`,
	Example: `  tunnelwiz list examples/tencent.yaml --endpoint http://127.0.0.1:8642
  tunnelwiz list --vendor huawei --region cn-north-4 --project-id P --json`,
	Group: groupCloud,
	Args:  command.At(0, specFiles),
	Flags: func(fs *pflag.FlagSet) command.Run {
		f := newLifeFlags(fs, "list", 2*time.Minute)
		return func(pos []string, o IO) error { return listRun(f, pos, o) }
	},
}

// List runs `tunnelwiz list [FILE] [--vendor V --region R] [--json]`.
func List(args []string, o IO) error { return listCommand.Main(args, o) }

func listRun(f *lifeFlags, args []string, o IO) error {
	r, err := f.start(args, 0, "tunnelwiz list FILE | --vendor V --region R [--project-id P] [--endpoint URL | --sandbox] [--json]", o)
	if err != nil {
		return err
	}
	defer r.stop()
	o, dest, ctx := r.o, r.dest, r.ctx
	fmt.Fprintf(o.Err, "Destination: %s\n", dest.where.Said)
	conns, err := cloud.ListConnections(ctx, dest.driver, dest.where.Base, cloud.Filter{})
	if err != nil {
		if e := interrupted(ctx, "stopped listing"); e != nil {
			return e
		}
		return explain(err)
	}
	sort.SliceStable(conns, func(i, j int) bool { return conns[i].Created.Before(conns[j].Created) })
	if *f.asJSON {
		if conns == nil {
			conns = []cloud.Connection{}
		}
		return writeJSON(o.Out, conns)
	}
	if len(conns) == 0 {
		fmt.Fprintf(o.Err, "No connections on %s.\n", dest.title)
		return nil
	}
	tw := tabwriter.NewWriter(o.Out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tTUNNEL\tCONNECTION\tVPN GATEWAY\tCUSTOMER GATEWAY")
	for i := range conns {
		c := &conns[i]
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", front.Escape(c.ID), dash(c.Name), tunnelWords(c), phaseWords(c),
			dash(c.VPNGatewayID), dash(c.CustomerGatewayID))
	}
	tw.Flush()
	fmt.Fprintf(o.Err, "%d %s on %s.\n", len(conns), plural(len(conns), "connection"), dest.title)
	return nil
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return front.Escape(s)
}

var showCommand = &command.Command{
	Use:   "show ID [FILE]",
	Short: "everything a connection reports",
	Long: `Prints everything the vendor reports about one connection, one fact a line. Where to look
comes from a spec file or the flags, as for list. The created time is RFC 3339 in UTC, to the second
(text and --json alike), whatever offset the vendor answers in.`,
	Group: groupCloud,
	Args:  command.At(1, specFiles),
	Flags: func(fs *pflag.FlagSet) command.Run {
		f := newLifeFlags(fs, "show", 2*time.Minute)
		return func(pos []string, o IO) error { return showRun(f, pos, o) }
	},
}

// Show runs `tunnelwiz show ID [FILE] [--vendor V --region R] [--json]`.
func Show(args []string, o IO) error { return showCommand.Main(args, o) }

func showRun(f *lifeFlags, args []string, o IO) error {
	r, err := f.start(args, 1, "tunnelwiz show ID [FILE | --vendor V --region R] [--project-id P] [--endpoint URL | --sandbox] [--json]", o)
	if err != nil {
		return err
	}
	defer r.stop()
	o, dest, ctx := r.o, r.dest, r.ctx
	fmt.Fprintf(o.Err, "Destination: %s\n", dest.where.Said)
	c, err := cloud.ReadConnection(ctx, dest.driver, dest.where.Base, r.pos[0])
	if err != nil {
		if e := interrupted(ctx, "stopped reading"); e != nil {
			return e
		}
		return dest.notFound(r.pos[0], err)
	}
	if *f.asJSON {
		return writeJSON(o.Out, c)
	}
	writeConnection(o.Out, c, false)
	return nil
}

// writeConnection prints what a connection reports, one fact a line:
// everything, or (brief) what tells it apart. Every value is the
// endpoint's word, shown escaped.
func writeConnection(w io.Writer, c *cloud.Connection, brief bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(tw, "%s\t%s\n", k, v)
		}
	}
	row("id", front.Escape(c.ID))
	row("name", front.Escape(c.Name))
	row("tunnel", tunnelWords(c))
	row("connection", phaseWords(c))
	row("vpn gateway", front.Escape(c.VPNGatewayID))
	row("customer gateway", front.Escape(c.CustomerGatewayID))
	if !c.Created.IsZero() {
		row("created", c.Created.UTC().Format(time.RFC3339))
	}
	row("local subnets", front.Escape(strings.Join(c.LocalSubnets, ", ")))
	row("remote subnets", front.Escape(strings.Join(c.RemoteSubnets, ", ")))
	if brief {
		tw.Flush()
		return
	}
	// A setting that says again a fact shown above (the drivers report
	// the name and the gateways among the role fields too) is not shown
	// twice; one that differs from it is, since it tells something.
	shown := map[cloud.Role]string{
		cloud.RoleName: c.Name, cloud.RoleVPNGateway: c.VPNGatewayID, cloud.RoleCustomerGateway: c.CustomerGatewayID,
		cloud.RoleLocalSubnet: strings.Join(c.LocalSubnets, ","), cloud.RoleRemoteSubnet: strings.Join(c.RemoteSubnets, ","),
	}
	roles := make([]string, 0, len(c.Settings))
	for r, v := range c.Settings {
		if said, ok := shown[r]; !ok || !sameList(said, v) {
			roles = append(roles, string(r))
		}
	}
	sort.Strings(roles)
	for _, r := range roles {
		row(front.Escape(r), front.Escape(c.Settings[cloud.Role(r)]))
	}
	tw.Flush()
}

// sameList reports whether two comma-separated lists hold the same items
// in the same order, whatever the spaces ("a, b" and "a,b").
func sameList(a, b string) bool {
	return strings.ReplaceAll(a, " ", "") == strings.ReplaceAll(b, " ", "")
}

var statusCommand = &command.Command{
	Use:   "status ID [FILE]",
	Short: "a connection's tunnel and state; --watch until they change",
	Long: `Prints the tunnel and the connection, each as a vendor-neutral word (up, negotiating, down,
unknown; available, pending, failed) with the vendor's own in brackets. --watch redraws until what
status reports changes (exit 0), or until --timeout (exit 3).`,
	Group: groupCloud,
	Args:  command.At(1, specFiles),
	Flags: func(fs *pflag.FlagSet) command.Run {
		f := newLifeFlags(fs, "status", 15*time.Minute)
		watch := fs.Bool("watch", false, "redraw until the status changes, or --timeout")
		return func(pos []string, o IO) error { return statusRun(f, *watch, pos, o) }
	},
}

// Status runs `tunnelwiz status ID [FILE] [--watch] [--timeout D] [--json]`:
// the resource's state and the tunnel's, each as a vendor-neutral word
// and the vendor's own. --watch redraws it until it changes.
func Status(args []string, o IO) error { return statusCommand.Main(args, o) }

func statusRun(f *lifeFlags, watch bool, args []string, o IO) error {
	r, err := f.start(args, 1, "tunnelwiz status ID [FILE | --vendor V --region R] [--project-id P] [--endpoint URL | --sandbox] [--watch [--timeout D]] [--json]", o)
	if err != nil {
		return err
	}
	defer r.stop()
	o, dest, ctx, id := r.o, r.dest, r.ctx, r.pos[0]
	fmt.Fprintf(o.Err, "Destination: %s\n", dest.where.Said)
	result := func(c *cloud.Connection) {
		if *f.asJSON {
			writeJSON(o.Out, dest.statusOf(c))
			return
		}
		fmt.Fprintln(o.Out, statusLine(c))
	}
	if !watch {
		c, err := cloud.ReadConnection(ctx, dest.driver, dest.where.Base, id)
		if err != nil {
			if e := interrupted(ctx, "stopped reading"); e != nil {
				return e
			}
			return dest.notFound(id, err)
		}
		result(c)
		return nil
	}
	show := watchPrinter(o.Err)
	first, last, err := cloud.Watch(ctx, dest.driver, dest.where.Base, id, pollEvery(dest.where.Sandbox), show.reading)
	show.end()
	switch {
	case err == nil:
		fmt.Fprintf(o.Err, "Changed: %s.\n", changes(first, last))
		result(last)
		return nil
	case errors.Is(err, cloud.ErrGone):
		return fmt.Errorf("connection %s no longer exists on %s", front.Escape(id), dest.title)
	case last == nil:
		if e := interrupted(ctx, "stopped watching"); e != nil {
			return e
		}
		return dest.notFound(id, err)
	}
	result(last) // where it stands, whatever stopped the watch
	if e := interrupted(ctx, "stopped watching"); e != nil {
		return e
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("no change in %s: tunnel still %s, connection %s", *f.timeout, tunnelWords(last), phaseWords(last))
	}
	return fmt.Errorf("watching %s: %w", front.Escape(id), explain(err))
}

// changes says what differs between two readings.
func changes(a, b *cloud.Connection) string {
	var out []string
	if x, y := tunnelWords(a), tunnelWords(b); x != y {
		out = append(out, "tunnel "+x+" -> "+y)
	}
	if x, y := phaseWords(a), phaseWords(b); x != y {
		out = append(out, "connection "+x+" -> "+y)
	}
	return strings.Join(out, ", ")
}

// livePrinter shows readings as they come: one line redrawn in place on a
// terminal, a line per change otherwise.
type livePrinter struct {
	w, raw io.Writer
	tty    bool
	start  time.Time
	last   string
	drawn  bool
}

func watchPrinter(w io.Writer) *livePrinter {
	p := &livePrinter{w: w, raw: front.Underlying(w), start: time.Now()}
	if f, ok := p.raw.(*os.File); ok {
		p.tty = isTerminal(f)
	}
	return p
}

func (p *livePrinter) reading(c *cloud.Connection) {
	line := statusLine(c)
	if p.tty {
		io.WriteString(p.raw, "\r\033[K")
		fmt.Fprintf(p.w, "%s  · %s", line, time.Since(p.start).Round(time.Second))
		p.drawn = true
		return
	}
	if line != p.last {
		fmt.Fprintln(p.w, line)
		p.last = line
	}
}

// end closes the redrawn line.
func (p *livePrinter) end() {
	if p.tty && p.drawn {
		fmt.Fprintln(p.w)
	}
}

// deleted is what `delete --json` prints.
type deleted struct {
	Vendor  string `json:"vendor"`
	Sandbox bool   `json:"sandbox"`
	ID      string `json:"id"`
	Deleted bool   `json:"deleted"`
	// Identity is who signed the delete.
	Identity cloud.Identity `json:"identity"`
}

var deleteCommand = &command.Command{
	Use:   "delete ID [FILE]",
	Short: "show a connection, confirm, delete it, wait until it is gone",
	Long: `Shows what it will delete, asks (--yes skips it; with no terminal it refuses without it (exit
status 2), and answering no stops it (exit status 130)), deletes with the vendor's own call and waits
until the vendor no longer finds it.`,
	Group: groupCloud,
	Args:  command.At(1, specFiles),
	Flags: func(fs *pflag.FlagSet) command.Run {
		f := newLifeFlags(fs, "delete", 15*time.Minute)
		yes := fs.BoolP("yes", "y", false, "do not ask for confirmation")
		return func(pos []string, o IO) error { return deleteRun(f, *yes, pos, o) }
	},
}

// Delete runs `tunnelwiz delete ID [FILE] [--yes] [--timeout D] [--json]`:
// show what will be deleted, ask (or --yes; with no terminal it refuses
// without it), delete, and wait until the vendor no longer finds it.
func Delete(args []string, o IO) error { return deleteCommand.Main(args, o) }

func deleteRun(f *lifeFlags, yes bool, args []string, o IO) error {
	r, err := f.start(args, 1, "tunnelwiz delete ID [FILE | --vendor V --region R] [--project-id P] [--endpoint URL | --sandbox] [--yes] [--timeout D] [--json]", o)
	if err != nil {
		return err
	}
	defer r.stop()
	o, dest, ctx, id := r.o, r.dest, r.ctx, r.pos[0]
	c, err := cloud.ReadConnection(ctx, dest.driver, dest.where.Base, id)
	if err != nil {
		if e := interrupted(ctx, "stopped before deleting anything"); e != nil {
			return e
		}
		return dest.notFound(id, err)
	}
	fmt.Fprintf(o.Err, "This connection will be deleted:\n")
	writeConnection(o.Err, c, true)
	fmt.Fprintf(o.Err, "Destination: %s\n", dest.where.Said)
	if c.Tunnel == cloud.TunnelUp || c.Tunnel == cloud.TunnelNegotiating {
		fmt.Fprintf(o.Err, "Its tunnel is %s: the traffic through it stops.\n", tunnelWords(c))
	}
	if !yes {
		place := dest.title
		if dest.where.Sandbox {
			place = "the SANDBOX (" + place + ")"
		}
		if err := confirmTo(o.Err, "deleting", "nothing was deleted", fmt.Sprintf("Delete connection %s on %s?", front.Escape(id), place)); err != nil {
			return err
		}
	}
	fmt.Fprintln(o.Err, "Deleting...")
	del := &cloud.Deletion{Driver: dest.driver, At: dest.where.Base, ID: id}
	if err := del.Run(ctx); err != nil {
		if e := interrupted(ctx, "interrupted; the connection may or may not be deleting: look at it with tunnelwiz status"); e != nil {
			return e
		}
		return fmt.Errorf("deleting %s: %w", front.Escape(id), explain(err))
	}
	show := watchPrinter(o.Err)
	err = cloud.WaitGone(ctx, dest.driver, dest.where.Base, id, pollEvery(dest.where.Sandbox), show.reading)
	show.end()
	if err != nil {
		if e := interrupted(ctx, "stopped waiting; the delete of "+id+" was accepted"); e != nil {
			return e
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("the delete of %s was accepted, but it still exists after %s: look again with tunnelwiz status", front.Escape(id), *f.timeout)
		}
		return fmt.Errorf("the delete of %s was accepted, but following it failed: %w", front.Escape(id), explain(err))
	}
	fmt.Fprintf(o.Err, "Deleted %s.\n", front.Escape(id))
	if *f.asJSON {
		return writeJSON(o.Out, deleted{Vendor: dest.driver.Catalog().API, Sandbox: dest.where.Sandbox, ID: id, Deleted: true, Identity: dest.where.Identity})
	}
	fmt.Fprintln(o.Out, front.Escape(id))
	return nil
}
