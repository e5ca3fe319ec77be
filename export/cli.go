package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"tunnelwiz/cloud"
)

// KeyVariable is the environment variable a CLI line reads the
// pre-shared key from, unless ShowSecrets.
const KeyVariable = "TUNNELWIZ_PSK"

// CLIs are the vendor command line formats export writes.
var CLIs = []string{"tccli", "aliyun", "hcloud"}

// The syntax of each CLI, as its own documents give it:
//   - tccli: `tccli <service> <Action> --Param value`, a non-basic (object or
//     list) value as a quoted JSON string, --region, --endpoint HOST
//     (https://pypi.org/project/tccli-intl-en/, "Usage";
//     https://tencentcloud.com/document/product/1013/52425, TCCLI Usage).
//   - aliyun: `aliyun <product> <Action> --Param value`, JSON-string and
//     comma-list values quoted (https://www.alibabacloud.com/help/en/cli/parameter-format-overview);
//     list members as the RPC API numbers them (Tags.1.Key).
//   - hcloud (KooCLI): `hcloud <service> <operation>[/<version>] --cli-region=R
//     --project_id=P --a.b=value`, array members numbered from 1
//     (--os-stop.servers.1.id=...) (https://support.huaweicloud.com/intl/en-us/hcli_faq/hcli_17_002.html,
//     operation versions; https://support.huaweicloud.com/intl/en-us/hcli_faq/hcli_19_008.html, body arrays).

// CLI writes the create call as the vendor CLI's own command line
// (format tccli, aliyun or hcloud), built from the request plan shows so
// that it carries exactly the same parameters, shell-quoted. The key is
// read from $TUNNELWIZ_PSK where it is a whole argument, else masked,
// unless ShowSecrets.
func CLI(format string) func(*cloud.Spec, Options) (*Result, error) {
	return func(s *cloud.Spec, o Options) (*Result, error) {
		d, err := cloud.DriverFor(s.Vendor)
		if err != nil {
			return nil, err
		}
		c := d.Catalog()
		if c.CLI != format {
			return nil, &WrongVendorError{Format: format, Title: c.Title, CLI: c.CLI}
		}
		if _, _, err := validated(s); err != nil {
			return nil, err
		}
		r, _, err := cloud.Plan(s, o.ShowSecrets)
		if err != nil {
			return nil, err
		}
		w := &cliWriter{c: c, show: o.ShowSecrets}
		switch format {
		case "tccli":
			err = w.tccli(s, r)
		case "aliyun":
			w.aliyun(s, r)
		case "hcloud":
			err = w.hcloud(s, r)
		}
		if err != nil {
			return nil, err
		}
		return w.result(), nil
	}
}

type cliWriter struct {
	c      *cloud.Catalog
	show   bool
	args   []string // shell words, already quoted
	masked bool     // a key is masked inside a value
	envKey bool     // a key is read from $TUNNELWIZ_PSK
	warns  []string
}

func (w *cliWriter) word(s string) { w.args = append(w.args, ShellQuote(s)) }

// flag adds --name value (sep " ") or --name=value (sep "="); a secret
// parameter's value becomes "$TUNNELWIZ_PSK" unless shown.
func (w *cliWriter) flag(name, sep, value string, secret bool) {
	if secret && !w.show {
		w.envKey = true
		if sep == "=" {
			w.args = append(w.args, ShellQuote("--"+name+"=")+`"$`+KeyVariable+`"`)
		} else {
			w.args = append(w.args, ShellQuote("--"+name), `"$`+KeyVariable+`"`)
		}
		return
	}
	if !w.show && strings.Contains(value, cloud.Mask) {
		w.masked = true
	}
	if sep == "=" {
		w.word("--" + name + "=" + value)
		return
	}
	w.word("--" + name)
	w.word(value)
}

func (w *cliWriter) secretPath(p string) bool {
	for _, s := range w.c.Secrets() {
		if s == p {
			return true
		}
	}
	return false
}

// endpoint passes the spec's endpoint override as the CLI's --endpoint,
// which takes a host name.
func (w *cliWriter) endpoint(s *cloud.Spec, flag string) {
	e := s.Target["endpoint"]
	if e == "" {
		return
	}
	u, err := url.Parse(e)
	if err != nil || u.Host == "" || (u.Path != "" && u.Path != "/") {
		w.warns = append(w.warns, fmt.Sprintf("endpoint: %s --%s takes a host name, not %q; left out of the command line", w.c.CLI, flag, e))
		return
	}
	w.flag(flag, " ", u.Host, false)
}

func (w *cliWriter) result() *Result {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s with %s, the parameters tunnelwiz sends.\n", w.c.Title, w.c.CLI)
	switch {
	case w.envKey:
		fmt.Fprintf(&b, "# The pre-shared key is read from $%s: set it first (read -rs %s; export %s).\n", KeyVariable, KeyVariable, KeyVariable)
	case w.masked:
		fmt.Fprintf(&b, "# The pre-shared key is masked as %s: put yours in its place (or use --show-secrets).\n", cloud.Mask)
	}
	for i, a := range w.args {
		switch {
		case i == 0:
		case i < 3 || !strings.HasPrefix(a, "--") && !strings.HasPrefix(a, "'--"):
			b.WriteString(" ")
		default:
			b.WriteString(" \\\n  ")
		}
		b.WriteString(a)
	}
	b.WriteString("\n")
	return &Result{Text: b.String(), Warnings: w.warns, HasSecret: w.show}
}

// decodeBody reads a JSON body keeping numbers as written.
func decodeBody(raw []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("the planned body is not a JSON object: %w", err)
	}
	return m, nil
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// tccli: tccli vpc CreateVpnConnection --region R --Name value, with
// objects and lists as JSON (TCCLI's documented form for non-basic types).
func (w *cliWriter) tccli(s *cloud.Spec, r *cloud.Request) error {
	w.word("tccli")
	w.word("vpc")
	w.word(headerAny(r, "X-TC-Action"))
	w.flag("region", " ", s.Region(), false)
	w.endpoint(s, "endpoint")
	m, err := decodeBody(r.Raw)
	if err != nil {
		return err
	}
	for _, k := range sortedKeys(m) {
		v := m[k]
		var text string
		switch x := v.(type) {
		case string:
			text = x
		case json.Number:
			text = x.String()
		case bool:
			text = fmt.Sprint(x)
		default:
			b, _ := json.Marshal(x)
			text = string(b)
		}
		w.flag(k, " ", text, w.secretPath(k))
	}
	return nil
}

func headerAny(r *cloud.Request, name string) string {
	for k, v := range r.Headers {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return ""
}

// aliyun: aliyun vpc CreateVpnConnection --Name value for every parameter
// the SDK sends (objects already JSON strings, lists flattened as
// Tags.1.Key), the aliyun CLI's RPC form.
func (w *cliWriter) aliyun(s *cloud.Spec, r *cloud.Request) {
	w.word("aliyun")
	w.word("vpc")
	w.word(headerAny(r, "x-acs-action"))
	w.endpoint(s, "endpoint")
	params := map[string]string{}
	if m, ok := r.Body.(map[string]string); ok {
		for k, v := range m {
			params[k] = v
		}
	}
	for k, v := range r.Query {
		params[k] = v
	}
	for _, k := range sortedKeys(params) {
		w.flag(k, " ", params[k], false)
	}
}

// hcloud: KooCLI's hcloud VPN CreateVpnConnection/v5 --cli-region=R
// --project_id=P --a.b.c=value, arrays numbered from 1 (--a.list.1=...).
func (w *cliWriter) hcloud(s *cloud.Spec, r *cloud.Request) error {
	w.word("hcloud")
	w.word("VPN")
	w.word("CreateVpnConnection/v5")
	w.flag("cli-region", "=", s.Region(), false)
	w.flag("project_id", "=", s.Target["project_id"], false)
	if e := s.Target["endpoint"]; e != "" {
		w.warns = append(w.warns, "endpoint: hcloud takes no endpoint URL per call (its --cli-endpoint names a domain); left out of the command line")
	}
	m, err := decodeBody(r.Raw)
	if err != nil {
		return err
	}
	w.flatten("", "", m)
	return nil
}

// flatten writes one --path=value per scalar; pat is the catalog path.
func (w *cliWriter) flatten(path, pat string, v any) {
	switch x := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(x) {
			w.flatten(join(path, k), join(pat, k), x[k])
		}
	case []any:
		if len(x) == 0 {
			w.flag(path, "=", "[]", false)
		}
		for i, e := range x {
			w.flatten(fmt.Sprintf("%s.%d", path, i+1), pat+"[]", e)
		}
	case json.Number:
		w.flag(path, "=", x.String(), false)
	case nil:
	default:
		w.flag(path, "=", fmt.Sprint(x), w.secretPath(pat))
	}
}
