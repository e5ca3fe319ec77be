package drivertest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"tunnelwiz/cloud"
)

// Wire states how one vendor carries parameters on the wire, in the
// vendor's own terms (its documents and its SDK), independently of the
// driver's encoder, so the wire-coverage check can hold the request the
// real SDK sends against the spec it came from.
type Wire struct {
	// ListBase is the first index of a list element in a form or query key
	// (Tencent API 2.0 userGwCidrBlock.0: 0; Alibaba Tags.1.Key: 1). JSON
	// bodies carry lists as arrays.
	ListBase int
	// JSONStrings are the catalog paths of objects and maps the vendor
	// takes as a JSON document in a string (Alibaba IkeConfig, Tencent API
	// 2.0 spdAcl). Their members are compared inside the document.
	JSONStrings []string
	// Fixed are wire parameters no spec parameter sets, with their value
	// for a target: the action and the target keys the vendor carries as
	// parameters (Tencent API 2.0 Action, Region, SignatureMethod).
	Fixed map[string]func(target map[string]string) string
	// Copies are wire parameters that carry another parameter's value
	// when the spec leaves them out (Apsara regionId = RegionId).
	Copies map[string]string
	// Specs are further valid specs that, with the conformance specs, set
	// every field of the catalog.
	Specs []string
}

// wireLeaf is one scalar on the wire or in the params, at an instance path.
type wireLeaf struct {
	text string
	kind string // "string", "number", "bool"; "text" for form and query values
}

// RunWire is the wire-coverage check (issue 10): for every field path of
// the catalog, a valid spec that sets it produces a request, through the
// real SDK on a loopback recorder, that carries that value at the vendor's
// name and in the vendor's encoding; the request carries nothing no
// parameter set; and a name the catalog does not know never reaches the
// wire, not even through a driver called without validation.
func RunWire(t *testing.T, d cloud.Driver, w Wire, specs ...string) {
	c := d.Catalog()
	covered := map[string]bool{}
	for _, path := range append(specs, w.Specs...) {
		spec := LoadSeed(t, path)
		t.Run("Carries/"+path, func(t *testing.T) {
			for p := range wireCarries(t, c, w, spec) {
				for ; p != ""; p = parentPath(p) {
					covered[p] = true
				}
			}
		})
	}
	t.Run("EveryFieldReachesTheWire", func(t *testing.T) {
		var missing []string
		for _, f := range c.Fields {
			if !covered[f.Path] {
				missing = append(missing, f.Path)
			}
		}
		if len(missing) > 0 {
			t.Errorf("no valid spec sets %d catalog fields, so nothing shows they reach the wire: %s", len(missing), strings.Join(missing, ", "))
		}
	})
	seed := LoadSeed(t, specs[0])
	t.Run("UnknownNamesNeverReachTheWire", func(t *testing.T) { unknownNeverSent(t, d, seed) })
}

// wireCarries plans one spec and compares every parameter leaf with the
// request; it returns the catalog paths it proved.
func wireCarries(t *testing.T, c *cloud.Catalog, w Wire, spec *cloud.Spec) map[string]bool {
	t.Helper()
	p, issues := c.Check(Clone(spec))
	if issues.Errors() > 0 {
		t.Fatalf("spec does not validate: %v", issues)
	}
	req, _, err := cloud.Plan(Clone(spec), true)
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	want := map[string]wireLeaf{}
	flattenJSON(c, w, want, "", map[string]any(p), false)
	got, err := wireLeaves(c, w, req)
	if err != nil {
		t.Fatal(err)
	}
	proved := map[string]bool{}
	for _, inst := range sortedKeys(want) {
		v := want[inst]
		g, ok := got[inst]
		switch {
		case !ok:
			t.Errorf("%s = %q is set but not on the wire (wire carries %v)", inst, v.text, sortedKeys(got))
		case g.text != v.text:
			t.Errorf("%s: the spec says %q, the wire carries %q", inst, v.text, g.text)
		case g.kind != "text" && g.kind != v.kind:
			t.Errorf("%s: the spec's %s %q travels as a JSON %s", inst, v.kind, v.text, g.kind)
		default:
			proved[cloud.CatalogPath(inst)] = true
		}
	}
	for _, inst := range sortedKeys(got) {
		if _, ok := want[inst]; ok {
			continue
		}
		if fixed, ok := w.Fixed[inst]; ok {
			if v := fixed(spec.Target); got[inst].text != v {
				t.Errorf("%s: fixed parameter is %q, want %q", inst, got[inst].text, v)
			}
			continue
		}
		if from, ok := w.Copies[inst]; ok {
			if got[inst].text != want[from].text {
				t.Errorf("%s carries %q, not %s's %q", inst, got[inst].text, from, want[from].text)
			}
			continue
		}
		t.Errorf("the wire carries %s = %q, which no parameter of the spec set", inst, got[inst].text)
	}
	return proved
}

// flattenJSON lists the scalars of a decoded JSON value (or of normalized
// params) under instance paths: members as .name, list elements as [i],
// map entries as ["key"] (the validator's spelling). inJSON marks values
// that travel inside JSON, whose kinds the wire keeps.
func flattenJSON(c *cloud.Catalog, w Wire, out map[string]wireLeaf, inst string, v any, fromWire bool) {
	join := func(name string) string {
		if f := c.Field(cloud.CatalogPath(inst)); inst != "" && f != nil && f.Type == cloud.Map {
			return fmt.Sprintf("%s[%q]", inst, name)
		}
		if inst == "" {
			return name
		}
		return inst + "." + name
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			flattenJSON(c, w, out, join(k), e, fromWire)
		}
	case []any:
		for i, e := range x {
			flattenJSON(c, w, out, fmt.Sprintf("%s[%d]", inst, i), e, fromWire)
		}
	case string:
		if fromWire && isJSONString(w, inst) {
			var doc any
			d := json.NewDecoder(strings.NewReader(x))
			d.UseNumber()
			if d.Decode(&doc) == nil {
				flattenJSON(c, w, out, inst, doc, true)
				return
			}
		}
		out[inst] = wireLeaf{x, "string"}
	case bool:
		out[inst] = wireLeaf{strconv.FormatBool(x), "bool"}
	case int64:
		out[inst] = wireLeaf{strconv.FormatInt(x, 10), "number"}
	case json.Number:
		out[inst] = wireLeaf{x.String(), "number"}
	case float64:
		out[inst] = wireLeaf{strconv.FormatFloat(x, 'f', -1, 64), "number"}
	case nil:
	default:
		out[inst] = wireLeaf{fmt.Sprint(x), fmt.Sprintf("%T", x)}
	}
}

func isJSONString(w Wire, inst string) bool {
	cp := cloud.CatalogPath(inst)
	for _, j := range w.JSONStrings {
		if cp == j {
			return true
		}
	}
	return false
}

// wireLeaves decodes a recorded request into instance paths: a JSON body
// as it nests, form and query keys by the vendor's dotted style, JSON
// strings opened.
func wireLeaves(c *cloud.Catalog, w Wire, r *cloud.Request) (map[string]wireLeaf, error) {
	out := map[string]wireLeaf{}
	form := func(m map[string]string) error {
		for k, v := range m {
			inst, err := formKey(k, w.ListBase)
			if err != nil {
				return err
			}
			if isJSONString(w, inst) {
				flattenJSON(c, w, out, inst, v, true)
				continue
			}
			out[inst] = wireLeaf{v, "text"}
		}
		return nil
	}
	switch b := r.Body.(type) {
	case map[string]any:
		flattenJSON(c, w, out, "", b, true)
	case map[string]string:
		if err := form(b); err != nil {
			return nil, err
		}
	case nil:
	default:
		return nil, fmt.Errorf("body is %T, neither JSON nor form", r.Body)
	}
	if err := form(r.Query); err != nil {
		return nil, err
	}
	return out, nil
}

// formKey turns a dotted key (TunnelOptionsSpecification.1.TunnelIkeConfig.Psk)
// into an instance path (TunnelOptionsSpecification[0].TunnelIkeConfig.Psk).
func formKey(k string, base int) (string, error) {
	var b strings.Builder
	for i, part := range strings.Split(k, ".") {
		if n, err := strconv.Atoi(part); err == nil && i > 0 {
			if n < base {
				return "", fmt.Errorf("form key %s: index %d below the vendor's base %d", k, n, base)
			}
			fmt.Fprintf(&b, "[%d]", n-base)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(part)
	}
	return b.String(), nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Unknown names: a member no catalog lists, put in every object of a
// valid request. Validation refuses it; a driver called without
// validation must not send it either.
const (
	strayName  = "TwUnknownParam"
	strayValue = "tw-unknown-value-7c1f"
)

func unknownNeverSent(t *testing.T, d cloud.Driver, seed *cloud.Spec) {
	c := d.Catalog()
	p, issues := c.Check(Clone(seed))
	if issues.Errors() > 0 {
		t.Fatal(issues)
	}
	objects := []string{""}
	for _, f := range c.Fields {
		if f.Type == cloud.Object && !strings.Contains(f.Path, ".*") {
			objects = append(objects, f.Path)
		}
	}
	for _, obj := range objects {
		inst := instance(obj)
		name := strayName
		if inst != "" {
			name = inst + "." + strayName
		}
		// Validation refuses it, so Plan and apply never build a request.
		s := Clone(seed)
		if err := cloud.Params(s.Params).Set(name, strayValue); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, issues := c.Check(s); len(issues.For(name)) == 0 || issues.Errors() == 0 {
			t.Errorf("%s: not refused by validation: %v", name, issues)
		}
		// The driver itself, handed it anyway, leaves it off the wire.
		q := p.Clone()
		if err := q.Set(name, strayValue); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, raw := range sendRaw(t, d, seed.Target, q) {
			if strings.Contains(raw, strayName) || strings.Contains(raw, strayValue) {
				t.Errorf("%s reached the wire: %s", name, raw)
			}
		}
	}
}

// sendRaw runs the driver's create against a loopback server that records
// every request whole (URL and body, unescaped) and refuses it.
func sendRaw(t *testing.T, d cloud.Driver, target map[string]string, p cloud.Params) []string {
	t.Helper()
	var mu sync.Mutex
	var raws []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		u, _ := url.QueryUnescape(r.URL.String())
		body, _ := url.QueryUnescape(string(b))
		mu.Lock()
		raws = append(raws, u+"\n"+string(b)+"\n"+body)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		io.Copy(w, bytes.NewReader([]byte(`{"error":"recorded"}`)))
	}))
	defer srv.Close()
	base, _ := url.Parse(srv.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	d.Create(ctx, base, cloud.Credentials{ID: "WIRE-TEST-ID", Secret: "wire-test-secret"}, target, p)
	mu.Lock()
	defer mu.Unlock()
	return raws
}
