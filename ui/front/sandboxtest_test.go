package front

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// The identity tests run against the sandbox. hiddenSandbox answers every
// vendor API but not /_sandbox/info, so front takes it for a real
// endpoint and signs with the identity it finds, not the sandbox's keys;
// only the sandbox's keys (and temporary keys its STS issued) pass its
// signature check, so a request signed as anyone else fails. The profile
// files hold the sandbox's keys in the profile a case expects, and keys
// the sandbox refuses everywhere else.

var wrong = cloud.Credentials{ID: "WRONGKEYID0000000other", Secret: "not-the-sandbox-secret"}

func hiddenSandbox(t *testing.T) (*sandbox.Server, string) {
	t.Helper()
	srv, err := sandbox.New(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/_sandbox/") {
			http.NotFound(w, r)
			return
		}
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(hs.Close)
	return srv, hs.URL
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}

// envWith is an Env over a map, a home and a metadata fetcher.
func envWith(home string, vars map[string]string, md cloud.Fetcher) Env {
	return Env{Home: home, Getenv: func(k string) string { return vars[k] }, Metadata: md}
}

func tccliCred(c cloud.Credentials) string {
	return `{"secretId": "` + c.ID + `", "secretKey": "` + c.Secret + `", "region": "ap-guangzhou"}`
}

// aliyunConfig is an aliyun CLI config.json: the profiles given (name ->
// JSON fields) and the current one.
func aliyunConfig(current string, profiles map[string]string) string {
	var ps []string
	for name, fields := range profiles {
		ps = append(ps, `{"name": "`+name+`", `+fields+`}`)
	}
	return `{"current": "` + current + `", "profiles": [` + strings.Join(ps, ",") + `]}`
}

func ak(c cloud.Credentials) string {
	return `"mode": "AK", "access_key_id": "` + c.ID + `", "access_key_secret": "` + c.Secret + `"`
}

func kooConfig(current string, profiles map[string]string) string {
	var ps []string
	for name, fields := range profiles {
		ps = append(ps, `{"name": "`+name+`", `+fields+`}`)
	}
	return `{"current": "` + current + `", "profiles": [` + strings.Join(ps, ",") + `]}`
}

func aksk(c cloud.Credentials) string {
	return `"mode": "AKSK", "accessKeyId": "` + c.ID + `", "secretAccessKey": "` + c.Secret + `"`
}

func exampleSpec(t *testing.T, vendor string) *cloud.Spec {
	t.Helper()
	s, err := cloud.LoadSpec(filepath.Join("..", "..", "examples", vendor+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// list makes one signed call at the destination resolved.
func list(t *testing.T, d cloud.Driver, w *Where) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err := cloud.ListConnections(ctx, d, w.Base, cloud.Filter{})
	return err
}

// create submits the vendor's example spec at the destination resolved.
func create(t *testing.T, d cloud.Driver, w *Where, s *cloud.Spec) {
	t.Helper()
	p, issues := d.Catalog().Check(s)
	if issues.Errors() > 0 {
		t.Fatalf("example does not validate: %v", issues)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	sub := &cloud.Submission{Driver: d, At: w.Base, Params: p, Sleep: func(context.Context, time.Duration) error { return nil }}
	if _, err := sub.Run(ctx); err != nil {
		t.Fatalf("create as %s: %v", w.Said, err)
	}
}
