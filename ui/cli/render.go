// Package cli is tunnelwiz's scriptable face: the validate, plan, rules and
// presets commands, their text and JSON output. Results go to the writer
// the caller gives (stdout); notes for people go to the other (stderr).
package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"tunnelwiz/cloud"
	"tunnelwiz/ui/front"
)

// writeIssues prints one issue a line: severity, path, message. The path
// and the message are escaped: they hold the spec's own keys and values.
func writeIssues(w io.Writer, is cloud.Issues) {
	for _, i := range is {
		fmt.Fprintf(w, "%-7s %s: %s\n", i.Severity, front.Escape(i.Field), front.Escape(i.Message))
	}
}

func countText(is cloud.Issues) string {
	e := is.Errors()
	warn := len(is) - e
	return fmt.Sprintf("%d %s, %d %s", e, plural(e, "error"), warn, plural(warn, "warning"))
}

func plural(n int, s string) string {
	if n == 1 {
		return s
	}
	return s + "s"
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func writePlan(w io.Writer, title string, r *cloud.Request, masked bool) {
	front.WritePlan(w, title, r, masked)
}

// fieldJSON is one catalog rule as `rules --json` prints it.
type fieldJSON struct {
	Path         string   `json:"path"`
	Type         string   `json:"type"`
	Format       string   `json:"format,omitempty"`
	Required     bool     `json:"required"`
	RequiredWhen string   `json:"required_when,omitempty"`
	OnlyWhen     string   `json:"only_when,omitempty"`
	Allowed      []string `json:"allowed,omitempty"`
	Known        []string `json:"known,omitempty"`
	Min          *int64   `json:"min,omitempty"`
	Max          *int64   `json:"max,omitempty"`
	MinLength    *int64   `json:"min_length,omitempty"`
	MaxLength    *int64   `json:"max_length,omitempty"`
	Default      string   `json:"default,omitempty"`
	Secret       bool     `json:"secret"`
	Deprecated   string   `json:"deprecated_by,omitempty"`
	Step         string   `json:"step,omitempty"`
	Help         string   `json:"help"`
	Source       string   `json:"source"`
}

type checkJSON struct {
	Name   string `json:"name"`
	Source string `json:"source"`
}

type catalogJSON struct {
	Vendor string      `json:"vendor"`
	Title  string      `json:"title"`
	Target []fieldJSON `json:"target"`
	Params []fieldJSON `json:"params"`
	Checks []checkJSON `json:"checks"`
}

func condText(c *cloud.Cond) string {
	if c == nil {
		return ""
	}
	return c.Path + " in [" + strings.Join(c.In, ", ") + "]"
}

func toFieldJSON(f *cloud.Field) fieldJSON {
	j := fieldJSON{
		Path: f.Path, Type: string(f.Type), Format: string(f.Format), Required: f.Required,
		RequiredWhen: condText(f.RequiredWhen), OnlyWhen: condText(f.OnlyWhen),
		Allowed: f.Allowed, Known: f.Known, Default: f.Default, Secret: f.Secret,
		Deprecated: f.Deprecated, Step: string(f.Step), Help: f.Help, Source: f.Source,
	}
	if f.Range != nil {
		j.Min, j.Max = &f.Range.Min, &f.Range.Max
	}
	if f.Len != nil {
		j.MinLength, j.MaxLength = &f.Len.Min, &f.Len.Max
	}
	return j
}

func toCatalogJSON(c *cloud.Catalog) catalogJSON {
	j := catalogJSON{Vendor: c.API, Title: c.Title, Target: []fieldJSON{}, Params: []fieldJSON{}, Checks: []checkJSON{}}
	for i := range c.Target {
		j.Target = append(j.Target, toFieldJSON(&c.Target[i]))
	}
	for i := range c.Fields {
		j.Params = append(j.Params, toFieldJSON(&c.Fields[i]))
	}
	for _, ch := range c.Checks {
		j.Checks = append(j.Checks, checkJSON{ch.Name, ch.Source})
	}
	return j
}

// writeRules prints a catalog as text: one parameter a line with its
// type and constraints, then its source indented.
func writeRules(w io.Writer, c *cloud.Catalog) {
	fmt.Fprintf(w, "%s (vendor: %s)\n", c.Title, c.API)
	for _, group := range []struct {
		name   string
		fields []cloud.Field
	}{{"target", c.Target}, {"params", c.Fields}} {
		fmt.Fprintf(w, "  %s:\n", group.name)
		for i := range group.fields {
			f := &group.fields[i]
			fmt.Fprintf(w, "    %s  %s\n", f.Path, constraintText(f))
			fmt.Fprintf(w, "      source: %s\n", f.Source)
		}
	}
	if len(c.Checks) > 0 {
		fmt.Fprintln(w, "  cross-field rules:")
		for _, ch := range c.Checks {
			fmt.Fprintf(w, "    %s (source: %s)\n", ch.Name, ch.Source)
		}
	}
}

func constraintText(f *cloud.Field) string {
	parts := []string{string(f.Type)}
	if f.Format != cloud.Plain {
		parts = append(parts, string(f.Format))
	}
	if f.Required {
		parts = append(parts, "required")
	}
	if f.RequiredWhen != nil {
		parts = append(parts, "required when "+condText(f.RequiredWhen))
	}
	if f.OnlyWhen != nil {
		parts = append(parts, "only when "+condText(f.OnlyWhen))
	}
	if len(f.Allowed) > 0 {
		parts = append(parts, "one of "+strings.Join(f.Allowed, "|"))
	}
	if f.Range != nil {
		parts = append(parts, fmt.Sprintf("%d..%d", f.Range.Min, f.Range.Max))
	}
	if f.Len != nil {
		parts = append(parts, fmt.Sprintf("length %d..%d", f.Len.Min, f.Len.Max))
	}
	if f.Default != "" {
		parts = append(parts, "default "+f.Default)
	}
	if f.Secret {
		parts = append(parts, "secret")
	}
	if f.Deprecated != "" {
		parts = append(parts, "deprecated: use "+f.Deprecated)
	}
	return strings.Join(parts, ", ")
}

// writeDecoded lists query-style parameters one a line, decoded, as
// comments after the exact bytes.
