package apsara

import (
	"testing"

	"tunnelwiz/cloud/drivertest"
)

func FuzzValidate(f *testing.F) {
	drivertest.FuzzValidate(f, Driver{}, "testdata/seed.yaml")
}
