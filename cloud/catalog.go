package cloud

import (
	"sort"
	"strings"
	"sync"
)

// Implied is a role's value that no parameter of the API sets.
type Implied struct {
	Role Role
	// Term is the vocabulary or mode term the cloud applies.
	Term string
	// Source is the evidence, as for Field.Source.
	Source string
}

// ImpliedFor is what the API applies for a role no parameter sets (ok
// false when the catalog says nothing of it).
func (c *Catalog) ImpliedFor(r Role) (Implied, bool) {
	for _, im := range c.Implied {
		if im.Role == r {
			return im, true
		}
	}
	return Implied{}, false
}

// Check is one cross-field rule: it sees the whole (normalized) request and
// the target, and reports issues against exact parameter paths.
type Check struct {
	// Name says what the rule checks, for the rules listing.
	Name string
	// Source is the evidence, as for Field.Source. A rule whose only
	// evidence is a vendor error code reports warnings, never errors.
	Source string
	Run    func(p Params, t map[string]string) Issues
	// Listed, when set, runs instead of Run where the gateways were
	// looked up (the wizard's pick lists): a rule that hangs on a fact of
	// a resource the spec only names (Huawei's gateway attachment) is
	// decided from the listing rather than reported as unknowable. It
	// falls back to Run's answer for a resource the listing lacks.
	Listed func(p Params, t map[string]string, inv *Inventory) Issues
}

// TerraformResource is an official Terraform provider's resource.
type TerraformResource struct {
	// Provider is the provider's local name (tencentcloud).
	Provider string
	// Source is its registry address (tencentcloudstack/tencentcloud).
	Source string
	// Resource is the resource type (tencentcloud_vpn_connection).
	Resource string
	// Version is the provider release the Export column was checked
	// against; exports require at least it.
	Version string
	// Schema names what the Export column was checked against: the
	// provider's repository, commit and source file.
	Schema string
}

// Catalog is the complete rule set of one vendor API's create call.
type Catalog struct {
	// API is the spec file's vendor key (tencent, tencent-v2, ...).
	API string
	// Title names the API for people: "Tencent Cloud API 3.0 CreateVpnConnection".
	Title string
	// Target lists the top-level spec keys besides vendor and params
	// (paths are plain names: region, project_id, endpoint, ...).
	Target []Field
	// Fields lists every request parameter.
	Fields []Field
	// Checks are the cross-field rules.
	Checks []Check
	// RateLimit is the vendor's documented request rate for these calls
	// (requests per second) and RateSource where it is documented; tunnelwiz
	// never sends faster. Zero means undocumented: DefaultRate applies.
	RateLimit  float64
	RateSource string
	// Implied are settings the request cannot carry but the cloud applies
	// all the same (Tencent API 2.0 has no IKE version parameter): the
	// customer side must still mirror them.
	Implied []Implied
	// Terraform names the vendor's official Terraform provider and its
	// resource for this connection; the zero value means there is none
	// (Tencent API 2.0). Fields map onto it through Field.Export.
	Terraform TerraformResource
	// Signing names how a request is signed (scheme, and the headers or
	// parameters it adds at send time), for a request shown unsigned.
	Signing string
	// CLI names the vendor's own command line tool that export writes
	// the create call for (tccli, aliyun, hcloud); "" when there is none.
	CLI string

	once     sync.Once
	byPath   map[string]*Field
	children map[string][]string // parent path -> child names, in catalog order
	target   map[string]*Field
}

func (c *Catalog) index() {
	c.once.Do(func() {
		c.byPath = make(map[string]*Field, len(c.Fields))
		c.children = map[string][]string{}
		for i := range c.Fields {
			f := &c.Fields[i]
			c.byPath[f.Path] = f
			parent, name := splitPath(f.Path)
			if name != "" {
				c.children[parent] = append(c.children[parent], name)
			}
		}
		c.target = map[string]*Field{}
		for i := range c.Target {
			c.target[c.Target[i].Path] = &c.Target[i]
		}
	})
}

// Field returns the rule for a catalog path, or nil.
func (c *Catalog) Field(path string) *Field {
	c.index()
	return c.byPath[path]
}

// TargetField returns the rule for a top-level target key, or nil.
func (c *Catalog) TargetField(name string) *Field {
	c.index()
	return c.target[name]
}

// Children lists the member names of an object path ("" for the top level).
func (c *Catalog) Children(path string) []string {
	c.index()
	return c.children[path]
}

// RoleField returns the top-level (not per-tunnel) field with a role, or nil.
func (c *Catalog) RoleField(r Role) *Field {
	for i := range c.Fields {
		if f := &c.Fields[i]; f.Role == r && !strings.Contains(f.Path, "[]") && f.Deprecated == "" {
			return f
		}
	}
	return nil
}

// Secrets returns the paths of the secret parameters.
func (c *Catalog) Secrets() []string {
	var out []string
	for _, f := range c.Fields {
		if f.Secret {
			out = append(out, f.Path)
		}
	}
	return out
}

// splitPath splits "a.b[].c" into ("a.b[]", "c") and "a[]" into ("a", "").
// A list element ("x[]") has no name of its own: its rules are the
// element's, looked up by the full path.
func splitPath(p string) (parent, name string) {
	if strings.HasSuffix(p, "[]") {
		return p, ""
	}
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i], p[i+1:]
	}
	return "", p
}

var (
	registryMu sync.RWMutex
	registry   = map[string]Driver{}
)

// Register makes a driver available under api, its catalog's API name.
// Vendor packages call it from init; importing tunnelwiz/cloud/all
// registers all. The name is given, not read from d.Catalog(), so that no
// catalog is built at the program's start (a test in cloud/all holds the
// two equal).
func Register(name string, d Driver) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if _, dup := registry[name]; dup {
		panic("cloud: driver registered twice: " + name)
	}
	registry[name] = d
}

// Lookup returns the driver for a vendor key.
func Lookup(vendor string) (Driver, bool) {
	registryMu.RLock()
	defer registryMu.RUnlock()
	d, ok := registry[vendor]
	return d, ok
}

// Vendors lists the registered vendor keys, sorted.
func Vendors() []string {
	registryMu.RLock()
	defer registryMu.RUnlock()
	out := make([]string, 0, len(registry))
	for k := range registry {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
