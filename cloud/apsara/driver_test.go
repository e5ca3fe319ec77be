package apsara

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
)

var testCred = cloud.Credentials{ID: "test-id", Secret: "test-secret"}

func serve(t *testing.T, status int, body string, check func(r *http.Request, body []byte)) (*url.URL, *int32) {
	t.Helper()
	var n int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt32(&n, 1)
		b, _ := io.ReadAll(r.Body)
		if check != nil {
			check(r, b)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}))
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	return u, &n
}

func seedParams(t *testing.T) (map[string]string, cloud.Params) {
	s := drivertest.LoadSeed(t, "testdata/seed.yaml")
	p, _ := catalog().Check(s)
	return s.Target, p
}

func TestCreateSuccess(t *testing.T) {
	base, n := serve(t, 200, `{"RequestID":"1E3D5A1E0-67CA-43DA-24BC-EAF2D5A1E4DC","VpnConnectionId":"vco-123"}`, func(r *http.Request, b []byte) {
		if r.Method != "POST" || r.URL.Path != Path {
			t.Errorf("%s %s", r.Method, r.URL.Path)
		}
		if r.Header.Get("x-acs-organizationid") != "1" || r.Header.Get("x-acs-asapi-product") != "Vpc" || r.Header.Get("Authorization") == "" {
			t.Errorf("headers %v", r.Header)
		}
		var m map[string]any
		if json.Unmarshal(b, &m) != nil || m["VpnGatewayId"] != "vpn-bp1q8bgx4xnkm****" {
			t.Errorf("body %s", b)
		}
	})
	target, p := seedParams(t)
	got, err := Driver{}.Create(context.Background(), base, testCred, target, p)
	if err != nil {
		t.Fatal(err)
	}
	if got.RequestID != "1E3D5A1E0-67CA-43DA-24BC-EAF2D5A1E4DC" || got.ID != "vco-123" || *n != 1 {
		t.Errorf("%+v, %d requests", got, *n)
	}
}

func TestCreateHTTPError(t *testing.T) {
	base, n := serve(t, 400, `{"Code":"IllegalParam.LocalSubnet","Message":"The specified \"LocalSubnet\" is invalid.","RequestId":"R-9"}`, nil)
	target, p := seedParams(t)
	_, err := Driver{}.Create(context.Background(), base, testCred, target, p)
	var e *cloud.APIError
	if !errors.As(err, &e) || e.VendorCode != "IllegalParam.LocalSubnet" || e.Code != cloud.CodeInvalid || e.Field != "LocalSubnet" || e.RequestID != "R-9" || e.Message != `The specified "LocalSubnet" is invalid.` {
		t.Fatalf("%T %v", err, err)
	}
	if *n != 1 {
		t.Errorf("%d requests: a create must not be retried", *n)
	}
}

// TestCreateGatewayFailure: the seed's failure example comes with HTTP 200.
func TestCreateGatewayFailure(t *testing.T) {
	for _, body := range []string{
		`{"errorSample":{"resultCode":-1,"resultMsg":"system error","result":null}}`,
		`{"resultCode":-1,"resultMsg":"system error","result":null}`,
		`{"asapiSuccess":false,"asapiErrorCode":"Forbidden","asapiErrorMessage":"system error","asapiRequestId":"R-7"}`,
	} {
		base, _ := serve(t, 200, body, nil)
		target, p := seedParams(t)
		_, err := Driver{}.Create(context.Background(), base, testCred, target, p)
		var e *cloud.APIError
		if !errors.As(err, &e) || e.Message != "system error" {
			t.Errorf("%s: %v", body, err)
		}
	}
}

func TestEndpointRequired(t *testing.T) {
	if _, err := (Driver{}).Endpoint(map[string]string{"region": "cn-qingdao-env66-d01"}); err == nil {
		t.Error("no endpoint: want an error")
	}
	u, err := Driver{}.Endpoint(map[string]string{"endpoint": "https://asapi.example.internal/"})
	if err != nil || u.String() != "https://asapi.example.internal" {
		t.Errorf("%v %v", u, err)
	}
}
