package cloud

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestPlanRecordsExactRequestAndMasks(t *testing.T) {
	s := mustParse(t, fakeSpec)
	r, _, err := Plan(s, false)
	if err != nil {
		t.Fatal(err)
	}
	if r.Method != "POST" || r.URL != "https://api.north.example.test/v1/conn" {
		t.Errorf("request line: %s %s", r.Method, r.URL)
	}
	if r.Headers["x-acs-lower"] != "kept" {
		t.Errorf("header name case not kept as sent: %v", r.Headers)
	}
	if _, ok := r.Headers["Host"]; ok {
		t.Errorf("Host is in the URL line, not a header: %v", r.Headers)
	}
	if r.Headers["X-Action"] != "Create" || r.Headers["Authorization"] != "" || r.Headers["X-Tc-Timestamp"] != "" {
		t.Errorf("headers: %v", r.Headers)
	}
	if strings.Contains(string(r.Raw), "s3cretKEY") || !strings.Contains(string(r.Raw), `"Key":"`+Mask+`"`) {
		t.Errorf("secret not masked in place: %s", r.Raw)
	}
	var body map[string]any
	json.Unmarshal(r.Raw, &body)
	if body["Timeout"] != "30" {
		t.Errorf("normalized value not sent: %v", body["Timeout"])
	}
	shown, _, _ := Plan(mustParse(t, fakeSpec), true)
	if !strings.Contains(string(shown.Raw), "s3cretKEY") {
		t.Errorf("--show-secrets lost the key: %s", shown.Raw)
	}
}

func TestPlanRefusesInvalid(t *testing.T) {
	s := mustParse(t, strings.Replace(fakeSpec, "Mode: POLICY", "Mode: NOPE", 1))
	_, is, err := Plan(s, false)
	var inv *InvalidError
	if !errors.As(err, &inv) || len(is.For("Mode")) == 0 {
		t.Errorf("want InvalidError with the Mode issue, got %v %v", err, is)
	}
}

func TestRedactListPaths(t *testing.T) {
	c := &Catalog{Fields: []Field{{Path: "T", Type: List}, {Path: "T[]", Type: Object}, {Path: "T[].Ike", Type: Object}, {Path: "T[].Ike.Psk", Type: String, Secret: true}}}
	p := Params{"T": []any{map[string]any{"Ike": map[string]any{"Psk": "one"}}, map[string]any{"Ike": map[string]any{"Psk": "two"}}}}
	if got := c.SecretValues(p); len(got) != 2 {
		t.Errorf("secret values %v", got)
	}
	r := c.Redact(p)
	b, _ := json.Marshal(r)
	if strings.Contains(string(b), "one") || strings.Contains(string(b), "two") {
		t.Errorf("not redacted: %s", b)
	}
	if p.List("T")[0].(map[string]any)["Ike"].(map[string]any)["Psk"] != "one" {
		t.Errorf("Redact changed its input")
	}
}
