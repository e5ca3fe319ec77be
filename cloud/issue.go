package cloud

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether an Issue stops a submit.
type Severity string

const (
	// Error: the vendor's documents or SDK say the request is wrong.
	Error Severity = "error"
	// Warning: the only evidence is an error code or a convention; the
	// cloud may still accept the request, so tunnelwiz never blocks on it.
	Warning Severity = "warning"
)

// Issue is one finding of validation, addressed to one parameter.
type Issue struct {
	// Field is the parameter's path with list indexes,
	// e.g. "SecurityPolicyDatabases[0].RemoteCidrBlock[1]".
	Field    string   `json:"field"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Allowed  []string `json:"allowed,omitempty"`
}

func (i Issue) String() string {
	return fmt.Sprintf("%s: %s: %s", i.Severity, i.Field, i.Message)
}

// Errorf builds an error-severity Issue.
func Errorf(field, format string, args ...any) Issue {
	return Issue{Field: field, Severity: Error, Message: fmt.Sprintf(format, args...)}
}

// Warnf builds a warning-severity Issue.
func Warnf(field, format string, args ...any) Issue {
	return Issue{Field: field, Severity: Warning, Message: fmt.Sprintf(format, args...)}
}

// Issues is the result of a validation, in a stable order.
type Issues []Issue

// Errors counts the issues that block a submit.
func (is Issues) Errors() int {
	n := 0
	for _, i := range is {
		if i.Severity == Error {
			n++
		}
	}
	return n
}

// For returns the issues about one parameter path (exact match).
func (is Issues) For(field string) Issues {
	var out Issues
	for _, i := range is {
		if i.Field == field {
			out = append(out, i)
		}
	}
	return out
}

// sortIssues orders errors before warnings, then by field, so output is
// stable across runs (map iteration is not).
func sortIssues(is Issues) {
	sort.SliceStable(is, func(a, b int) bool {
		if is[a].Severity != is[b].Severity {
			return is[a].Severity == Error
		}
		return is[a].Field < is[b].Field
	})
}

// OrList renders allowed values for a message: "a, b or c". Every "one
// of" message uses it, so that they all read alike.
func OrList(vs []string) string {
	switch len(vs) {
	case 0:
		return ""
	case 1:
		return vs[0]
	}
	return strings.Join(vs[:len(vs)-1], ", ") + " or " + vs[len(vs)-1]
}
