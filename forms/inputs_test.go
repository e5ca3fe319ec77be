package forms

import (
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

var cat = &cloud.Catalog{API: "f", Title: "F", Fields: []cloud.Field{
	{Path: "Mode", Type: cloud.String, Allowed: []string{"A", "B"}, Default: "A", Step: cloud.StepGateways, Help: "mode help"},
	{Path: "Ike", Type: cloud.Object, Step: cloud.StepIKE},
	{Path: "Ike.Dh", Type: cloud.String, Allowed: []string{"G2", "G14"}, Default: "G2", Means: map[string]string{"G14": "modp2048"}},
	{Path: "Ike.Life", Type: cloud.Integer, Range: &cloud.Range{Min: 60, Max: 600}},
	{Path: "Ike.Key", Type: cloud.String, Secret: true, Required: true, Len: &cloud.Range{Min: 8, Max: 128}},
	{Path: "Rules", Type: cloud.List, Step: cloud.StepSubnets, OnlyWhen: &cloud.Cond{Path: "Mode", In: []string{"B"}}},
	{Path: "Rules[]", Type: cloud.String, Format: cloud.CIDR},
}}

func TestForStepDerivesFromCatalog(t *testing.T) {
	p := cloud.Params{"Ike": map[string]any{}}
	ike := ForStep(cat, cloud.StepIKE, p)
	var titles []string
	for _, in := range ike {
		titles = append(titles, in.Title)
	}
	if strings.Join(titles, ",") != "Ike,Ike.Dh,Ike.Life,Ike.Key" {
		t.Fatalf("IKE step inputs: %v", titles)
	}
	dh := ike[1]
	if dh.Kind != Select || len(dh.Options) != 2 || !dh.Options[0].Default || !strings.Contains(dh.Options[0].Label, "(default)") {
		t.Errorf("Dh select: %+v", dh)
	}
	if !strings.Contains(dh.Options[1].Label, "2048-bit MODP") {
		t.Errorf("G14 label lacks its meaning: %q", dh.Options[1].Label)
	}
	if ike[2].Kind != Number || ike[2].Hint != "60 to 600" {
		t.Errorf("Life: %+v", ike[2])
	}
	if ike[3].Kind != Secret || !ike[3].Required || ike[3].Hint != "8 to 128 characters" {
		t.Errorf("Key: %+v", ike[3])
	}
}

func TestModeHidesFields(t *testing.T) {
	p := cloud.Params{"Mode": "A"}
	if got := ForStep(cat, cloud.StepSubnets, p); len(got) != 0 {
		t.Errorf("Rules shown in mode A: %v", got)
	}
	p["Mode"] = "B"
	got := ForStep(cat, cloud.StepSubnets, p)
	if len(got) != 1 || got[0].Kind != Rows {
		t.Errorf("Rules in mode B: %+v", got)
	}
}

func TestMembersOfAnAbsentObjectAreNotRequired(t *testing.T) {
	c := &cloud.Catalog{API: "b", Fields: []cloud.Field{
		{Path: "Bgp", Type: cloud.Object, Step: cloud.StepExtras},
		{Path: "Bgp.Asn", Type: cloud.Integer, Required: true},
	}}
	if in := New(c, c.Field("Bgp.Asn"), cloud.Params{}); in.Required {
		t.Error("Bgp.Asn marked required while Bgp is not given")
	}
	if in := New(c, c.Field("Bgp.Asn"), cloud.Params{"Bgp": map[string]any{}}); !in.Required {
		t.Error("Bgp.Asn not required once Bgp is given")
	}
}

// A value only weaker evidence names is offered after the documented
// ones, and its label says choosing it warns.
func TestToleratedValuesComeLastAndSaySo(t *testing.T) {
	f := &cloud.Field{Path: "Auth", Type: cloud.String, Allowed: []string{"md5", "sha1"}, Default: "md5",
		Tolerated: map[string]string{"sha512": "a provider only", "sha256": "a provider only"},
		Means:     map[string]string{"sha256": "sha256"}}
	in := New(&cloud.Catalog{API: "t", Fields: []cloud.Field{*f}}, f, cloud.Params{})
	var vals []string
	for _, o := range in.Options {
		vals = append(vals, o.Value)
	}
	if strings.Join(vals, ",") != "md5,sha1,sha256,sha512" {
		t.Fatalf("options %v", vals)
	}
	if l := in.Options[2].Label; !strings.Contains(l, "warns") || !strings.Contains(l, "SHA2_256") {
		t.Errorf("tolerated label %q", l)
	}
	if strings.Contains(in.Options[1].Label, "warns") {
		t.Errorf("documented value labelled as warning: %q", in.Options[1].Label)
	}
}
