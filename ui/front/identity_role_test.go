package front

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/sandbox"
)

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
