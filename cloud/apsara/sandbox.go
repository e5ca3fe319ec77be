package apsara

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
	"tunnelwiz/cloud/sandbox"
)

// The sandbox's Apsara Stack front door: POST /apsara/route/Vpc/<Action>
// with a JSON body, signed ACS3-HMAC-SHA256 (what the v7 client's generic
// call sends), scoped by the x-acs-regionid, x-acs-organizationid and
// x-acs-resourcegroupid headers. Answers wear the API gateway's envelope:
// the VPC service's body with RequestID (seed 001) plus asapiSuccess and
// asapiRequestId, which the Apsara Terraform provider reads.
func init() { sandbox.Register(aliyun.NewFrontend(roa{})) }

type roa struct{}

func (roa) Vendor() string          { return API }
func (roa) Catalog() *cloud.Catalog { return catalog() }

func (roa) Match(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, Route) }

func (roa) Action(r *http.Request) string { return strings.TrimPrefix(r.URL.Path, Route) }

func (d roa) Read(r *http.Request, body []byte, b *sandbox.Backend) (*aliyun.Request, *aliyun.Refused) {
	keys := aliyun.Account(r, nil, b)
	if ref := aliyun.VerifyACS3(r, body, keys, b.Now()); ref != nil {
		return nil, ref
	}
	if ref := aliyun.CheckToken(r, nil, keys); ref != nil {
		return nil, ref
	}
	b.Signed(API, d.Action(r), keys.ID)
	if ref := aliyun.Unused(b, API, r.Header.Get("x-acs-signature-nonce"), r.Header.Get("x-acs-date")); ref != nil {
		return nil, ref
	}
	if v := r.Header.Get("x-acs-version"); v != apiVersion {
		return nil, &aliyun.Refused{Code: "InvalidVersion", Message: aliyun.Codes["InvalidVersion"].Message + " The Apsara Stack VPC API is version " + apiVersion + "."}
	}
	m := map[string]any{}
	if len(bytes.TrimSpace(body)) > 0 {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.UseNumber()
		if err := dec.Decode(&m); err != nil {
			return nil, &aliyun.Refused{Code: "InvalidParameter", Message: "The body is not a JSON object: " + err.Error()}
		}
	}
	region := r.Header.Get("x-acs-regionid")
	if region == "" {
		region = aliyun.First(m, "RegionId")
	}
	target := map[string]string{"region": region, "endpoint": "http://" + r.Host}
	if r.TLS != nil {
		target["endpoint"] = "https://" + r.Host
	}
	if v := r.Header.Get("x-acs-organizationid"); v != "" {
		target["organization_id"] = v
	}
	if v := r.Header.Get("x-acs-resourcegroupid"); v != "" {
		target["resource_group_id"] = v
	}
	return &aliyun.Request{Action: d.Action(r), Args: aliyun.FlatArgs(m), Params: aliyun.DecodeJSON(catalog(), m), Target: target}, nil
}

// Created is seed 001's create answer: the request id only.
func (roa) Created(*sandbox.Conn) map[string]any { return map[string]any{} }

func (roa) Answer(w http.ResponseWriter, _ *http.Request, reqID string, body map[string]any) {
	body["RequestID"] = reqID
	body["asapiSuccess"] = true
	body["asapiRequestId"] = reqID
	aliyun.WriteJSON(w, http.StatusOK, body)
}

// gatewayCodes are refused by the API gateway itself, before the VPC
// service sees the request: their body carries the asapi fields only.
var gatewayCodes = map[string]bool{
	"IncompleteSignature": true, "SignatureDoesNotMatch": true, "InvalidAccessKeyId.NotFound": true,
	"InvalidTimeStamp.Expired": true, "InvalidTimeStamp.Format": true, "SignatureNonceUsed": true, "InvalidAction.NotFound": true,
	"InvalidVersion": true, "Throttling.User": true, "Throttling.Api": true, "Throttling": true,
}

// Refuse writes the gateway's error envelope. A service error keeps the
// VPC service's Code and Message beside the asapi fields; a 5xx also has
// seed 001's failure fields (resultCode -1, resultMsg).
func (roa) Refuse(w http.ResponseWriter, _ *http.Request, reqID string, status int, code, msg string) {
	out := map[string]any{"asapiSuccess": false, "asapiErrorCode": code, "asapiErrorMessage": msg, "asapiRequestId": reqID}
	if !gatewayCodes[code] {
		out["Code"], out["Message"], out["RequestID"] = code, msg, reqID
	}
	if status >= 500 {
		out["resultCode"], out["resultMsg"], out["result"] = -1, msg, nil
	}
	aliyun.WriteJSON(w, status, out)
}
