package forms

import (
	"reflect"
	"testing"

	"tunnelwiz/cloud"
)

var rowsCat = &cloud.Catalog{API: "r", Fields: []cloud.Field{
	{Path: "Spd", Type: cloud.List},
	{Path: "Spd[]", Type: cloud.Object},
	{Path: "Spd[].Local", Type: cloud.String},
	{Path: "Spd[].Remote", Type: cloud.List},
	{Path: "Spd[].Remote[]", Type: cloud.String},
	{Path: "Rules", Type: cloud.List},
	{Path: "Rules[]", Type: cloud.Object},
	{Path: "Rules[].Index", Type: cloud.Integer},
	{Path: "Rules[].Source", Type: cloud.String},
	{Path: "Subnets", Type: cloud.List},
	{Path: "Subnets[]", Type: cloud.String},
	{Path: "Acl", Type: cloud.Map},
	{Path: "Acl.*", Type: cloud.List},
	{Path: "Acl.*[]", Type: cloud.String},
	{Path: "Tunnels", Type: cloud.List},
	{Path: "Tunnels[]", Type: cloud.Object},
	{Path: "Tunnels[].Ike", Type: cloud.Object},
}}

func TestRowsRoundTrip(t *testing.T) {
	for path, v := range map[string]any{
		"Spd":     []any{map[string]any{"Local": "10.0.0.0/24", "Remote": []any{"192.168.1.0/24", "192.168.2.0/24"}}},
		"Rules":   []any{map[string]any{"Index": int64(1), "Source": "10.0.0.0/24"}},
		"Subnets": []any{"10.1.0.0/24", "10.2.0.0/24"},
		"Acl":     map[string]any{"10.0.0.0/24": []any{"172.16.0.0/16"}},
	} {
		f := rowsCat.Field(path)
		text := RowsText(rowsCat, f, v)
		back, err := ParseRows(rowsCat, f, text)
		if err != nil || !reflect.DeepEqual(back, v) {
			t.Errorf("%s: %q -> %#v (%v), want %#v", path, text, back, err, v)
		}
	}
	if got := RowsText(rowsCat, rowsCat.Field("Spd"), []any{map[string]any{"Local": "10.0.0.0/24", "Remote": []any{"1.0.0.0/8"}}}); got != "10.0.0.0/24 | 1.0.0.0/8" {
		t.Errorf("SPD row: %q", got)
	}
}

func TestRowsErrors(t *testing.T) {
	if v, err := ParseRows(rowsCat, rowsCat.Field("Spd"), "\n  \n"); v != nil || err != nil {
		t.Errorf("blank rows: %v %v", v, err)
	}
	if _, err := ParseRows(rowsCat, rowsCat.Field("Rules"), "1 | 10.0.0.0/24 | extra"); err == nil {
		t.Error("too many columns accepted")
	}
	if _, ok := Columns(rowsCat, rowsCat.Field("Tunnels")); ok {
		t.Error("nested objects claimed editable as rows")
	}
	if _, err := ParseRows(rowsCat, rowsCat.Field("Acl"), "10.0.0.0/24"); err == nil {
		t.Error("map row without | accepted")
	}
}
