// Package wizard is the interactive face of tunnelwiz: a bubbletea host
// model that walks through the steps, embedding one huh form per step. All
// it knows of vendors comes from the rule catalogs (through forms/) and
// the drivers: there is no vendor switch here.
package wizard

import (
	"strings"

	"tunnelwiz/cloud"
	"tunnelwiz/forms"
	"tunnelwiz/ui/front"
)

// State is what the user has chosen so far, shared by every page.
type State struct {
	Driver cloud.Driver
	Spec   *cloud.Spec
	Issues cloud.Issues
	// Dest is where requests go (sandbox or cloud) once chosen.
	Dest *front.Where
	// UseSandbox and UseEndpoint are the destination chosen on the vendor
	// page: the built-in sandbox, the --endpoint URL, or else the cloud.
	UseSandbox, UseEndpoint bool
	// Inventory is the live pick list, when loaded.
	Inventory *cloud.Inventory
	InvErr    error
	// InvFor says which vendor and target the inventory is of.
	InvFor string
	// Listed are the target keys' values looked up live, by key.
	Listed map[string]*listed
	// CloudErr is the last refusal from the cloud, shown on the page of
	// its field.
	CloudErr *cloud.APIError
	// Saved is the path of the spec this session saved, and SavedWithKey
	// whether it holds the pre-shared key (ctrl+y).
	Saved        string
	SavedWithKey bool
	// Created is the connection made, once submitted.
	Created *cloud.Result
	Final   *cloud.Connection
	// Revealed: the pre-shared key is shown in clear (ctrl+r).
	Revealed bool
	// Stash keeps the values of fields a mode change hid, by path, and
	// Folded those of settings groups taken back (see forms.Foldable).
	Stash  map[string]any
	Folded map[string]any
	// applied says, per field path, whether the field applied at the last
	// Revalidate: only a change made in this session (applied, then not)
	// sets a value aside; a value the spec or draft gave where it does not
	// apply stays, shown and reported.
	applied map[string]bool
	// LastSub is the last submission: a submit again after a failure
	// reuses what it learnt of the connections that existed before.
	LastSub *cloud.Submission
	// PresetNote says what the last preset could not set here.
	PresetNote string
	// TokenAdded: the idempotency token is the session's own, not the
	// spec's; a saved spec leaves it out (a re-run is a new create).
	TokenAdded bool
	// Filled are the values the wizard put in itself (from the picks, the
	// region), by instance path: such a value follows a new pick, while
	// one the engineer typed or the spec gave is never overwritten.
	Filled map[string]string
	// Given: the session started from a spec file or a draft. What it
	// left empty stays empty unless the engineer picks something; a fresh
	// session is offered first entries and filled-in values.
	Given bool
	// Accessible: plain prompts, where an empty answer keeps the value shown.
	Accessible bool
	// EchoKey: plain prompts read from something that is not a terminal
	// (a pipe, a script), where a hidden prompt cannot be had; nothing
	// typed is echoed there anyway.
	EchoKey bool
	// Cols is how wide a pick list's row may be (the body less huh's
	// frame), set when a page's form is built; see fitRows.
	Cols int
	// FormErrs are what the form could not turn into a value (rows that do
	// not parse), by path: reported as errors beside the catalog's own.
	FormErrs map[string]string
}

// Catalog is the chosen vendor's rules.
func (s *State) Catalog() *cloud.Catalog { return s.Driver.Catalog() }

// Params are the request parameters being built.
func (s *State) Params() cloud.Params { return cloud.Params(s.Spec.Params) }

// Revalidate runs the whole catalog over the spec; cheap enough (tens of
// microseconds) to do on every keystroke. First, values of fields that a
// mode chosen in this session (on any page) made inapplicable are set
// aside, and those that apply again brought back: a hidden field is not
// sent, and switching a mode back and forth loses nothing. A value that
// did not apply from the start (the spec's own) is left as given.
func (s *State) Revalidate() {
	c := s.Catalog()
	p := s.Params()
	if s.Stash == nil {
		s.Stash = map[string]any{}
	}
	if s.FormErrs == nil {
		s.FormErrs = map[string]string{}
	}
	first := s.applied == nil
	if first {
		s.applied = map[string]bool{}
	}
	for i := range c.Fields {
		f := &c.Fields[i]
		if strings.Contains(f.Path, "[]") || strings.Contains(f.Path, ".*") {
			continue
		}
		v, present := p.At(f.Path)
		applies := c.Applies(f, p, f.Path)
		switch {
		case present && !applies && !first && s.applied[f.Path]:
			s.Stash[f.Path] = v
			p.Delete(f.Path)
		case !present && applies:
			if v, ok := s.Stash[f.Path]; ok {
				p.Set(f.Path, v)
				delete(s.Stash, f.Path)
			}
		}
		s.applied[f.Path] = applies
	}
	_, s.Issues = s.check(s.Spec)
	for _, path := range sortedKeys(s.FormErrs) {
		s.Issues = append(cloud.Issues{{Field: path, Severity: cloud.Error, Message: s.FormErrs[path]}}, s.Issues...)
	}
}

// check runs the catalog over spec with the gateways as listed: a rule
// that hangs on a listed gateway's facts (Huawei's attachment) is decided
// from them instead of warning that tunnelwiz cannot see the gateway.
func (s *State) check(spec *cloud.Spec) (cloud.Params, cloud.Issues) {
	var inv *cloud.Inventory
	if s.Inventory != nil && s.InvFor == s.InvKey() { // not another region's
		inv = s.Inventory
	}
	return s.Catalog().CheckListed(spec, inv)
}

// InvKey names what an inventory was looked up for.
func (s *State) InvKey() string {
	return s.Spec.Vendor + "|" + s.Spec.Target["region"] + "|" + s.Spec.Target["project_id"] + "|" + s.Spec.Target["endpoint"]
}

// SetVendor switches to another API, keeping nothing of the old one's
// parameters (their names differ) but the region.
func (s *State) SetVendor(vendor string) {
	if s.Driver != nil && s.Driver.Catalog().API == vendor {
		return
	}
	d, ok := cloud.Lookup(vendor)
	if !ok {
		return
	}
	s.Driver = d
	s.Spec = &cloud.Spec{Vendor: vendor, Target: map[string]string{}, Params: map[string]any{}}
	s.Inventory, s.InvErr, s.Dest, s.Listed = nil, nil, nil, nil
	s.Stash, s.applied, s.Given, s.Filled, s.Folded = map[string]any{}, nil, false, nil, nil
	s.Revalidate()
}

// StepOf is the wizard step holding an issue's field.
func (s *State) StepOf(field string) cloud.Step {
	c := s.Catalog()
	if f := c.TargetField(field); f != nil {
		return cloud.StepTarget
	}
	for p := cloud.CatalogPath(field); p != ""; {
		if f := c.Field(p); f != nil {
			return forms.StepOf(c, f)
		}
		i := lastSep(p)
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return cloud.StepTags
}

func lastSep(p string) int {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '.' || p[i] == '[' {
			return i
		}
	}
	return -1
}

// IssueAt is the issue about a catalog path or inside it (a row of a
// list), errors before warnings, or nil.
func (s *State) IssueAt(path string) *cloud.Issue {
	if path == "" {
		return nil
	}
	var warn *cloud.Issue
	for i := range s.Issues {
		is := &s.Issues[i]
		cp := cloud.CatalogPath(is.Field)
		if cp != path && !strings.HasPrefix(cp, path+".") && !strings.HasPrefix(cp, path+"[") {
			continue
		}
		if is.Severity == cloud.Error {
			return is
		}
		if warn == nil {
			warn = is
		}
	}
	return warn
}
