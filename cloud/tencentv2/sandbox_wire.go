package tencentv2

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"tunnelwiz/cloud"
)

// commonParams are API 2.0's common request parameters: they say how a
// request is sent and signed, not what it asks for.
var commonParams = map[string]bool{
	"Action": true, "Region": true, "Timestamp": true, "Nonce": true, "SecretId": true,
	"SignatureMethod": true, "Signature": true, "Token": true, "RequestClient": true,
}

// decodeWire turns a request's form parameters back into the spec's shape
// (the inverse of encode), led by the catalog: IKESet.x becomes a member
// of the IKESet object, userGwCidrBlock.N the list's Nth element, spdAcl's
// JSON text the map, integers numbers. What the catalog does not know is
// kept under its wire name, so that the catalog's own check reports it as
// unknown, as a real server would refuse it.
func decodeWire(form map[string][]string) cloud.Params {
	p := cloud.Params{}
	type slot struct {
		parent map[string]any
		name   string
		items  map[int]any
	}
	lists := map[string]*slot{}
	names := make([]string, 0, len(form))
	for k := range form {
		if !commonParams[k] {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		if len(form[k]) == 0 {
			continue
		}
		v := form[k][0]
		parts := strings.Split(k, ".")
		cur, pat := map[string]any(p), ""
	walk:
		for i, part := range parts {
			fp := join(pat, part)
			f := catalog().Field(fp)
			if f == nil {
				cur[strings.Join(parts[i:], ".")] = v
				break
			}
			last := i == len(parts)-1
			switch {
			case f.Type == cloud.Object && !last:
				next, ok := cur[part].(map[string]any)
				if !ok {
					next = map[string]any{}
					cur[part] = next
				}
				cur, pat = next, fp
			case f.Type == cloud.List && i == len(parts)-2:
				idx, err := strconv.Atoi(parts[i+1])
				ef := catalog().Field(fp + "[]")
				if err != nil || idx < 0 || ef == nil {
					cur[strings.Join(parts[i:], ".")] = v
					break walk
				}
				s := lists[fp]
				if s == nil {
					s = &slot{parent: cur, name: part, items: map[int]any{}}
					lists[fp] = s
				}
				s.items[idx] = typed(ef, v)
				break walk
			case last:
				cur[part] = typed(f, v)
			default:
				cur[strings.Join(parts[i:], ".")] = v
				break walk
			}
		}
	}
	for _, s := range lists {
		idx := make([]int, 0, len(s.items))
		for i := range s.items {
			idx = append(idx, i)
		}
		sort.Ints(idx)
		l := make([]any, 0, len(idx))
		for _, i := range idx {
			l = append(l, s.items[i])
		}
		s.parent[s.name] = l
	}
	return p
}

// typed reads one wire value as the catalog types it; a value that does
// not parse stays text, for the catalog's check to report.
func typed(f *cloud.Field, v string) any {
	switch f.Type {
	case cloud.Integer:
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			return n
		}
	case cloud.Map:
		var m map[string]any
		if err := json.Unmarshal([]byte(v), &m); err == nil {
			return m
		}
	}
	return v
}
