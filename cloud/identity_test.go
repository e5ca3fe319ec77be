package cloud

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestIdentityShowsNoSecret: an identity marshals and prints with the key
// id's last four only, the token as a yes/no and the role, never a
// secret, the token or the rest of the key id.
func TestIdentityShowsNoSecret(t *testing.T) {
	c := Credentials{ID: "STS.NUabcdef1234WXYZ", Secret: "s3cret", Token: "tok-value"}
	id := Identity{Source: "~/.aliyun/config.json", Profile: "prod", Role: "acs:ram::1:role/x"}.Signed(c)
	b, _ := json.Marshal(id)
	var back map[string]any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back["key_id_last4"] != "WXYZ" || back["token"] != true || back["profile"] != "prod" || back["role"] != "acs:ram::1:role/x" {
		t.Errorf("json %s", b)
	}
	if got := id.String(); got != "profile prod from ~/.aliyun/config.json, key id …WXYZ, role acs:ram::1:role/x, with a security token" {
		t.Errorf("said %q", got)
	}
	for _, s := range []string{string(b), id.String()} {
		if strings.Contains(s, c.Secret) || strings.Contains(s, c.Token) || strings.Contains(s, "abcdef1234") {
			t.Errorf("%s shows a secret, the token or the key id", s)
		}
	}
	if Tail("abc") != "abc" || Tail("") != "" {
		t.Error("a short key id is shown as it is")
	}
}
