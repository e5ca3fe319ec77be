package peer

import "strings"

// cfgLines builds a line-oriented device configuration (IOS, Junos set
// commands) whose comments are whole lines starting with mark: IOS and
// Junos have no trailing comments, so a value's source goes on the line
// before it.
type cfgLines struct {
	b    strings.Builder
	mark string
}

// cmd writes one configuration line.
func (c *cfgLines) cmd(format string, args ...any) {
	c.b.WriteString(sprintf(format, args...) + "\n")
}

// note writes a comment line.
func (c *cfgLines) note(format string, args ...any) {
	if text := sprintf(format, args...); text != "" {
		c.b.WriteString(c.mark + " " + text + "\n")
		return
	}
	c.b.WriteString(c.mark + "\n")
}

// from notes where the values of the next line came from, when known,
// and for a vendor default the rule's evidence, so that a reader can
// check it without tunnelwiz.
func (c *cfgLines) from(vs ...Value) {
	var parts []string
	for _, v := range vs {
		if s := from(v); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) > 0 {
		c.note("%s", strings.Join(parts, "; "))
	}
	for _, v := range vs {
		if v.Default && v.Source != "" {
			c.note("  default's source: %s", v.Source)
		}
	}
}

func (c *cfgLines) String() string { return c.b.String() }
