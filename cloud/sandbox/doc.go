// Package sandbox is tunnelwiz's stand-in for the clouds: one local HTTP
// server that speaks each vendor's wire protocol closely enough that the
// vendors' own SDKs talk to it unchanged. It checks signatures, answers in
// each vendor's envelope and error codes, keeps state (seeded gateways,
// created connections that become available after a while, duplicate-name
// and CIDR-conflict refusals, quotas) and injects faults on request.
//
// The vendor-neutral part lives here; each vendor package registers a
// Frontend that decodes its protocol and maps the Backend's refusals onto
// the vendor's codes. Every answer carries the header
// X-Tunnelwiz-Sandbox: it is a sandbox, never a cloud.
package sandbox
