package sandbox

import (
	"encoding/json"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// Who may talk to the sandbox. It runs on the user's machine, and any web
// page the user opens can make the browser send it requests:
//
//   - cross-site requests: the page cannot read the answer, but a POST of
//     text/plain, a form or multipart goes out without asking first, and
//     could inject faults or reset the sandbox;
//   - DNS rebinding: the page's own name is re-pointed at 127.0.0.1, so
//     the browser takes the sandbox for the page's site and lets it read
//     the answers (the keys in /_sandbox/info) and call the vendor APIs.
//
// So the sandbox answers only a Host that is loopback (localhost, 127.x,
// [::1], with or without port), the address the connection came in on (a
// sandbox listening beyond loopback is dialled by address) or the host
// it was told to listen on (Options.Listen, which may be a name the user
// chose): a rebinding page always sends a name of its own. It refuses an
// Origin header other than its own (browsers send one on cross-origin
// requests and on every POST; the clouds' SDKs and curl send none). And
// the control POSTs take only application/json, which a page cannot send
// without a CORS preflight the sandbox never grants.
//
// The Host check covers the vendor API paths too, since rebinding could
// call them with the keys it read. A frontend whose protocol gives the
// Host a meaning names its vendor's own API host names (Huawei reads the
// region from vpn.<region>.myhuaweicloud.com, reachable through a hosts
// file entry): those pass on that vendor's paths, whoever the peer, as
// no rebinding page can use a name in a zone it does not own. The peer
// address would not tell a rebinding browser apart: it runs on the same
// machine, so it too connects from loopback.

// VendorHosts is implemented by a frontend that accepts its vendor's own
// API host names as Host.
type VendorHosts interface {
	// VendorHost reports whether host (lower case, no port, no trailing
	// dot) is one of the vendor's API host names.
	VendorHost(host string) bool
}

// admit checks Host, Origin and, for control POSTs, Content-Type, and
// answers a refusal itself (403 or 415, as JSON). f is the frontend that
// claimed the request (nil for the control paths and unknown ones).
func (s *Server) admit(w http.ResponseWriter, r *http.Request, f Frontend, control bool) bool {
	host, ok := hostName(r.Host)
	vh, vendorNames := f.(VendorHosts)
	if !ok || !(loopback(host) || localAddress(r, host) || host == s.listen || vendorNames && vh.VendorHost(host)) {
		refuse(w, http.StatusForbidden, fmt.Sprintf("tunnelwiz sandbox: Host %q is refused: the sandbox answers loopback names "+
			"(localhost, 127.0.0.1, [::1]) and the address it listens on, so that no web page can reach it by DNS rebinding", r.Host))
		return false
	}
	if o := r.Header.Get("Origin"); o != "" && !strings.EqualFold(o, ownOrigin(r)) {
		refuse(w, http.StatusForbidden, fmt.Sprintf("tunnelwiz sandbox: a request from the web page of origin %q is refused: "+
			"the sandbox answers its own origin (%s) and clients that send no Origin (the SDKs, curl)", o, ownOrigin(r)))
		return false
	}
	if control && r.Method != http.MethodGet && r.Method != http.MethodHead {
		ct := r.Header.Get("Content-Type")
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			refuse(w, http.StatusUnsupportedMediaType, fmt.Sprintf("tunnelwiz sandbox: %s %s takes Content-Type application/json, not %q "+
				"(a web page can send other types without asking)", r.Method, r.URL.Path, ct))
			return false
		}
	}
	return true
}

// hostName is a Host header's name or address, lower case, without port,
// brackets or a trailing dot.
func hostName(h string) (string, bool) {
	if name, _, err := net.SplitHostPort(h); err == nil {
		h = name
	} else if strings.HasPrefix(h, "[") && strings.HasSuffix(h, "]") {
		h = h[1 : len(h)-1]
	}
	h = strings.TrimSuffix(strings.ToLower(h), ".")
	return h, h != ""
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	a, err := netip.ParseAddr(host)
	return err == nil && a.Unmap().IsLoopback()
}

// localAddress: host is the address the connection was accepted on.
func localAddress(r *http.Request, host string) bool {
	local, _ := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	a, err := netip.ParseAddr(host)
	if local == nil || err != nil {
		return false
	}
	ap, err := netip.ParseAddrPort(local.String())
	return err == nil && !ap.Addr().IsUnspecified() && ap.Addr().Unmap() == a.Unmap()
}

// ownOrigin is the origin a page served by the sandbox under this Host
// would have.
func ownOrigin(r *http.Request) string {
	if r.TLS != nil {
		return "https://" + r.Host
	}
	return "http://" + r.Host
}

// refuse answers the sandbox's own refusals as {"error": message}.
func refuse(w http.ResponseWriter, status int, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": message})
}
