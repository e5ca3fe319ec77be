package cloud

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// fakeCatalog exercises every kind of rule the validator knows, without
// any vendor's data.
var fakeCatalog = &Catalog{
	API:   "fake",
	Title: "Fake API",
	Target: []Field{
		{Path: "region", Type: String, Required: true, Known: []string{"north", "south"}, Help: "h", Source: "test"},
		{Path: "project_id", Type: String, Help: "h", Source: "test"},
	},
	Fields: []Field{
		{Path: "Name", Type: String, Len: &Range{2, 8}, Chars: NewCharset(`^[A-Za-z][A-Za-z0-9_]*$`, "must start with a letter; letters, digits and _ only"), Step: StepTags, Help: "h", Source: "test"},
		{Path: "Key", Type: String, Required: true, Secret: true, Len: &Range{6, 20}, Step: StepIKE, Help: "h", Source: "test"},
		{Path: "Mode", Type: String, Allowed: []string{"STATIC", "POLICY"}, Tolerated: map[string]string{"ROUTE": "only a provider lists it"}, Default: "STATIC", Step: StepGateways, Help: "h", Source: "test"},
		{Path: "Rules", Type: List, Len: &Range{0, 2}, OnlyWhen: &Cond{Path: "Mode", In: []string{"POLICY"}}, Step: StepSubnets, Help: "h", Source: "test"},
		{Path: "Rules[]", Type: Object, Help: "h", Source: "test"},
		{Path: "Rules[].Local", Type: String, Format: CIDR, Required: true, Help: "h", Source: "test"},
		{Path: "Rules[].Remote", Type: List, Help: "h", Source: "test"},
		{Path: "Rules[].Remote[]", Type: String, Format: CIDR, Help: "h", Source: "test"},
		{Path: "Ike", Type: Object, Step: StepIKE, Help: "h", Source: "test"},
		{Path: "Ike.Identity", Type: String, Allowed: []string{"ADDRESS", "FQDN"}, Default: "ADDRESS", Help: "h", Source: "test"},
		{Path: "Ike.Address", Type: String, Format: IPv4, RequiredWhen: &Cond{Path: "Identity", In: []string{"ADDRESS"}}, Help: "h", Source: "test"},
		{Path: "Ike.Fqdn", Type: String, RequiredWhen: &Cond{Path: "Identity", In: []string{"FQDN"}}, Help: "h", Source: "test"},
		{Path: "Ike.Lifetime", Type: Integer, Range: &Range{60, 86400}, Help: "h", Source: "test"},
		{Path: "Timeout", Type: String, Format: Digits, Range: &Range{30, 60}, Step: StepExtras, Help: "h", Source: "test"},
		{Path: "Enable", Type: Boolean, Step: StepExtras, Help: "h", Source: "test"},
		{Path: "Acl", Type: Map, Format: CIDR, Step: StepSubnets, Help: "h", Source: "test"},
		{Path: "Acl.*", Type: List, Help: "h", Source: "test"},
		{Path: "Acl.*[]", Type: String, Format: CIDR, Help: "h", Source: "test"},
		{Path: "Old", Type: String, Deprecated: "Name", Step: StepTags, Help: "h", Source: "test"},
	},
	Checks: []Check{{
		Name: "Rules local not in remote", Source: "test",
		Run: func(p Params, _ map[string]string) Issues {
			var out Issues
			for i, r := range p.List("Rules") {
				m, _ := r.(map[string]any)
				if m["Local"] == "10.9.9.0/24" {
					out = append(out, Warnf("Rules["+itoa(i)+"].Local", "is suspicious"))
				}
			}
			return out
		},
	}},
}

func itoa(i int) string { return strconv.Itoa(i) }

// fakeDriver sends params as JSON through net/http, like a JSON API SDK.
type fakeDriver struct{}

func (fakeDriver) Catalog() *Catalog { return fakeCatalog }
func (fakeDriver) Endpoint(t map[string]string) (*url.URL, error) {
	return url.Parse("https://api." + t["region"] + ".example.test")
}
func (fakeDriver) Create(ctx context.Context, base *url.URL, cred Credentials, t map[string]string, p Params) (*Created, error) {
	b, _ := json.Marshal(p)
	req, _ := http.NewRequestWithContext(ctx, "POST", base.String()+"/v1/conn", strings.NewReader(string(b)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Action", "Create")
	req.Header["x-acs-lower"] = []string{"kept"} // as tea writes them: not canonical
	req.Header.Set("Authorization", "sig "+cred.ID)
	req.Header.Set("X-Tc-Timestamp", "123")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return &Created{ID: "x"}, nil
}

func (fakeDriver) Inventory(context.Context, *url.URL, Credentials, map[string]string) (*Inventory, error) {
	return &Inventory{}, nil
}
func (fakeDriver) Connections(context.Context, *url.URL, Credentials, map[string]string, Filter) ([]Connection, error) {
	return nil, nil
}
func (fakeDriver) Connection(context.Context, *url.URL, Credentials, map[string]string, string) (*Connection, error) {
	return nil, &APIError{Code: CodeNotFound}
}
func (fakeDriver) Delete(context.Context, *url.URL, Credentials, map[string]string, string) error {
	return &APIError{Code: CodeNotFound}
}
func (fakeDriver) FindCredentials(context.Context, CredQuery) (Credentials, Identity, error) {
	return Credentials{}, Identity{}, ErrNoCredentials
}

func init() { Register("fake", fakeDriver{}) }

const fakeSpec = `
vendor: fake
region: north
params:
  Name: conn_1
  Key: s3cretKEY
  Mode: POLICY
  Rules:
    - Local: 10.0.0.0/24
      Remote: [192.168.0.0/24]
  Ike: {Identity: ADDRESS, Address: 192.0.2.1, Lifetime: 86400}
  Timeout: 30
  Enable: true
`
