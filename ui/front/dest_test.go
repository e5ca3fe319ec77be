package front

import (
	"errors"
	"net"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	_ "tunnelwiz/cloud/all"
)

// keysEnv finds Tencent keys, so that resolution gets as far as the URL.
func keysEnv(t *testing.T) Env {
	return Env{Home: t.TempDir(), Getenv: func(k string) string {
		return map[string]string{"TENCENTCLOUD_SECRET_ID": "AKIDEXAMPLE", "TENCENTCLOUD_SECRET_KEY": "secretEXAMPLE"}[k]
	}}
}

// TestPlainHTTPRefused: a signed request never goes over plain http to
// another machine unless --insecure-endpoint says so, whether the URL
// comes from the spec or from --endpoint; loopback is always fine.
func TestPlainHTTPRefused(t *testing.T) {
	d, _ := cloud.Lookup("tencent")
	env := keysEnv(t)
	remote := map[string]string{"region": "ap-guangzhou", "endpoint": "http://vpc.example.com"}
	for name, try := range map[string]func(Ask) (*Where, error){
		"spec": func(a Ask) (*Where, error) { return ResolveIn(env, d, remote, a) },
		"--endpoint": func(a Ask) (*Where, error) {
			a.Endpoint = "http://vpc.example.com"
			return ResolveIn(env, d, map[string]string{"region": "ap-guangzhou"}, a)
		},
	} {
		_, err := try(Ask{})
		var ue *UsageError
		if !errors.As(err, &ue) || !strings.Contains(ue.Msg, "--insecure-endpoint") || !strings.Contains(ue.Msg, "http://vpc.example.com") {
			t.Errorf("%s: plain http accepted or unclear: %v", name, err)
		}
	}
	w, err := ResolveIn(env, d, remote, Ask{InsecureEndpoint: true})
	if err != nil || !strings.Contains(w.Said, "WARNING: plain http") {
		t.Errorf("with --insecure-endpoint: %v, said %q", err, saidOf(w))
	}
	local := map[string]string{"region": "ap-guangzhou", "endpoint": "http://127.0.0.1:9"}
	if _, err := ResolveIn(env, d, local, Ask{}); err != nil {
		t.Errorf("loopback over http refused: %v", err)
	}
}

func saidOf(w *Where) string {
	if w == nil {
		return ""
	}
	return w.Said
}

// TestEndpointPasswordMasked: a password in --endpoint is never printed.
func TestEndpointPasswordMasked(t *testing.T) {
	d, _ := cloud.Lookup("tencent")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing answers: the sandbox probe fails at once
	w, err := ResolveIn(keysEnv(t), d, map[string]string{"region": "ap-guangzhou"}, Ask{Endpoint: "http://user:s3cretPW@" + addr})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(w.Said, "s3cretPW") || !strings.Contains(w.Said, "user:xxxxx@") {
		t.Errorf("said %q", w.Said)
	}
	_, err = ResolveIn(keysEnv(t), d, nil, Ask{Endpoint: "http://user:s3cretPW@[::1"})
	if err == nil || strings.Contains(err.Error(), "s3cretPW") {
		t.Errorf("unparsable endpoint: %v", err)
	}
}
