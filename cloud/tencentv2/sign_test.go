package tencentv2

import (
	"errors"
	"net/url"
	"testing"
)

// docParams are the parameters of Tencent's worked example on the API 2.0
// "Signature" page (cloud.tencent.com/document/product/215/1693).
func docParams(method string) url.Values {
	return url.Values{
		"Action":          {"DescribeInstances"},
		"InstanceIds.0":   {"ins-09dx96dg"},
		"Nonce":           {"11886"},
		"Region":          {"ap-guangzhou"},
		"SecretId":        {"AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA"},
		"SignatureMethod": {method},
		"Timestamp":       {"1465185768"},
	}
}

const docKey = "Gu5t9xGARNpq86cd98joQYCN3Cozk1qA"

func TestSignDocumentedExample(t *testing.T) {
	s, err := StringToSign("GET", "cvm.api.qcloud.com", Path, docParams(HmacSHA256))
	if err != nil {
		t.Fatal(err)
	}
	want := "GETcvm.api.qcloud.com/v2/index.php?Action=DescribeInstances&InstanceIds.0=ins-09dx96dg&Nonce=11886" +
		"&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA&SignatureMethod=HmacSHA256&Timestamp=1465185768"
	if s != want {
		t.Errorf("string to sign:\n got %s\nwant %s", s, want)
	}
	for _, c := range []struct{ method, want string }{
		{HmacSHA256, "0EEm/HtGRr/VJXTAD9tYMth1Bzm3lLHz5RCDv1GdM8s="},
		{HmacSHA1, "nPVnY6njQmwQ8ciqbPl5Qe+Oru4="},
	} {
		got, err := Sign("GET", "cvm.api.qcloud.com", Path, docParams(c.method), docKey, c.method)
		if err != nil || got != c.want {
			t.Errorf("%s: got %q, %v; want %q (Tencent's documented value)", c.method, got, err, c.want)
		}
	}
}

// The official Python SDK's unit tests (QcloudApi/qcloudapi-sdk-python,
// tests/unit/common/test_sign.py) give POST vectors and show that the
// method is upper-cased.
func TestSignSDKVectors(t *testing.T) {
	params := func(m string) url.Values {
		return url.Values{
			"SecretId": {"secretIdFoo"}, "Region": {"ap-guangzhou"}, "SignatureMethod": {m},
			"Nonce": {"1290303896666895346"}, "Timestamp": {"1512393162"},
			"Action": {"DescribeInstances"}, "Version": {"2017-03-12"},
		}
	}
	for _, c := range []struct{ verb, method, want string }{
		{"POST", HmacSHA1, "p3n+pxBqF5JGZtDSxoVn5tGngf0="},
		{"post", HmacSHA1, "p3n+pxBqF5JGZtDSxoVn5tGngf0="},
		{"POST", HmacSHA256, "B2T37FRSP6Fk0/q/cdfrTE0p3zX5ooB/2BPWZUFpsj4="},
		{"GET", HmacSHA1, "5HAq1BOKNLEE2/uauWnp6Zv9Z3c="},
	} {
		got, err := Sign(c.verb, "cvm.api.qcloud.com", Path, params(c.method), "secretKeyBar", c.method)
		if err != nil || got != c.want {
			t.Errorf("%s %s: got %q, %v; want %q", c.verb, c.method, got, err, c.want)
		}
	}
}

func TestSignUnderscoreInNames(t *testing.T) {
	dotted := url.Values{"Action": {"X"}, "Placement.Zone": {"CN_GUANGZHOU"}}
	underscored := url.Values{"Action": {"X"}, "Placement_Zone": {"CN_GUANGZHOU"}}
	s, _ := StringToSign("POST", Host, Path, underscored)
	if want := "POST" + Host + Path + "?Action=X&Placement.Zone=CN_GUANGZHOU"; s != want {
		t.Errorf("got %s, want %s (names' '_' become '.', values keep theirs)", s, want)
	}
	a, _ := Sign("POST", Host, Path, dotted, "k", HmacSHA256)
	b, _ := Sign("POST", Host, Path, underscored, "k", HmacSHA256)
	if a != b {
		t.Errorf("a.b and a_b must sign alike: %s vs %s", a, b)
	}
}

func TestSignRawValuesAndSignatureExcluded(t *testing.T) {
	p := url.Values{"spdAcl": {`{"10.0.0.5/24":["172.123.10.5/16"]}`}, "preSharedKey": {"a&b=c d"}, SignatureParam: {"old"}}
	s, _ := StringToSign("POST", Host, Path, p)
	want := "POST" + Host + Path + `?preSharedKey=a&b=c d&spdAcl={"10.0.0.5/24":["172.123.10.5/16"]}`
	if s != want {
		t.Errorf("got %s\nwant %s", s, want)
	}
}

func TestSignDiffers(t *testing.T) {
	base := docParams(HmacSHA256)
	ref, _ := Sign("POST", Host, Path, base, docKey, HmacSHA256)
	tampered := docParams(HmacSHA256)
	tampered.Set("InstanceIds.0", "ins-09dx96dh")
	cases := map[string]func() (string, error){
		"tampered parameter": func() (string, error) { return Sign("POST", Host, Path, tampered, docKey, HmacSHA256) },
		"wrong key":          func() (string, error) { return Sign("POST", Host, Path, base, docKey+"x", HmacSHA256) },
		"HmacSHA1":           func() (string, error) { return Sign("POST", Host, Path, base, docKey, HmacSHA1) },
		"GET":                func() (string, error) { return Sign("GET", Host, Path, base, docKey, HmacSHA256) },
		"host with port":     func() (string, error) { return Sign("POST", Host+":443", Path, base, docKey, HmacSHA256) },
		"other path":         func() (string, error) { return Sign("POST", Host, "/v2/index.phP", base, docKey, HmacSHA256) },
	}
	seen := map[string]string{ref: "reference"}
	for name, f := range cases {
		got, err := f()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if prev, dup := seen[got]; dup {
			t.Errorf("%s signs the same as %s", name, prev)
		}
		seen[got] = name
	}
}

func TestSignRejects(t *testing.T) {
	if _, err := Sign("POST", Host, Path, url.Values{}, "k", "HmacMD5"); err == nil {
		t.Error("unknown SignatureMethod accepted")
	}
	if _, err := Sign("POST", Host, Path, url.Values{"a": {"1", "2"}}, "k", HmacSHA1); err == nil {
		t.Error("repeated parameter accepted")
	}
	// No SignatureMethod means HmacSHA1, as the signature page says.
	a, _ := Sign("POST", Host, Path, url.Values{"a": {"1"}}, "k", "")
	b, _ := Sign("POST", Host, Path, url.Values{"a": {"1"}}, "k", HmacSHA1)
	if a != b {
		t.Error("empty SignatureMethod must mean HmacSHA1")
	}
}

func TestVerify(t *testing.T) {
	for _, m := range []string{HmacSHA256, HmacSHA1} {
		p := docParams(m)
		sig, _ := Sign("POST", "127.0.0.1:8080", Path, p, docKey, m)
		p.Set(SignatureParam, sig)
		if err := Verify("POST", "127.0.0.1:8080", Path, p, docKey); err != nil {
			t.Errorf("%s: own signature rejected: %v", m, err)
		}
		if err := Verify("POST", "127.0.0.1:8080", Path, p, "other"); !errors.Is(err, ErrBadSignature) {
			t.Errorf("%s: wrong key: got %v", m, err)
		}
		p.Set("Region", "gz")
		if err := Verify("POST", "127.0.0.1:8080", Path, p, docKey); !errors.Is(err, ErrBadSignature) {
			t.Errorf("%s: tampered Region: got %v", m, err)
		}
	}
	if err := Verify("POST", Host, Path, url.Values{"a": {"1"}}, "k"); err == nil {
		t.Error("missing Signature accepted")
	}
}
