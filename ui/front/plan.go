package front

import (
	"fmt"
	"io"
	"sort"

	"tunnelwiz/cloud"
)

// WritePlan prints the request as it goes on the wire: request line,
// headers, blank line, the body bytes exactly. For a query-style API the
// parameters are listed decoded as well, since a percent-encoded JSON
// string is unreadable. Headers and decoded values are shown escaped (a
// line break must not fake a header line); the body bytes are the wire's,
// already encoded as JSON or a form.
func WritePlan(w io.Writer, title string, r *cloud.Request, masked bool) {
	note := "pre-shared key shown"
	if masked {
		note = "pre-shared key masked as " + cloud.Mask
	}
	fmt.Fprintf(w, "# %s: the request tunnelwiz sends (%s)\n", title, note)
	fmt.Fprintf(w, "%s %s\n", r.Method, Escape(r.FullURL()))
	for _, k := range r.HeaderNames() {
		fmt.Fprintf(w, "%s: %s\n", Escape(k), Escape(r.Headers[k]))
	}
	fmt.Fprintln(w)
	if len(r.Raw) > 0 {
		w.Write(r.Raw)
		if r.Raw[len(r.Raw)-1] != '\n' {
			fmt.Fprintln(w)
		}
	}
	if r.Query != nil {
		writeDecoded(w, "URL parameters", r.Query)
	}
	if m, ok := r.Body.(map[string]string); ok {
		writeDecoded(w, "parameters", m)
	}
	fmt.Fprintln(w, "# added when sent: credentials, signature, timestamp and nonce")
}

func writeDecoded(w io.Writer, what string, m map[string]string) {
	fmt.Fprintf(w, "# %s, decoded:\n", what)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(w, "#   %s = %s\n", Escape(k), Escape(m[k]))
	}
}
