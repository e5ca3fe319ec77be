package export

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

const exampleKey = "Xr7!pL2#vQ9@mN4k"

// flags reads "--name value" or "--name=value" pairs after the three
// command words.
func flags(t *testing.T, words []string, eq bool) map[string]string {
	t.Helper()
	out := map[string]string{}
	for i := 3; i < len(words); i++ {
		w, ok := strings.CutPrefix(words[i], "--")
		if !ok {
			t.Fatalf("word %q is not a flag", words[i])
		}
		if eq {
			k, v, ok := strings.Cut(w, "=")
			if !ok {
				t.Fatalf("flag %q has no =value", w)
			}
			out[k] = v
			continue
		}
		if i+1 >= len(words) {
			t.Fatalf("flag %q has no value", w)
		}
		out[w] = words[i+1]
		i++
	}
	return out
}

// flat lists a JSON body's scalars as KooCLI paths (arrays from 1).
func flat(prefix string, v any, out map[string]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			flat(p, e, out)
		}
	case []any:
		for i, e := range x {
			flat(fmt.Sprintf("%s.%d", prefix, i+1), e, out)
		}
	case json.Number:
		out[prefix] = x.String()
	default:
		out[prefix] = fmt.Sprint(x)
	}
}

// Each vendor CLI line, read back by the shell's rules with the key in
// $TUNNELWIZ_PSK, carries exactly the parameters of the planned request
// (key shown), and never the key itself unless asked.
func TestCLILinesAreThePlan(t *testing.T) {
	env := map[string]string{KeyVariable: exampleKey}
	for name, s := range examples(t) {
		d, _ := cloud.DriverFor(s.Vendor)
		c := d.Catalog()
		for _, format := range CLIs {
			res, err := CLI(format)(s, Options{})
			var wrong *WrongVendorError
			if c.CLI != format {
				if !errors.As(err, &wrong) {
					t.Errorf("%s --format %s: want WrongVendorError, got %v", name, format, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s --format %s: %v", name, format, err)
			}
			if strings.Contains(res.Text, exampleKey) || res.HasSecret {
				t.Errorf("%s --format %s: the key is in the output", name, format)
			}
			shown, err := CLI(format)(s, Options{ShowSecrets: true})
			if err != nil {
				t.Fatal(err)
			}
			r, _, err := cloud.Plan(s, true)
			if err != nil {
				t.Fatal(err)
			}
			words := shellWordsEnv(t, shown.Text, env)
			want := map[string]string{}
			switch format {
			case "aliyun":
				if strings.Join(words[:3], " ") != "aliyun vpc CreateVpnConnection" {
					t.Errorf("command %q", words[:3])
				}
				for k, v := range r.Body.(map[string]string) {
					want[k] = v
				}
				for k, v := range r.Query {
					want[k] = v
				}
			case "tccli":
				if strings.Join(words[:3], " ") != "tccli vpc CreateVpnConnection" {
					t.Errorf("command %q", words[:3])
				}
				body, _ := decodeBody(r.Raw)
				for k, v := range body {
					switch x := v.(type) {
					case string:
						want[k] = x
					case json.Number:
						want[k] = x.String()
					default:
						b, _ := json.Marshal(x)
						want[k] = string(b)
					}
				}
				want["region"] = s.Region()
			case "hcloud":
				if strings.Join(words[:3], " ") != "hcloud VPN CreateVpnConnection/v5" {
					t.Errorf("command %q", words[:3])
				}
				body, _ := decodeBody(r.Raw)
				flat("", body, want)
				want["cli-region"] = s.Region()
				want["project_id"] = s.Target["project_id"]
			}
			got := flags(t, words, format == "hcloud")
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s --format %s:\n got %v\nwant %v", name, format, got, want)
			}
			// The env-var form reads back the same as the shown form.
			if hidden := shellWordsEnv(t, res.Text, env); format != "aliyun" && strings.Join(hidden, "\x00") != strings.Join(words, "\x00") {
				t.Errorf("%s --format %s: with $%s set, the line differs from --show-secrets", name, format, KeyVariable)
			}
		}
	}
}

// For: each vendor's formats are exactly those that export writes for its
// example spec (the rest refuse it).
func TestForMatchesWhatIsWritten(t *testing.T) {
	for _, v := range cloud.Vendors() {
		spec, err := cloud.LoadSpec("../examples/" + v + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		var want, got []string
		for _, f := range Formats {
			if _, err := f.Write(spec, Options{}); err == nil {
				want = append(want, f.Name)
			}
		}
		for _, f := range For(v) {
			got = append(got, f.Name)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: For %q, written %q", v, got, want)
		}
	}
}
