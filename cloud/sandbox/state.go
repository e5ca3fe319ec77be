package sandbox

import (
	"fmt"
	"net/netip"
	"sort"
	"time"

	"tunnelwiz/cloud"
)

// Conn is a connection the sandbox holds.
type Conn struct {
	ID                string
	Name              string
	VPNGatewayID      string
	CustomerGatewayID string
	VpcID             string
	Local, Remote     []netip.Prefix
	// Params is the request as the frontend decoded it into the spec's
	// shape, kept so that reads answer with what was sent.
	Params  cloud.Params
	Created time.Time
	// Connected is the peer side's doing: POST /_sandbox/connect sets
	// it, /_sandbox/disconnect clears it (see Backend.Up).
	Connected bool
	// Deleted is when a delete was accepted: the connection is deleting
	// for the settle time, then gone.
	Deleted time.Time `json:",omitzero"`
}

// NewConn is what a frontend asks the Backend to create.
type NewConn struct {
	ID                string // the frontend makes it in the vendor's style (NewID, NewUUID)
	Name              string
	VPNGatewayID      string
	CustomerGatewayID string
	VpcID             string // checked when given
	Local, Remote     []netip.Prefix
	Params            cloud.Params
}

// Backend is the vendor-neutral state a frontend acts on. All methods are
// safe for concurrent use.
type Backend struct{ s *Server }

// Keys is the sandbox's one account's long-term keys.
func (b *Backend) Keys() cloud.Credentials { return Keys }

// Now is the sandbox's clock (tests may pin it).
func (b *Backend) Now() time.Time { return b.s.now() }

// Regions lists the regions the fixtures hold for a vendor, sorted.
func (b *Backend) Regions(vendor string) []string {
	b.s.mu.Lock()
	defer b.s.mu.Unlock()
	return b.s.fixtures.Regions(vendor)
}

// Inventory lists a region's resources for a vendor.
func (b *Backend) Inventory(vendor, region string) cloud.Inventory {
	b.s.mu.Lock()
	defer b.s.mu.Unlock()
	r := b.s.fixtures.region(vendor, region)
	if r == nil {
		return cloud.Inventory{}
	}
	inv := cloud.Inventory{VPCs: r.VPCs, CustomerGateways: r.CustomerGateways}
	for _, g := range r.VPNGateways {
		inv.VPNGateways = append(inv.VPNGateways, g.Resource)
	}
	return inv
}

// Create checks a new connection against the region's state as the clouds
// do, and keeps it.
func (b *Backend) Create(vendor, region string, n NewConn) (*Conn, *Refusal) {
	b.s.mu.Lock()
	defer b.s.mu.Unlock()
	r := b.s.fixtures.region(vendor, region)
	if r == nil {
		return nil, &Refusal{cloud.CodeNotFound, ReasonNoVPNGateway, fmt.Sprintf("no VPN gateway %s in region %s", n.VPNGatewayID, region)}
	}
	gw := r.gateway(n.VPNGatewayID)
	if gw == nil {
		return nil, &Refusal{cloud.CodeNotFound, ReasonNoVPNGateway, fmt.Sprintf("VPN gateway %s does not exist in %s", n.VPNGatewayID, region)}
	}
	if n.CustomerGatewayID != "" && !has(r.CustomerGateways, n.CustomerGatewayID) {
		return nil, &Refusal{cloud.CodeNotFound, ReasonNoCustomerGateway, fmt.Sprintf("customer gateway %s does not exist in %s", n.CustomerGatewayID, region)}
	}
	if n.VpcID != "" && !has(r.VPCs, n.VpcID) {
		return nil, &Refusal{cloud.CodeNotFound, ReasonNoVPC, fmt.Sprintf("VPC %s does not exist in %s", n.VpcID, region)}
	}
	key := vendor + "/" + region
	b.s.sweep(key)
	count := 0
	for _, c := range b.s.conns[key] {
		if c.VPNGatewayID != n.VPNGatewayID {
			continue
		}
		count++
		if n.Name != "" && c.Name == n.Name {
			return nil, &Refusal{cloud.CodeConflict, ReasonDuplicateName, fmt.Sprintf("a connection named %q already exists on %s (%s)", n.Name, n.VPNGatewayID, c.ID)}
		}
		for _, a := range n.Remote {
			for _, e := range c.Remote {
				if a.Overlaps(e) {
					return nil, &Refusal{cloud.CodeConflict, ReasonCIDRConflict, fmt.Sprintf("remote CIDR %s overlaps %s of connection %s on the same gateway", a, e, c.ID)}
				}
			}
		}
	}
	if count >= gw.quota() {
		return nil, &Refusal{cloud.CodeQuota, ReasonQuota, fmt.Sprintf("VPN gateway %s already has %d connections, its quota", n.VPNGatewayID, count)}
	}
	c := &Conn{ID: n.ID, Name: n.Name, VPNGatewayID: n.VPNGatewayID, CustomerGatewayID: n.CustomerGatewayID,
		VpcID: n.VpcID, Local: n.Local, Remote: n.Remote, Params: n.Params, Created: b.s.now()}
	b.s.conns[key] = append(b.s.conns[key], c)
	return c, nil
}

// Connections lists a region's connections that pass the filter, oldest first.
func (b *Backend) Connections(vendor, region string, f cloud.Filter) []Conn {
	b.s.mu.Lock()
	defer b.s.mu.Unlock()
	var out []Conn
	b.s.sweep(vendor + "/" + region)
	for _, c := range b.s.conns[vendor+"/"+region] {
		if f.Matches(cloud.Connection{ID: c.ID, Name: c.Name, VPNGatewayID: c.VPNGatewayID, CustomerGatewayID: c.CustomerGatewayID}) {
			out = append(out, *c)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Created.Before(out[j].Created) })
	return out
}

// Connection reads one connection.
func (b *Backend) Connection(vendor, region, id string) (*Conn, *Refusal) {
	b.s.mu.Lock()
	defer b.s.mu.Unlock()
	b.s.sweep(vendor + "/" + region)
	for _, c := range b.s.conns[vendor+"/"+region] {
		if c.ID == id {
			cc := *c
			return &cc, nil
		}
	}
	return nil, noConnection(id, region)
}

func noConnection(id, region string) *Refusal {
	return &Refusal{cloud.CodeNotFound, ReasonNoConnection, fmt.Sprintf("connection %s does not exist in %s", id, region)}
}

// Delete accepts the deletion of a connection, as the clouds do: it is
// deleting for the sandbox's settle time, then gone (with no settle time,
// gone at once). A connection already deleting is refused with
// ReasonInvalidState, as the clouds refuse a second delete.
func (b *Backend) Delete(vendor, region, id string) (*Conn, *Refusal) {
	b.s.mu.Lock()
	defer b.s.mu.Unlock()
	key := vendor + "/" + region
	b.s.sweep(key)
	for _, c := range b.s.conns[key] {
		if c.ID != id {
			continue
		}
		if !c.Deleted.IsZero() {
			return nil, &Refusal{cloud.CodeConflict, ReasonInvalidState, fmt.Sprintf("connection %s is being deleted already", id)}
		}
		c.Deleted = b.s.now()
		cc := *c
		b.s.sweep(key)
		return &cc, nil
	}
	return nil, noConnection(id, region)
}

// sweep forgets the connections whose deletion has run its course. The
// caller holds s.mu.
func (s *Server) sweep(key string) {
	cs := s.conns[key]
	kept := cs[:0]
	for _, c := range cs {
		if c.Deleted.IsZero() || s.now().Sub(c.Deleted) < s.settle {
			kept = append(kept, c)
		}
	}
	clear(cs[len(kept):])
	if len(kept) == 0 {
		delete(s.conns, key)
		return
	}
	s.conns[key] = kept
}

// Phase is where a connection is in its life: pending until the sandbox's
// settle time has passed since its creation, then available; deleting
// from when its delete was accepted until it is gone.
func (b *Backend) Phase(c *Conn) cloud.Phase {
	if !c.Deleted.IsZero() {
		return cloud.PhaseDeleting
	}
	if b.s.now().Sub(c.Created) < b.s.settle {
		return cloud.PhasePending
	}
	return cloud.PhaseAvailable
}

// Up reports whether a connection's tunnel is negotiated: once the peer
// side has connected (no customer gateway ever answers a sandbox, so a
// control call stands in for it) and the connection is available. A new
// connection's tunnel is down.
func (b *Backend) Up(c *Conn) bool {
	return c.Connected && b.Phase(c) == cloud.PhaseAvailable
}

// NewID makes a vendor-style id: prefix + n lower-case letters and digits,
// from the sandbox's seeded random source (stable across runs with a seed).
func (b *Backend) NewID(prefix string, n int) string {
	b.s.mu.Lock()
	defer b.s.mu.Unlock()
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	out := make([]byte, n)
	for i := range out {
		out[i] = alphabet[b.s.rng.IntN(len(alphabet))]
	}
	return prefix + string(out)
}

// NewUUID makes a version-4-shaped UUID from the seeded random source.
func (b *Backend) NewUUID() string {
	b.s.mu.Lock()
	defer b.s.mu.Unlock()
	var x [16]byte
	for i := range x {
		x[i] = byte(b.s.rng.IntN(256))
	}
	x[6] = x[6]&0x0f | 0x40
	x[8] = x[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", x[0:4], x[4:6], x[6:8], x[8:10], x[10:16])
}

func has(rs []cloud.Resource, id string) bool {
	for _, r := range rs {
		if r.ID == id {
			return true
		}
	}
	return false
}
