package wizard

import (
	"fmt"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"tunnelwiz/presets"
)

// lastUsedPath is where the algorithms of the last connection made are
// kept, in vendor-neutral terms, so that any vendor can reuse them.
func lastUsedPath(m *Model) string {
	if m.opts.DraftPath == "" {
		return ""
	}
	return filepath.Join(filepath.Dir(m.opts.DraftPath), "last-used.yaml")
}

// presetFields puts a preset choice at the top of the IKE step (plain
// prompts ask it on its own, before the step: see runAccessible).
func presetFields(m *Model, p *formPage) []huh.Field {
	if m.St.Accessible {
		return nil
	}
	return []huh.Field{presetSelect(m, p)}
}

func presetSelect(m *Model, p *formPage) huh.Field {
	p.preset = ""
	opts := []huh.Option[string]{huh.NewOption("(keep the values below)", "")}
	all, _ := presets.All()
	for _, pr := range all {
		opts = append(opts, huh.NewOption(pr.Title, pr.Name))
	}
	opts = append(opts, huh.NewOption("this vendor's documented defaults", "defaults"))
	if path := lastUsedPath(m); path != "" {
		if _, err := presets.Load(path); err == nil {
			opts = append(opts, huh.NewOption("the algorithms used last time", "last-used"))
		}
	}
	return huh.NewSelect[string]().Key("#preset").Title("Preset").
		Description("Fill phase 1 and phase 2 from a vendor-neutral profile; what this vendor cannot express is reported.").
		Options(m.St.fitRows(opts)...).Value(&p.preset)
}

// applyPreset runs after each update of the IKE page: a preset chosen
// with enter (not merely passed over with the arrows) is applied to the
// spec and the page rebuilt with the new values.
func applyPreset(m *Model, p *formPage, msg tea.Msg, focused string) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); !ok || k.String() != "enter" || focused != "#preset" || p.preset == "" {
		return nil
	}
	usePreset(m, p)
	return p.rebuild(m)
}

// usePreset applies the preset chosen on the page to the spec and says
// what the vendor could not express.
func usePreset(m *Model, p *formPage) {
	var pr *presets.Preset
	var err error
	switch p.preset {
	case "defaults":
		pr = presets.VendorDefaults(m.St.Catalog())
	case "last-used":
		pr, err = presets.Load(lastUsedPath(m))
	default:
		pr, err = presets.Find(p.preset)
	}
	if err != nil {
		m.note = "preset: " + err.Error()
		p.preset = ""
		return
	}
	_, problems := presets.Apply(pr, m.St.Catalog(), m.St.Params())
	m.St.Revalidate()
	m.note = "Applied " + pr.Title + "."
	m.St.PresetNote = ""
	if len(problems) > 0 {
		var msgs []string
		for _, pb := range problems {
			msgs = append(msgs, pb.Message)
		}
		m.note = "Applied " + pr.Title + ", except what is listed above the fields."
		// Kept above the step's fields: what the preset could not set
		// is worth reading more than once.
		m.St.PresetNote = "Not applied from " + pr.Title + ": " + strings.Join(msgs, "; ")
	}
}

// rememberCmd keeps the connection's algorithms for next time.
func rememberCmd(m *Model) tea.Cmd {
	path := lastUsedPath(m)
	if path == "" {
		return nil
	}
	pr := presets.FromParams(m.St.Catalog(), m.St.Params())
	return func() tea.Msg {
		if err := pr.Save(path); err != nil {
			return draftMsg{fmt.Errorf("the algorithms used were not kept for next time: %w", err)}
		}
		return nil
	}
}
