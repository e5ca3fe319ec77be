package wizard

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/spf13/pflag"

	"tunnelwiz/cloud"
	"tunnelwiz/forms"
	"tunnelwiz/ui/command"
	"tunnelwiz/ui/front"
)

// Command is the wizard: what tunnelwiz runs when no command is named.
var Command = &command.Command{
	Use:   "tunnelwiz",
	Short: "create an IPsec VPN connection, checked against each vendor's rules",
	Flags: flags,
}

// Main runs `tunnelwiz [--from FILE] [--accessible]`: the wizard draws on
// the terminal through stderr; the created connection's id goes to stdout.
func Main(args []string, o front.IO) error { return Command.Main(args, o) }

// startFlags are the wizard's flags, as parsed.
type startFlags struct {
	from       *string
	accessible *bool
	dest       *front.DestFlags
	specs      *front.SpecFlags
}

func flags(fs *pflag.FlagSet) command.Run {
	f := startFlags{
		from:       fs.String("from", "", "pre-fill the wizard from a spec `FILE`"),
		accessible: fs.Bool("accessible", false, "plain prompts instead of full-screen forms (also when TERM=dumb)"),
		// No --sandbox: the first page asks where to send.
		dest:  front.NewDestFlags(fs, "send to this base `URL`, e.g. a running tunnelwiz sandbox", ""),
		specs: front.NewSpecFlags(fs),
	}
	return func(pos []string, o front.IO) error {
		if len(pos) > 0 {
			return &front.UsageError{Msg: "usage: tunnelwiz [--from FILE] [--endpoint URL] [--accessible]  (or tunnelwiz help)"}
		}
		return start(o, f)
	}
}

func start(o front.IO, f startFlags) error {
	if *f.from == "-" {
		return &front.UsageError{Msg: "--from -: the wizard reads the keyboard on standard input; give the spec as a file"}
	}
	if *f.from == "" && f.specs.Region() != "" {
		return &front.UsageError{Msg: "--region changes the spec given with --from; give --from FILE, or pick the region in the wizard"}
	}
	in, inOK := o.In.(*os.File)
	errf, errOK := o.Err.(*os.File)
	if !inOK || !errOK || !isTTY(in) || !isTTY(errf) {
		return &front.UsageError{Msg: "the wizard needs a terminal (stdin and stderr); for scripts use `tunnelwiz apply FILE --yes` (see tunnelwiz help)"}
	}
	env := front.OSEnv()
	plain := *f.accessible || env.Getenv("TERM") == "dumb"
	ask := f.dest.Ask()
	opts := Options{DraftPath: draftPath(env), SaveDir: ".", Settle: 3 * time.Second, Endpoint: ask.Endpoint, Env: env, InsecureEndpoint: ask.InsecureEndpoint, Profile: ask.Profile}
	if *f.from != "" {
		_, spec, _, err := f.specs.Load(*f.from, nil, o.Err)
		if err != nil {
			return err
		}
		opts.From = spec
	} else if spec := offerDraft(opts.DraftPath, plain, o); spec != nil {
		opts.From = spec
	}
	m := New(opts)
	defer m.Close()
	// A crash still leaves the draft (no secrets) for the next start.
	defer func() {
		if r := recover(); r != nil {
			m.writeDraft()
			panic(r)
		}
	}()
	if plain {
		m.St.Accessible = true
		err := runAccessible(m, o.In, o.Err)
		if c := m.St.Final; c != nil {
			fmt.Fprintln(o.Out, c.ID)
		}
		return outcomeErr(m, err)
	}
	final, err := tea.NewProgram(m, tea.WithInput(o.In), tea.WithOutput(o.Err)).Run()
	if err != nil {
		m.writeDraft()
		return err
	}
	m = final.(*Model)
	// The full-screen view is gone with the alternate screen: the result
	// is written again where it stays, on the terminal (stderr).
	if s := m.summary(); s != "" {
		fmt.Fprint(o.Err, s)
	}
	// The result on stdout: the connection, once created, even if the
	// user left before it came up.
	if c := m.St.Final; c != nil {
		fmt.Fprintln(o.Out, c.ID)
	} else if r := m.St.Created; r != nil {
		fmt.Fprintln(o.Out, r.ID)
	}
	return outcomeErr(m, nil)
}

func outcomeErr(m *Model, err error) error {
	if err != nil {
		return err
	}
	switch m.Outcome {
	case Done:
		return nil
	case Failed:
		if c := m.St.Final; c != nil {
			return &front.FailedError{ID: c.ID, State: c.State}
		}
		return errors.New("the connection was not created")
	}
	return &front.AbortedError{Why: "the wizard was closed; a draft (without the key) is kept for next time"}
}

func isTTY(f *os.File) bool { return front.IsTerminal(f) }

func draftPath(env front.Env) string {
	dir := env.ConfigDir()
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, "draft.yaml")
}

// offerDraft asks whether to resume an interrupted session.
func offerDraft(path string, accessible bool, o front.IO) *cloud.Spec {
	if path == "" {
		return nil
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil
	}
	spec, err := cloud.LoadSpec(path)
	if err != nil {
		return nil
	}
	resume := true
	err = huh.NewForm(huh.NewGroup(huh.NewConfirm().Title(fmt.Sprintf("Resume the %s draft from %s?", spec.Vendor, st.ModTime().Format("2006-01-02 15:04"))).
		Description("It holds everything but the pre-shared key.").Affirmative("Resume").Negative("Start over").
		Value(&resume))).WithTheme(theme).WithAccessible(accessible).WithInput(o.In).WithOutput(o.Err).Run()
	if err != nil || !resume {
		return nil
	}
	return spec
}

// runAccessible walks the same pages as plain prompts, one after another.
func runAccessible(m *Model, in io.Reader, out io.Writer) error {
	m.St.Accessible = true
	f, ok := in.(*os.File)
	m.St.EchoKey = !ok || !isTTY(f)
	offered := map[string]bool{} // the errors goBack offered to fix
	for i := 0; i < len(m.pages); i++ {
		m.cur = i
		switch pg := m.pages[i].(type) {
		case *vendorPage:
			pg.Enter(m)
			if err := pg.form.WithAccessible(true).WithInput(in).WithOutput(out).Run(); err != nil {
				return abortErr(err)
			}
			pg.Leave(m)
		case *formPage:
			if pg.step == cloud.StepGateways && m.St.Inventory == nil {
				if msg, ok := m.loadInventory()().(invLoaded); ok {
					m.St.Inventory, m.St.InvErr, m.St.InvFor = msg.inv, msg.err, msg.key
				}
			}
			if err := askPage(m, pg, in, out); err != nil {
				return err
			}
		case *previewPage:
			fmt.Fprintln(out, "\n== Preview ==")
			fmt.Fprintln(out, previewText(m.St, m.destinationText()))
			if m.St.Issues.Errors() > 0 {
				// The full-screen wizard goes to the first error (ctrl+e);
				// plain prompts go back to its step and ask it again.
				back, err := goBack(m, in, out, offered)
				if err != nil {
					return err
				}
				if back >= 0 {
					i = back - 1
					continue
				}
				keepDraft(m, out)
				return &cloud.InvalidError{Issues: m.St.Issues}
			}
			ok := false
			confirm := huh.NewForm(huh.NewGroup(huh.NewConfirm().Title("Create this connection?").Value(&ok)))
			if err := confirm.WithAccessible(true).WithInput(in).WithOutput(out).Run(); err != nil || !ok {
				if err := m.writeDraft(); err != nil {
					fmt.Fprintf(out, "The draft could not be kept: %v\n", err)
				}
				return &front.AbortedError{Why: "not confirmed; nothing was sent"}
			}
		case *submitPage:
			return submitPlain(m, out)
		}
	}
	return nil
}

// goBack offers, when the request has errors, to go back to the step that
// holds the first one: the page's index, or -1 when no page asks it or a
// trip back already left it as it was (offered holds those: offering
// again would go round for good, also at the end of the input, where
// huh answers each question with its default). The run then ends with
// the errors. No is quitting: the draft is kept and the run ends as an
// abort.
func goBack(m *Model, in io.Reader, out io.Writer, offered map[string]bool) (int, error) {
	i := slices.IndexFunc(m.St.Issues, func(is cloud.Issue) bool { return is.Severity == cloud.Error })
	if i < 0 {
		return -1, nil
	}
	is := m.St.Issues[i]
	if key := is.Field + "\x00" + is.Message; offered[key] {
		return -1, nil
	} else {
		offered[key] = true
	}
	step := m.St.StepOf(is.Field)
	for j, p := range m.pages {
		if pg, ok := p.(*formPage); ok && pg.step == step {
			back := true
			q := huh.NewConfirm().Title(fmt.Sprintf("Go back to the %s questions to fix %s?", pg.name, is.Field)).Value(&back)
			if err := runPlain(q, in, out); err != nil {
				return -1, err
			}
			if back {
				return j, nil
			}
			keepDraft(m, out)
			return -1, &front.AbortedError{Why: "the request still has errors; nothing was sent"}
		}
	}
	return -1, nil
}

// keepDraft keeps the session as a draft and says so.
func keepDraft(m *Model, out io.Writer) {
	if err := m.writeDraft(); err == nil && m.opts.DraftPath != "" {
		fmt.Fprintf(out, "The draft (without the key) is kept: `tunnelwiz` offers it at the next start.\n")
	}
}

// askPage asks a step's fields one at a time, so that a field a previous
// answer made inapplicable is not asked and one it brought in is. The IKE
// step's preset is asked first, on its own, and applied before the
// fields, which then show its values. An empty answer keeps the value
// shown, the pre-shared key included.
func askPage(m *Model, pg *formPage, in io.Reader, out io.Writer) error {
	pg.Enter(m)
	if pg.empty {
		return nil
	}
	fmt.Fprintf(out, "\n== %s ==\n", pg.name)
	if pg.after != nil {
		if err := runPlain(presetSelect(m, pg), in, out); err != nil {
			return err
		}
		if pg.preset != "" {
			usePreset(m, pg)
			fmt.Fprintf(out, "%s\n", strings.Replace(m.note, "listed above the fields", "listed below", 1))
			if m.St.PresetNote != "" {
				fmt.Fprintf(out, "%s\n", m.St.PresetNote)
			}
			m.note = ""
		}
	}
	asked := map[string]bool{}
	for {
		pg.Enter(m)
		var next huh.Field
		var b *binding
		for _, f := range pg.fields {
			if _, note := f.(*huh.Note); !note && !asked[f.GetKey()] {
				next = f
				break
			}
		}
		if next == nil {
			break
		}
		asked[next.GetKey()] = true
		for _, x := range pg.bindings {
			if x.in.Path == next.GetKey() {
				b = x
			}
		}
		old := ""
		if b != nil {
			old = b.text
		}
		if err := runPlain(next, in, out); err != nil {
			return err
		}
		switch {
		case b == nil:
		case b.in.Kind == forms.Secret && b.text == "" && old != "":
			b.text = old // an empty answer to the key prompt keeps the key
		case b.in.Kind == forms.Secret && b.text == "":
			if key := generateKey(m.St, b); key != "" {
				b.text = key // an empty answer to an empty key prompt makes one
				fmt.Fprintf(out, "Generated %s: %s\nGive your customer gateway the same key.\n", b.in.Title, key)
			}
		case b.in.Kind == forms.Rows:
			b.text = strings.ReplaceAll(b.text, ";", "\n") // rows typed on one line
		}
		pg.Leave(m)
	}
	for _, i := range m.St.Issues {
		if m.St.StepOf(i.Field) == pg.step {
			fmt.Fprintf(out, "  %s %s: %s\n", i.Severity, i.Field, i.Message)
		}
	}
	return nil
}

func runPlain(f huh.Field, in io.Reader, out io.Writer) error {
	err := huh.NewForm(huh.NewGroup(f)).WithShowHelp(false).WithTheme(theme).
		WithAccessible(true).WithInput(in).WithOutput(out).Run()
	return abortErr(err)
}

func abortErr(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, huh.ErrUserAborted) {
		return &front.AbortedError{Why: "the wizard was closed"}
	}
	return err
}

// submitPlain submits with line-by-line progress.
func submitPlain(m *Model, out io.Writer) error {
	st := m.St
	if err := m.ensureDest(); err != nil {
		return err
	}
	if msg := m.saveCmd(false)().(savedMsg); msg.err != nil {
		fmt.Fprintf(out, "The spec could not be saved: %v\n", msg.err)
	} else {
		m.saved(msg)
	}
	params, _ := st.Catalog().Check(st.Spec)
	sub := &cloud.Submission{Driver: st.Driver, At: st.Dest.Base, Params: params,
		Progress: func(e cloud.Event) { fmt.Fprintln(out, eventText(e)) }}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
	defer cancel()
	res, err := sub.Run(ctx)
	if err != nil {
		return err
	}
	st.Created = res
	last := ""
	conn, err := cloud.Wait(ctx, st.Driver, st.Dest.Base, res.ID, pollEvery(m), func(c *cloud.Connection) {
		if c.State != last { // a line per change, not per poll
			last = c.State
			fmt.Fprintf(out, "%s: %s\n", c.ID, c.State)
		}
	})
	if err != nil {
		return err
	}
	st.Final = conn
	m.Outcome = Done
	if conn.Phase == cloud.PhaseFailed {
		m.Outcome = Failed
	}
	fmt.Fprint(out, resultText(m, 80, true))
	for _, cmd := range []tea.Cmd{m.clearDraftCmd(), rememberCmd(m)} {
		if cmd == nil {
			continue
		}
		if msg, ok := cmd().(draftMsg); ok && msg.err != nil {
			fmt.Fprintln(out, msg.err)
		}
	}
	return nil
}
