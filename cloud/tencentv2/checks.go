package tencentv2

import (
	"fmt"
	"net/netip"
	"sort"

	"tunnelwiz/cloud"
)

// checks are the rules that need more than one field. Paths they report
// are instance paths, spelt as the validator spells them: spdAcl map keys
// as spdAcl["10.0.0.0/24"], list elements with their index.
var checks = []cloud.Check{
	{
		Name:   "userGwCidrBlock or spdAcl is required",
		Source: seed + ": \"Either userGwCidrBlock or spdAcl must be entered\" (an empty list or map sends nothing, so it counts as absent).",
		Run:    checkSubnetsGiven,
	},
	{
		Name: "CIDR blocks with host bits set",
		Source: seed + ": the vendor's own example sends 10.56.20.1/24 and spdAcl {\"10.0.0.5/24\":[\"172.123.10.5/16\"]}, so host bits " +
			"are accepted; a warning names the network they stand for.",
		Run: checkHostBits,
	},
	{
		Name: "spdAcl local and IDC ranges must not overlap",
		Source: seed + " lists no error for it; API 3.0, for the same gateways, has InvalidParameterValue.VpnConnSpdCidrConflict ('SPD规则源目IP有重叠', " +
			"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/vpc@v1.0.1100 v20170312/errors.go); an error code only, and for another API: a warning.",
		Run: checkSpdOverlap,
	},
	{
		Name: "IKE identities match their identity types",
		Source: seed + ": localAddress/remoteAddress go with identity type address, localFqdnName/remoteFqdnName with fqdn; each side is " +
			"checked against its own identity type. A name for the other type is ignored, and an address left out while the identity is " +
			"left to its default (address) draws a warning, as in API 3.0.",
		Run: checkIdentities,
	},
	{
		Name:   "IPsec encryption algorithm name",
		Source: encryptAlgorithmSource,
		Run:    checkEncryptAlgorithm,
	},
}

func checkSubnetsGiven(p cloud.Params, _ map[string]string) cloud.Issues {
	var out cloud.Issues
	// An empty userGwCidrBlock or spdAcl never gets here: the core treats
	// an empty list or map as absent.
	hasList := len(p.List("userGwCidrBlock")) > 0
	hasACL := len(p.Obj("spdAcl")) > 0
	switch {
	case !hasList && !hasACL:
		out = append(out, cloud.Errorf("userGwCidrBlock", "is required when spdAcl is not given: give at least one IDC CIDR block in userGwCidrBlock, or an spdAcl policy"))
	case hasList && hasACL:
		out = append(out, cloud.Warnf("spdAcl", "is given together with userGwCidrBlock; spdAcl supersedes userGwCidrBlock, and which one Tencent applies is not documented"))
	}
	return out
}

// spdEntries returns spdAcl's keys sorted with their string values, or nil.
func spdEntries(p cloud.Params) ([]string, map[string][]string) {
	m := p.Obj("spdAcl")
	if len(m) == 0 {
		return nil, nil
	}
	keys := make([]string, 0, len(m))
	vals := make(map[string][]string, len(m))
	for k, v := range m {
		keys = append(keys, k)
		l, _ := v.([]any)
		for _, e := range l {
			s, _ := e.(string)
			vals[k] = append(vals[k], s)
		}
	}
	sort.Strings(keys)
	return keys, vals
}

func keyPath(k string) string { return fmt.Sprintf("spdAcl[%q]", k) }

func checkHostBits(p cloud.Params, _ map[string]string) cloud.Issues {
	var out cloud.Issues
	warn := func(path, s string) {
		if pr, err := cloud.ParseNetwork(s, false); err == nil && pr.Masked() != pr {
			out = append(out, cloud.Warnf(path, "%s has host bits set: Tencent's own example does this, and the network it stands for is %s", s, pr.Masked()))
		}
	}
	seen := map[netip.Prefix]int{}
	for i, s := range p.Strings("userGwCidrBlock") {
		path := fmt.Sprintf("userGwCidrBlock[%d]", i)
		warn(path, s)
		if pr, err := cloud.ParseNetwork(s, false); err == nil {
			if j, dup := seen[pr.Masked()]; dup {
				out = append(out, cloud.Warnf(path, "%s is the same network as userGwCidrBlock[%d]", s, j))
			} else {
				seen[pr.Masked()] = i
			}
		}
	}
	keys, vals := spdEntries(p)
	for _, k := range keys {
		warn(keyPath(k), k)
		for j, s := range vals[k] {
			warn(fmt.Sprintf("%s[%d]", keyPath(k), j), s)
		}
	}
	return out
}

func checkSpdOverlap(p cloud.Params, _ map[string]string) cloud.Issues {
	var out cloud.Issues
	keys, vals := spdEntries(p)
	var locals []netip.Prefix
	var localNames []string
	for _, k := range keys {
		if pr, err := cloud.ParseNetwork(k, false); err == nil {
			locals = append(locals, pr.Masked())
			localNames = append(localNames, k)
		}
	}
	for _, k := range keys {
		if l, ok := p.Obj("spdAcl")[k].([]any); ok && len(l) == 0 {
			out = append(out, cloud.Warnf(keyPath(k), "lists no IDC CIDR block: this VPC range would reach nothing through the tunnel"))
		}
		for j, s := range vals[k] {
			r, err := cloud.ParseNetwork(s, false)
			if err != nil {
				continue
			}
			for i, l := range locals {
				if cloud.Overlaps(l, r.Masked()) {
					out = append(out, cloud.Warnf(fmt.Sprintf("%s[%d]", keyPath(k), j),
						"IDC range %s overlaps the VPC range %s: local and remote ranges of an SPD policy must be disjoint", s, localNames[i]))
					break
				}
			}
		}
	}
	return out
}

func checkIdentities(p cloud.Params, _ map[string]string) cloud.Issues {
	ike := p.Obj("IKESet")
	if ike == nil {
		return nil
	}
	var out cloud.Issues
	for _, side := range []string{"local", "remote"} {
		kind := ike.Str(side + "Identity")
		explicit := kind != ""
		if !explicit {
			kind = "address" // the documented default
		}
		addr, fqdn := side+"Address", side+"FqdnName"
		switch kind {
		case "address":
			if ike.Has(fqdn) {
				out = append(out, cloud.Warnf("IKESet."+fqdn, "is ignored when %sIdentity is address (the default); set %sIdentity to fqdn to use it", side, side))
			}
			if ike.Has(addr) || explicit {
				break // written address identity: the validator requires the address
			}
			if side == "local" {
				out = append(out, cloud.Warnf("IKESet.localAddress", "is not set while localIdentity defaults to address: Tencent uses the VPN gateway's public IP"))
			} else {
				out = append(out, cloud.Warnf("IKESet.remoteAddress", "is documented as required when remoteIdentity is address (the default when IKESet is given); give the customer gateway's IPv4 address or set remoteIdentity"))
			}
		case "fqdn":
			if ike.Has(addr) {
				out = append(out, cloud.Warnf("IKESet."+addr, "is ignored when %sIdentity is fqdn; set %sIdentity to address to use it", side, side))
			}
		}
	}
	return out
}

func checkEncryptAlgorithm(p cloud.Params, _ map[string]string) cloud.Issues {
	alt := p.Str("IPsecSet.encryptAlgorithm")
	if alt == "" {
		return nil
	}
	documented := p.Str("IKESet.encryptAlgorithm")
	if documented != "" && documented != alt {
		return cloud.Issues{cloud.Warnf("IPsecSet.encryptAlgorithm",
			"%s differs from IKESet.encryptAlgorithm %s; give the IPsec encryption algorithm once, as IKESet.encryptAlgorithm (the name AddVpnConnEx documents)", alt, documented)}
	}
	return cloud.Issues{cloud.Warnf("IPsecSet.encryptAlgorithm",
		"is not in AddVpnConnEx's parameter table (DescribeVpnConn reports it under this name); the documented name is IKESet.encryptAlgorithm")}
}
