package front

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

// The identity tests run against the sandbox. hiddenSandbox answers every
// vendor API but not /_sandbox/info, so front takes it for a real
// endpoint and signs with the identity it finds, not the sandbox's keys;
// only the sandbox's keys (and temporary keys its STS issued) pass its
// signature check, so a request signed as anyone else fails. The profile
// files hold the sandbox's keys in the profile a case expects, and keys
// the sandbox refuses everywhere else.

var wrong = cloud.Credentials{ID: "WRONGKEYID0000000other", Secret: "not-the-sandbox-secret"}

func hiddenSandbox(t *testing.T) (*sandbox.Server, string) {
	t.Helper()
	srv, err := sandbox.New(sandbox.Options{})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/_sandbox/") {
			http.NotFound(w, r)
			return
		}
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(hs.Close)
	return srv, hs.URL
}

func writeFile(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
}

// envWith is an Env over a map, a home and a metadata fetcher.
func envWith(home string, vars map[string]string, md cloud.Fetcher) Env {
	return Env{Home: home, Getenv: func(k string) string { return vars[k] }, Metadata: md}
}

func tccliCred(c cloud.Credentials) string {
	return `{"secretId": "` + c.ID + `", "secretKey": "` + c.Secret + `", "region": "ap-guangzhou"}`
}

// aliyunConfig is an aliyun CLI config.json: the profiles given (name ->
// JSON fields) and the current one.
func aliyunConfig(current string, profiles map[string]string) string {
	var ps []string
	for name, fields := range profiles {
		ps = append(ps, `{"name": "`+name+`", `+fields+`}`)
	}
	return `{"current": "` + current + `", "profiles": [` + strings.Join(ps, ",") + `]}`
}

func ak(c cloud.Credentials) string {
	return `"mode": "AK", "access_key_id": "` + c.ID + `", "access_key_secret": "` + c.Secret + `"`
}

func kooConfig(current string, profiles map[string]string) string {
	var ps []string
	for name, fields := range profiles {
		ps = append(ps, `{"name": "`+name+`", `+fields+`}`)
	}
	return `{"current": "` + current + `", "profiles": [` + strings.Join(ps, ",") + `]}`
}

func aksk(c cloud.Credentials) string {
	return `"mode": "AKSK", "accessKeyId": "` + c.ID + `", "secretAccessKey": "` + c.Secret + `"`
}

func exampleSpec(t *testing.T, vendor string) *cloud.Spec {
	t.Helper()
	s, err := cloud.LoadSpec(filepath.Join("..", "..", "examples", vendor+".yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// list makes one signed call at the destination resolved.
func list(t *testing.T, d cloud.Driver, w *Where) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	_, err := cloud.ListConnections(ctx, d, w.Base, cloud.Filter{})
	return err
}

// create submits the vendor's example spec at the destination resolved.
func create(t *testing.T, d cloud.Driver, w *Where, s *cloud.Spec) {
	t.Helper()
	p, issues := d.Catalog().Check(s)
	if issues.Errors() > 0 {
		t.Fatalf("example does not validate: %v", issues)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	sub := &cloud.Submission{Driver: d, At: w.Base, Params: p, Sleep: func(context.Context, time.Duration) error { return nil }}
	if _, err := sub.Run(ctx); err != nil {
		t.Fatalf("create as %s: %v", w.Said, err)
	}
}

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

// TestAssumeRoleAtSandboxSTS: a role is assumed at the sandbox's STS (the
// vendor's AssumeRole, signed with the source keys), and the create is
// signed with the temporary key id and token: the sandbox never sees the
// source keys on the create.
func TestAssumeRoleAtSandboxSTS(t *testing.T) {
	home := t.TempDir()
	const tcRole, aliRole = "qcs::cam::uin/100000000001:roleName/vpn-admin", "acs:ram::1234567890:role/vpn-admin"
	writeFile(t, filepath.Join(home, ".tccli", "role.credential"),
		`{"secretId": "`+sandbox.Keys.ID+`", "secretKey": "`+sandbox.Keys.Secret+`", "role-arn": "`+tcRole+`", "role-session-name": "ops"}`)
	writeFile(t, filepath.Join(home, ".aliyun", "config.json"), aliyunConfig("default", map[string]string{
		"default": ak(wrong),
		"role":    ak(sandbox.Keys) + `, "mode": "RamRoleArn", "ram_role_arn": "` + aliRole + `", "ram_session_name": "ops"`,
		"chain":   `"mode": "ChainableRamRoleArn", "source_profile": "base", "ram_role_arn": "` + aliRole + `"`,
		"base":    ak(sandbox.Keys),
	}))
	writeFile(t, filepath.Join(home, ".hcloud", "config.json"), kooConfig("default", map[string]string{
		"default": aksk(wrong),
		"agency":  aksk(sandbox.Keys) + `, "agencyName": "vpn-admin", "agencyDomainName": "ops-account"`,
	}))
	hwEnv := map[string]string{"HW_ACCESS_KEY": sandbox.Keys.ID, "HW_SECRET_KEY": sandbox.Keys.Secret,
		"HW_ASSUME_ROLE_AGENCY_NAME": "vpn-admin", "HW_ASSUME_ROLE_DOMAIN_NAME": "ops-account"}
	const hwRole = "agency vpn-admin of ops-account"
	tcEnv := map[string]string{"TENCENTCLOUD_SECRET_ID": sandbox.Keys.ID, "TENCENTCLOUD_SECRET_KEY": sandbox.Keys.Secret,
		"TENCENTCLOUD_ASSUME_ROLE_ARN": tcRole, "TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME": "ops", "TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION": "900"}
	aliEnv := map[string]string{"ALIBABA_CLOUD_ACCESS_KEY_ID": sandbox.Keys.ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": sandbox.Keys.Secret,
		"ALIBABA_CLOUD_ROLE_ARN": aliRole}
	for _, tc := range []struct {
		name, vendor, role string
		env                map[string]string
		flag               string
		builtIn            bool // --sandbox: the sandbox is its own STS
	}{
		{"tencent TENCENTCLOUD_ASSUME_ROLE_ARN", "tencent", tcRole, tcEnv, "", false},
		{"tencent-v2 TENCENTCLOUD_ASSUME_ROLE_ARN", "tencent-v2", tcRole, tcEnv, "", false},
		{"tencent tccli role profile in --sandbox", "tencent", tcRole, nil, "role", true},
		{"alibaba ALIBABA_CLOUD_ROLE_ARN", "alibaba", aliRole, aliEnv, "", false},
		{"alibaba RamRoleArn profile", "alibaba", aliRole, map[string]string{"ALIBABA_CLOUD_PROFILE": "role"}, "", false},
		{"alibaba ChainableRamRoleArn profile in --sandbox", "alibaba", aliRole, nil, "chain", true},
		{"apsara RamRoleArn profile", "apsara", aliRole, nil, "role", false},
		{"huawei HW_ASSUME_ROLE_AGENCY_NAME", "huawei", hwRole, hwEnv, "", false},
		{"huawei KooCLI agency profile in --sandbox", "huawei", hwRole, nil, "agency", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, _ := cloud.Lookup(tc.vendor)
			spec := exampleSpec(t, tc.vendor)
			var w *Where
			var err error
			var signatures func() []sandbox.Signature
			if tc.builtIn {
				w, err = ResolveIn(envWith(home, tc.env, nil), d, spec.Target, Ask{Sandbox: true, Profile: tc.flag})
				if err == nil {
					defer w.Close()
					signatures = func() []sandbox.Signature { return nil }
				}
			} else {
				srv, base := hiddenSandbox(t)
				signatures = srv.Signatures
				w, err = ResolveIn(envWith(home, tc.env, nil), d, spec.Target, Ask{Endpoint: base, STSEndpoint: base, Profile: tc.flag})
			}
			if err != nil {
				t.Fatal(err)
			}
			if w.Cred.ID == sandbox.Keys.ID || !strings.HasPrefix(w.Cred.ID, "STS.sandbox") || w.Cred.Token == "" {
				t.Fatalf("signing with %s: want the sandbox STS's temporary keys", w.Cred.ID)
			}
			id := w.Identity
			if id.Role != tc.role || !id.Token || id.KeyIDTail != cloud.Tail(w.Cred.ID) {
				t.Errorf("identity %+v: want role %s, a token, the temporary key's tail", id, tc.role)
			}
			if strings.Contains(w.Said, w.Cred.Token) || strings.Contains(w.Said, w.Cred.Secret) || strings.Contains(w.Said, w.Cred.ID) {
				t.Errorf("said %q shows more than the key id's tail", w.Said)
			}
			create(t, d, w, spec)
			// The sandbox takes the temporary key only with its token.
			tokenless := *w
			tokenless.Cred.Token = ""
			if err := list(t, d, &tokenless); err == nil {
				t.Error("the temporary key was accepted without its token")
			}
			sigs := signatures()
			if tc.builtIn {
				return // the built-in sandbox accepted the temporary keys: create succeeded
			}
			var assumed, created bool
			for _, s := range sigs {
				assumed = assumed || s.Action == "AssumeRole" && s.KeyID == sandbox.Keys.ID
				assumed = assumed || strings.HasSuffix(s.Action, "/securitytokens") && s.KeyID == sandbox.Keys.ID
				if strings.Contains(s.Action, "Create") || strings.Contains(s.Action, "AddVpnConnEx") ||
					strings.HasPrefix(s.Action, "POST /v5/") {
					created = true
					if s.KeyID != w.Cred.ID {
						t.Errorf("%s signed with %s, want the temporary %s", s.Action, s.KeyID, w.Cred.ID)
					}
				}
			}
			if !assumed || !created {
				t.Errorf("signatures %v: want AssumeRole with the source keys, then the create", sigs)
			}
		})
	}
}

// TestInstanceRoleThroughFetcher: CVM and ECS instance roles and a Huawei
// ECS agency are read through the metadata fetcher given (never the
// network: the test's fetcher answers), and their temporary keys sign.
// Without a fetcher the source stops with one line.
func TestInstanceRoleThroughFetcher(t *testing.T) {
	home := t.TempDir()
	writeFile(t, filepath.Join(home, ".hcloud", "config.json"), kooConfig("default", map[string]string{"ecs": `"mode": "ecsAgency"`}))
	writeFile(t, filepath.Join(home, ".tccli", "cvm.credential"), `{"type": "cvm-role"}`)
	for _, tc := range []struct {
		name, vendor, flag, role string
		env                      map[string]string
		answer                   func(url string, k sandbox.Temporary) string
	}{
		{"tencent TENCENTCLOUD_CAM_ROLE_NAME", "tencent", "", "cvm-ops", map[string]string{"TENCENTCLOUD_CAM_ROLE_NAME": "cvm-ops"},
			func(u string, k sandbox.Temporary) string {
				return `{"TmpSecretId":"` + k.ID + `","TmpSecretKey":"` + k.Secret + `","Token":"` + k.Token + `","ExpiredTime":1,"Code":"Success"}`
			}},
		{"tencent tccli cvm-role profile", "tencent", "cvm", "cvm-ops", nil,
			func(u string, k sandbox.Temporary) string {
				if strings.HasSuffix(u, "/security-credentials/") {
					return "cvm-ops"
				}
				return `{"TmpSecretId":"` + k.ID + `","TmpSecretKey":"` + k.Secret + `","Token":"` + k.Token + `","Code":"Success"}`
			}},
		{"alibaba ALIBABA_CLOUD_ECS_METADATA", "alibaba", "", "ecs-ops", map[string]string{"ALIBABA_CLOUD_ECS_METADATA": "ecs-ops"},
			func(u string, k sandbox.Temporary) string {
				return `{"AccessKeyId":"` + k.ID + `","AccessKeySecret":"` + k.Secret + `","SecurityToken":"` + k.Token + `","Code":"Success"}`
			}},
		{"huawei KooCLI ecsAgency", "huawei", "ecs", "ECS agency", nil,
			func(u string, k sandbox.Temporary) string {
				return `{"credential":{"access":"` + k.ID + `","secret":"` + k.Secret + `","securitytoken":"` + k.Token + `","expires_at":"2099-01-01T00:00:00Z"}}`
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, base := hiddenSandbox(t)
			d, _ := cloud.Lookup(tc.vendor)
			spec := exampleSpec(t, tc.vendor)
			var asked []string
			fetch := func(_ context.Context, u string) ([]byte, error) {
				asked = append(asked, u)
				return []byte(tc.answer(u, srv.Backend().IssueTemporary("instance"))), nil
			}
			if _, err := ResolveIn(envWith(home, tc.env, nil), d, spec.Target, Ask{Endpoint: base, Profile: tc.flag}); err == nil ||
				strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "metadata") {
				t.Errorf("without a fetcher: want one line about the metadata service, got %v", err)
			}
			w, err := ResolveIn(envWith(home, tc.env, fetch), d, spec.Target, Ask{Endpoint: base, Profile: tc.flag})
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range asked {
				if !strings.HasPrefix(u, "http://metadata.tencentyun.com/") && !strings.HasPrefix(u, "http://100.100.100.200/") &&
					!strings.HasPrefix(u, "http://169.254.169.254/") {
					t.Errorf("asked the metadata service for %s", u)
				}
			}
			if w.Identity.Role != tc.role || !w.Identity.Token || !strings.HasPrefix(w.Cred.ID, "STS.sandbox") {
				t.Errorf("identity %+v, key %s", w.Identity, w.Cred.ID)
			}
			create(t, d, w, spec)
			sigs := srv.Signatures()
			if len(sigs) == 0 || sigs[len(sigs)-1].KeyID != w.Cred.ID {
				t.Errorf("signatures %v: want the instance role's key last", sigs)
			}
		})
	}
}

// TestIdentityJSON: the identity marshals with the key id's last four
// only, the token as a yes/no and the role, never a secret.
func TestIdentityJSON(t *testing.T) {
	c := cloud.Credentials{ID: "STS.NUabcdef1234WXYZ", Secret: "s3cret", Token: "tok-value"}
	id := cloud.Identity{Source: "~/.aliyun/config.json", Profile: "prod", Role: "acs:ram::1:role/x"}.Signed(c)
	b, _ := json.Marshal(id)
	var back map[string]any
	json.Unmarshal(b, &back)
	if back["key_id_last4"] != "WXYZ" || back["token"] != true || back["profile"] != "prod" || back["role"] != "acs:ram::1:role/x" {
		t.Errorf("json %s", b)
	}
	for _, s := range []string{string(b), id.String()} {
		if strings.Contains(s, c.Secret) || strings.Contains(s, c.Token) || strings.Contains(s, "abcdef1234") {
			t.Errorf("%s shows a secret, the token or the key id", s)
		}
	}
	_ = url.URL{}
}
