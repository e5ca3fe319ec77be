package apsara

import (
	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

// buildBody is the JSON body: each parameter of the rule table under the
// name the seed spells, objects as JSON strings, booleans as
// booleans; a name the table does not know (only possible for unvalidated
// input) is left out. regionId, which the seed lists as required without a
// sample, gets RegionId's value when the spec leaves it out.
func buildBody(p cloud.Params) map[string]any {
	body := make(map[string]any, len(p)+1)
	for _, k := range catalog().Children("") {
		switch x := p[k].(type) {
		case nil:
		case map[string]any:
			// Every object of the table is one the seed takes as "a string
			// holding JSON" (IkeConfig, IpsecConfig, HealthCheckConfig).
			body[k] = aliyun.JSONString(catalog(), k, x)
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
