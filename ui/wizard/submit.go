package wizard

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"

	tea "charm.land/bubbletea/v2"

	"tunnelwiz/cloud"
	"tunnelwiz/export"
	"tunnelwiz/ui/front"
)

// submitPage sends the request, follows the connection up, and shows the
// result and what to do next.
type submitPage struct {
	log     []string
	ch      chan tea.Msg
	done    bool
	failed  error
	started bool
}

type (
	progressMsg string
	createdMsg  struct {
		res *cloud.Result
		err error
	}
	finalMsg struct {
		conn *cloud.Connection
		err  error
	}
)

func (p *submitPage) Name() string { return "Submit" }

func (p *submitPage) Enter(m *Model) tea.Cmd {
	if p.started {
		return nil
	}
	*p = submitPage{started: true, ch: make(chan tea.Msg, 16)}
	st := m.St
	if err := m.ensureDest(); err != nil {
		p.failed = err
		return nil
	}
	// A submit again after a failure is the same create: the same
	// idempotency token, the same list of what existed before.
	if f := st.Catalog().RoleField(cloud.RoleClientToken); f != nil && !st.Params().Has(f.Path) {
		st.Params().Set(f.Path, cloud.NewToken())
		st.TokenAdded = true
	}
	save := m.resaveCmd() // the file names what is sent, also after a refusal and a change
	params, _ := st.Catalog().Check(st.Spec)
	var before map[string]bool
	if st.LastSub != nil { // finished: its answer came back through the channel
		before = st.LastSub.Before
	}
	sub := &cloud.Submission{Driver: st.Driver, At: st.Dest.Base, Params: params, Before: before,
		Progress: func(e cloud.Event) { p.ch <- progressMsg(eventText(e)) }}
	st.LastSub = sub
	ch := p.ch
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		res, err := sub.Run(ctx)
		ch <- createdMsg{res, err}
	}()
	p.log = append(p.log, "Sending to "+st.Dest.Said)
	return tea.Batch(save, p.listen())
}

func (p *submitPage) listen() tea.Cmd {
	ch := p.ch
	return func() tea.Msg { return <-ch }
}

func eventText(e cloud.Event) string {
	switch e.Kind {
	case cloud.EventThrottled:
		if e.Wait == 0 {
			return "Throttled by the vendor."
		}
		return fmt.Sprintf("Throttled by the vendor; trying again in %s.", e.Wait.Round(100*time.Millisecond))
	case cloud.EventLost:
		return "No answer: checking whether the connection was made before trying again."
	case cloud.EventRecovered:
		return "The connection had been made: found it."
	}
	if e.Attempt > 1 {
		return fmt.Sprintf("Sending (try %d)...", e.Attempt)
	}
	return "Sending..."
}

func (p *submitPage) Update(m *Model, msg tea.Msg) (tea.Cmd, Nav) {
	st := m.St
	switch msg := msg.(type) {
	case progressMsg:
		p.log = append(p.log, string(msg))
		return p.listen(), Stay
	case createdMsg:
		if msg.err != nil {
			return p.refused(m, msg.err)
		}
		st.Created = msg.res
		p.log = append(p.log, "Created "+msg.res.ID+"; waiting for it to come up...")
		d, at, id, ch := st.Driver, st.Dest.Base, msg.res.ID, p.ch
		clear := m.clearDraftCmd() // made: a draft would invite making it twice
		every := pollEvery(m)
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
			defer cancel()
			last := ""
			conn, err := cloud.Wait(ctx, d, at, id, every, func(c *cloud.Connection) {
				if c.State != last { // a line per change of state, not per poll
					last = c.State
					ch <- progressMsg(fmt.Sprintf("%s: %s", c.ID, c.State))
				}
			})
			ch <- finalMsg{conn, err}
		}()
		return tea.Batch(clear, p.listen()), Stay
	case finalMsg:
		p.done = true
		if msg.err != nil {
			p.failed = msg.err
			m.Outcome = Failed
			return nil, Stay
		}
		st.Final = msg.conn
		if msg.conn.Phase == cloud.PhaseFailed {
			m.Outcome = Failed
		} else {
			m.Outcome = Done
			return rememberCmd(m), Stay
		}
		return nil, Stay
	case tea.KeyPressMsg:
		if p.done && key.Matches(msg, m.Keys.Finish) {
			return tea.Quit, Stay
		}
		if p.done && st.Created != nil && key.Matches(msg, m.Keys.SaveKey) {
			if st.Saved != "" {
				return m.rewriteCmd(true, false), Stay
			}
			return m.saveCmd(true), Stay
		}
		if p.done && st.Created != nil && key.Matches(msg, m.Keys.Reveal) {
			// The last place the key can be read: after the wizard
			// closes it is nowhere but in a file saved with ctrl+y.
			st.Revealed = !st.Revealed
			return nil, Stay
		}
	}
	return nil, Stay
}

// refused sends the user back to the field the cloud named, with what
// they typed intact.
func (p *submitPage) refused(m *Model, err error) (tea.Cmd, Nav) {
	p.started = false
	var ae *cloud.APIError
	if errors.As(err, &ae) {
		m.St.CloudErr = ae
		if ae.Field != "" {
			m.note = "The cloud refused the request: see the message above the field."
			return m.jumpTo(m.St.StepOf(ae.Field)), Stay
		}
	}
	p.done, p.failed = true, err
	m.Outcome = Failed
	return nil, Stay
}

func (p *submitPage) Leave(m *Model) {}

func (p *submitPage) View(m *Model, w, h int) string {
	var b strings.Builder
	st := m.St
	switch {
	case p.failed != nil:
		msg := cloud.Scrub("Failed: "+p.failed.Error(), st.Catalog().SecretValues(st.Params()))
		b.WriteString("\n" + m.Styles.Error.Render(wrap(msg, w)) + "\n")
		b.WriteString("esc goes back to change the request; ctrl+c quits.\n")
	case p.done && st.Final != nil:
		// What matters first, so that a small screen cuts only the
		// explanations: the result and how to finish.
		b.WriteString("\n" + m.Styles.OK.Render(wrap(resultLine(st.Final), w)) + "\n")
		b.WriteString("Press enter to finish.\n")
		if f := st.Catalog().RoleField(cloud.RolePSK); f != nil && st.Revealed {
			b.WriteString(wrap(f.Path+": "+st.Params().Str(f.Path)+"   (ctrl+r hides it)", w) + "\n")
		}
		if st.Final.Tunnel != cloud.TunnelUp {
			b.WriteString(wrap(upNote, w) + "\n")
		}
		b.WriteString(resultText(m, w, false))
	default:
		b.WriteString("\nWorking...\n")
	}
	// The progress lines above it, as many of the last as fit: the
	// outcome is never pushed off a small screen by a long retry log.
	end := b.String()
	var log []string
	for _, l := range p.log {
		log = append(log, strings.Split(wrap(l, w), "\n")...)
	}
	if room := h - strings.Count(end, "\n"); len(log) > max(room, 1) {
		log = log[len(log)-max(room, 1):]
	}
	return strings.Join(log, "\n") + "\n" + end
}

// upNote says what the state means: the resource is made; whether the
// tunnel is up depends on the other side (Huawei says DOWN until then).
const upNote = "Its tunnel comes up once your customer gateway negotiates with it (ctrl+o: your side's configuration)."

// resultLine is the connection and its tunnel, each in both words:
// "Connection x: available (AVAILABLE); tunnel down (UNAVAILABLE)".
func resultLine(c *cloud.Connection) string {
	return "Connection " + c.ID + ": " + front.PhaseWords(c) + "; tunnel " + front.TunnelWords(c)
}

// summary is what the session made, for the terminal once the wizard
// has closed: the connection and its state, the saved spec and the
// headless command; "" when nothing was created.
func (m *Model) summary() string {
	st := m.St
	var b strings.Builder
	badge, at := m.destination()
	where := strings.ToLower(badge)
	if at != "" {
		where += " " + at
	}
	switch {
	case st.Final != nil:
		b.WriteString(wrap(fmt.Sprintf("tunnelwiz: %s (%s).", strings.ToLower(resultLine(st.Final)[:1])+resultLine(st.Final)[1:], where), max(m.width, 40)) + "\n")
	case st.Created != nil:
		b.WriteString(wrap(fmt.Sprintf("tunnelwiz: connection %s was created (%s); it was not followed up to ready.", st.Created.ID, where), max(m.width, 40)) + "\n")
	default:
		return ""
	}
	b.WriteString(resultText(m, max(m.width, 40), true))
	return b.String()
}

// resultText says where the spec was saved, how to make the same again
// headless and how to follow the connection; it is also printed after the wizard exits (closed),
// when the keys of the result screen are gone. The command is offered as
// it is only when the file holds the key (ctrl+y): without it, `apply`
// of the file stops at the key, so the screen says how to put it in
// first, and the text left after the wizard names the field to fill.
func resultText(m *Model, w int, closed bool) string {
	return savedText(m, w, closed) + followText(m, w)
}

// followText says how to follow the connection after the wizard: the
// status command where the destination outlives the session, else that
// the built-in sandbox (and what it made) ends with it.
func followText(m *Model, w int) string {
	st := m.St
	if st.Created == nil {
		return ""
	}
	if !st.UseEndpoint && st.Dest != nil && st.Dest.Sandbox {
		return wrap("The built-in sandbox ends with the wizard, and this connection with it: to follow one afterwards, run `tunnelwiz sandbox` and start the wizard with --endpoint URL.", w) + "\n"
	}
	// The saved spec names the vendor, region (and Huawei's project) to
	// look in; without one, the flags do.
	spec := " " + st.Saved
	if st.Saved == "" {
		spec = " --vendor " + st.Spec.Vendor
		for _, k := range []string{"region", "project_id"} {
			if v := st.Spec.Target[k]; v != "" {
				spec += " --" + strings.ReplaceAll(k, "_", "-") + " " + export.ShellQuote(v)
			}
		}
	}
	return wrap("To follow it:", w) + "\n  tunnelwiz status " + st.Created.ID + spec + destFlag(m) + " --watch\n"
}

// savedText is resultText's part about the saved spec.
func savedText(m *Model, w int, closed bool) string {
	st := m.St
	if st.Saved == "" {
		return ""
	}
	cmd := "\n  tunnelwiz apply" + destFlag(m) + " --yes --wait " + st.Saved + "\n"
	saved := "The spec is saved as " + st.Saved
	keyless := !st.SavedWithKey && len(st.Catalog().SecretValues(st.Params())) > 0
	field := "the pre-shared key's field"
	if f := st.Catalog().RoleField(cloud.RolePSK); f != nil {
		field = f.Path
	}
	switch {
	case st.SavedWithKey:
		return wrap(saved+" with the pre-shared key (mode 0600; keep it safe). To create the same again headless:", w) + cmd
	case !keyless: // the session has no key to leave out
		return wrap(saved+". To create the same again headless:", w) + cmd
	case st.Accessible:
		return wrap(saved+" without the pre-shared key. To create the same again headless, first put the key (shown above when it was made) into the file as "+field+", then:", w) + cmd
	case closed:
		return wrap(saved+" without the pre-shared key. To create the same again headless, first put the key your customer gateway has into the file as "+field+", then:", w) + cmd
	}
	return wrap(saved+" without the pre-shared key: ctrl+y puts the key into it (ctrl+r shows it); then the command that creates the same again headless shows here.", w) + "\n"
}

func pollEvery(m *Model) time.Duration {
	return front.PollEvery(m.St.Dest != nil && m.St.Dest.Sandbox)
}

// destFlag is the flags that send where this session sent, as whom.
func destFlag(m *Model) string {
	profile := ""
	if m.opts.Profile != "" {
		profile = " --profile " + export.ShellQuote(m.opts.Profile)
	}
	return whereFlag(m) + profile
}

func whereFlag(m *Model) string {
	switch {
	case m.St.UseEndpoint:
		flag := " --endpoint " + front.Redacted(m.opts.Endpoint)
		if m.opts.InsecureEndpoint {
			flag += " --insecure-endpoint"
		}
		return flag
	case m.St.Dest != nil && m.St.Dest.Sandbox:
		return " --sandbox"
	}
	return ""
}
