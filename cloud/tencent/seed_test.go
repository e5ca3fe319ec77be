package tencent

import (
	"strings"
	"testing"

	"tunnelwiz/cloud"
	"tunnelwiz/cloud/drivertest"
)

// The invalid-spec cases are in testdata/cases/cases.yaml, run by the
// conformance suite (conformance_test.go).

// TestSeedIssues pins what the seed itself draws: only the deprecation
// warning for the vendor's misspelt IntegrityAlgorith, which stays accepted.
func TestSeedIssues(t *testing.T) {
	_, issues := Driver{}.Catalog().Check(drivertest.LoadSeed(t, "testdata/seed.yaml"))
	if len(issues) != 1 || issues[0].Severity != cloud.Warning || issues[0].Field != "IPSECOptionsSpecification.IntegrityAlgorith" ||
		!strings.Contains(issues[0].Message, "IntegrityAlgorithm") {
		t.Errorf("seed issues: %v", issues)
	}
}
