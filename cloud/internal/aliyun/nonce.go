package aliyun

import (
	"time"

	"tunnelwiz/cloud/sandbox"
)

// Unused refuses a signature nonce already used inside the clock window
// with the POP gateway's SignatureNonceUsed (HTTP 400, "Specified
// signature nonce was used already."): SignatureNonce for the RPC
// signature, x-acs-signature-nonce for ACS3, each "a unique random
// number against replay attacks, different for every request" (the
// common parameters of both signature versions). ts is the signed
// timestamp, already checked by the verifier; call Unused only after the
// signature checks out, so that an unsigned copy cannot use up the nonce
// of a request still to come.
func Unused(b *sandbox.Backend, vendor, nonce, ts string) *Refused {
	at, err := time.Parse("2006-01-02T15:04:05Z", ts)
	if err != nil {
		return refuse("InvalidTimeStamp.Format", "Use UTC in the form 2006-01-02T15:04:05Z.")
	}
	if !b.FirstUse(vendor, nonce, at, MaxSkew) {
		return refuse("SignatureNonceUsed", "This request's nonce ("+nonce+") came with an earlier request signed within 15 minutes; each request needs its own.")
	}
	return nil
}
