package wizard

import "charm.land/huh/v2"

// hosted is the huh form a page embeds (the vendor page and every step),
// with the body height it was last given: the host sizes it and asks
// where its cursor is through this one piece, whatever the page.
type hosted struct {
	form   *huh.Form
	height int
}

func (h *hosted) hostedForm() *hosted { return h }

// focusedKey is the key of the field under the cursor, "" with no form.
func (h *hosted) focusedKey() string {
	if h.form == nil {
		return ""
	}
	if f := h.form.GetFocusedField(); f != nil {
		return f.GetKey()
	}
	return ""
}

// fit gives the form the body's size; the height changes with the footer.
func (h *hosted) fit(width, height int) {
	if h.form != nil && h.height != height {
		h.height, h.form = height, h.form.WithWidth(width).WithHeight(height)
	}
}

// hostedOf is the form a page hosts, or nil (preview, submit).
func hostedOf(p Page) *hosted {
	if hp, ok := p.(interface{ hostedForm() *hosted }); ok {
		return hp.hostedForm()
	}
	return nil
}
