// Package aliyun holds what the Alibaba Cloud (public) and Apsara Stack
// (private cloud) drivers share: the VPC API's nested configuration tables
// (IkeConfig, IpsecConfig, HealthCheckConfig, BgpConfig and their per-tunnel
// forms), their wire encoding as JSON strings, the v7 SDK client set-up, the
// cross-field rules both APIs obey, the error-code table (errors.go), the
// decoding of the look-up answers (lookup.go), credential discovery
// (creds.go), and the sandbox side of both: signature checks (sign.go),
// reading a create back off the wire (decode.go), the describe answers
// (describe.go) and the frontend both dialects plug into (frontend.go).
// Both APIs are the same VPN gateway service behind two front doors, so one
// table serves both; the Doc a table is built for decides which document it
// cites.
package aliyun

// Allowed values: what a source a reader can open lists for each
// parameter (fields.go says which, field by field).
var (
	// EncAlgs: seeds 004/001 and the SDK v7 create model list aes..3des.
	// Alibaba's sm4 is Tolerated (fields.go, smWhy).
	EncAlgs = []string{"aes", "aes192", "aes256", "des", "3des"}
	// AuthAlgs: seed 004 lists md5, sha1; the SDK v7 create model adds
	// sha256..sha512. Alibaba's sm3 is Tolerated.
	AuthAlgs = []string{"md5", "sha1", "sha256", "sha384", "sha512"}
	// ApsaraAuthAlgs: seed 001 lists md5 and sha1 only; what only the
	// Apsara provider adds is Tolerated.
	ApsaraAuthAlgs = []string{"md5", "sha1"}
	// IkePfs: seeds list group24, the SDK v7 comment stops at group14.
	IkePfs = []string{"group1", "group2", "group5", "group14", "group24"}
	// IpsecPfs: as IkePfs, and SDK v7 adds "disabled" (no PFS); on
	// Apsara, disabled is Tolerated.
	IpsecPfs    = []string{"disabled", "group1", "group2", "group5", "group14", "group24"}
	IkeVersions = []string{"ikev1", "ikev2"}
	IkeModes    = []string{"main", "aggressive"}
	Bools       = []string{"true", "false"}
)

// Vocabulary terms for presets (cloud/algo.go).
var (
	EncMeans = map[string]string{
		"aes": "aes-cbc-128", "aes192": "aes-cbc-192", "aes256": "aes-cbc-256",
		"des": "des-cbc", "3des": "3des-cbc", "sm4": "sm4-cbc",
	}
	AuthMeans = map[string]string{
		"md5": "md5", "sha1": "sha1", "sha256": "sha256", "sha384": "sha384", "sha512": "sha512", "sm3": "sm3",
	}
	PfsMeans = map[string]string{
		"disabled": "none", "group1": "modp768", "group2": "modp1024", "group5": "modp1536",
		"group14": "modp2048", "group24": "modp2048s256",
	}
	VersionMeans = map[string]string{"ikev1": "ikev1", "ikev2": "ikev2"}
	ModeMeans    = map[string]string{"main": "main", "aggressive": "aggressive"}
)

// means returns the subset of m whose keys are allowed or tolerated, so a
// field whose value set is narrower than the vocabulary map stays well
// formed.
func means(m map[string]string, allowed []string, tolerated map[string]string) map[string]string {
	out := make(map[string]string, len(allowed)+len(tolerated))
	for _, a := range allowed {
		if t, ok := m[a]; ok {
			out[a] = t
		}
	}
	for a := range tolerated {
		if t, ok := m[a]; ok {
			out[a] = t
		}
	}
	return out
}
