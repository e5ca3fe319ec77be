package cloud

import "testing"

func TestInterfaceAddr(t *testing.T) {
	for s, ok := range map[string]bool{
		"169.254.76.1/30": true, "169.254.76.2/30": true, "169.254.76.0/30": false,
		"169.254.76.3/30": false, "169.254.76.1": false, "fe80::1/64": false, "10.0.0.5/31": true,
	} {
		if _, err := ParseInterfaceAddr(s); (err == nil) != ok {
			t.Errorf("%s: err=%v, want ok=%v", s, err, ok)
		}
	}
}

func TestNetworks(t *testing.T) {
	a, _ := ParseNetwork("10.0.0.0/16", true)
	b, _ := ParseNetwork("10.0.3.0/24", true)
	c, _ := ParseNetwork("10.1.0.0/24", true)
	if !Overlaps(a, b) || Overlaps(a, c) || !Within(b, a) || Within(a, b) {
		t.Error("overlap/within wrong")
	}
	if _, err := ParseCIDRList("10.0.0.0/24,10.0.1.0/24"); err != nil {
		t.Error(err)
	}
	// Sent verbatim, so a space would reach the vendor inside the CIDR.
	if _, err := ParseCIDRList("10.0.0.0/24, 10.0.1.0/24"); err == nil {
		t.Error("space after comma accepted")
	}
	if _, err := ParseCIDRList("10.0.0.0/24,"); err == nil {
		t.Error("trailing comma accepted")
	}
}
