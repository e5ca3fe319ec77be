package wizard

import (
	"os"
	"testing"
)

// TestMain makes the screens independent of the machine: no vendor keys
// in the environment, and an empty home (no CLI profiles, no draft).
func TestMain(m *testing.M) {
	home, err := os.MkdirTemp("", "tunnelwiz-test-home")
	if err != nil {
		panic(err)
	}
	os.Setenv("HOME", home)
	os.Setenv("XDG_CONFIG_HOME", home+"/.config")
	for _, k := range []string{
		"TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SESSION_TOKEN", "TENCENTCLOUD_CREDENTIALS_FILE", "TCCLI_PROFILE",
		"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN", "ALIBABA_CLOUD_CONFIG_FILE",
		"ALIBABA_CLOUD_PROFILE", "ALIBABACLOUDSTACK_ACCESS_KEY", "ALIBABACLOUDSTACK_SECRET_KEY", "ALIBABACLOUDSTACK_SECURITY_TOKEN",
		"HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_SECURITY_TOKEN", "HUAWEICLOUD_SDK_CREDENTIALS_FILE",
	} {
		os.Unsetenv(k)
	}
	code := m.Run()
	os.RemoveAll(home)
	os.Exit(code)
}
