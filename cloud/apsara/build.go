package apsara

import (
	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// jsonParams are the objects the API takes as JSON strings.
var jsonParams = map[string]bool{"IkeConfig": true, "IpsecConfig": true, "HealthCheckConfig": true}

// buildBody is the JSON body: each parameter under the name the seed
// spells, nested configurations as JSON strings, booleans as booleans.
// regionId, which the seed lists as required without a sample, gets
// RegionId's value when the spec leaves it out.
func buildBody(p cloud.Params) map[string]any {
	body := make(map[string]any, len(p)+1)
	for k, v := range p {
		switch x := v.(type) {
		case nil:
		case map[string]any:
			if jsonParams[k] {
				body[k] = aliyun.JSONString(catalog, k, x)
			} else {
				body[k] = x
			}
		default:
			body[k] = x
		}
	}
	if _, ok := body["regionId"]; !ok {
		if r, ok := aliyun.Text(p, "RegionId"); ok {
			body["regionId"] = r
		}
	}
	return body
}

// gatewayHeaders scope the call on the Apsara Stack API gateway. The
// organization and resource set are sent only when given, so the gateway's
// own defaults apply otherwise (the checks warn about that).
func gatewayHeaders(t map[string]string) map[string]*string {
	h := map[string]*string{
		"x-acs-regionid":        str(t["region"]),
		"x-acs-request-version": str("v1"),
		"x-acs-asapi-product":   str("Vpc"),
	}
	if v := t["organization_id"]; v != "" {
		h["x-acs-organizationid"] = str(v)
	}
	if v := t["resource_group_id"]; v != "" {
		h["x-acs-resourcegroupid"] = str(v)
	}
	return h
}

func str(s string) *string { return &s }
