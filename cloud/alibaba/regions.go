package alibaba

// sdkEndpointRegions are the keys of the v7 client's EndpointMap
// (client/client.go Init). regions_test.go keeps this list in step with the
// pinned SDK.
var sdkEndpointRegions = []string{
	"cn-hangzhou", "cn-shanghai-finance-1", "cn-shenzhen-finance-1", "cn-north-2-gov-1",
	"ap-northeast-2-pop", "cn-beijing-finance-pop", "cn-beijing-gov-1", "cn-beijing-nu16-b01",
	"cn-edge-1", "cn-fujian", "cn-haidian-cm12-c01", "cn-hangzhou-bj-b01", "cn-hangzhou-finance",
	"cn-hangzhou-internal-prod-1", "cn-hangzhou-internal-test-1", "cn-hangzhou-internal-test-2",
	"cn-hangzhou-internal-test-3", "cn-hangzhou-test-306", "cn-hongkong-finance-pop",
	"cn-huhehaote-nebula-1", "cn-qingdao-nebula", "cn-shanghai-et15-b01", "cn-shanghai-et2-b01",
	"cn-shanghai-inner", "cn-shanghai-internal-test-1", "cn-shenzhen-inner", "cn-shenzhen-st4-d01",
	"cn-shenzhen-su18-b01", "cn-wuhan", "cn-yushanfang", "cn-zhangbei", "cn-zhangbei-na61-b01",
	"cn-zhangjiakou-na62-a01", "cn-zhengzhou-nebula-1", "eu-west-1-oxs", "rus-west-1-pop",
}

// publicRegions are the public regions Alibaba Cloud documents (regions and
// zones page, DescribeRegions), including the finance and government ones.
// Sydney (ap-southeast-2) and Mumbai (ap-south-1) closed in 2024 and are
// left out; naming them only draws a warning.
var publicRegions = []string{
	"cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote", "cn-wulanchabu",
	"cn-hangzhou", "cn-shanghai", "cn-nanjing", "cn-fuzhou", "cn-shenzhen", "cn-heyuan",
	"cn-guangzhou", "cn-chengdu", "cn-hongkong", "cn-wuhan-lr",
	"ap-northeast-1", "ap-northeast-2", "ap-southeast-1", "ap-southeast-3", "ap-southeast-5",
	"ap-southeast-6", "ap-southeast-7", "us-east-1", "us-west-1", "eu-west-1", "eu-central-1",
	"me-east-1", "me-central-1", "na-south-1",
	"cn-beijing-finance-1",
}

// knownRegions is what the wizard offers; other ids only warn.
var knownRegions = func() []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range append(append([]string{}, publicRegions...), sdkEndpointRegions...) {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}()
