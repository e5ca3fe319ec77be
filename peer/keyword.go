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
// the spec sets the key and show is given; the comment names the field.
// When the spec leaves the key to the cloud, no flag can show it: the
// placeholder says the key comes from the cloud, and the comment where to
// read the one the cloud made (t.KeyFrom).
func psk(t *Tunnel, show bool) (key string, shown bool, why string) {
	switch {
	case !t.PSK.Known():
		return PlaceholderFromCloud, false, t.PSK.Field + " is not in the spec, so the cloud makes the key up: " + t.KeyFrom
	case !show:
		return Placeholder, false, "masked: " + t.PSK.Field + " in the spec, or rerun with --show-secrets"
	}
	return t.PSK.Token, true, t.PSK.Field
}
