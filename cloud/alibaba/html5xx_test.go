package alibaba

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
)

// A proxy or load balancer in front of the API answers 502/503/504 with an
// HTML page: the create may or may not have happened, and the ClientToken
// makes a retry safe, so it must map onto unavailable, not unknown.
func TestHTML5xxIsUnavailable(t *testing.T) {
	for _, status := range []int{502, 503, 504} {
		hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(status)
			w.Write([]byte("<html><body><h1>Service Unavailable</h1></body></html>"))
		}))
		u, _ := url.Parse(hs.URL)
		s := drivertest.LoadSeed(t, "testdata/seed.yaml")
		p, _ := catalog().Check(s)
		_, err := Driver{}.Create(context.Background(), u, cloud.Credentials{ID: "a", Secret: "b"}, s.Target, p)
		hs.Close()
		if cloud.CodeOf(err) != cloud.CodeUnavailable {
			t.Errorf("HTTP %d with HTML: code %s (%v), want unavailable", status, cloud.CodeOf(err), err)
		}
	}
}
