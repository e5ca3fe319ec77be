package aliyun

import (
	"encoding/json"
	"reflect"
	"testing"

	"tunnelwiz/cloud"
)

func decodeCatalog() *cloud.Catalog {
	obj := func(p string) cloud.Field { return cloud.Field{Path: p, Type: cloud.Object} }
	fs := []cloud.Field{
		obj("IkeConfig"), {Path: "Tags", Type: cloud.List}, obj("Tags[]"),
		{Path: "TunnelOptionsSpecification", Type: cloud.List}, obj("TunnelOptionsSpecification[]"),
		obj("TunnelOptionsSpecification[].TunnelIkeConfig"),
	}
	fs = append(fs, testDoc.IkeFields("IkeConfig", false)...)
	return &cloud.Catalog{API: "t", Fields: fs}
}

// TestDecodeFlat: the wire's flat names come back as the spec's objects
// and lists, in index order, JSON-string objects parsed.
func TestDecodeFlat(t *testing.T) {
	got := DecodeFlat(decodeCatalog(), map[string]string{
		"RegionId":   "cn-shanghai",
		"IkeConfig":  `{"IkeVersion":"ikev2","IkeLifetime":86400}`,
		"Tags.2.Key": "b", "Tags.1.Key": "a", "Tags.1.Value": "x",
		"TunnelOptionsSpecification.1.Role":                "master",
		"TunnelOptionsSpecification.2.TunnelIkeConfig.Psk": "k2",
		"TunnelOptionsSpecification.1.TunnelIkeConfig.Psk": "k1",
	})
	want := cloud.Params{
		"RegionId":  "cn-shanghai",
		"IkeConfig": map[string]any{"IkeVersion": "ikev2", "IkeLifetime": json.Number("86400")},
		"Tags":      []any{map[string]any{"Key": "a", "Value": "x"}, map[string]any{"Key": "b"}},
		"TunnelOptionsSpecification": []any{
			map[string]any{"Role": "master", "TunnelIkeConfig": map[string]any{"Psk": "k1"}},
			map[string]any{"TunnelIkeConfig": map[string]any{"Psk": "k2"}},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %#v\nwant %#v", got, want)
	}
	// A gap in the numbering drops nothing that was sent.
	gap := DecodeFlat(decodeCatalog(), map[string]string{"Tags.1.Key": "a", "Tags.3.Key": "c"})
	if l := gap.List("Tags"); len(l) != 2 {
		t.Errorf("%v", gap)
	}
	// A JSON string that does not parse stays a string, for Check to report.
	if bad := DecodeFlat(decodeCatalog(), map[string]string{"IkeConfig": "{"}); bad["IkeConfig"] != "{" {
		t.Errorf("%v", bad)
	}
}
