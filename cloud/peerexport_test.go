package cloud

import (
	"errors"
	"testing"
)

// TestFindPeerDevice: the whole name in any case, spaces for dashes, or
// the start of one name only; anything else names the choices.
func TestFindPeerDevice(t *testing.T) {
	devs := []PeerDevice{
		{Name: PeerDeviceName("cisco", "ios", "V15.4")},
		{Name: PeerDeviceName("h3c", "comware", "V1.0")},
		{Name: PeerDeviceName("h3c", "comware", "V7.1")},
	}
	if devs[0].Name != "cisco-ios-v15.4" {
		t.Fatalf("name: %q", devs[0].Name)
	}
	for in, want := range map[string]string{
		"cisco-ios-v15.4": "cisco-ios-v15.4", "CISCO": "cisco-ios-v15.4", "Cisco IOS": "cisco-ios-v15.4",
		"h3c-comware-v7": "h3c-comware-v7.1", " h3c comware V1.0 ": "h3c-comware-v1.0",
	} {
		if d, err := FindPeerDevice(devs, in); err != nil || d.Name != want {
			t.Errorf("%q: %q %v, want %q", in, d.Name, err, want)
		}
	}
	for in, matches := range map[string]int{"h3c": 2, "juniper": 0, "": 0, "ios": 0} {
		_, err := FindPeerDevice(devs, in)
		var u *UnknownDeviceError
		if !errors.As(err, &u) || len(u.Matches) != matches || len(u.All) != 3 {
			t.Errorf("%q: %v", in, err)
		}
	}
}

// TestPeerDeviceLabel: a device in the vendor's words, the empty ones left
// out; an entry that is no device says what it is.
func TestPeerDeviceLabel(t *testing.T) {
	for _, c := range []struct {
		d    PeerDevice
		want string
	}{
		{PeerDevice{Vendor: "cisco", Platform: "ios", Version: "V15.4"}, "cisco ios V15.4"},
		{PeerDevice{Vendor: "Huawei", Series: "AR series", Platform: "AR6300", Version: "V300R021"}, "Huawei AR series / AR6300 V300R021"},
		{PeerDevice{Vendor: "h3c", Version: "V7.1"}, "h3c V7.1"},
		{PeerDevice{Name: "parameters", About: "the connection's parameters"}, "the connection's parameters"},
	} {
		if got := c.d.Label(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.d, got, c.want)
		}
	}
}
