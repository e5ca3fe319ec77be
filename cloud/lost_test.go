package cloud

import (
	"context"
	"io"
	"net"
	"testing"
)

func TestLost(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: io.EOF}
	reset := &net.OpError{Op: "read", Net: "tcp", Err: io.EOF}
	for err, want := range map[error]bool{
		io.ErrUnexpectedEOF:              true,
		reset:                            true,
		refused:                          false, // nothing was sent
		&net.DNSError{}:                  false,
		context.Canceled:                 false,
		&APIError{Code: CodeUnavailable}: true,
		&APIError{Code: CodeInvalid}:     false,
	} {
		if got := Lost(err); got != want {
			t.Errorf("Lost(%v) = %v, want %v", err, got, want)
		}
	}
}

func TestMaskIsNotAKey(t *testing.T) {
	s := mustParse(t, fakeSpec)
	Params(s.Params).Set("Key", Mask)
	_, is := fakeCatalog.Check(s)
	if got := is.For("Key"); len(got) == 0 || got[0].Severity != Error {
		t.Errorf("the mask accepted as a key: %v", is)
	}
	c := &Catalog{Fields: []Field{{Path: "T", Type: List}, {Path: "T[]", Type: Object}, {Path: "T[].Psk", Type: String, Secret: true}}}
	p := c.WithoutSecrets(Params{"T": []any{map[string]any{"Psk": "a"}, map[string]any{"Psk": "b"}}})
	if len(c.SecretValues(p)) != 0 {
		t.Errorf("secrets left: %v", p)
	}
}
