package drivertest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// RunSandbox runs a driver against the sandbox over real HTTP on
// loopback: each valid spec is accepted and read back with the same
// values, signatures are checked, faults map onto the right codes, no
// fault ever makes two connections, and the connection's life after
// create (tunnel state, delete) reads as it happens (lifecycle).
func RunSandbox(t *testing.T, d cloud.Driver, specs ...string) {
	if len(specs) == 0 {
		t.Fatal("RunSandbox needs at least one valid spec")
	}
	env := newSandbox(t)
	for _, path := range specs {
		spec := LoadSeed(t, path)
		t.Run("SubmitAndReadBack/"+path, func(t *testing.T) { env.submitAndReadBack(t, d, spec) })
	}
	seed := LoadSeed(t, specs[0])
	t.Run("Inventory", func(t *testing.T) { env.inventory(t, d, seed) })
	t.Run("WrongKeyIsAuth", func(t *testing.T) { env.wrongKey(t, d, seed) })
	t.Run("ThrottlingRetried", func(t *testing.T) { env.throttled(t, d, seed) })
	for _, k := range []sandbox.FaultKind{sandbox.ErrorAfterCommit, sandbox.Drop} {
		t.Run("CreatesOnceDespite/"+string(k), func(t *testing.T) { env.once(t, d, seed, k) })
	}
	t.Run("SecondCreateConflicts", func(t *testing.T) { env.conflict(t, d, seed) })
	t.Run("UnknownGatewayNotFound", func(t *testing.T) { env.notFound(t, d, seed) })
	t.Run("Lifecycle", func(t *testing.T) { lifecycle(t, d, seed) })
}

type sandboxEnv struct {
	srv  *sandbox.Server
	base *url.URL
}

func newSandbox(t *testing.T) *sandboxEnv {
	srv, u := StartSandbox(t, sandbox.Options{}, nil)
	return &sandboxEnv{srv: srv, base: u}
}

func (e *sandboxEnv) reset(t *testing.T) {
	t.Helper()
	e.srv, e.base = StartSandbox(t, sandbox.Options{}, nil)
}

func (e *sandboxEnv) at(s *cloud.Spec, cred cloud.Credentials) cloud.Base {
	return cloud.Base{URL: e.base, Cred: cred, Target: s.Target}
}

func noSleep(context.Context, time.Duration) error { return nil }

func (e *sandboxEnv) submit(t *testing.T, d cloud.Driver, s *cloud.Spec) (*cloud.Result, error) {
	t.Helper()
	p, issues := d.Catalog().Check(Clone(s))
	if issues.Errors() > 0 {
		t.Fatalf("spec does not validate: %v", issues)
	}
	sub := &cloud.Submission{Driver: d, At: e.at(s, sandbox.Keys), Params: p, Sleep: noSleep}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return sub.Run(ctx)
}

func (e *sandboxEnv) submitAndReadBack(t *testing.T, d cloud.Driver, s *cloud.Spec) {
	e.reset(t)
	r, err := e.submit(t, d, s)
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	if r.ID == "" {
		t.Fatalf("no connection id in %+v", r)
	}
	ctx := context.Background()
	got, err := cloud.Wait(ctx, d, e.at(s, sandbox.Keys), r.ID, time.Millisecond, nil)
	if err != nil {
		t.Fatalf("wait: %v", err)
	}
	if got.Phase != cloud.PhaseAvailable || got.ID != r.ID {
		t.Errorf("read back %+v, want %s available", got, r.ID)
	}
	c := d.Catalog()
	p, _ := c.Check(Clone(s))
	for i := range c.Fields {
		f := &c.Fields[i]
		if f.Role == "" || f.Role == cloud.RolePSK || f.Role == cloud.RoleClientToken || strings.Contains(f.Path, "[]") || fillRoles[f.Role] || peerRoles[f.Role] {
			continue
		}
		v, ok := p.At(f.Path)
		if !ok {
			continue
		}
		want, _ := scalar(v)
		if have, ok := got.Settings[f.Role]; !ok || have != want {
			t.Errorf("%s (%s): sent %q, read back %q (settings %v)", f.Path, f.Role, want, have, got.Settings)
		}
	}
	list, err := d.Connections(ctx, e.base, sandbox.Keys, s.Target, cloud.Filter{})
	if err != nil {
		t.Fatalf("connections: %v", err)
	}
	if len(list) != 1 || list[0].ID != r.ID {
		t.Errorf("listing: %+v, want just %s", list, r.ID)
	}
}

func scalar(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case bool:
		if x {
			return "true", true
		}
		return "false", true
	case int64:
		return itoa(x), true
	}
	return "", false
}

func roleValue(c *cloud.Catalog, p cloud.Params, r cloud.Role) (string, *cloud.Field) {
	f := c.RoleField(r)
	if f == nil {
		return "", nil
	}
	return p.Str(f.Path), f
}

func (e *sandboxEnv) inventory(t *testing.T, d cloud.Driver, s *cloud.Spec) {
	e.reset(t)
	inv, err := d.Inventory(context.Background(), e.base, sandbox.Keys, s.Target)
	if err != nil {
		t.Fatal(err)
	}
	gw, f := roleValue(d.Catalog(), cloud.Params(s.Params), cloud.RoleVPNGateway)
	if f == nil {
		t.Fatal("the catalog marks no field with RoleVPNGateway")
	}
	found := false
	for _, g := range inv.VPNGateways {
		found = found || g.ID == gw
	}
	if !found || len(inv.CustomerGateways) == 0 {
		t.Errorf("inventory of %s lacks the spec's gateway %s or customer gateways: %+v", s.Region(), gw, inv)
	}
}

func (e *sandboxEnv) wrongKey(t *testing.T, d cloud.Driver, s *cloud.Spec) {
	e.reset(t)
	p, _ := d.Catalog().Check(Clone(s))
	bad := sandbox.Keys
	bad.Secret = "not-the-sandbox-secret"
	_, err := d.Create(context.Background(), e.base, bad, s.Target, p)
	if cloud.CodeOf(err) != cloud.CodeAuth {
		t.Errorf("wrong secret: want code auth, got %v", err)
	}
	bad = sandbox.Keys
	bad.ID = "SOMEONEELSE"
	_, err = d.Create(context.Background(), e.base, bad, s.Target, p)
	if cloud.CodeOf(err) != cloud.CodeAuth {
		t.Errorf("wrong key id: want code auth, got %v", err)
	}
	if n := e.count(d, s); n != 0 {
		t.Errorf("a refused request made %d connections", n)
	}
}

func (e *sandboxEnv) count(d cloud.Driver, s *cloud.Spec) int {
	return len(e.srv.Backend().Connections(d.Catalog().API, s.Region(), cloud.Filter{}))
}

func (e *sandboxEnv) throttled(t *testing.T, d cloud.Driver, s *cloud.Spec) {
	e.reset(t)
	e.srv.Inject(sandbox.Fault{Kind: sandbox.Throttle, Op: sandbox.OpCreate, Count: 2})
	r, err := e.submit(t, d, s)
	if err != nil || r.Attempts != 3 {
		t.Fatalf("want success on the third try, got %+v %v", r, err)
	}
	if n := e.count(d, s); n != 1 {
		t.Errorf("%d connections, want 1", n)
	}
	// A throttling answer maps onto the throttled code.
	e.reset(t)
	e.srv.Inject(sandbox.Fault{Kind: sandbox.Throttle, Op: sandbox.OpCreate})
	p, _ := d.Catalog().Check(Clone(s))
	if _, err := d.Create(context.Background(), e.base, sandbox.Keys, s.Target, p); cloud.CodeOf(err) != cloud.CodeThrottled {
		t.Errorf("throttling answer: want code throttled, got %v", err)
	}
}

func (e *sandboxEnv) once(t *testing.T, d cloud.Driver, s *cloud.Spec, k sandbox.FaultKind) {
	e.reset(t)
	e.srv.Inject(sandbox.Fault{Kind: k, Op: sandbox.OpCreate})
	r, err := e.submit(t, d, s)
	if err != nil {
		t.Fatalf("submit through a %s: %v", k, err)
	}
	if n := e.count(d, s); n != 1 {
		t.Fatalf("%s: %d connections exist, want exactly 1", k, n)
	}
	if got := e.srv.Backend().Connections(d.Catalog().API, s.Region(), cloud.Filter{}); got[0].ID != r.ID {
		t.Errorf("%s: submit answered %s, the sandbox holds %s", k, r.ID, got[0].ID)
	}
}

func (e *sandboxEnv) conflict(t *testing.T, d cloud.Driver, s *cloud.Spec) {
	e.reset(t)
	// Two separate creates: a fixed idempotency token in the spec would
	// rightly make the second one the same request.
	s = Clone(s)
	if f := d.Catalog().RoleField(cloud.RoleClientToken); f != nil {
		cloud.Params(s.Params).Delete(f.Path)
	}
	if _, err := e.submit(t, d, s); err != nil {
		t.Fatal(err)
	}
	_, err := e.submit(t, d, s)
	if cloud.CodeOf(err) != cloud.CodeConflict {
		t.Errorf("the same connection twice: want code conflict, got %v", err)
	}
	var ae *cloud.APIError
	if errors.As(err, &ae) && (ae.VendorCode == "" || ae.Message == "") {
		t.Errorf("vendor code and message must be kept: %+v", ae)
	}
}

func (e *sandboxEnv) notFound(t *testing.T, d cloud.Driver, s *cloud.Spec) {
	e.reset(t)
	s = Clone(s)
	gw, f := roleValue(d.Catalog(), cloud.Params(s.Params), cloud.RoleVPNGateway)
	if f == nil || len(gw) < 4 {
		t.Fatal("no VPN gateway in the spec")
	}
	cloud.Params(s.Params).Set(f.Path, gw[:len(gw)-4]+"zzzz")
	_, err := e.submit(t, d, s)
	if cloud.CodeOf(err) != cloud.CodeNotFound {
		t.Errorf("unknown gateway: want code not-found, got %v", err)
	}
}

// StartSandbox serves a fresh sandbox on loopback for a test and returns
// it with its base URL; wrap, when given, sees (and may tamper with) each
// request before the sandbox does. A zero Seed becomes 1, so ids repeat.
func StartSandbox(t testing.TB, o sandbox.Options, wrap func(r *http.Request)) (*sandbox.Server, *url.URL) {
	t.Helper()
	if o.Seed == 0 {
		o.Seed = 1
	}
	srv, err := sandbox.New(o)
	if err != nil {
		t.Fatal(err)
	}
	var h http.Handler = srv
	if wrap != nil {
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			wrap(r)
			srv.ServeHTTP(w, r)
		})
	}
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	u, _ := url.Parse(hs.URL)
	return srv, u
}

// fillRoles mark fields the wizard fills from look-ups; not every
// vendor's describe call returns them, so they are not read back.
var fillRoles = map[cloud.Role]bool{cloud.RoleLocalAddress: true, cloud.RoleRemoteAddress: true, cloud.RoleLocalSubnet: true, cloud.RoleRegion: true}

// peerRoles say what the customer side must mirror (tunnelwiz peer reads
// them from the spec); the read-back compares the proposal, not these.
var peerRoles = map[cloud.Role]bool{
	cloud.RoleRouting: true, cloud.RoleRemoteSubnet: true, cloud.RolePolicyLocal: true, cloud.RoleSubnetPairs: true,
	cloud.RoleLocalIDType: true, cloud.RoleRemoteIDType: true, cloud.RoleLocalFQDN: true, cloud.RoleRemoteFQDN: true,
	cloud.RoleDPDTimeout: true, cloud.RoleDPDInterval: true, cloud.RoleDPDAction: true, cloud.RoleIPsecLifeKB: true,
	cloud.RoleTunnelLocal: true, cloud.RoleTunnelPeer: true, cloud.RoleTunnelCIDR: true, cloud.RoleBGPLocalASN: true,
}
