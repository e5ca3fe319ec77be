package wizard

import (
	"charm.land/bubbles/v2/key"
	"context"
	"sort"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"tunnelwiz/cloud"
	"tunnelwiz/ui/common"
	"tunnelwiz/ui/front"
)

// Outcome is how a wizard session ended; main maps it to the exit status.
type Outcome int

const (
	Aborted Outcome = iota
	Done
	Failed
)

// Options configure a session.
type Options struct {
	// From pre-fills the wizard from a spec file.
	From *cloud.Spec
	// DraftPath is where an interrupted session's draft (no secrets) is kept.
	DraftPath string
	// SaveDir is where "save" writes spec files.
	SaveDir string
	// Settle is the built-in sandbox's pending time.
	Settle time.Duration
	// Sandbox, when set, is the sandbox to use instead of a built-in one
	// (tests record what reaches it).
	Sandbox *front.Where
	// Endpoint is a base URL given with --endpoint (a running sandbox, a
	// private endpoint); the vendor page offers it first.
	Endpoint string
	// Env is where keys and the home directory are looked up (the
	// process's when not set).
	Env front.Env
	// InsecureEndpoint allows plain http to another machine
	// (--insecure-endpoint).
	InsecureEndpoint bool
	// Profile is --profile: the vendor CLI profile to sign as.
	Profile string
}

// Model is the host: it owns the pages, the issue panel and the keys, and
// hands everything else to the current page.
type Model struct {
	St      *State
	Styles  common.Styles
	Keys    common.Keys
	Outcome Outcome
	opts    Options
	pages   []Page
	cur     int
	width   int
	height  int
	note    string
	// keyNote shows the pre-shared key in the panel after ctrl+r, until
	// the next key: the key field may be scrolled out of view. It is the
	// one line the panel does not scrub.
	keyNote string
	// side is the customer side's configuration, shown over the preview
	// or the result while open (ctrl+o).
	side *yourSide
	// moving and held keep keys in the order typed: huh moves between
	// fields with a message it sends itself, so a key typed before that
	// message arrives would land on the field being left. While a move
	// is under way (moving: where the cursor was), keys wait in held and
	// are replayed once the cursor has moved. They wait there too while
	// the page waits for a look-up (awaiting), until it answers.
	moving  *focusPoint
	moveSeq int
	held    []tea.Msg
	// movedHere: the key just handled moved the cursor itself (the page
	// rebuilt around the field it goes to), so no message of huh's is
	// awaited.
	movedHere bool
	// invPending is the inventory look-up in flight (its key), "" when none:
	// while the Gateways page waits for it, keys are held as for a move.
	invPending string
}

// New makes the wizard. A spec from --from or a resumed draft pre-fills it.
func New(o Options) *Model {
	if o.Env.Getenv == nil {
		o.Env = front.OSEnv()
	}
	m := &Model{St: &State{UseSandbox: o.Endpoint == "", UseEndpoint: o.Endpoint != ""}, Styles: common.DefaultStyles(), Keys: common.DefaultKeys(), opts: o, width: 80, height: 24}
	if o.From != nil {
		d, ok := cloud.Lookup(o.From.Vendor)
		if ok {
			m.St.Driver, m.St.Spec, m.St.Given = d, o.From, true
		}
	}
	if m.St.Driver == nil {
		m.St.SetVendor("tencent")
	}
	if m.St.Stash == nil {
		m.St.Stash = map[string]any{}
	}
	m.St.Revalidate()
	m.pages = []Page{
		&vendorPage{},
		&formPage{name: "Target", step: cloud.StepTarget, extra: targetFields},
		&formPage{name: "Gateways", step: cloud.StepGateways, extra: gatewayFields, skip: nil, dependsOn: chosenGateway},
		&formPage{name: "Subnets", step: cloud.StepSubnets},
		&formPage{name: "IKE", step: cloud.StepIKE, extra: presetFields, after: applyPreset},
		&formPage{name: "IPsec", step: cloud.StepIPsec},
		&formPage{name: "Extras", step: cloud.StepExtras},
		&formPage{name: "Tags", step: cloud.StepTags},
		&previewPage{},
		&submitPage{},
	}
	m.pages[2].(*formPage).skip = skipGatewayPicks(m)
	return m
}

func (m *Model) Init() tea.Cmd { return m.pages[m.cur].Enter(m) }

// bodyWidth and bodyHeight leave room for the header (2 lines) and the
// footer (the issue panel and the keys, as tall as its message needs).
func (m *Model) bodyWidth() int  { return max(m.width, 40) }
func (m *Model) bodyHeight() int { return max(m.height-2-lipgloss.Height(m.footer()), 4) }

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		if m.moving == nil && m.awaiting() {
			// The page is about to become the lists a look-up brings: a
			// key typed now is meant for them, as a slower typist would
			// see them. ctrl+c and esc do not wait (a look-up may take
			// as long as the cloud does): they leave, and what was typed
			// for the lists goes with them.
			if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.Keys.Quit, m.Keys.Back) {
				m.held = nil
				return m.update(msg)
			}
			m.held = append(m.held, msg)
			return m, nil
		}
		if m.moving != nil { // ctrl+c too: it comes after what was typed before it
			m.held = append(m.held, msg)
			return m, nil
		}
		first := m.onFirstField()
		m.movedHere = false
		_, cmd := m.update(msg)
		if k, ok := msg.(tea.KeyPressMsg); ok && cmd != nil && isMove(k) && !m.movedHere && m.focus().form != nil && !(first && k.String() == "shift+tab") {
			// huh answers a move key with a message of its own: hold
			// what follows until the cursor has moved. The one move key
			// that may not move it (Enter on a pick list filtered to
			// nothing) lets the keys go after a while; shift+tab on the
			// first field, which never moves, holds nothing.
			at := m.focus()
			m.moving = &at
			m.moveSeq++
			seq := m.moveSeq
			return m, tea.Batch(cmd, tea.Tick(2*time.Second, func(time.Time) tea.Msg { return moveTimeout(seq) }))
		}
		return m, cmd
	case moveTimeout:
		if m.moving != nil && int(msg) == m.moveSeq {
			return m, m.release()
		}
		return m, nil
	}
	_, cmd := m.update(msg)
	if m.mayRelease() {
		return m, tea.Batch(cmd, m.release())
	}
	return m, cmd
}

// mayRelease: what held the keys is over: the cursor has moved, or the
// look-up the page waited for has answered.
func (m *Model) mayRelease() bool {
	if m.moving != nil {
		return m.focus() != *m.moving
	}
	return len(m.held) > 0 && !m.awaiting()
}

// awaiting: the page shown is waiting for a look-up that will rebuild
// its fields (the Gateways page for the gateway lists, the Target page
// for a project or region list).
func (m *Model) awaiting() bool {
	fp, ok := m.pages[m.cur].(*formPage)
	if !ok {
		return false
	}
	switch fp.step {
	case cloud.StepGateways:
		return m.invPending != ""
	case cloud.StepTarget:
		st := m.St
		for i := range st.Catalog().Target {
			f := &st.Catalog().Target[i]
			if l := st.Listed[f.Path]; l != nil && !l.Done && l.For != "" && l.For == st.listKey(f) {
				return true
			}
		}
	}
	return false
}

// focusPoint is where the cursor is: page, form and field.
type focusPoint struct {
	page  int
	form  any
	field string
}

type moveTimeout int

func (m *Model) focus() focusPoint {
	fp := focusPoint{page: m.cur}
	if h := hostedOf(m.pages[m.cur]); h != nil && h.form != nil {
		fp.form, fp.field = h.form, h.focusedKey()
	}
	return fp
}

// onFirstField: the cursor is on the page's first field.
func (m *Model) onFirstField() bool {
	switch p := m.pages[m.cur].(type) {
	case *formPage:
		for _, k := range p.keys {
			if k != "" { // notes (no key) are never focused
				return p.focusedKey() == k
			}
		}
	case *vendorPage:
		return p.focusedKey() == "vendor"
	}
	return false
}

// isMove: the keys huh's fields answer by moving the cursor.
func isMove(k tea.KeyPressMsg) bool {
	switch k.String() {
	case "enter", "tab", "shift+tab":
		return true
	}
	return false
}

// release replays the held keys in order; one that moves the cursor
// again holds the rest anew.
func (m *Model) release() tea.Cmd {
	m.moving = nil
	held := m.held
	m.held = nil
	var cmds []tea.Cmd
	for i, k := range held {
		if m.moving != nil {
			m.held = append(m.held, held[i:]...)
			break
		}
		_, c := m.Update(k)
		cmds = append(cmds, c)
	}
	return tea.Batch(cmds...)
}

// update handles one message in order.
func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		resized := msg.Width != m.width
		m.width, m.height = msg.Width, msg.Height
		if h := hostedOf(m.pages[m.cur]); h != nil {
			h.height = 0 // sized when built: size it again
			h.fit(m.bodyWidth(), m.bodyHeight())
		}
		// A pick list's rows are cut to the width when built: build them
		// again for another width.
		switch p := m.pages[m.cur].(type) {
		case *formPage:
			if resized && p.form != nil {
				p.Leave(m)
				return m, p.rebuild(m)
			}
		case *vendorPage:
			if resized && p.form != nil {
				return m, p.rebuild(m)
			}
		}
	case tea.KeyPressMsg:
		m.note, m.keyNote = "", ""
		if m.side != nil && !key.Matches(msg, m.Keys.Quit) {
			if key.Matches(msg, m.Keys.Back) {
				m.side = nil
				return m, nil
			}
			return m, m.side.update(m, msg)
		}
		if key.Matches(msg, m.Keys.YourSide) && m.sideAllowed() {
			m.side = newYourSide(m)
			return m, m.side.lookUpVendor(m)
		}
		switch {
		case key.Matches(msg, m.Keys.Quit):
			m.pages[m.cur].Leave(m)
			if m.Outcome != Done {
				m.Outcome = Aborted
			}
			return m, tea.Sequence(m.draftCmd(), tea.Quit)
		case key.Matches(msg, m.Keys.Back):
			if m.cur > 0 && !m.submitting() {
				m.pages[m.cur].Leave(m)
				return m, m.go_(m.cur - 1)
			}
			return m, nil
		case key.Matches(msg, m.Keys.NextStep):
			if !m.submitting() && m.focus().form != nil {
				m.pages[m.cur].Leave(m)
				return m, m.go_(m.cur + 1)
			}
		case key.Matches(msg, m.Keys.Preview):
			if !m.submitting() {
				m.pages[m.cur].Leave(m)
				return m, m.go_(m.previewIndex())
			}
		case key.Matches(msg, m.Keys.FirstError):
			if !m.submitting() {
				return m, m.firstError()
			}
		}
	case savedMsg:
		m.saved(msg)
		return m, nil
	case yourSideSaved:
		switch {
		case msg.err != nil:
			m.note = "The configuration could not be saved: " + msg.err.Error()
		case msg.withKey:
			m.note = "Saved " + msg.path + " with the pre-shared key (mode 0600)."
		default:
			m.note = "Saved " + msg.path + " (mode 0600) without the key: " + msg.hint + "."
		}
		return m, nil
	case vendorDevicesMsg, vendorExportMsg:
		if m.side != nil {
			return m, m.side.arrived(m, msg)
		}
		return m, nil
	case draftMsg:
		if msg.err != nil {
			m.note = "The draft could not be kept: " + msg.err.Error()
		}
		return m, nil
	case choicesLoaded:
		return m, m.choicesArrived(msg)
	case invLoaded:
		if msg.key == m.invPending {
			m.invPending = ""
		}
		m.St.Inventory, m.St.InvErr, m.St.InvFor = msg.inv, msg.err, msg.key
		m.St.Revalidate() // the rules that read the listed gateways
		if fp, ok := m.pages[m.cur].(*formPage); ok && fp.step == cloud.StepGateways {
			fp.Leave(m)
			return m, fp.rebuild(m)
		}
		return m, nil
	}
	cmd, nav := m.pages[m.cur].Update(m, msg)
	if fp, ok := m.pages[m.cur].(*formPage); ok && fp.step == cloud.StepTarget {
		cmd = tea.Batch(cmd, m.lookUpChoices(fp.focusedKey())) // a value just left may allow a look-up
	}
	switch nav {
	case Next:
		if m.cur+1 < len(m.pages) {
			return m, tea.Batch(cmd, m.go_(m.cur+1))
		}
	case Prev:
		return m, tea.Batch(cmd, m.go_(m.cur-1))
	}
	return m, cmd
}

// pageStep is the catalog step the current page edits ("" for others).
func (m *Model) pageStep() cloud.Step {
	if fp, ok := m.pages[m.cur].(*formPage); ok {
		return fp.step
	}
	return ""
}

// submitting is true while a request or the wait is in flight: leaving
// then would lose track of it. A finished or failed submit can be left.
func (m *Model) submitting() bool {
	sp, ok := m.pages[m.cur].(*submitPage)
	return ok && sp.started && !sp.done
}

// go_ shows page i, saving a draft on the way (an interrupted or crashed
// session can be resumed).
func (m *Model) go_(i int) tea.Cmd {
	if i < 0 || i >= len(m.pages) {
		return nil
	}
	m.cur = i
	cmds := []tea.Cmd{m.draftCmd()}
	// The pick lists are of the vendor and target chosen now; a changed
	// region, or a look-up that failed, is looked up again.
	if fp, ok := m.pages[i].(*formPage); ok && fp.step == cloud.StepGateways && (m.St.Inventory == nil || m.St.InvFor != m.St.InvKey()) {
		m.St.Inventory, m.St.InvErr = nil, nil
		m.invPending = m.St.InvKey()
		cmds = append(cmds, m.loadInventory())
	}
	if fp, ok := m.pages[i].(*formPage); ok && fp.step == cloud.StepTarget {
		cmds = append(cmds, m.lookUpChoices(""))
	}
	return tea.Batch(append(cmds, m.pages[i].Enter(m))...)
}

// previewIndex is the preview page's place.
func (m *Model) previewIndex() int {
	for i, p := range m.pages {
		if _, ok := p.(*previewPage); ok {
			return i
		}
	}
	return m.cur
}

// sideAllowed: the customer side is offered from the preview and from a
// finished submit (not while one is in flight).
func (m *Model) sideAllowed() bool {
	switch p := m.pages[m.cur].(type) {
	case *previewPage:
		return true
	case *submitPage:
		return p.done
	}
	return false
}

// pageOf is the index of a step's page (past the last page if none).
func (m *Model) pageOf(step cloud.Step) int {
	for i, p := range m.pages {
		if fp, ok := p.(*formPage); ok && fp.step == step {
			return i
		}
	}
	return len(m.pages)
}

// jumpTo shows the page of a step.
func (m *Model) jumpTo(step cloud.Step) tea.Cmd {
	for i, p := range m.pages {
		if fp, ok := p.(*formPage); ok && fp.step == step {
			return m.go_(i)
		}
	}
	return nil
}

// firstError goes to the step of the first error, in the order of the
// steps (the region before the gateways it lists), and puts the cursor on
// its field (a list's row error: on the list).
func (m *Model) firstError() tea.Cmd {
	first, at := -1, len(m.pages)
	for n, i := range m.St.Issues {
		if i.Severity != cloud.Error {
			continue
		}
		if p := m.pageOf(m.St.StepOf(i.Field)); p < at {
			first, at = n, p
		}
	}
	if first < 0 {
		m.note = "No errors."
		return nil
	}
	i := m.St.Issues[first]
	m.pages[m.cur].Leave(m)
	m.note = i.Field + ": " + i.Message
	cmd := m.jumpTo(m.St.StepOf(i.Field))
	if fp, ok := m.pages[m.cur].(*formPage); ok {
		return tea.Batch(cmd, fp.refocus(fp.keyFor(i.Field)))
	}
	return cmd
}

func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	return v
}

func (m *Model) render() string {
	s := m.Styles
	// Where the request goes, first, so that a narrow terminal never
	// cuts it off.
	badge, where := m.destination()
	title := s.Sandbox.Render(" "+badge+" ") + " " + s.Title.Render("tunnelwiz") + "  "
	if where != "" {
		title += where + "  "
	}
	title += m.St.Catalog().Title

	var tabs []string
	for i, p := range m.pages {
		if i == m.cur {
			tabs = append(tabs, s.ActiveTab.Render(p.Name()))
		} else {
			tabs = append(tabs, s.Tab.Render(p.Name()))
		}
	}
	footer := m.footer()
	// The footer grows with a long message; the body gives way.
	h := max(m.height-2-lipgloss.Height(footer), 4)
	if hf := hostedOf(m.pages[m.cur]); hf != nil {
		hf.fit(m.bodyWidth(), h)
	}
	body := m.pages[m.cur].View(m, m.bodyWidth(), h)
	if m.side != nil {
		body = m.side.view(m, m.bodyWidth(), h)
	}
	body = clip(body, h)
	return lipgloss.JoinVertical(lipgloss.Left,
		truncate(title, m.width), truncate(strings.Join(tabs, " "), m.width),
		lipgloss.NewStyle().Height(h).Render(body),
		footer)
}

// destination names where a request would go now, before any is sent:
// a badge (SANDBOX, ENDPOINT, CLOUD) and the address.
func (m *Model) destination() (badge, where string) {
	st := m.St
	switch {
	case st.Dest != nil && st.Dest.Sandbox:
		badge = "SANDBOX"
		if st.UseEndpoint {
			where = front.Redacted(m.opts.Endpoint)
		}
	case st.UseSandbox:
		badge = "SANDBOX"
	case st.UseEndpoint:
		badge, where = "ENDPOINT", front.Redacted(m.opts.Endpoint)
	default:
		badge = "CLOUD"
		if u, err := st.Driver.Endpoint(st.Spec.Target); err == nil {
			where = u.Host
		}
	}
	return badge, where
}

// destinationText says it in words, for the preview.
func (m *Model) destinationText() string {
	if m.St.Dest != nil {
		return m.St.Dest.Said
	}
	switch badge, where := m.destination(); badge {
	case "SANDBOX":
		if where != "" {
			return "the tunnelwiz SANDBOX at " + where + ": nothing is created in any cloud"
		}
		return "the built-in SANDBOX: nothing is created in any cloud"
	case "ENDPOINT":
		return where + " (the endpoint given with --endpoint)"
	default:
		if where == "" {
			return "the vendor's cloud, once the region is set"
		}
		return "the vendor's cloud at " + where + ", with the keys found"
	}
}

// footer is the always-visible issue panel and the key line.
func (m *Model) footer() string {
	s := m.Styles
	errs := m.St.Issues.Errors()
	warns := len(m.St.Issues) - errs
	count := s.OK.Render("no errors")
	if errs > 0 {
		count = s.Error.Render(fmtCount(errs, "error"))
	}
	if warns > 0 {
		count += ", " + s.Warning.Render(fmtCount(warns, "warning"))
	}
	line, style := m.note, s.Muted
	if line == "" {
		// The field under the cursor first: what is wrong with it as typed.
		if fp, ok := m.pages[m.cur].(*formPage); ok {
			if i := m.St.IssueAt(strings.TrimSuffix(fp.focusedKey(), "#pick")); i != nil {
				line = i.Field + ": " + i.Message
				if i.Severity == cloud.Error {
					style = s.Error
				}
			}
		}
	}
	if line == "" {
		// This step's issues first: they are the ones the user can fix here.
		step := m.pageStep()
		for _, i := range m.St.Issues {
			if step == "" || m.St.StepOf(i.Field) == step {
				line = i.Field + ": " + i.Message
				break
			}
		}
	}
	if line == "" && len(m.St.Issues) > 0 {
		line = m.St.Issues[0].Field + ": " + m.St.Issues[0].Message
	}
	line = cloud.Scrub(line, m.St.Catalog().SecretValues(m.St.Params()))
	if m.keyNote != "" {
		line, style = m.keyNote, s.Warning
	}
	k := m.Keys
	keys := common.HelpLine(k.NextStep, k.Back, k.Preview, k.FirstError, k.Quit)
	switch p := m.pages[m.cur].(type) {
	case *formPage:
		if p.hasSecret() {
			keys = common.HelpLine(k.NewKey, k.Reveal) + " · " + keys
		}
	case *previewPage:
		keys = common.HelpLine(k.Submit, k.Jump, k.View, k.Save, k.SaveKey, k.YourSide, k.Scroll, k.Back)
	case *submitPage:
		keys = common.HelpLine(k.Finish, k.Back, k.Quit)
		if p.done && m.St.Created != nil {
			keys = common.HelpLine(k.Finish, k.Reveal, k.SaveKey, k.YourSide, k.Quit)
		}
	}
	if m.side != nil {
		keys = common.HelpLine(k.Device, k.Reveal, k.Save, k.Scroll, k.Back, k.Quit)
	}
	// The count, then the message whole, on at least two lines (the
	// footer grows for a longer one), then the keys, wrapped between
	// keys when they do not fit.
	// Over "your side" one line is kept: its rows are the configuration's.
	rows := 2
	if m.side != nil {
		rows = 1
	}
	msg := strings.Split(wrap(line, m.width), "\n")
	for len(msg) < rows {
		msg = append(msg, "")
	}
	return s.Panel.Width(m.width).Render(count) + "\n" + style.Render(strings.Join(msg, "\n")) + "\n" +
		s.Muted.Render(wrapKeys(keys, m.width))
}

// wrapKeys breaks the key line between keys ("a b · c d"), never inside one.
func wrapKeys(line string, width int) string {
	var out []string
	cur := ""
	for _, part := range strings.Split(line, " · ") {
		switch {
		case cur == "":
			cur = part
		case lipgloss.Width(cur+" · "+part) <= width:
			cur += " · " + part
		default:
			out = append(out, cur)
			cur = part
		}
	}
	return strings.Join(append(out, cur), "\n")
}

func truncate(s string, w int) string {
	if w <= 0 || lipgloss.Width(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && lipgloss.Width(string(r)) > w-1 {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

func clip(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

// ensureDest resolves where requests go, once.
func (m *Model) ensureDest() error {
	st := m.St
	if st.Dest != nil && !st.Dest.Sandbox && !st.UseEndpoint {
		// The cloud's endpoint follows the target (region, endpoint
		// override): resolved again when that changed since.
		if u, err := st.Driver.Endpoint(st.Spec.Target); err != nil || u.String() != st.Dest.URL.String() {
			st.Dest.Close()
			st.Dest = nil
		}
	}
	if st.Dest != nil {
		st.Dest.Target = st.Spec.Target
		return nil
	}
	if st.UseSandbox && m.opts.Sandbox != nil {
		w := *m.opts.Sandbox
		w.Target = st.Spec.Target
		st.Dest = &w
		return nil
	}
	endpoint := ""
	if st.UseEndpoint {
		endpoint = m.opts.Endpoint
	}
	w, err := front.ResolveIn(m.opts.Env, st.Driver, st.Spec.Target,
		front.Ask{Endpoint: endpoint, Sandbox: st.UseSandbox, Settle: m.opts.Settle, InsecureEndpoint: m.opts.InsecureEndpoint, Profile: m.opts.Profile})
	if err != nil {
		return err
	}
	st.Dest = w
	return nil
}

func (m *Model) closeDest() {
	if m.St.Dest != nil {
		m.St.Dest.Close()
	}
	m.St.Dest, m.St.Inventory, m.St.InvErr = nil, nil, nil
}

// Close releases the in-process sandbox, if any.
func (m *Model) Close() { m.closeDest() }

func contextTimeout() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 30*time.Second)
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
