package front

import "github.com/spf13/pflag"

// DestFlags are the flags that say where requests go and as whom
// (--endpoint, --insecure-endpoint, --profile and, where the command has
// one, --sandbox): defined here once, so that apply, peer, the after-create
// commands and the wizard read them the same way, and a flag added here
// reaches every one of them.
type DestFlags struct {
	endpoint, profile *string
	insecure, sandbox *bool
}

// NewDestFlags defines the destination flags on fs. endpointHelp and
// sandboxHelp say what the command does there; with sandboxHelp "" the
// command has no --sandbox (the wizard asks it on its first page).
func NewDestFlags(fs *pflag.FlagSet, endpointHelp, sandboxHelp string) *DestFlags {
	d := &DestFlags{
		endpoint: fs.String("endpoint", "", endpointHelp),
		insecure: fs.Bool("insecure-endpoint", false, "allow plain http to a host other than this machine (the request and key cross the network unencrypted)"),
		profile:  fs.String("profile", "", "sign as this vendor CLI `PROFILE` (over TENCENTCLOUD_PROFILE, ALIBABA_CLOUD_PROFILE, HW_PROFILE…)"),
		sandbox:  new(bool),
	}
	if sandboxHelp != "" {
		d.sandbox = fs.Bool("sandbox", false, sandboxHelp)
	}
	return d
}

// Ask is what the flags ask of the destination.
func (d *DestFlags) Ask() Ask {
	return Ask{Endpoint: *d.endpoint, Sandbox: *d.sandbox, InsecureEndpoint: *d.insecure, Profile: *d.profile}
}
