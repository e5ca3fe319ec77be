package wizard

import (
	"strings"
	"testing"
)

// TestWrapKeepsTokens: the wizard's own wrapping never cuts a token that
// fits on a row (an address, a host name); a token wider than a row (a
// URL, a form body) is cut at its joints ('/', '&', before a '%'
// escape), never inside a host name; a comment's leader stays with its
// word; in a viewer the rows after the first are marked.
func TestWrapKeepsTokens(t *testing.T) {
	for _, c := range []struct {
		in, mark, want string
	}{
		{"gateway vpngw-private-er at 172.16.0.10 and 172.16.0.11 is ACTIVE", "",
			"gateway vpngw-private-er at 172.16.0.10 and\n172.16.0.11 is ACTIVE"},
		{"POST https://vpn.cn-north-4.myhuaweicloud.com/v5/0a1b2c3d4e5f6071/vpn-connection", "↪ ",
			"POST\n↪ https://vpn.cn-north-4.myhuaweicloud.com/v5/\n↪ 0a1b2c3d4e5f6071/vpn-connection"},
		{"  a=%7B%22Psk%22%3A%22x%22%2C%22IkeVersion%22%3A%22ikev2%22%7D&b=1", "↪ ",
			"  a=%7B%22Psk%22%3A%22x%22%2C%22IkeVersion%22\n  ↪ %3A%22ikev2%22%7D&b=1"},
		{"    x = 1  # IKEOptionsSpecification.IKEVersion IKEV2", "↪ ",
			"    x = 1\n    ↪ # IKEOptionsSpecification.IKEVersion\n    ↪ IKEV2"},
	} {
		if got := wrapTokens(c.in, 46, c.mark); got != c.want {
			t.Errorf("%q:\n%s\nwant\n%s", c.in, got, c.want)
		}
	}
}

// TestPreviewURLWhole: at 80 columns the preview cuts Huawei's request
// URL (wider than a row) after a '/', not inside "vpn-connection".
func TestPreviewURLWhole(t *testing.T) {
	m := sideModel(t, "huawei")
	m.side = nil
	out := screen(m)
	if !strings.Contains(out, "e8f9/") || strings.Contains(out, "\n-connection") || !strings.Contains(out, "↪ vpn-connection") {
		t.Errorf("the URL is cut inside a token:\n%s", out)
	}
}
