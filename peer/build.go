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
// address; Flag names the flag that would.
type MissingAddressError struct{ Flag, What string }

func (e *MissingAddressError) Error() string {
	return fmt.Sprintf("the %s is not in the spec and was not looked up: give it with %s", e.What, e.Flag)
}

// UnsupportedError: the spec is valid but describes what this command
// does not write yet.
type UnsupportedError struct{ Field, Why string }

func (e *UnsupportedError) Error() string { return e.Field + ": " + e.Why }

// Build turns a spec into the customer side's Tunnel. A spec with errors
// returns *cloud.InvalidError with the validator's issues.
func Build(spec *cloud.Spec, o Options) (*Tunnel, error) {
	d, err := cloud.DriverFor(spec.Vendor)
	if err != nil {
		return nil, err
	}
	c := d.Catalog()
	p, issues := c.Check(spec)
	if issues.Errors() > 0 {
		return nil, &cloud.InvalidError{Issues: issues}
	}
	b := &builder{c: c, p: p, t: &Tunnel{Vendor: c.API, Title: c.Title}}
	if err := b.perTunnel(); err != nil {
		return nil, err
	}
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
	if t.Version.Term == "ikev1" {
		t.Children = onePairEach(t.Children)
	}
	return t, nil
}

type builder struct {
	c *cloud.Catalog
	p cloud.Params
	t *Tunnel
}

// roleFields are the top-level (not per-list-element) fields with a role,
// the current spellings before deprecated ones.
func (b *builder) roleFields(r cloud.Role) []*cloud.Field {
	var cur, old []*cloud.Field
	for i := range b.c.Fields {
		f := &b.c.Fields[i]
		if f.Role != r || strings.Contains(f.Path, "[]") {
			continue
		}
		if f.Deprecated != "" {
			old = append(old, f)
		} else {
			cur = append(cur, f)
		}
	}
	return append(cur, old...)
}

// role finds the value the cloud applies for a role: the spec's, else the
// vendor's documented default, from the first field that applies in the
// spec's mode. A token with no term is kept (Term empty) and warned about.
func (b *builder) role(r cloud.Role) Value {
	fields := b.roleFields(r)
	for _, f := range fields {
		if v, ok := b.p.At(f.Path); ok && b.c.Applies(f, b.p, f.Path) {
			return b.value(f, scalar(v), false)
		}
	}
	for _, f := range fields {
		if f.Default != "" && b.c.Applies(f, b.p, f.Path) {
			return b.value(f, f.Default, true)
		}
	}
	return b.implied(r)
}

func (b *builder) value(f *cloud.Field, token string, def bool) Value {
	v := Value{Token: token, Field: f.Path, Default: def, Term: token}
	if def {
		v.Source = f.Source
	}
	if f.Means != nil {
		v.Term = f.Means[token]
		if v.Term == "" {
			b.t.warn(f.Path, "%s has no vendor-neutral meaning that tunnelwiz knows (no document says which transform it is), so it cannot be written", token)
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
		t.warn(fields[0].Path, "not set, and the vendor documents no default: set it in the spec (the device cannot be told what the cloud will use)")
	}
	for _, x := range []struct {
		v    Value
		role cloud.Role
	}{{t.IKELifetime, cloud.RoleIKELifetime}, {t.ESPLifetime, cloud.RoleIPsecLifetime}} {
		if !x.v.Known() {
			if fields := b.roleFields(x.role); len(fields) > 0 {
				t.warn(fields[0].Path, "not set, and the vendor documents no default: the device's own lifetime is left")
			}
		}
	}
	if !t.PSK.Known() {
		if fields := b.roleFields(cloud.RolePSK); len(fields) > 0 {
			t.warn(fields[0].Path, "not set: the cloud makes up a key; copy it from the vendor's console into the secret")
		}
	}
}

// perTunnel refuses a spec whose algorithms are per tunnel (Alibaba's
// dual-tunnel TunnelOptionsSpecification): one configuration per tunnel
// is not written yet.
func (b *builder) perTunnel() error {
	for i := range b.c.Fields {
		f := &b.c.Fields[i]
		if f.Role != cloud.RoleIKEEncryption || !strings.Contains(f.Path, "[]") {
			continue
		}
		list := f.Path[:strings.Index(f.Path, "[]")]
		if len(b.p.List(list)) > 0 {
			return &UnsupportedError{Field: list, Why: "per-tunnel settings (dual-tunnel mode) are not written yet: tunnelwiz peer writes single-tunnel connections"}
		}
	}
	return nil
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
	for _, im := range b.c.Implied {
		if im.Role == r {
			return Value{Term: im.Term, Token: im.Term, Default: true, Source: im.Source}
		}
	}
	return Value{}
}
