package peer

import (
	"strings"
	"testing"

	"tunnelwiz/cloud"
)

// slot is one place a vocabulary term goes in a Tunnel, with the line
// each device must then write when its table has a keyword.
type slot struct {
	name string
	typ  int // IANA transform type: 1 ENCR, 3 INTEG, 4 DH
	set  func(*Tunnel, Value)
	// forti is the FortiOS line for the table's row, and whether it is
	// in phase 2; ros is the RouterOS property=value.
	forti func(fortiWord) (string, bool)
	ros   func(rosWord) string
}

var slots = []slot{
	{"ike.encryption", 1, func(t *Tunnel, v Value) { t.IKE.Encryption = v },
		func(w fortiWord) (string, bool) { return "set proposal " + w.P1 + "-", false },
		func(w rosWord) string { return "enc-algorithm=" + w.Profile + " " }},
	{"ipsec.encryption", 1, func(t *Tunnel, v Value) { t.ESP.Encryption = v },
		func(w fortiWord) (string, bool) { return "set proposal " + w.P2, true },
		func(w rosWord) string { return "enc-algorithms=" + w.Proposal + " " }},
	{"ike.integrity", 3, func(t *Tunnel, v Value) { t.IKE.Integrity = v },
		func(w fortiWord) (string, bool) { return "set proposal aes256-" + w.P1 + "\n", false },
		func(w rosWord) string { return "hash-algorithm=" + w.Profile + " " }},
	{"ipsec.integrity", 3, func(t *Tunnel, v Value) { t.ESP.Integrity = v },
		func(w fortiWord) (string, bool) { return "set proposal aes256-" + w.P2 + "\n", true },
		func(w rosWord) string { return "auth-algorithms=" + w.Proposal + " " }},
	{"ike.dh", 4, func(t *Tunnel, v Value) { t.IKE.Group = v },
		func(w fortiWord) (string, bool) { return "set dhgrp " + w.P1 + "\n", false },
		func(w rosWord) string { return "dh-group=" + w.Profile + " " }},
	{"ipsec.pfs", 4, func(t *Tunnel, v Value) { t.ESP.Group = v },
		func(w fortiWord) (string, bool) {
			if w.P2 == "disable" {
				return "set pfs disable\n", true
			}
			return "set dhgrp " + w.P2 + "\n", true
		},
		func(w rosWord) string { return "pfs-group=" + w.Proposal + " " }},
}

// baseTunnel is a complete policy-based tunnel every term is placed into.
func baseTunnel() *Tunnel {
	v := func(term string) Value { return Value{Term: term, Token: term, Field: "base." + term} }
	return &Tunnel{
		Vendor: "test", Title: "a test", Name: "vocab",
		Version: v("ikev2"), IKE: Proposal{v("aes-cbc-256"), v("sha256"), v("modp2048")},
		IKELifetime: Value{Term: "86400", Token: "86400", Field: "ike.life"},
		ESP:         Proposal{v("aes-cbc-256"), v("sha256"), v("modp2048")},
		ESPLifetime: Value{Term: "3600", Token: "3600", Field: "esp.life"},
		Routing:     Value{Term: "policy"},
		Cloud:       End{IP: "203.0.113.1", From: "test", ID: Identity{Type: "address", ID: "203.0.113.1"}},
		Customer:    End{IP: "198.51.100.1", From: "test", ID: Identity{Type: "address", ID: "198.51.100.1"}},
		Children:    []Child{{Cloud: []string{"10.0.0.0/24"}, Customer: []string{"192.168.0.0/24"}}},
		PSK:         Value{Token: "k", Field: "psk"},
	}
}

// TestEveryTermMapsOrWarns: for fortigate and mikrotik, every vocabulary
// term in every slot of its transform type is either the table's keyword
// on the line that carries it, or a warning naming the spec's field (and
// then no keyword is invented).
func TestEveryTermMapsOrWarns(t *testing.T) {
	for _, dev := range []string{"fortigate", "mikrotik"} {
		d, ok := Find(dev)
		if !ok {
			t.Fatalf("%s is not registered", dev)
		}
		for _, tr := range cloud.Vocabulary {
			for _, s := range slots {
				if s.typ != tr.Type || tr.Term == "none" && s.name != "ipsec.pfs" {
					continue
				}
				tu := baseTunnel()
				field := "spec." + s.name
				s.set(tu, Value{Term: tr.Term, Token: "TOKEN-" + tr.Term, Field: field})
				text, warns := d.Write(tu, false)
				warned := warnedAbout(warns, field)
				want, section, mapped := expected(dev, s, tr.Term, text)
				switch {
				case mapped && !strings.Contains(section, want):
					t.Errorf("%s %s=%s: the table's keyword line %q is missing:\n%s", dev, s.name, tr.Term, want, text)
				case mapped && warned:
					t.Errorf("%s %s=%s maps to a keyword but warns: %v", dev, s.name, tr.Term, warns)
				case !mapped && !warned:
					t.Errorf("%s %s=%s has no keyword and no warning naming %s: %v", dev, s.name, tr.Term, field, warns)
				case !mapped && !strings.Contains(text, "UNSUPPORTED"):
					t.Errorf("%s %s=%s has no keyword, but the output shows none missing:\n%s", dev, s.name, tr.Term, text)
				}
			}
		}
	}
}

// expected is the line a term's table row implies and the part of the
// output it belongs in; mapped is false when the row has no keyword.
func expected(dev string, s slot, term, text string) (string, string, bool) {
	if dev == "fortigate" {
		w, ok := fortiWords[term]
		line, phase2 := s.forti(w)
		kw := w.P1
		if phase2 {
			kw = w.P2
		}
		p1, p2, _ := strings.Cut(text, "config vpn ipsec phase2-interface")
		if phase2 {
			return line, p2, ok && kw != ""
		}
		return line, p1, ok && kw != ""
	}
	w, ok := rosWords[term]
	kw := w.Profile
	if strings.HasPrefix(s.name, "ipsec.") {
		kw = w.Proposal
	}
	return s.ros(w), text, ok && kw != ""
}

func warnedAbout(ws []Warning, field string) bool {
	for _, w := range ws {
		if w.Field == field {
			return true
		}
	}
	return false
}

// TestVersionsAndModes: each version and IKEv1 mode is its keyword.
func TestVersionsAndModes(t *testing.T) {
	for _, c := range []struct{ version, mode, forti, ros string }{
		{"ikev2", "", "set ike-version 2\n", "exchange-mode=ike2 "},
		{"ikev1", "", "set ike-version 1\n", "exchange-mode=main "},
		{"ikev1", "main", "set mode main\n", "exchange-mode=main "},
		{"ikev1", "aggressive", "set mode aggressive\n", "exchange-mode=aggressive "},
	} {
		tu := baseTunnel()
		tu.Version = Value{Term: c.version, Token: c.version, Field: "v"}
		if c.mode != "" {
			tu.Mode = Value{Term: c.mode, Token: c.mode, Field: "m"}
		}
		for dev, want := range map[string]string{"fortigate": c.forti, "mikrotik": c.ros} {
			d, _ := Find(dev)
			if text, _ := d.Write(tu, false); !strings.Contains(text, want) {
				t.Errorf("%s %s/%s: want %q in\n%s", dev, c.version, c.mode, want, text)
			}
		}
	}
}
