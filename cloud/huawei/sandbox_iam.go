package huawei

import (
	"encoding/json"
	"net/http"
	"strconv"

	"tunnelwiz/cloud/sandbox"
)

// projectsPath is IAM's KeystoneListProjects, which the wizard asks for
// project_id's pick list (see Choices).
const projectsPath = "/v3/projects"

// sandboxDomain is the made-up account id the sandbox's projects belong to.
const sandboxDomain = "d78cbac186b744899480f25bd022f468"

// projects answers KeystoneListProjects from the fixtures: the project
// ids bound to each region (through its VPCs' notes.project_id), the
// first named after the region as Huawei names a region's default
// project, the others as subprojects (<region>_<n>). The name query
// filters exactly, as IAM's does.
func projects(w http.ResponseWriter, r *http.Request, b *sandbox.Backend) {
	name := r.URL.Query().Get("name")
	out := []any{}
	for _, reg := range regions {
		seen := map[string]bool{}
		for _, v := range b.Inventory(API, reg).VPCs {
			id := v.Notes["project_id"]
			if id == "" || seen[id] {
				continue
			}
			pname := reg
			if len(seen) > 0 {
				pname = reg + "_" + strconv.Itoa(len(seen))
			}
			seen[id] = true
			if name != "" && name != pname {
				continue
			}
			out = append(out, map[string]any{
				"id": id, "name": pname, "domain_id": sandboxDomain, "parent_id": sandboxDomain,
				"enabled": true, "is_domain": false, "description": "",
				"links": map[string]any{"self": "https://iam.myhuaweicloud.com" + projectsPath + "/" + id},
			})
		}
	}
	// IAM's answers carry the trace id in a header, not a request_id member.
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-IAM-Trace-Id", requestID())
	w.WriteHeader(http.StatusOK)
	json.NewEncoder(w).Encode(map[string]any{"projects": out,
		"links": map[string]any{"self": "https://iam.myhuaweicloud.com" + projectsPath, "previous": nil, "next": nil}})
}
