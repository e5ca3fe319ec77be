// Package all registers every vendor driver; import it for its side effect.
package all

import (
	_ "tunnelwiz/cloud/alibaba"
	_ "tunnelwiz/cloud/apsara"
	_ "tunnelwiz/cloud/huawei"
	_ "tunnelwiz/cloud/tencent"
	_ "tunnelwiz/cloud/tencentv2"
)
