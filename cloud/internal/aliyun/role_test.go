package aliyun

import (
	"testing"

	"tunnelwiz/cloud"
)

// TestSTSEndpoint: the STS host is picked as credentials-go picks it.
func TestSTSEndpoint(t *testing.T) {
	for _, c := range []struct {
		env          map[string]string
		region, want string
	}{
		{nil, "", "sts.aliyuncs.com"},
		{map[string]string{"ALIBABA_CLOUD_STS_REGION": "cn-beijing"}, "", "sts.cn-beijing.aliyuncs.com"},
		{map[string]string{"ALIBABA_CLOUD_STS_REGION": "cn-beijing"}, "cn-shanghai", "sts.cn-shanghai.aliyuncs.com"},
		{map[string]string{"ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED": "true"}, "cn-shanghai", "sts-vpc.cn-shanghai.aliyuncs.com"},
	} {
		if got := stsEndpoint(cloud.CredQuery{Env: envOf(c.env)}, c.region); got != c.want {
			t.Errorf("%v %q: %s, want %s", c.env, c.region, got, c.want)
		}
	}
}
