// Package peer writes the customer side of a tunnel: the configuration a
// customer gateway device needs to negotiate with the cloud connection a
// spec describes.
//
// A validated spec becomes one vendor-neutral Tunnel (model.go) through the
// catalogs' roles and meanings alone (build.go): no code here knows a
// vendor's name. Each value keeps the parameter it came from, and a value
// the spec leaves unset is the vendor's documented default with the rule's
// source. A Device then writes the Tunnel in its own words through one
// mapping table per device, each entry citing the device vendor's
// configuration guide; what a device cannot express is a Warning naming
// the spec's field, never a silent substitute.
package peer
