package sandbox

import (
	"embed"
	"fmt"
	"os"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"tunnelwiz/cloud"
)

// The default fixtures: one file per vendor under fixtures/, each a map
// of region to resources (see fixtures/README.md for the format).
//
//go:embed fixtures
var fixtureFiles embed.FS

// Gateway is a VPN gateway fixture: a resource with a connection quota.
type Gateway struct {
	cloud.Resource `yaml:",inline"`
	// MaxConnections is the gateway's connection quota (default 10).
	MaxConnections int `yaml:"max_connections,omitempty"`
}

func (g *Gateway) quota() int {
	if g.MaxConnections > 0 {
		return g.MaxConnections
	}
	return 10
}

// Region is what one region of one vendor holds.
type Region struct {
	VPCs             []cloud.Resource `yaml:"vpcs"`
	VPNGateways      []Gateway        `yaml:"vpn_gateways"`
	CustomerGateways []cloud.Resource `yaml:"customer_gateways"`
}

func (r *Region) gateway(id string) *Gateway {
	for i := range r.VPNGateways {
		if r.VPNGateways[i].ID == id {
			return &r.VPNGateways[i]
		}
	}
	return nil
}

// Fixtures maps vendor -> region -> resources.
type Fixtures map[string]map[string]*Region

func (f Fixtures) region(vendor, region string) *Region {
	return f[vendor][region]
}

// Regions lists a vendor's fixture regions, sorted.
func (f Fixtures) Regions(vendor string) []string {
	var out []string
	for r := range f[vendor] {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// DefaultFixtures reads the embedded fixture files.
func DefaultFixtures() (Fixtures, error) {
	entries, err := fixtureFiles.ReadDir("fixtures")
	if err != nil {
		return nil, err
	}
	all := Fixtures{}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		b, err := fixtureFiles.ReadFile("fixtures/" + e.Name())
		if err != nil {
			return nil, err
		}
		var regions map[string]*Region
		if err := yaml.Unmarshal(b, &regions); err != nil {
			return nil, fmt.Errorf("fixtures/%s: %w", e.Name(), err)
		}
		all[strings.TrimSuffix(e.Name(), ".yaml")] = regions
	}
	return all, nil
}

// LoadFixtures reads a fixture file that replaces the defaults: a map of
// vendor -> region -> resources, the same shape as the embedded files one
// level up.
func LoadFixtures(path string) (Fixtures, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f Fixtures
	if err := yaml.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}
