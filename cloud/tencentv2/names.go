package tencentv2

import (
	"regexp"
	"strconv"
	"strings"
)

// API 2.0 names a parameter on the wire as IKESet.dhGroupName,
// userGwCidrBlock.0 or spdAcl; tunnelwiz names it by instance path
// (IKESet.dhGroupName, userGwCidrBlock[0], spdAcl["10.0.0.0/24"][0]). These
// translate between the two, led by the catalog, so that a vendor message
// naming a parameter can send the user back to the spec field.

var wireToken = regexp.MustCompile(`[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*`)

// fieldIn returns the instance path of the first request parameter a
// message names, or "". A name the catalog knows only in part
// (IKESet.somethingNew) points at its known parent.
func fieldIn(msg string) string {
	for _, tok := range wireToken.FindAllString(msg, -1) {
		for {
			if inst := instanceOf(tok); inst != "" {
				return inst
			}
			i := strings.LastIndexByte(tok, '.')
			if i < 0 {
				break
			}
			tok = tok[:i]
		}
	}
	return ""
}

// instanceOf turns a wire name into an instance path, or "" when the
// catalog has no such parameter.
func instanceOf(wire string) string {
	var pat, inst string
	for _, part := range strings.Split(wire, ".") {
		if _, err := strconv.Atoi(part); err == nil && pat != "" && catalog().Field(pat+"[]") != nil {
			pat += "[]"
			inst += "[" + part + "]"
			continue
		}
		next := join(pat, part)
		if catalog().Field(next) == nil {
			return ""
		}
		pat, inst = next, join(inst, part)
	}
	return inst
}

// wireOf turns an instance path into the name the parameter travels
// under: list indexes become ".N", and anything inside spdAcl is the one
// spdAcl string.
func wireOf(inst string) string {
	if strings.HasPrefix(inst, "spdAcl") {
		return "spdAcl"
	}
	var b strings.Builder
	for i := 0; i < len(inst); i++ {
		if inst[i] != '[' {
			b.WriteByte(inst[i])
			continue
		}
		end := strings.IndexByte(inst[i:], ']')
		if end < 0 {
			b.WriteString(inst[i:])
			break
		}
		b.WriteString("." + inst[i+1:i+end])
		i += end
	}
	return b.String()
}
