package main

import (
	"fmt"
	"unicode/utf8"
)

// rawControl returns a description of the first byte sequence in s that a
// terminal would act on rather than print: a C0 control other than \n and
// \t (ESC, CR, BEL, NUL...), DEL, a C1 control (U+0080-U+009F, CSI and OSC
// among them), or a byte that is not UTF-8 (0x9B alone is CSI to an 8-bit
// terminal). "" when there is none.
func rawControl(s string) string {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			return fmt.Sprintf("byte 0x%02x (not UTF-8) at %d", s[i], i)
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			return fmt.Sprintf("%U at %d", r, i)
		}
		i += n
	}
	return ""
}
