package peer

import (
	"fmt"
	"strings"

	"tunnelwiz/cloud"
)

// Options are what the command line adds to the spec.
type Options struct {
	// CloudIP and PeerIP are --cloud-ip and --peer-ip: they always win.
	CloudIP, PeerIP string
	// Inventory is the destination's look-up (gateways' addresses), or nil.
	Inventory *cloud.Inventory
}

// MissingAddressError: neither the spec, a look-up nor a flag gave an
// address; Flag names the flag that would, What the address. When
// several are missing, Flag and What are the first (a sentence about one
// stays one), and the message names them all at once, so that a second
// run does not find the next.
type MissingAddressError struct {
	Flag, What string
	// Flags and Whats are every address missing, Flag and What first.
	Flags, Whats []string
}

func (e *MissingAddressError) Error() string {
	if len(e.Flags) > 1 {
		return fmt.Sprintf("the %s are not in the spec and were not looked up: give them with %s",
			strings.Join(e.Whats, " and the "), strings.Join(e.Flags, " and "))
	}
	return fmt.Sprintf("the %s is not in the spec and was not looked up: give it with %s", e.What, e.Flag)
}

// UnsupportedError: the spec is valid but describes what this command
// does not write yet.
type UnsupportedError struct{ Field, Why string }

func (e *UnsupportedError) Error() string { return e.Field + ": " + e.Why }

// Build turns a spec into the customer side's Tunnel. A spec with errors
// returns *cloud.InvalidError with the validator's issues. A spec whose
// algorithms are set per tunnel (Alibaba's dual-tunnel
// TunnelOptionsSpecification) gives one Tunnel per element in Parts.
func Build(spec *cloud.Spec, o Options) (*Tunnel, error) {
	if err := CheckOptions(o); err != nil {
		return nil, err
	}
	d, err := cloud.DriverFor(spec.Vendor)
	if err != nil {
		return nil, err
	}
	c := d.Catalog()
	p, issues := c.Check(spec)
	if issues.Errors() > 0 {
		return nil, &cloud.InvalidError{Issues: issues}
	}
	list, n := perTunnel(c, p)
	if n == 0 {
		return (&builder{c: c, p: p, t: newTunnel(d)}).build(o)
	}
	return buildParts(d, p, list, n, o)
}

// newTunnel is an empty tunnel for the driver's API.
func newTunnel(d cloud.Driver) *Tunnel {
	c := d.Catalog()
	return &Tunnel{Vendor: c.API, Title: c.Title, KeyFrom: keyFrom(d)}
}

// keyFrom says where to read a key the cloud made up: the vendor's own
// export holds it, where the API has one.
func keyFrom(d cloud.Driver) string {
	if _, ok := d.(cloud.PeerExporter); ok {
		return "after the create, read it with tunnelwiz peer --connection ID --vendor-device NAME --show-secrets, or in the vendor's console"
	}
	return "after the create, read it in the vendor's console"
}

// SideBySide is how many tunnels the spec's connection has side by side:
// 2 for Alibaba's dual tunnel (per-tunnel TunnelOptionsSpecification),
// else 1. A device without Parts cannot hold more than one.
func SideBySide(spec *cloud.Spec) int {
	d, ok := cloud.Lookup(spec.Vendor)
	if !ok {
		return 1
	}
	p, _ := d.Catalog().Check(spec)
	if _, n := perTunnel(d.Catalog(), p); n > 1 {
		return n
	}
	return 1
}

// build fills the builder's tunnel from the spec and the options.
func (b *builder) build(o Options) (*Tunnel, error) {
	t := b.t
	t.Name = b.role(cloud.RoleName).Token
	t.Version = b.role(cloud.RoleIKEVersion)
	t.Mode = b.role(cloud.RoleIKEMode)
	t.IKE = Proposal{b.role(cloud.RoleIKEEncryption), b.role(cloud.RoleIKEIntegrity), b.role(cloud.RoleIKEDHGroup)}
	t.IKELifetime = b.role(cloud.RoleIKELifetime)
	t.ESP = Proposal{b.role(cloud.RoleIPsecEncryption), b.role(cloud.RoleIPsecIntegrity), b.role(cloud.RoleIPsecPFS)}
	t.ESPLifetime = b.role(cloud.RoleIPsecLifetime)
	t.ESPLifeKB = b.role(cloud.RoleIPsecLifeKB)
	t.DPD = b.role(cloud.RoleDPD)
	t.DPDTimeout = b.role(cloud.RoleDPDTimeout)
	t.DPDInterval = b.role(cloud.RoleDPDInterval)
	t.DPDAction = b.role(cloud.RoleDPDAction)
	t.NATT = b.role(cloud.RoleNATTraversal)
	t.PSK = b.role(cloud.RolePSK)
	if fields := b.roleFields(cloud.RolePSK); !t.PSK.Known() && len(fields) > 0 {
		t.PSK.Field = fields[0].at
	}
	t.Routing = b.role(cloud.RoleRouting)
	if !t.Routing.Known() {
		// No routing field (Alibaba): the subnets are the selectors.
		t.Routing = Value{Term: "policy"}
	}
	t.Inside = Inside{
		Cloud: b.role(cloud.RoleTunnelLocal), Customer: b.role(cloud.RoleTunnelPeer),
		CIDR: b.role(cloud.RoleTunnelCIDR), CloudASN: b.role(cloud.RoleBGPLocalASN),
	}
	b.require()
	if err := b.addresses(o); err != nil {
		return nil, err
	}
	b.identities()
	b.selectors(o.Inventory)
	b.bgpUnwritten()
	b.bgpWithoutInside()
	if t.Version.Term == "ikev1" {
		t.Children = onePairEach(t.Children)
	}
	return t, nil
}

type builder struct {
	c *cloud.Catalog
	p cloud.Params
	t *Tunnel
	// list and elem are set when building one tunnel of a per-tunnel list:
	// the list's path ("TunnelOptionsSpecification") and the element's
	// instance path ("TunnelOptionsSpecification[1]").
	list, elem string
	index      int
}

// fieldAt is a field with a role and the instance path it is read at.
type fieldAt struct {
	f  *cloud.Field
	at string
}

// roleFields are the fields with a role, the current spellings before
// deprecated ones: the top-level ones, or, when building one tunnel of a
// per-tunnel list, that element's own fields where it has any for the role
// (the top-level ones then do not apply: the vendor refuses them beside
// the list).
func (b *builder) roleFields(r cloud.Role) []fieldAt {
	if b.list != "" {
		if own := b.fieldsUnder(r, b.list+"[].", b.elem+"."); len(own) > 0 {
			return own
		}
	}
	return b.fieldsUnder(r, "", "")
}

// fieldsUnder are the role's fields whose path starts with prefix (none
// other having a list in it), read at the instance path with prefix
// replaced by inst.
func (b *builder) fieldsUnder(r cloud.Role, prefix, inst string) []fieldAt {
	var cur, old []fieldAt
	for i := range b.c.Fields {
		f := &b.c.Fields[i]
		rest, ok := strings.CutPrefix(f.Path, prefix)
		if f.Role != r || !ok || strings.Contains(rest, "[]") {
			continue
		}
		s := fieldAt{f: f, at: inst + rest}
		if f.Deprecated != "" {
			old = append(old, s)
		} else {
			cur = append(cur, s)
		}
	}
	return append(cur, old...)
}

// role finds the value the cloud applies for a role: the spec's, else the
// vendor's documented default, from the first field that applies in the
// spec's mode. A token with no term is kept (Term empty) and warned about.
func (b *builder) role(r cloud.Role) Value {
	fields := b.roleFields(r)
	for _, s := range fields {
		if v, ok := b.p.At(s.at); ok && b.c.Applies(s.f, b.p, s.at) {
			return b.value(s, scalar(v), false)
		}
	}
	for _, s := range fields {
		if s.f.Default != "" && b.c.Applies(s.f, b.p, s.at) {
			return b.value(s, s.f.Default, true)
		}
	}
	return b.implied(r)
}

func (b *builder) value(s fieldAt, token string, def bool) Value {
	f := s.f
	v := Value{Token: token, Field: s.at, Default: def, Term: token}
	if def {
		v.Source = f.Source
	}
	if f.Means != nil {
		v.Term = f.Means[token]
		if v.Term == "" {
			b.t.warn(s.at, "%s has no vendor-neutral meaning that tunnelwiz knows (no document says which transform it is), so it cannot be written", token)
		}
	}
	return v
}

// require warns about the proposal values the spec leaves unset and the
// vendor documents no default for: the device would have to guess.
func (b *builder) require() {
	t := b.t
	for _, x := range []struct {
		v    Value
		role cloud.Role
	}{
		{t.Version, cloud.RoleIKEVersion}, {t.IKE.Encryption, cloud.RoleIKEEncryption},
		{t.IKE.Integrity, cloud.RoleIKEIntegrity}, {t.IKE.Group, cloud.RoleIKEDHGroup},
		{t.ESP.Encryption, cloud.RoleIPsecEncryption}, {t.ESP.Integrity, cloud.RoleIPsecIntegrity},
		{t.ESP.Group, cloud.RoleIPsecPFS},
	} {
		if x.v.Known() {
			continue
		}
		fields := b.roleFields(x.role)
		if len(fields) == 0 {
			t.warn("", "the API has no %s setting, so the cloud's value is unknown", x.role)
			continue
		}
		t.warn(fields[0].at, "not set, and the vendor documents no default: set it in the spec (the device cannot be told what the cloud will use)")
	}
	for _, x := range []struct {
		v    Value
		role cloud.Role
	}{{t.IKELifetime, cloud.RoleIKELifetime}, {t.ESPLifetime, cloud.RoleIPsecLifetime}} {
		if !x.v.Known() {
			if fields := b.roleFields(x.role); len(fields) > 0 {
				t.warn(fields[0].at, "not set, and the vendor documents no default: the device's own lifetime is left")
			}
		}
	}
	if !t.PSK.Known() {
		if fields := b.roleFields(cloud.RolePSK); len(fields) > 0 {
			t.warn(fields[0].at, "not set: the cloud makes up a key; %s, and put it in place of %s", t.KeyFrom, PlaceholderFromCloud)
		}
	}
}

// perTunnel finds a list whose elements set the algorithms per tunnel (a
// list field holding an IKE encryption role) and how many elements the
// spec gives it.
func perTunnel(c *cloud.Catalog, p cloud.Params) (string, int) {
	for i := range c.Fields {
		f := &c.Fields[i]
		if f.Role != cloud.RoleIKEEncryption || !strings.Contains(f.Path, "[]") {
			continue
		}
		list := f.Path[:strings.Index(f.Path, "[]")]
		if n := len(p.List(list)); n > 0 {
			return list, n
		}
	}
	return "", 0
}

// scalar renders a parameter value as its token.
func scalar(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// implied is the catalog's value for a role no parameter sets.
func (b *builder) implied(r cloud.Role) Value {
	if im, ok := b.c.ImpliedFor(r); ok {
		return Value{Term: im.Term, Token: im.Term, Default: true, Source: im.Source}
	}
	return Value{}
}
