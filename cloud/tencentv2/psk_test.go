package tencentv2

import (
	"strings"
	"testing"

	"tunnelwiz/cloud/drivertest"
)

// The invalid-spec cases are in testdata/cases/cases.yaml, run by the
// conformance suite (conformance_test.go).

func s(kv ...any) map[string]any {
	m := map[string]any{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}

func l(vs ...any) []any { return vs }

// TestMessagesNeverEchoPSK: whatever is wrong with a pre-shared key, its
// value stays out of every message.
func TestMessagesNeverEchoPSK(t *testing.T) {
	seed := drivertest.LoadSeed(t, "testdata/seed.yaml")
	for _, v := range []any{"", "   ", l("topsecret-1"), s("k", "topsecret-2")} {
		spec := drivertest.Clone(seed)
		spec.Params["preSharedKey"] = v
		_, issues := catalog().Check(spec)
		if len(issues.For("preSharedKey")) == 0 {
			t.Errorf("%v: no issue", v)
		}
		for _, i := range issues {
			if strings.Contains(i.Message, "topsecret") {
				t.Errorf("secret echoed: %s", i)
			}
		}
	}
}

// TestIKEDefaultsDoNotBlock: an IKESet that only picks algorithms leaves
// the identities to Tencent's defaults, which the seed's own example
// relies on; it may warn but never fail.
func TestIKEDefaultsDoNotBlock(t *testing.T) {
	spec := drivertest.LoadSeed(t, "testdata/seed.yaml")
	spec.Params["IKESet"] = s("propoEncryAlgorithm", "aes-cbc-256", "dhGroupName", "group14")
	spec.Params["IPsecSet"] = s("pfsDhGroup", "dh-group14")
	if _, issues := catalog().Check(spec); issues.Errors() != 0 {
		t.Errorf("errors: %v", issues)
	}
}
