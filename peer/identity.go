package peer

import "tunnelwiz/cloud"

// identities sets each end's IKE identity. The cloud's own end is the
// catalog's "local" side. A type field says address or fqdn; without one
// (Alibaba LocalId, RemoteId) the value tells. An address identity left
// unset is the gateway's own address: every vendor documents that default.
func (b *builder) identities() {
	t := b.t
	t.Cloud.ID = b.identity(cloud.RoleLocalIDType, cloud.RoleLocalAddress, cloud.RoleLocalFQDN, t.Cloud.IP)
	t.Customer.ID = b.identity(cloud.RoleRemoteIDType, cloud.RoleRemoteAddress, cloud.RoleRemoteFQDN, t.Customer.IP)
}

func (b *builder) identity(typeRole, addrRole, nameRole cloud.Role, ip string) Identity {
	typ := b.role(typeRole)
	addr := b.role(addrRole)
	name := b.role(nameRole)
	switch {
	case typ.Term == "fqdn" && name.Known():
		return Identity{Type: "fqdn", ID: name.Token, Field: name.Field, Note: from(typ) + ", " + from(name)}
	case typ.Term == "fqdn":
		b.t.warn(typ.Field, "the identity is an FQDN but no name is given")
		return Identity{Type: "fqdn", Field: typ.Field, Note: from(typ)}
	case typ.Known():
		// An address identity: the address field, or an id field that
		// holds an address (Huawei local_id with local_id_type ip).
		for _, v := range []Value{addr, name} {
			if isIPv4(v.Token) {
				return Identity{Type: "address", ID: v.Token, Field: v.Field, Note: from(v)}
			}
		}
		return Identity{Type: "address", ID: ip, Note: from(typ) + ": the gateway's address"}
	case isIPv4(addr.Token):
		return Identity{Type: "address", ID: addr.Token, Field: addr.Field, Note: from(addr)}
	case addr.Known():
		// No type field: a value that is not an address is a name.
		return Identity{Type: "fqdn", ID: addr.Token, Field: addr.Field, Note: from(addr) + " (not an address: an FQDN)"}
	}
	return Identity{Type: "address", ID: ip, Note: "unset: the gateway's address, every vendor's default"}
}
