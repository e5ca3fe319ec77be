package cloud

import "strings"

// PickName finds the name typed among names, forgivingly: the whole name
// in any case (spaces for '-'), else the one name it is the start of.
// When it picks none, matches are the names it is the start of (several:
// ambiguous; none: unknown). --device and --vendor-device both take names
// this way, so the two flags forgive alike.
func PickName(names []string, typed string) (picked string, matches []string) {
	want := PeerDeviceName(typed)
	for _, n := range names {
		if strings.EqualFold(n, want) {
			return n, nil
		}
		if want != "" && strings.HasPrefix(strings.ToLower(n), want) {
			matches = append(matches, n)
		}
	}
	if len(matches) == 1 {
		return matches[0], nil
	}
	return "", matches
}
