//go:build go1.21

package deferloop

// Before Go 1.22 the loop's variable is shared by all iterations: the
// deferred literals all see its last value at return, and would see each
// iteration's value once wrapped.
func sharedLoopVar(open func() *resource) {
	for r := open(); r != nil; r = open() {
		defer func() { // want `defer in a loop runs only when the function returns`
			r.Release()
		}()
	}
}
