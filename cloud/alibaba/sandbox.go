package alibaba

import (
	"mime"
	"net/http"
	"net/url"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
	"tunnelwiz/cloud/sandbox"
)

// The sandbox's Alibaba Cloud front door: POST / with the operation named
// by x-acs-action (ACS3-HMAC-SHA256, what the v7 SDK sends) or by the
// Action parameter (the older RPC style, HMAC-SHA1 Signature parameter),
// parameters in the query and, for lists of objects, the form body.
func init() { sandbox.Register(aliyun.NewFrontend(rpc{})) }

// apiVersion is the VPC API version the SDK sends.
const apiVersion = "2016-04-28"

type rpc struct{}

func (rpc) Vendor() string          { return API }
func (rpc) Catalog() *cloud.Catalog { return catalog() }

func (rpc) Match(r *http.Request) bool {
	return r.URL.Path == "/" && (r.Header.Get("x-acs-action") != "" || r.URL.Query().Get("Action") != "")
}

func (rpc) Action(r *http.Request) string {
	if a := r.URL.Query().Get("Action"); a != "" {
		return a
	}
	return r.Header.Get("x-acs-action")
}

// rpcCommon are the RPC style's common parameters: they sign and route the
// request and are no parameters of the operation.
var rpcCommon = map[string]bool{
	"Action": true, "Version": true, "Format": true, "Timestamp": true, "SignatureNonce": true,
	"SignatureMethod": true, "SignatureVersion": true, "SignatureType": true, "AccessKeyId": true,
	"Signature": true, "SecurityToken": true, "BearerToken": true,
}

func (d rpc) Read(r *http.Request, body []byte, b *sandbox.Backend) (*aliyun.Request, *aliyun.Refused) {
	params := r.URL.Query()
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "application/x-www-form-urlencoded" {
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, &aliyun.Refused{Code: "InvalidParameter", Message: "The form body does not parse: " + err.Error()}
		}
		for k, v := range form {
			params[k] = append(params[k], v...)
		}
	}
	var ref *aliyun.Refused
	keys := aliyun.Account(r, params, b)
	if params.Has("Signature") {
		ref = aliyun.VerifyRPC(r.Method, params, keys, b.Now())
		if ref == nil {
			ref = aliyun.Unused(b, API, params.Get("SignatureNonce"), params.Get("Timestamp"))
		}
	} else {
		ref = aliyun.VerifyACS3(r, body, keys, b.Now())
		if ref == nil {
			ref = aliyun.Unused(b, API, r.Header.Get("x-acs-signature-nonce"), r.Header.Get("x-acs-date"))
		}
	}
	if ref == nil {
		ref = aliyun.CheckToken(r, params, keys)
	}
	if ref != nil {
		return nil, ref
	}
	b.Signed(API, d.Action(r), keys.ID)
	version := params.Get("Version")
	if version == "" {
		version = r.Header.Get("x-acs-version")
	}
	if version != apiVersion {
		return nil, &aliyun.Refused{Code: "InvalidVersion", Message: aliyun.Codes["InvalidVersion"].Message + " The VPC API is version " + apiVersion + "."}
	}
	args := map[string]string{}
	for k, v := range params {
		if !rpcCommon[k] && len(v) > 0 {
			args[k] = v[0]
		}
	}
	return &aliyun.Request{Action: d.Action(r), Args: args, Params: aliyun.DecodeFlat(catalog(), args),
		Target: map[string]string{"region": args["RegionId"]}}, nil
}

// Created is the documented create answer (seed 004).
func (rpc) Created(c *sandbox.Conn) map[string]any {
	out := map[string]any{"VpnConnectionId": c.ID, "CreateTime": c.Created.UnixMilli()}
	if c.Name != "" {
		out["Name"] = c.Name
	}
	return out
}

func (rpc) Answer(w http.ResponseWriter, _ *http.Request, reqID string, body map[string]any) {
	body["RequestId"] = reqID
	aliyun.WriteJSON(w, http.StatusOK, body)
}

// Refuse writes the POP gateway's error body.
func (rpc) Refuse(w http.ResponseWriter, r *http.Request, reqID string, status int, code, msg string) {
	aliyun.WriteJSON(w, status, map[string]any{"RequestId": reqID, "HostId": r.Host, "Code": code, "Message": msg})
}
