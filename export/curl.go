package export

import (
	"fmt"
	"strings"

	"tunnelwiz/cloud"
)

// Curl writes the request `tunnelwiz plan` shows as a curl command line.
// curl cannot sign it: a comment names the vendor's signature step, which
// the vendor's CLI or SDK performs. The key is masked unless ShowSecrets.
func Curl(s *cloud.Spec, o Options) (*Result, error) {
	if _, _, err := validated(s); err != nil {
		return nil, err
	}
	d, _ := cloud.DriverFor(s.Vendor)
	c := d.Catalog()
	r, _, err := cloud.Plan(s, o.ShowSecrets)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	note := "the pre-shared key is masked as " + cloud.Mask
	if o.ShowSecrets {
		note = "the pre-shared key is in it"
	}
	fmt.Fprintf(&b, "# %s: the request tunnelwiz sends, as curl (%s).\n", c.Title, note)
	fmt.Fprintf(&b, "# curl cannot sign it: before it is accepted it needs %s.\n", c.Signing)
	fmt.Fprintf(&b, "curl -X %s %s", r.Method, ShellQuote(r.FullURL()))
	for _, k := range r.HeaderNames() {
		fmt.Fprintf(&b, " \\\n  -H %s", ShellQuote(k+": "+r.Headers[k]))
	}
	if len(r.Raw) > 0 {
		fmt.Fprintf(&b, " \\\n  --data-binary %s", ShellQuote(string(r.Raw)))
	}
	b.WriteString("\n")
	return &Result{Text: b.String(), HasSecret: o.ShowSecrets && len(c.SecretValues(s.Params)) > 0}, nil
}

// ShellQuote quotes s for a POSIX shell: single quotes, each ' written as '\”.
func ShellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=@,+%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
