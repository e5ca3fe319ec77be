package alibaba

import "unicode"

// oldName reports whether n follows seed 004's rule, which the seed wrote as
// the regular expression ^\p{L}[\p{L}\p{N}._-]{1,127}$ (Alibaba's Chinese
// reference adds Chinese characters as a first letter, so any Unicode letter
// is taken). It is a rune loop, not that expression: compiled, the bounded
// repetition of two Unicode classes is 5 MB and 6 ms at every start of the
// program. oldname_test.go holds the two to the same answers.
func oldName(n string) bool {
	count := 0
	for _, r := range n { // an invalid byte is U+FFFD: neither letter nor digit
		count++
		switch {
		case count == 1 && !unicode.IsLetter(r):
			return false
		case count > 128:
			return false
		case unicode.IsLetter(r), unicode.IsNumber(r), r == '.', r == '_', r == '-':
		default:
			return false
		}
	}
	return count >= 2
}
