module tunnelwiz

go 1.26.8

require (
	github.com/alibabacloud-go/darabonba-openapi/v2 v2.1.14 // indirect
	github.com/alibabacloud-go/tea v1.3.13 // indirect
	github.com/alibabacloud-go/vpc-20160428/v7 v7.0.0 // indirect
	github.com/huaweicloud/huaweicloud-sdk-go-v3 v0.1.207 // indirect
	github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common v1.3.209 // indirect
	github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc v1.0.1100 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
