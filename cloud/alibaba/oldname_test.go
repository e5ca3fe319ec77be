package alibaba

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// oldNameRegexp is the seed's rule as written; compiled here only, where
// its cost does not fall on the program's start.
var oldNameRegexp = regexp.MustCompile(`^\p{L}[\p{L}\p{N}._-]{1,127}$`)

// validRunes are what the rule takes: ASCII, accented, Cyrillic and CJK
// letters, a modifier letter (Lm), digits of three kinds (Nd, Nl, No) and
// the three punctuation marks. badRunes are their neighbours it must
// refuse: a combining mark (Mn, not a letter), other punctuation, a space,
// a control character and an invalid byte.
var (
	validRunes = []string{"a", "Z", "é", "ж", "中", "ʰ", "7", "٣", "Ⅻ", "½", ".", "_", "-"}
	badRunes   = []string{"\u0301", "+", "/", " ", "\t", "\xff", "\x00"}
)

// randomName draws a name whose length crowds the rule's bounds (1, 2,
// 128 and 129 characters) as often as the middle, from valid runes, with
// one bad rune put in at a random place half of the time.
func randomName(rng *rand.Rand) string {
	lengths := []int{0, 1, 2, 3, 127, 128, 129, 130, rng.IntN(140)}
	n := lengths[rng.IntN(len(lengths))]
	runes := make([]string, n)
	for i := range runes {
		runes[i] = validRunes[rng.IntN(len(validRunes))]
	}
	if n > 0 && rng.IntN(2) == 0 {
		runes[rng.IntN(n)] = badRunes[rng.IntN(len(badRunes))]
	}
	return strings.Join(runes, "")
}

func TestOldNameMatchesRegexp(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 127))
	matched := 0
	for range 20000 {
		n := randomName(rng)
		want := oldNameRegexp.MatchString(n)
		if got := oldName(n); got != want {
			t.Fatalf("oldName(%q) = %v, the seed's expression says %v", n, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 1000 || matched > 19000 {
		t.Errorf("%d of 20000 random names matched: the draw no longer tests both answers", matched)
	}
}

func FuzzOldName(f *testing.F) {
	for _, s := range []string{"", "a", "ab", "a1", "1a", "中文", "a.b_c-d", "a b", "a\xff", "\u0301a", strings.Repeat("a", 128), strings.Repeat("a", 129)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, n string) {
		if got, want := oldName(n), oldNameRegexp.MatchString(n); got != want {
			t.Errorf("oldName(%q) = %v, the seed's expression says %v", n, got, want)
		}
	})
}
