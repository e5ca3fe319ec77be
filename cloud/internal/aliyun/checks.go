package aliyun

import (
	"net/netip"
	"strings"

	"tunnelwiz/cloud"
)

// Obj is one object instance in a request, with its instance path.
type Obj struct {
	Path string
	M    cloud.Params
}

// Locate finds the instances of one kind of object (say, every IKE
// configuration: IkeConfig and each tunnel's TunnelIkeConfig).
type Locate func(p cloud.Params) []Obj

// At locates a single top-level object.
func At(path string) Locate {
	return func(p cloud.Params) []Obj {
		if m := p.Obj(path); m != nil {
			return []Obj{{Path: path, M: m}}
		}
		return nil
	}
}

// Subnets parses a comma-separated CIDR list, skipping what does not parse
// (the field's own format rule reports that).
func Subnets(s string) []netip.Prefix {
	var out []netip.Prefix
	for _, part := range strings.Split(s, ",") {
		if n, err := cloud.ParseNetwork(part, false); err == nil {
			out = append(out, n)
		}
	}
	return out
}

var anyRoute = netip.MustParsePrefix("0.0.0.0/0")

func onlyAnyRoute(ps []netip.Prefix) bool {
	return len(ps) == 1 && ps[0] == anyRoute
}

// maxSubnets is the Terraform provider's limit per list; the APIs document
// none, only the QuotaExceeded.PolicyBasedRoute error.
const maxSubnets = 10

// subnetSource is the evidence for SubnetCheck. Only seed 004's example
// sends LocalSubnet = RemoteSubnet (1.1.1.0/24,1.1.2.0/24) and only seed
// 004 lists the error codes; seed 001's example uses two different lists.
func (d Doc) subnetSource() string {
	overlap := Seed004 + " example sends LocalSubnet = RemoteSubnet = 1.1.1.0/24,1.1.2.0/24, so overlap is a warning"
	if d.Apsara {
		overlap = Seed001 + " example uses different lists (10.1.1.0/24,10.1.2.0/24 and 10.10.1.0/24,10.10.2.0/24) and forbids no " +
			"overlap; the public cloud's " + overlap
	}
	return overlap + "; host bits (10.0.0.1/24): the seeds say only 'network segment'/'CIDR blocks', and the only evidence of refusal is " +
		Seed004 + "'s error IllegalParam.LocalSubnet, so a warning; " + SDK + " makes 0.0.0.0/0 on both sides destination routing mode " +
		"('If you set LocalSubnet and RemoteSubnet to 0.0.0.0/0, the routing mode ... is set to Destination Routing Mode'); list " +
		"length: " + AlicloudTF + " local_subnet/remote_subnet MaxItems: 10 and " + Seed004 + "'s error QuotaExceeded.PolicyBasedRoute " +
		"(warnings); " + Checked
}

// SubnetCheck warns about local/remote overlaps, repeated blocks and long
// lists. Seed 004's own example sends LocalSubnet = RemoteSubnet, so none
// of this may be an error.
func SubnetCheck(d Doc) cloud.Check {
	return cloud.Check{
		Name:   "LocalSubnet and RemoteSubnet do not overlap, repeat or grow long",
		Source: d.subnetSource(),
		Run: func(p cloud.Params, _ map[string]string) cloud.Issues {
			var is cloud.Issues
			local, remote := Subnets(p.Str("LocalSubnet")), Subnets(p.Str("RemoteSubnet"))
			for _, side := range []struct {
				name string
				ps   []netip.Prefix
			}{{"LocalSubnet", local}, {"RemoteSubnet", remote}} {
				seen := map[netip.Prefix]bool{}
				for _, n := range side.ps {
					if n.Masked() != n {
						is = append(is, cloud.Warnf(side.name, "%s has host bits set: the network is %s, and Alibaba may answer IllegalParam.%s", n, n.Masked(), side.name))
					}
					if seen[n] {
						is = append(is, cloud.Warnf(side.name, "lists %s more than once", n))
					}
					seen[n] = true
				}
				if len(side.ps) > maxSubnets {
					is = append(is, cloud.Warnf(side.name, "lists %d CIDR blocks; more than %d may exceed the gateway's policy-based route quota (QuotaExceeded.PolicyBasedRoute)", len(side.ps), maxSubnets))
				}
			}
			if onlyAnyRoute(local) && onlyAnyRoute(remote) {
				return is // destination-routing mode: 0.0.0.0/0 on both sides is the documented form
			}
			for _, r := range remote {
				for _, l := range local {
					if cloud.Overlaps(l, r) {
						is = append(is, cloud.Warnf("RemoteSubnet", "%s overlaps LocalSubnet %s: traffic between them may not enter the tunnel", r, l))
					}
				}
			}
			return is
		},
	}
}

// HealthCheckCheck warns when an enabled health check lacks its addresses or
// probes from or to addresses outside the tunnel's subnets.
func HealthCheckCheck(seed, path string) cloud.Check {
	return cloud.Check{
		Name: "an enabled health check has sip in LocalSubnet and dip in RemoteSubnet",
		Source: seed + " HealthCheckConfig (dip: 'the destination IP address of the health check', sip: 'the source IP address'); " +
			SDKAttach + ": dip is 'the IP address of the on-premises data center that the VPC can access through the IPsec connection', " +
			"sip 'the IP address of the VPC that the on-premises data center can access' (no error code: warnings); " + Checked,
		Run: func(p cloud.Params, _ map[string]string) cloud.Issues {
			hc := p.Obj(path)
			if hc == nil {
				return nil
			}
			var is cloud.Issues
			enabled := hc.Str("enable") == "true"
			for _, a := range []struct{ key, subnet, side string }{
				{"sip", "LocalSubnet", "the VPC"}, {"dip", "RemoteSubnet", "the data center"},
			} {
				v := hc.Str(a.key)
				if v == "" {
					if enabled {
						is = append(is, cloud.Warnf(path+"."+a.key, "is not set although the health check is enabled: give an address in %s (%s)", a.subnet, a.side))
					}
					continue
				}
				addr, err := cloud.ParseIPv4(v)
				nets := Subnets(p.Str(a.subnet))
				if err != nil || len(nets) == 0 {
					continue
				}
				inside := false
				for _, n := range nets {
					inside = inside || n.Contains(addr)
				}
				if !inside {
					is = append(is, cloud.Warnf(path+"."+a.key, "%s is outside %s (%s): the probe may not cross the tunnel", v, a.subnet, p.Str(a.subnet)))
				}
			}
			return is
		},
	}
}

// LocalIDCheck warns when both names of the local identifier are given.
func LocalIDCheck(seed string, where Locate) cloud.Check {
	return cloud.Check{
		Name:   "one local identifier",
		Source: seed + " documents IkeConfig.LocalIdIPsec, " + SDK + " documents LocalId for the same value; " + Checked,
		Run: func(p cloud.Params, _ map[string]string) cloud.Issues {
			var is cloud.Issues
			for _, o := range where(p) {
				if o.M.Has("LocalId") && o.M.Has("LocalIdIPsec") {
					is = append(is, cloud.Warnf(o.Path+".LocalIdIPsec", "is given together with LocalId, which names the same identifier: keep one (LocalId is the SDK's current name)"))
				}
			}
			return is
		},
	}
}

// RegionCheck warns when the RegionId parameter names another region than
// the target, which picks the endpoint (and, for Apsara, x-acs-regionid).
func RegionCheck(seed string) cloud.Check {
	return cloud.Check{
		Name:   "RegionId matches the target region",
		Source: seed + " RegionId; tunnelwiz sends to the target region's endpoint, so a mismatch is likely a mistake (warning); " + Checked,
		Run: func(p cloud.Params, t map[string]string) cloud.Issues {
			r := p.Str("RegionId")
			if r != "" && t["region"] != "" && r != t["region"] {
				return cloud.Issues{cloud.Warnf("RegionId", "%q differs from the target region %q, whose endpoint receives the request", r, t["region"])}
			}
			return nil
		},
	}
}

// SDKCharWarnings applies, as warnings, the character rules only the public
// Alibaba SDK documents (used by the Apsara catalog, whose seed gives lengths
// only).
func SDKCharWarnings(seed string, where Locate) cloud.Check {
	return cloud.Check{
		Name:   "IKE key and identifiers use the public cloud's characters",
		Source: seed + " gives lengths only; " + SDK + " (public cloud) restricts Psk characters and forbids spaces in LocalId/RemoteId: warnings here; " + Checked,
		Run: func(p cloud.Params, _ map[string]string) cloud.Issues {
			var is cloud.Issues
			for _, o := range where(p) {
				if v := o.M.Str("Psk"); v != "" && !PskChars.Match(v) {
					is = append(is, cloud.Warnf(o.Path+".Psk", "the public cloud's rule says: %s; the Apsara Stack gateway may refuse the key", PskChars.Describe))
				}
				for _, k := range []string{"LocalId", "LocalIdIPsec", "RemoteId"} {
					if v := o.M.Str(k); v != "" && !NoSpace.Match(v) {
						is = append(is, cloud.Warnf(o.Path+"."+k, "contains spaces, which the public cloud's rule forbids; the Apsara Stack gateway may refuse it"))
					}
				}
			}
			return is
		},
	}
}
