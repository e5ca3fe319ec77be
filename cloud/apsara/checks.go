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
			Source: src(headersSource + "; Apsara Stack API guides: without x-acs-organizationid the call acts in the root organization (warning)"),
			Run:    scopeNamed},
		aliyun.RegionCheck(seed),
		aliyun.SubnetCheck(seed),
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
		is = append(is, cloud.Warnf("organization_id", "is not set: the gateway then acts in the root organization; give the organization (department) ID"))
	}
	if t["resource_group_id"] == "" {
		is = append(is, cloud.Warnf("resource_group_id", "is not set: the gateway then uses the organization's default resource set; give the resource set ID"))
	}
	return is
}
