package vetparity

import "fmt"

// gohazard's directives are for its own analyzers: plain go vet reports
// this, and so must go vet -vettool=gohazard.
func suppressedPrintf(n int) {
	fmt.Printf("%s\n", n) //nolint:printf // vet does not read nolint
}
