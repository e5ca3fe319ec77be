package front

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// TestProfileSelectors: every profile selector the vendors' tools honour
// picks that profile's keys, never the default's or the current one's:
// the sandbox only accepts the keys in the profile selected.
func TestProfileSelectors(t *testing.T) {
	keys := sandbox.Keys
	tencentHome := func(t *testing.T) string {
		home := t.TempDir()
		writeFile(t, filepath.Join(home, ".tccli", "default.credential"), tccliCred(wrong))
		writeFile(t, filepath.Join(home, ".tccli", "work.credential"), tccliCred(keys))
		writeFile(t, filepath.Join(home, ".tencentcloud", "credentials"), "[default]\nsecret_id = "+wrong.ID+"\nsecret_key = "+wrong.Secret+"\n")
		return home
	}
	tencentSDKHome := func(t *testing.T) string {
		home := t.TempDir()
		writeFile(t, filepath.Join(home, ".tencentcloud", "credentials"),
			"[default]\nsecret_id = "+wrong.ID+"\nsecret_key = "+wrong.Secret+"\n[work]\nsecret_id = "+keys.ID+"\nsecret_key = "+keys.Secret+"\n")
		return home
	}
	aliyunHome := func(current string) func(t *testing.T) string {
		return func(t *testing.T) string {
			home := t.TempDir()
			writeFile(t, filepath.Join(home, ".aliyun", "config.json"), aliyunConfig(current, map[string]string{
				"default": ak(wrong), "prod": ak(keys)}))
			return home
		}
	}
	kooHome := func(current string) func(t *testing.T) string {
		return func(t *testing.T) string {
			home := t.TempDir()
			writeFile(t, filepath.Join(home, ".hcloud", "config.json"), kooConfig(current, map[string]string{
				"default": aksk(wrong), "prod": aksk(keys)}))
			writeFile(t, filepath.Join(home, ".huaweicloud", "credentials"), "[basic]\nak = "+wrong.ID+"\nsk = "+wrong.Secret+"\n")
			return home
		}
	}
	for _, tc := range []struct {
		name, vendor string
		home         func(t *testing.T) string
		env          map[string]string
		flag         string // --profile
		profile      string // the profile the identity must name
		source       string // what the identity's source must say
	}{
		{"tencent --profile", "tencent", tencentHome, nil, "work", "work", "~/.tccli/work.credential, chosen by --profile"},
		{"tencent TENCENTCLOUD_PROFILE", "tencent", tencentHome, map[string]string{"TENCENTCLOUD_PROFILE": "work"}, "", "work", "chosen by TENCENTCLOUD_PROFILE"},
		{"tencent TCCLI_PROFILE", "tencent", tencentHome, map[string]string{"TCCLI_PROFILE": "work"}, "", "work", "chosen by TCCLI_PROFILE"},
		{"tencent --profile over TENCENTCLOUD_PROFILE and the environment's keys", "tencent", tencentHome,
			map[string]string{"TENCENTCLOUD_PROFILE": "default", "TENCENTCLOUD_SECRET_ID": wrong.ID, "TENCENTCLOUD_SECRET_KEY": wrong.Secret}, "work", "work", "--profile"},
		{"tencent SDK file section", "tencent", tencentSDKHome, map[string]string{"TENCENTCLOUD_PROFILE": "work"}, "", "work", "~/.tencentcloud/credentials [work]"},
		{"tencent-v2 TENCENTCLOUD_PROFILE", "tencent-v2", tencentHome, map[string]string{"TENCENTCLOUD_PROFILE": "work"}, "", "work", "~/.tccli/work.credential"},
		{"tencent shared credentials dir", "tencent", func(t *testing.T) string {
			home := tencentHome(t)
			writeFile(t, filepath.Join(home, "elsewhere", "ops.credential"), tccliCred(keys))
			return home
		}, nil, "", "ops", "TENCENTCLOUD_SHARED_CREDENTIALS_DIR"},
		{"alibaba --profile", "alibaba", aliyunHome("default"), nil, "prod", "prod", "chosen by --profile"},
		{"alibaba ALIBABA_CLOUD_PROFILE", "alibaba", aliyunHome("default"), map[string]string{"ALIBABA_CLOUD_PROFILE": "prod"}, "", "prod", "ALIBABA_CLOUD_PROFILE"},
		{"alibaba ALIBABACLOUD_PROFILE", "alibaba", aliyunHome("default"), map[string]string{"ALIBABACLOUD_PROFILE": "prod"}, "", "prod", "ALIBABACLOUD_PROFILE"},
		{"alibaba ALICLOUD_PROFILE", "alibaba", aliyunHome("default"), map[string]string{"ALICLOUD_PROFILE": "prod"}, "", "prod", "ALICLOUD_PROFILE"},
		{"alibaba current profile", "alibaba", aliyunHome("prod"), nil, "", "prod", "~/.aliyun/config.json"},
		{"alibaba --profile over the environment's keys", "alibaba", aliyunHome("default"),
			map[string]string{"ALIBABA_CLOUD_ACCESS_KEY_ID": wrong.ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": wrong.Secret}, "prod", "prod", "--profile"},
		{"apsara ALICLOUD_PROFILE", "apsara", aliyunHome("default"), map[string]string{"ALICLOUD_PROFILE": "prod"}, "", "prod", "ALICLOUD_PROFILE"},
		{"huawei --profile (KooCLI)", "huawei", kooHome("default"), nil, "prod", "prod", "~/.hcloud/config.json, chosen by --profile"},
		{"huawei HW_PROFILE", "huawei", kooHome("default"), map[string]string{"HW_PROFILE": "prod"}, "", "prod", "HW_PROFILE"},
		{"huawei HW_SHARED_CONFIG_FILE current", "huawei", func(t *testing.T) string {
			home := kooHome("default")(t)
			writeFile(t, filepath.Join(home, "shared.json"), kooConfig("prod", map[string]string{"prod": aksk(keys)}))
			return home
		}, nil, "", "prod", "HW_SHARED_CONFIG_FILE"},
		{"huawei HW_ACCESS_KEY", "huawei", kooHome("default"), map[string]string{"HW_ACCESS_KEY": keys.ID, "HW_SECRET_KEY": keys.Secret}, "", "", "environment HW_ACCESS_KEY and HW_SECRET_KEY"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, base := hiddenSandbox(t)
			d, _ := cloud.Lookup(tc.vendor)
			home := tc.home(t)
			vars := map[string]string{}
			for k, v := range tc.env {
				vars[k] = v
			}
			if strings.Contains(tc.source, "TENCENTCLOUD_SHARED_CREDENTIALS_DIR") {
				vars["TENCENTCLOUD_SHARED_CREDENTIALS_DIR"] = filepath.Join(home, "elsewhere")
				vars["TENCENTCLOUD_PROFILE"] = "ops"
			}
			if strings.Contains(tc.source, "HW_SHARED_CONFIG_FILE") {
				vars["HW_SHARED_CONFIG_FILE"] = filepath.Join(home, "shared.json")
			}
			spec := exampleSpec(t, tc.vendor)
			w, err := ResolveIn(envWith(home, vars, nil), d, spec.Target, Ask{Endpoint: base, Profile: tc.flag})
			if err != nil {
				t.Fatal(err)
			}
			if w.Identity.Profile != tc.profile || !strings.Contains(w.Identity.Source, tc.source) {
				t.Errorf("identity %+v: want profile %q from %q", w.Identity, tc.profile, tc.source)
			}
			if err := list(t, d, w); err != nil {
				t.Fatalf("the sandbox refused the identity chosen (%s): %v", w.Said, err)
			}
			sigs := srv.Signatures()
			if len(sigs) == 0 || sigs[len(sigs)-1].KeyID != keys.ID {
				t.Errorf("signed by %v, want %s", sigs, keys.ID)
			}
			if !strings.Contains(w.Said, "…"+cloud.Tail(keys.ID)) || strings.Contains(w.Said, keys.ID) || strings.Contains(w.Said, keys.Secret) {
				t.Errorf("said %q: want the key id's last four only, no secret", w.Said)
			}
		})
	}
}

// TestUnknownProfile: a profile named but found nowhere stops with one
// line naming the profile and the files looked in, and nothing is sent,
// even though keys the sandbox takes are in the environment.
func TestUnknownProfile(t *testing.T) {
	envKeys := map[string]string{
		"TENCENTCLOUD_SECRET_ID": sandbox.Keys.ID, "TENCENTCLOUD_SECRET_KEY": sandbox.Keys.Secret,
		"ALIBABA_CLOUD_ACCESS_KEY_ID": sandbox.Keys.ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": sandbox.Keys.Secret,
		"HUAWEICLOUD_SDK_AK": sandbox.Keys.ID, "HUAWEICLOUD_SDK_SK": sandbox.Keys.Secret,
	}
	for _, tc := range []struct {
		vendor string
		env    map[string]string
		flag   string
		files  []string
	}{
		{"tencent", nil, "nope", []string{"~/.tccli/nope.credential", "~/.tencentcloud/credentials [nope]"}},
		{"tencent", map[string]string{"TENCENTCLOUD_PROFILE": "nope"}, "", []string{"TENCENTCLOUD_PROFILE", "~/.tccli/nope.credential"}},
		{"alibaba", nil, "nope", []string{"~/.aliyun/config.json"}},
		{"alibaba", map[string]string{"ALICLOUD_PROFILE": "nope"}, "", []string{"ALICLOUD_PROFILE", "~/.aliyun/config.json"}},
		{"huawei", nil, "nope", []string{"~/.hcloud/config.json"}},
		{"huawei", map[string]string{"HW_PROFILE": "nope"}, "", []string{"HW_PROFILE", "~/.hcloud/config.json"}},
	} {
		t.Run(tc.vendor+" "+tc.flag+strings.Join(keysOf(tc.env), ""), func(t *testing.T) {
			srv, base := hiddenSandbox(t)
			home := t.TempDir()
			writeFile(t, filepath.Join(home, ".aliyun", "config.json"), aliyunConfig("default", map[string]string{"default": ak(sandbox.Keys)}))
			writeFile(t, filepath.Join(home, ".hcloud", "config.json"), kooConfig("default", map[string]string{"default": aksk(sandbox.Keys)}))
			vars := map[string]string{}
			if tc.flag != "" {
				// --profile passes over the environment's keys too.
				for k, v := range envKeys {
					vars[k] = v
				}
			}
			for k, v := range tc.env {
				vars[k] = v
			}
			d, _ := cloud.Lookup(tc.vendor)
			_, err := ResolveIn(envWith(home, vars, nil), d, exampleSpec(t, tc.vendor).Target, Ask{Endpoint: base, Profile: tc.flag})
			var ue *UsageError
			if !errors.As(err, &ue) || strings.Contains(ue.Msg, "\n") || !strings.Contains(ue.Msg, `"nope"`) {
				t.Fatalf("want one line naming the profile, got %v", err)
			}
			for _, f := range tc.files {
				if !strings.Contains(ue.Msg, f) {
					t.Errorf("%q does not name %s", ue.Msg, f)
				}
			}
			if n := srv.Requests(); n != 0 {
				t.Errorf("%d requests reached the sandbox", n)
			}
		})
	}
}

func keysOf(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, " "+k)
	}
	return out
}

// TestUnsupportedStops: a mode, selector or role source tunnelwiz does
// not support stops with one line naming it, and never falls back to
// other keys (the environment holds keys the sandbox takes).
func TestUnsupportedStops(t *testing.T) {
	envKeys := map[string]string{
		"TENCENTCLOUD_SECRET_ID": sandbox.Keys.ID, "TENCENTCLOUD_SECRET_KEY": sandbox.Keys.Secret,
		"ALIBABA_CLOUD_ACCESS_KEY_ID": sandbox.Keys.ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": sandbox.Keys.Secret,
		"HUAWEICLOUD_SDK_AK": sandbox.Keys.ID, "HUAWEICLOUD_SDK_SK": sandbox.Keys.Secret,
	}
	home := t.TempDir()
	writeFile(t, filepath.Join(home, ".aliyun", "config.json"), aliyunConfig("default", map[string]string{
		"default": ak(sandbox.Keys),
		"sso":     `"mode": "CloudSSO", "cloud_sso_sign_in_url": "https://signin.example/start"`,
		"oidc":    `"mode": "OIDC", "oidc_provider_arn": "acs:ram::1:oidc-provider/x", "oidc_token_file": "/tmp/t", "ram_role_arn": "acs:ram::1:role/r"`,
		"ext":     `"mode": "External", "process_command": "get-keys"`,
		"uri":     `"mode": "CredentialsURI", "credentials_uri": "http://127.0.0.1:1/keys"`,
	}))
	writeFile(t, filepath.Join(home, ".tccli", "oidc.credential"), `{"type": "oidc-role-arn", "role-arn": "qcs::cam::uin/1:roleName/x"}`)
	writeFile(t, filepath.Join(home, ".hcloud", "config.json"), kooConfig("default", map[string]string{
		"default": aksk(sandbox.Keys),
		"sso":     `"mode": "SSO"`,
	}))
	for _, tc := range []struct {
		vendor string
		env    map[string]string
		flag   string
		names  string
	}{
		{"alibaba", nil, "sso", "CloudSSO"},
		{"alibaba", nil, "oidc", "OIDC"},
		{"alibaba", nil, "ext", "External"},
		{"alibaba", nil, "uri", "CredentialsURI"},
		{"alibaba", map[string]string{"ALIBABA_CLOUD_OIDC_PROVIDER_ARN": "acs:ram::1:oidc-provider/x"}, "", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN"},
		{"alibaba", map[string]string{"ALIBABA_CLOUD_CREDENTIALS_URI": "http://127.0.0.1:1/"}, "", "ALIBABA_CLOUD_CREDENTIALS_URI"},
		{"tencent", nil, "oidc", `type "oidc-role-arn"`},
		{"tencent", map[string]string{"TENCENTCLOUD_ASSUME_ROLE_SERIAL_NUMBER": "qcs::cam:uin/1::mfa/softToken"}, "", "TENCENTCLOUD_ASSUME_ROLE_SERIAL_NUMBER"},
		{"tencent", map[string]string{"TKE_ROLE_ARN": "qcs::cam::uin/1:roleName/x"}, "", "TKE_ROLE_ARN"},
		{"huawei", nil, "sso", "mode SSO"},
		{"huawei", map[string]string{"HUAWEICLOUD_SDK_IDP_ID": "idp"}, "", "HUAWEICLOUD_SDK_IDP_ID"},
	} {
		t.Run(tc.vendor+" "+tc.names, func(t *testing.T) {
			srv, base := hiddenSandbox(t)
			vars := map[string]string{}
			for k, v := range envKeys {
				vars[k] = v
			}
			for k, v := range tc.env {
				vars[k] = v
			}
			d, _ := cloud.Lookup(tc.vendor)
			_, err := ResolveIn(envWith(home, vars, nil), d, exampleSpec(t, tc.vendor).Target, Ask{Endpoint: base, Profile: tc.flag})
			var ue *UsageError
			if !errors.As(err, &ue) || strings.Contains(ue.Msg, "\n") || !strings.Contains(ue.Msg, tc.names) || !strings.Contains(ue.Msg, "not support") {
				t.Fatalf("want one line naming %s as not supported, got %v", tc.names, err)
			}
			if n := srv.Requests(); n != 0 {
				t.Errorf("%d requests reached the sandbox", n)
			}
		})
	}
}

// TestEnvKeysAndProfileBothSet: keys in the environment and a profile
// variable naming another identity: the vendors' SDKs would take the keys
// and pass over the profile; tunnelwiz stops with one line saying how to
// choose, and sends nothing.
func TestEnvKeysAndProfileBothSet(t *testing.T) {
	for _, tc := range []struct {
		vendor string
		env    map[string]string
		names  string
	}{
		{"tencent", map[string]string{"TENCENTCLOUD_SECRET_ID": sandbox.Keys.ID, "TENCENTCLOUD_SECRET_KEY": sandbox.Keys.Secret, "TENCENTCLOUD_PROFILE": "work"}, "TENCENTCLOUD_PROFILE=work"},
		{"tencent", map[string]string{"TENCENTCLOUD_SECRET_ID": sandbox.Keys.ID, "TENCENTCLOUD_SECRET_KEY": sandbox.Keys.Secret, "TCCLI_PROFILE": "work"}, "TCCLI_PROFILE=work"},
		{"alibaba", map[string]string{"ALIBABA_CLOUD_ACCESS_KEY_ID": sandbox.Keys.ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": sandbox.Keys.Secret, "ALICLOUD_PROFILE": "prod"}, "ALICLOUD_PROFILE=prod"},
		{"huawei", map[string]string{"HW_ACCESS_KEY": sandbox.Keys.ID, "HW_SECRET_KEY": sandbox.Keys.Secret, "HW_PROFILE": "prod"}, "HW_PROFILE=prod"},
	} {
		t.Run(tc.names, func(t *testing.T) {
			srv, base := hiddenSandbox(t)
			d, _ := cloud.Lookup(tc.vendor)
			_, err := ResolveIn(envWith(t.TempDir(), tc.env, nil), d, exampleSpec(t, tc.vendor).Target, Ask{Endpoint: base})
			var ue *UsageError
			if !errors.As(err, &ue) || strings.Contains(ue.Msg, "\n") || !strings.Contains(ue.Msg, tc.names) || !strings.Contains(ue.Msg, "--profile") {
				t.Fatalf("want one line naming %s and --profile, got %v", tc.names, err)
			}
			if n := srv.Requests(); n != 0 {
				t.Errorf("%d requests reached the sandbox", n)
			}
		})
	}
}
