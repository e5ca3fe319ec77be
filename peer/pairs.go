package peer

// selectorPairs are the children as single pairs of subnets, for devices
// whose selector holds one subnet per side (FortiOS phase2-interface,
// RouterOS policy). A child missing one side yields no pair, so it is
// returned as a Warning naming that side's field, for the device to add:
// silently dropping it would leave the cloud's subnets unreachable.
func selectorPairs(children []Child, device string) ([]Child, []Warning) {
	var ws []Warning
	for _, c := range children {
		switch {
		case len(c.Customer) == 0:
			ws = append(ws, Warning{Field: c.CustomerField, Message: device + ": no customer-side subnet pairs with " +
				c.CloudField + ": no selector is written for it"})
		case len(c.Cloud) == 0:
			ws = append(ws, Warning{Field: c.CloudField, Message: device + ": no cloud-side subnet pairs with " +
				c.CustomerField + ": no selector is written for it"})
		}
	}
	return onePairEach(children), ws
}
