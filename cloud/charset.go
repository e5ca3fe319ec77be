package cloud

import (
	"regexp"
	"sync"
)

// Charset restricts the characters of a string. Describe is shown to the
// user verbatim, so it must name the rule in the vendor's words.
//
// The expression compiles on the first Match, not at the program's start:
// a Unicode class (\p{L}) compiles to hundreds of kilobytes, and every
// vendor's rules are linked into every command, also those that never
// check a string of that vendor.
type Charset struct {
	Describe string
	expr     string
	pattern  func() *regexp.Regexp
}

// NewCharset returns the rule that a string matches expr, which the caller
// anchors (^...$). A malformed expr panics on first use, not at start:
// TestCharsetsCompile in cloud/all compiles every rule a catalog holds.
func NewCharset(expr, describe string) *Charset {
	return &Charset{
		Describe: describe,
		expr:     expr,
		pattern:  sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) }),
	}
}

// Match reports whether s is made of the allowed characters.
func (c *Charset) Match(s string) bool { return c.pattern().MatchString(s) }

// String is the expression, for rule listings and test messages.
func (c *Charset) String() string { return c.expr }
