package cloud

// Type is the shape a parameter has in the spec file (which is also its
// shape in the vendor's own documentation, before wire encoding).
type Type string

const (
	String  Type = "string"
	Integer Type = "integer"
	Boolean Type = "boolean"
	Object  Type = "object"
	List    Type = "list"
	// Map is an object whose keys are data, not names (Tencent v2 spdAcl:
	// local CIDR -> remote CIDRs). Its values are described by Path+".*".
	Map Type = "map"
)

// Format refines what a String (or a Map key) may hold. The validator knows
// every format; the UI uses it to pick an input widget and a placeholder.
type Format string

const (
	Plain Format = ""
	// CIDR is an IPv4 network with no host bits set (10.0.0.0/24).
	CIDR Format = "cidr"
	// CIDRLoose is an IPv4 prefix where host bits are tolerated
	// (Tencent API 2.0's own example sends 10.56.20.1/24).
	CIDRLoose Format = "cidr-loose"
	// CIDRList is a comma-separated list of CIDR networks (Alibaba LocalSubnet).
	CIDRList Format = "cidr-list"
	// CIDRListLoose is CIDRList with host bits tolerated (a vendor table
	// that has no evidence they are refused warns about them instead).
	CIDRListLoose Format = "cidr-list-loose"
	// IPv4 is a dotted-quad host address.
	IPv4 Format = "ipv4"
	// InterfaceAddr is a host address with its prefix length (169.254.76.1/30).
	InterfaceAddr Format = "interface-address"
	// UUID is a 36-character 8-4-4-4-12 identifier. Only the shape is
	// checked: Huawei's own examples use non-hex demo ids.
	UUID Format = "uuid"
	// UUIDOrIPv4 accepts either (Huawei vgw_ip: EIP id or private address).
	UUIDOrIPv4 Format = "uuid-or-ipv4"
	// Digits is an integer carried in a string (Tencent DpdTimeout); Range
	// applies to its numeric value.
	Digits Format = "digits"
	// JSON is a string that must hold a JSON document.
	JSON Format = "json"
)

// Range bounds an integer value, or the length of a string, list or map.
type Range struct{ Min, Max int64 }

// Cond makes a field depend on another field's value. Path is a sibling
// name when it holds no dot, else a full catalog path of object members;
// a leading "/" makes a plain name top-level too (for a field inside a
// list element that depends on a top-level one). When the other field is
// absent its catalog Default is used.
type Cond struct {
	Path string
	In   []string
	// Explicit: the condition holds only when the other field is written
	// (its default does not count), for rules the vendor applies only to
	// a value the user chose.
	Explicit bool
}

// Field is one request parameter as the vendor defines it. A catalog is a
// table of these; the validator, the form builder, the help text and the
// redaction all read the same table, so a rule never lives only in prose.
type Field struct {
	// Path names the parameter: dots between object members, "[]" for list
	// elements, ".*" for a map's values. Examples:
	// "IKEOptionsSpecification.DhGroupName",
	// "SecurityPolicyDatabases[].RemoteCidrBlock[]", "spdAcl.*[]".
	Path   string
	Type   Type
	Format Format
	// Required is unconditional (within its parent, when the parent is given).
	Required bool
	// RequiredWhen makes the field required only when the condition holds.
	RequiredWhen *Cond
	// OnlyWhen marks a field that applies in one mode only: setting it in
	// another mode is reported, and the wizard hides it.
	OnlyWhen *Cond
	// Effective marks a field the vendor ignores unless the condition
	// holds: setting it otherwise draws a warning (the cloud accepts it),
	// and the wizard hides it.
	Effective *Cond
	// Allowed lists the exact accepted values (case-sensitive, as sent):
	// the values a source a reader can open lists for this parameter.
	Allowed []string
	// Tolerated maps values outside Allowed to the reason they are
	// accepted at all: only weaker evidence names them (another
	// operation's document, a Terraform provider alone, the same
	// parameter's other spelling). Such a value draws a warning that
	// gives the reason, never an error. The reason names its source as
	// Source does.
	Tolerated map[string]string
	// Range bounds an Integer (or Digits string) value.
	Range *Range
	// Len bounds a string's length in characters, or a list's or map's item count.
	Len *Range
	// Chars restricts a string's characters.
	Chars *Charset
	// Check is a content rule too specific for the fields above; it
	// returns "" when the value is fine, else what is wrong, in words
	// that state the rule. It must never echo a secret value.
	Check func(v string) string
	// Default is the value the vendor applies when the field is absent.
	Default string
	// Secret values are masked in every output unless asked otherwise.
	Secret bool
	// Deprecated names the field to use instead, when the vendor deprecated this one.
	Deprecated string
	// Alias names a field that carries the same value under another name
	// the vendor's documents also use (Apsara's IkeConfig.LocalIdIPsec,
	// the SDK's LocalId): both stay valid, and the wizard asks the other
	// one unless this one was given.
	Alias string
	// Help is the vendor document's own explanation, shortened.
	Help string
	// Source says where the rule comes from (seed file, SDK model comment,
	// Terraform provider) and when it was checked.
	Source string
	// Known lists values documented at the time of writing for an open-ended
	// field (regions): the wizard offers them, others draw only a warning.
	Known []string
	// ListedAfter marks a target key whose values the driver can list
	// live (a ChoiceLister): Huawei's projects of a region, an Apsara
	// deployment's regions. It names the target keys the look-up needs,
	// which the wizard asks first.
	ListedAfter []string
	// RegionBound marks a value that exists in one region only (Huawei's
	// project_id, a per-tunnel gateway id with no role): --region warns
	// that it was the old region's. Fields whose Role names a regional
	// resource (VPC, gateways) are region-bound without it; see
	// Field.IsRegionBound.
	RegionBound bool
	// Step is the wizard step that asks for the field.
	Step Step
	// Role says what the field means in vendor-neutral terms, so presets
	// can be applied to any vendor (see algo.go).
	Role Role
	// Means maps each allowed vendor token to its vocabulary term
	// ("AES-CBC-256" -> "aes-cbc-256", "DH-GROUP14" -> "modp2048").
	Means map[string]string
	// Export maps the field onto each export format, keyed by format name
	// ("terraform"): see ExportTerraform.
	Export map[string]string
}

// ExportTerraform is the Export key of the official Terraform provider's
// resource. Its value names the attribute, relative to the nearest
// enclosing field that has one (an object or list of objects mapped to a
// nested block); a value starting with "/" is absolute, "provider.x" is an
// attribute of the provider block. A container without a value is
// transparent (its members are attributes of the enclosing block). A
// suffix converts the value: "|int", "|bool", "|string" (the scalar's
// type), "|split" (a comma-separated string as a list of strings), "|map"
// (a list of key/value objects as a map). A leaf with no value cannot be
// expressed by the provider: export warns, naming the field.
const ExportTerraform = "terraform"

// TF is shorthand for a field's Export column holding only a Terraform attribute.
func TF(attr string) map[string]string { return map[string]string{ExportTerraform: attr} }

// Step groups fields into the wizard's pages, in order.
type Step string

const (
	StepTarget   Step = "target"   // region, project, endpoint
	StepGateways Step = "gateways" // VPC, VPN gateway, customer gateway, gateway IP, style
	StepSubnets  Step = "subnets"  // SPD, local/remote subnets, policy rules
	StepIKE      Step = "ike"      // phase 1, identities, PSK
	StepIPsec    Step = "ipsec"    // phase 2
	StepExtras   Step = "extras"   // health check, DPD, NAT traversal, BGP, routing
	StepTags     Step = "tags"     // name, tags, client token
)

// Steps lists the steps in wizard order.
var Steps = []Step{StepTarget, StepGateways, StepSubnets, StepIKE, StepIPsec, StepExtras, StepTags}

// Name is the last element of the field's path, as the user types it.
func (f *Field) Name() string {
	p := f.Path
	for len(p) > 2 && p[len(p)-2:] == "[]" {
		p = p[:len(p)-2]
	}
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '.' {
			return p[i+1:]
		}
	}
	return p
}
