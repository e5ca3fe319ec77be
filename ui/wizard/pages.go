package wizard

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"tunnelwiz/cloud"
	"tunnelwiz/forms"
	"tunnelwiz/ui/front"
)

// vendorPage picks the API and where requests go.
type vendorPage struct {
	hosted
	vendor string
	dest   string
	// creds says where keys were found, for every vendor: read once (it
	// reads the vendors' profile files), not again at each rebuild for
	// another terminal width.
	creds string
}

func (p *vendorPage) Name() string { return "Vendor" }

func (p *vendorPage) Enter(m *Model) tea.Cmd {
	if m.St.Driver != nil {
		p.vendor = m.St.Catalog().API
	}
	return p.build(m)
}

// rebuild makes the form again for a new width (its rows are cut to it),
// the vendor highlighted and the cursor's field kept.
func (p *vendorPage) rebuild(m *Model) tea.Cmd {
	on := p.focusedKey()
	cmd := p.build(m)
	if on == "dest" {
		return tea.Batch(cmd, p.form.NextField())
	}
	return cmd
}

func (p *vendorPage) build(m *Model) tea.Cmd {
	m.St.Cols = m.bodyWidth() - rowFrame
	if p.dest == "" {
		switch {
		case m.St.UseEndpoint:
			p.dest = "endpoint"
		case m.St.UseSandbox:
			p.dest = "sandbox"
		default:
			p.dest = "cloud"
		}
	}
	dests := []huh.Option[string]{huh.NewOption("the built-in SANDBOX: nothing is created in any cloud", "sandbox"),
		huh.NewOption("the vendor's cloud, with the keys found", "cloud")}
	if m.opts.Endpoint != "" {
		dests = append([]huh.Option[string]{huh.NewOption("the endpoint given: "+front.Redacted(m.opts.Endpoint), "endpoint")}, dests...)
	}
	var opts []huh.Option[string]
	for _, v := range cloud.Vendors() {
		d, _ := cloud.Lookup(v)
		opts = append(opts, huh.NewOption(d.Catalog().Title, v))
	}
	env := m.opts.Env
	// Where keys were found, for every vendor at once: a description that
	// follows the vendor chosen would have huh read our state from its own
	// goroutine.
	credText := func() string {
		var found, none []string
		for _, v := range cloud.Vendors() {
			d, _ := cloud.Lookup(v)
			id, err := front.Describe(env, d, m.opts.Profile)
			var nocred *front.NoCredentialsError
			switch {
			case err == nil:
				found = append(found, v+" ("+id.String()+")")
			case errors.As(err, &nocred):
				none = append(none, v)
			default:
				found = append(found, v+" (stops: "+err.Error()+")")
			}
		}
		text := ""
		if len(found) > 0 {
			text = "Keys found: " + strings.Join(found, "; ") + ". "
		}
		if len(none) > 0 {
			text += "No keys for " + strings.Join(none, ", ") + ": the sandbox is the place to try everything (keys come from the SDK's environment variables or the vendor CLI's profile; see README)."
		}
		return text
	}
	if p.creds == "" {
		p.creds = credText()
	}
	vendorTitle, destTitle := "Vendor and API", "Send to"
	if m.St.Accessible {
		vendorTitle += " [now: " + p.vendor + "; enter keeps it]"
		destTitle += " [now: " + p.dest + "; enter keeps it]"
	}
	p.form = newForm(m,
		huh.NewSelect[string]().Key("vendor").Title(vendorTitle).
			Description("One IPsec connection on one API. Changing it starts the connection over.").
			Options(m.St.fitRows(opts)...).Value(&p.vendor),
		huh.NewSelect[string]().Key("dest").Title(destTitle).Description(p.creds).
			Options(m.St.fitRows(dests)...).Value(&p.dest),
	)
	return p.form.Init()
}

func (p *vendorPage) Update(m *Model, msg tea.Msg) (tea.Cmd, Nav) {
	if _, ok := msg.(formDone); ok {
		p.Leave(m)
		return nil, Next
	}
	f, cmd := p.form.Update(msg)
	p.form = f.(*huh.Form)
	return cmd, Stay
}

func (p *vendorPage) Leave(m *Model) {
	if p.vendor != "" {
		m.St.SetVendor(p.vendor)
	}
	if d := m.St.Driver; p.dest == "cloud" && d != nil {
		var nocred *front.NoCredentialsError
		if _, err := front.Describe(m.opts.Env, d, m.opts.Profile); errors.As(err, &nocred) {
			m.note = "No keys were found for " + d.Catalog().Title + ": the look-ups and the submit will fail. esc comes back here to choose the sandbox."
		} else if err != nil {
			m.note = err.Error() + ". esc comes back here to choose the sandbox."
		}
	}
	sb, ep := p.dest == "sandbox", p.dest == "endpoint"
	if sb != m.St.UseSandbox || ep != m.St.UseEndpoint || m.St.Dest == nil {
		m.St.UseSandbox, m.St.UseEndpoint = sb, ep
		m.closeDest()
	}
}

func (p *vendorPage) View(m *Model, w, h int) string { return p.form.View() }

// targetFields adds the catalog's target keys (region, project, endpoint)
// to the target step's form, bound to the spec's top level.
func targetFields(m *Model, p *formPage) []huh.Field {
	st := m.St
	c := st.Catalog()
	var out []huh.Field
	for i := range c.Target {
		f := &c.Target[i]
		in := forms.New(c, f, st.Params())
		in.Help = listNote(st, f) + in.Help
		b := newTargetBinding(st, in)
		p.bindings = append(p.bindings, b)
		if l := st.listing(f); l != nil && len(l.Items) > 0 && !st.Accessible {
			// Looked up: one Enter takes the first (Huawei's region
			// project, the deployment's first region).
			var opts []huh.Option[string]
			var ids []string
			for _, r := range l.Items {
				opts = append(opts, huh.NewOption(resourceLabel(r), r.ID))
				ids = append(ids, r.ID)
			}
			out = append(out, pickFields(st, p, b, in, opts, ids, "(type another)", true)...)
			continue
		}
		if len(f.Known) > 0 && !st.Accessible {
			// A pick list filtered as you type ("gua" finds ap-guangzhou);
			// a value it lacks is typed below "type another".
			var opts []huh.Option[string]
			for _, k := range f.Known {
				opts = append(opts, huh.NewOption(k, k))
			}
			// No region is offered: it is a choice to make, not to accept.
			out = append(out, pickFields(st, p, b, in, opts, f.Known, "(type another)", false)...)
			continue
		}
		out = append(out, b.widget(st))
	}
	return out
}

// pickFields makes a pick list bound to b: the given options, then one
// that shows a text field for a value the list lacks. A value given that
// the list lacks starts there, as given; with none given, the first
// entry is offered (Enter takes it), and an optional field can be left
// empty with "(none)". The list is filtered as the engineer types (the
// filter takes the title's place, so the field's name leads its help).
func pickFields(st *State, p *formPage, b *binding, in forms.Input, opts []huh.Option[string], ids []string, typeLabel string, offer bool) []huh.Field {
	if p.manual == nil {
		p.manual = map[string]bool{}
	}
	pick := &pickBinding{binding: b}
	found := slices.Contains(ids, b.text)
	opts = append(opts, huh.NewOption(typeLabel, manual))
	offerFirst := offer && b.text == "" && len(ids) > 0 && !p.cleared[in.Path] && !st.Given
	switch {
	case b.text == "" && !offerFirst:
		// Nothing given, and nothing to be chosen for the engineer (a
		// spec or draft left it out): "(none)" stays the choice.
		opts = append([]huh.Option[string]{huh.NewOption("(none)", "")}, opts...)
	case !in.Required:
		opts = append(opts, huh.NewOption("(none)", ""))
	}
	switch {
	case p.manual[in.Path] || b.text != "" && !found:
		pick.choice, pick.typed = manual, b.text
	case offerFirst:
		pick.choice = ids[0] // offer the first rather than nothing
	default:
		pick.choice = b.text
	}
	p.picks = append(p.picks, pick)
	title := in.Title
	if in.Required {
		title += " (required)"
	}
	if st.Accessible {
		now := pick.choice
		if now == manual {
			now = pick.typed
		}
		if now == "" {
			now = "none"
		}
		title += " [now: " + now + "; enter keeps it]"
	}
	sel := huh.NewSelect[string]().Key(in.Path + "#pick").Title(title).Description(title + ", type to filter: " + in.Help).
		Options(st.fitRows(opts)...).Value(&pick.choice).Filtering(true)
	if len(opts) > 8 {
		sel = sel.Height(9) // a long list scrolls in a window, so what follows stays on screen
	}
	out := []huh.Field{sel}
	if pick.choice == manual {
		out = append(out, huh.NewInput().Key(in.Path).Title("  the value").Value(&pick.typed))
	}
	return out
}

// gatewayRoles are the fields the gateways page offers as pick lists.
var gatewayRoles = map[cloud.Role]func(*cloud.Inventory) []cloud.Resource{
	cloud.RoleVPC:             func(i *cloud.Inventory) []cloud.Resource { return i.VPCs },
	cloud.RoleVPNGateway:      func(i *cloud.Inventory) []cloud.Resource { return i.VPNGateways },
	cloud.RoleCustomerGateway: func(i *cloud.Inventory) []cloud.Resource { return i.CustomerGateways },
}

// manual is the pick-list entry that leaves the id to the text field below.
const manual = "\x00manual"

// gatewayFields builds pick lists from the live inventory. One Enter
// takes the highlighted resource; the last entry, "type the id", shows a
// text field for an id the list lacks (an id given that the list lacks
// starts there, as given).
func gatewayFields(m *Model, p *formPage) []huh.Field {
	st := m.St
	if st.Inventory == nil {
		msg := "Looking up gateways..."
		var nocred *front.NoCredentialsError
		switch {
		case errors.As(st.InvErr, &nocred):
			msg = "No keys were found for " + nocred.Title + " (the SDK's environment variables or the vendor CLI's profile: see README). Go back to the first page (esc) to choose the built-in sandbox, or type the ids."
		case st.InvErr != nil:
			msg = "The look-up failed (" + st.InvErr.Error() + "); type the ids instead."
		}
		return []huh.Field{huh.NewNote().Title("Gateways").Description(msg)}
	}
	c := st.Catalog()
	var out []huh.Field
	var gwBinding *binding
	for _, in := range forms.ForStep(c, cloud.StepGateways, st.Params()) {
		list, ok := gatewayRoles[in.Field.Role]
		if !ok {
			continue
		}
		b := newBinding(st, in)
		if in.Field.Role == cloud.RoleVPNGateway {
			gwBinding = b
		}
		var opts []huh.Option[string]
		var ids []string
		for _, r := range list(st.Inventory) {
			opts = append(opts, huh.NewOption(resourceLabel(r), r.ID))
			ids = append(ids, r.ID)
		}
		p.bindings = append(p.bindings, b)
		out = append(out, pickFields(st, p, b, in, opts, ids, "(type the id)", true)...)
	}
	for _, in := range forms.ForStep(c, cloud.StepGateways, st.Params()) {
		if in.Field.Role != cloud.RoleGatewayAddress || gwBinding == nil {
			continue
		}
		b := newBinding(st, in)
		p.bindings = append(p.bindings, b)
		gw := gwBinding
		// The chosen gateway's addresses; with plain prompts (which do not
		// re-evaluate options) every gateway's, labelled with the gateway.
		var opts []huh.Option[string]
		known := false
		for _, r := range st.Inventory.VPNGateways {
			if !st.Accessible && r.ID != gw.text {
				continue
			}
			for _, a := range r.Addresses {
				v := a.ID
				if v == "" {
					v = a.IP
				}
				label := strings.TrimSpace(a.Label + " " + a.IP + " " + a.ID)
				if st.Accessible {
					label = r.ID + ": " + label
				}
				known = known || v == b.text
				opts = append(opts, huh.NewOption(label, v))
			}
		}
		if b.text != "" && !known {
			opts = append([]huh.Option[string]{huh.NewOption(b.text+"  (as given; not an address of this gateway)", b.text)}, opts...)
		}
		if len(opts) == 0 {
			opts = append(opts, huh.NewOption("(pick the VPN gateway first)", ""))
		}
		out = append(out, huh.NewSelect[string]().Key(in.Path).Title(in.Title+" (required)").Description(in.Help).
			Options(st.fitRows(opts)...).Value(&b.text))
	}
	return out
}

// pickBinding is a pick list with a typed fallback, over a binding.
type pickBinding struct {
	*binding
	choice, typed string
}

func (pb *pickBinding) sync() {
	if pb.choice == manual {
		pb.text = pb.typed
	} else {
		pb.text = pb.choice
	}
}

func resourceLabel(r cloud.Resource) string {
	parts := []string{r.ID}
	if r.Name != "" {
		parts = append(parts, r.Name)
	}
	for _, a := range r.Addresses {
		parts = append(parts, a.IP)
	}
	if r.CIDR != "" {
		parts = append(parts, r.CIDR)
	}
	if r.State != "" {
		parts = append(parts, r.State)
	}
	return strings.Join(parts, "  ")
}

func skipGatewayPicks(m *Model) func(in forms.Input) bool {
	return func(in forms.Input) bool {
		if m.St.Inventory == nil {
			return false
		}
		_, pick := gatewayRoles[in.Field.Role]
		return pick || in.Field.Role == cloud.RoleGatewayAddress
	}
}

// invLoaded carries a look-up's answer.
type invLoaded struct {
	inv *cloud.Inventory
	err error
	key string
}

func (m *Model) loadInventory() tea.Cmd {
	st := m.St
	key := st.InvKey()
	if err := m.ensureDest(); err != nil {
		return func() tea.Msg { return invLoaded{err: err, key: key} }
	}
	d, at := st.Driver, st.Dest.Base
	return func() tea.Msg {
		ctx, cancel := contextTimeout()
		defer cancel()
		inv, err := cloud.ListInventory(ctx, d, at)
		return invLoaded{inv, err, key}
	}
}

func fmtCount(n int, what string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", what)
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// chosenGateway is what the gateway page's address list depends on.
func chosenGateway(m *Model) string {
	f := m.St.Catalog().RoleField(cloud.RoleVPNGateway)
	if f == nil {
		return ""
	}
	return m.St.Params().Str(f.Path)
}
