package apsara

import (
	"tunnelwiz/cloud"
	"tunnelwiz/cloud/internal/aliyun"
)

var ike = aliyun.At("IkeConfig")

func checks() []cloud.Check {
	return []cloud.Check{
		{Name: "regionId agrees with RegionId",
			Source: src(seed + " lists both RegionId and regionId; sending two regions is likely a mistake (warning)"),
			Run:    regionIDsAgree},
		{Name: "organization and resource set are named",
			Source: src(headersSource + "; no document found says what the gateway does without them, so their absence is a warning"),
			Run:    scopeNamed},
		aliyun.RegionCheck(seed),
		aliyun.SubnetCheck(doc),
		aliyun.HealthCheckCheck(seed, "HealthCheckConfig"),
		aliyun.LocalIDCheck(seed, ike),
		aliyun.SDKCharWarnings(seed, ike),
	}
}

func regionIDsAgree(p cloud.Params, _ map[string]string) cloud.Issues {
	a, b := p.Str("RegionId"), p.Str("regionId")
	if a != "" && b != "" && a != b {
		return cloud.Issues{cloud.Warnf("regionId", "%q differs from RegionId %q: give both the same region, or leave regionId out (tunnelwiz then sends RegionId's value)", b, a)}
	}
	return nil
}

func scopeNamed(_ cloud.Params, t map[string]string) cloud.Issues {
	var is cloud.Issues
	if t["organization_id"] == "" {
		is = append(is, cloud.Warnf("organization_id", "is not set: the Apsara Stack Terraform provider sends x-acs-organizationid with every call, and without it the deployment decides which organization acts; give the organization (department) ID"))
	}
	if t["resource_group_id"] == "" {
		is = append(is, cloud.Warnf("resource_group_id", "is not set: the Apsara Stack Terraform provider sends x-acs-resourcegroupid with every call, and without it the deployment decides which resource set is used; give the resource set ID"))
	}
	return is
}
