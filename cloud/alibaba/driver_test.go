package alibaba

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"sync/atomic"
	"testing"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"
	vpc "github.com/alibabacloud-go/vpc-20160428/v7/client"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
)

var testCred = cloud.Credentials{ID: "test-id", Secret: "test-secret"}

// serve answers every request with status and body, counting requests.
func serve(t *testing.T, status int, body string, check func(r *http.Request)) (*url.URL, *int32) {
	t.Helper()
	var n int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt32(&n, 1)
		io.ReadAll(r.Body)
		if check != nil {
			check(r)
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
	base, n := serve(t, 200, `{"RequestId":"082AD562-B8DB-4BB2-861F-DA1FCA01FD76","VpnConnectionId":"vco-bp15oes1py4i6****","CreateTime":1544666102000,"Name":"test"}`,
		func(r *http.Request) {
			if r.Method != "POST" || r.URL.Path != "/" || r.Header.Get("x-acs-action") != "CreateVpnConnection" || r.URL.Query().Get("VpnGatewayId") != "vpn-bp1q8bgx4xnkm****" {
				t.Errorf("unexpected request %s %s %v", r.Method, r.URL, r.Header)
			}
			if r.Header.Get("Authorization") == "" {
				t.Error("request not signed")
			}
		})
	target, p := seedParams(t)
	got, err := Driver{}.Create(context.Background(), base, testCred, target, p)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "vco-bp15oes1py4i6****" || got.RequestID != "082AD562-B8DB-4BB2-861F-DA1FCA01FD76" {
		t.Errorf("created %+v", got)
	}
	if *n != 1 {
		t.Errorf("%d requests", *n)
	}
}

func TestCreateErrorKeepsCodeMessageRequestID(t *testing.T) {
	for _, status := range []int{400, 500} {
		base, n := serve(t, status, `{"Code":"VpnGateway.Configuring","Message":"The specified service is configuring.","RequestId":"5BE-REQ"}`, nil)
		target, p := seedParams(t)
		_, err := Driver{}.Create(context.Background(), base, testCred, target, p)
		var e *cloud.APIError
		if !errors.As(err, &e) {
			t.Fatalf("status %d: error %T %v, want *cloud.APIError", status, err, err)
		}
		if e.VendorCode != "VpnGateway.Configuring" || e.Message != "The specified service is configuring." || e.RequestID != "5BE-REQ" || e.HTTPStatus != status {
			t.Errorf("status %d: %+v", status, e)
		}
		if *n != 1 {
			t.Errorf("status %d: %d requests: a create must not be retried", status, *n)
		}
	}
}

func TestCreateHonoursCancelledContext(t *testing.T) {
	base, n := serve(t, 200, `{}`, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	target, p := seedParams(t)
	if _, err := (Driver{}).Create(ctx, base, testCred, target, p); err == nil || *n != 0 {
		t.Errorf("err %v, %d requests", err, *n)
	}
}

func TestCreateNeedsKeys(t *testing.T) {
	base, n := serve(t, 200, `{}`, nil)
	target, p := seedParams(t)
	if _, err := (Driver{}).Create(context.Background(), base, cloud.Credentials{}, target, p); err == nil || *n != 0 {
		t.Errorf("err %v, %d requests", err, *n)
	}
}

func TestEndpoint(t *testing.T) {
	for _, c := range []struct {
		target map[string]string
		want   string
	}{
		{map[string]string{"region": "cn-shanghai"}, "https://vpc.cn-shanghai.aliyuncs.com"},
		{map[string]string{"region": "cn-hangzhou"}, "https://vpc.aliyuncs.com"},                        // EndpointMap
		{map[string]string{"region": "cn-edge-1"}, "https://vpc-nebula.cn-qingdao-nebula.aliyuncs.com"}, // EndpointMap
		{map[string]string{"region": "cn-shanghai", "endpoint": "http://127.0.0.1:8080"}, "http://127.0.0.1:8080"},
	} {
		u, err := Driver{}.Endpoint(c.target)
		if err != nil || u.String() != c.want {
			t.Errorf("%v: %v %v, want %s", c.target, u, err, c.want)
		}
	}
	if _, err := (Driver{}).Endpoint(map[string]string{}); err == nil {
		t.Error("no region: want an error")
	}
}

// TestKnownRegionsFollowSDK keeps the Known list in step with the pinned
// SDK's EndpointMap.
func TestKnownRegionsFollowSDK(t *testing.T) {
	c, err := vpc.NewClient(&openapiutil.Config{RegionId: dara.String("cn-hangzhou")})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range c.EndpointMap {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	mine := append([]string{}, sdkEndpointRegions...)
	sort.Strings(mine)
	if len(keys) != len(mine) {
		t.Fatalf("SDK EndpointMap has %v\nlist has %v", keys, mine)
	}
	for i := range keys {
		if keys[i] != mine[i] {
			t.Errorf("SDK %s, list %s", keys[i], mine[i])
		}
	}
	known := map[string]bool{}
	for _, r := range catalog().TargetField("region").Known {
		known[r] = true
	}
	for _, k := range keys {
		if !known[k] {
			t.Errorf("%s missing from Known", k)
		}
	}
}
