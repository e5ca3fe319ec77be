package huawei

import (
	"context"
	"net/url"

	iam "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3"
	iammodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3/model"

	"tunnelwiz/cloud"
)

// Choices lists the projects of the target's region, for project_id's
// pick list: IAM KeystoneListProjects with name=<region>, the call the
// SDK itself makes when a client is given a region but no project id
// (core/auth/basic_credentials.go ProcessAuthParams). Huawei names a
// region's default project after the region. IAM answers at
// iam.<region>.myhuaweicloud.com in every region.
func (Driver) Choices(ctx context.Context, base *url.URL, cred cloud.Credentials, target map[string]string, key string) ([]cloud.Resource, error) {
	region := target["region"]
	if key != "project_id" || !regionChars.Match(region) {
		return nil, cloud.ErrNotListed
	}
	hc, err := build(ctx, iam.IamClientBuilder(), sibling(base, "iam"), cred, "", false)
	if err != nil {
		return nil, err
	}
	resp, err := iam.NewIamClient(hc).KeystoneListProjects(&iammodel.KeystoneListProjectsRequest{Name: &region})
	if err != nil {
		return nil, mapError(err)
	}
	out := []cloud.Resource{}
	if resp.Projects != nil {
		for _, p := range *resp.Projects {
			if !p.Enabled {
				continue
			}
			out = append(out, cloud.Resource{ID: p.Id, Name: p.Name})
		}
	}
	return out, nil
}
