package peer

// Markers a device configuration carries where the cloud's value cannot be
// written: the device refuses to load them, so a gap is never silent.
const (
	markUnset       = "UNSET"
	markUnsupported = "UNSUPPORTED"
)

// keyword is a value's word in one device table column: the word, or a
// visible marker and a warning naming the spec's field. An unset value was
// warned about when the tunnel was built (build.go, require). word returns
// "" for a term the column has no keyword for; what names the column.
func keyword(v Value, what string, word func(term string) string, warn func(field, format string, args ...any)) string {
	if !v.Known() {
		return markUnset
	}
	if w := word(v.Term); w != "" {
		return w
	}
	warn(v.Field, "%s %s (%s) cannot be expressed: the device has no keyword for it", what, v.Token, orUnknown(v.Term))
	return markUnsupported
}

// psk is the key as a device writes it, and why: the placeholder unless
// the spec sets the key and show is given; the comment names the field,
// and says where the key comes from when the spec leaves it to the cloud.
func psk(t *Tunnel, show bool) (key string, shown bool, why string) {
	switch {
	case !t.PSK.Known():
		return Placeholder, false, t.PSK.Field + ": the cloud makes one up; copy it from the console"
	case !show:
		return Placeholder, false, "masked: " + t.PSK.Field + " in the spec, or rerun with --show-secrets"
	}
	return t.PSK.Token, true, t.PSK.Field
}
