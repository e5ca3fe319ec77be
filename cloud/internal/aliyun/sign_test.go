package aliyun

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	openapiutil "github.com/alibabacloud-go/darabonba-openapi/v2/utils"
	"github.com/alibabacloud-go/tea/dara"

	"tunnelwiz/cloud"
)

// TestRPCSignatureKnownAnswer: the RPC HMAC-SHA1 recipe reproduces the
// signature of Alibaba Cloud's published signing example (ECS
// DescribeRegions, AccessKeySecret "testsecret").
func TestRPCSignatureKnownAnswer(t *testing.T) {
	q := url.Values{
		"AccessKeyId": {"testid"}, "Action": {"DescribeRegions"}, "Format": {"XML"},
		"SignatureMethod": {"HMAC-SHA1"}, "SignatureNonce": {"3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"},
		"SignatureVersion": {"1.0"}, "Timestamp": {"2016-02-23T12:46:24Z"}, "Version": {"2014-05-26"},
		"Signature": {"OLeaidS1JvxuMvnyHOwuJ+uX5qY="},
	}
	now, _ := time.Parse(time.RFC3339, "2016-02-23T12:50:00Z")
	keys := cloud.Credentials{ID: "testid", Secret: "testsecret"}
	if ref := VerifyRPC("GET", q, keys, now); ref != nil {
		t.Fatalf("published example refused: %+v", ref)
	}
	q.Set("Version", "2014-05-27")
	if ref := VerifyRPC("GET", q, keys, now); ref == nil || ref.Code != "SignatureDoesNotMatch" {
		t.Errorf("tampered parameter: %+v", ref)
	}
}

// acs3Request signs a request with the SDK's own ACS3 function, so the
// verifier is checked against the SDK rather than against itself.
func acs3Request(t *testing.T, id, secret string, date time.Time, body string) *http.Request {
	t.Helper()
	payload := hexOf(body)
	dr := dara.NewRequest()
	dr.Method = dara.String("POST")
	dr.Pathname = dara.String("/apsara/route/Vpc/DescribeVpcs")
	dr.Query = map[string]*string{"RegionId": dara.String("cn-qingdao-env66-d01"), "Note": dara.String("a b*c~")}
	dr.Headers = map[string]*string{
		"host": dara.String("127.0.0.1:8080"), "x-acs-action": dara.String("DescribeVpcs"),
		"x-acs-version": dara.String("2016-01-01"), "x-acs-date": dara.String(date.UTC().Format("2006-01-02T15:04:05Z")),
		"x-acs-signature-nonce": dara.String("n1"), "x-acs-content-sha256": dara.String(payload),
		"content-type": dara.String("application/json; charset=utf-8"),
	}
	auth := openapiutil.GetAuthorization(dr, dara.String("ACS3-HMAC-SHA256"), dara.String(payload), dara.String(id), dara.String(secret))
	r, err := http.NewRequest("POST", "http://127.0.0.1:8080/apsara/route/Vpc/DescribeVpcs?RegionId=cn-qingdao-env66-d01&Note=a%20b%2Ac~", nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range dr.Headers {
		if k != "host" {
			r.Header.Set(k, *v)
		}
	}
	r.Header.Set("Authorization", *auth)
	return r
}

func TestVerifyACS3(t *testing.T) {
	keys := cloud.Credentials{ID: "AKID", Secret: "s3cret"}
	now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	body := `{"RegionId":"cn-qingdao-env66-d01"}`
	for _, c := range []struct {
		name string
		req  func() *http.Request
		body string
		want string
	}{
		{"correct", func() *http.Request { return acs3Request(t, "AKID", "s3cret", now, body) }, body, ""},
		{"tampered query", func() *http.Request {
			r := acs3Request(t, "AKID", "s3cret", now, body)
			r.URL.RawQuery = "RegionId=cn-hangzhou&Note=a%20b%2Ac~"
			return r
		}, body, "SignatureDoesNotMatch"},
		{"tampered body", func() *http.Request { return acs3Request(t, "AKID", "s3cret", now, body) }, `{"RegionId":"cn-hangzhou"}`, "SignatureDoesNotMatch"},
		{"tampered signed header", func() *http.Request {
			r := acs3Request(t, "AKID", "s3cret", now, body)
			r.Header.Set("x-acs-signature-nonce", "n2")
			return r
		}, body, "SignatureDoesNotMatch"},
		{"unsigned x-acs header", func() *http.Request {
			r := acs3Request(t, "AKID", "s3cret", now, body)
			r.Header.Set("x-acs-organizationid", "7")
			return r
		}, body, "IncompleteSignature"},
		{"no nonce", func() *http.Request {
			r := acs3Request(t, "AKID", "s3cret", now, body)
			r.Header.Del("x-acs-signature-nonce")
			return r
		}, body, "IncompleteSignature"},
		{"wrong secret", func() *http.Request { return acs3Request(t, "AKID", "other", now, body) }, body, "SignatureDoesNotMatch"},
		{"wrong key id", func() *http.Request { return acs3Request(t, "SOMEONE", "s3cret", now, body) }, body, "InvalidAccessKeyId.NotFound"},
		{"16 minutes old", func() *http.Request { return acs3Request(t, "AKID", "s3cret", now.Add(-16*time.Minute), body) }, body, "InvalidTimeStamp.Expired"},
		{"14 minutes ahead", func() *http.Request { return acs3Request(t, "AKID", "s3cret", now.Add(14*time.Minute), body) }, body, ""},
		{"no authorization", func() *http.Request {
			r := acs3Request(t, "AKID", "s3cret", now, body)
			r.Header.Del("Authorization")
			return r
		}, body, "IncompleteSignature"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ref := VerifyACS3(c.req(), []byte(c.body), keys, now)
			got := ""
			if ref != nil {
				got = ref.Code
			}
			if got != c.want {
				t.Errorf("got %q (%+v), want %q", got, ref, c.want)
			}
			if ref != nil && Codes[ref.Code].Kind != cloud.CodeAuth {
				t.Errorf("%s is not an auth code", ref.Code)
			}
		})
	}
}
