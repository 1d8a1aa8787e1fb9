// Package storedcancel defines an Analyzer that reports cancel funcs
// stored for later that nothing ever calls.
//
// # Analyzer storedcancel
//
// storedcancel: report context cancel funcs kept in a field or variable and never called
//
// The cancel func of context.WithCancel (WithTimeout, WithDeadline, and
// their Cause variants) releases the context and ends whatever waits on
// its Done channel. Kept in a field or a map for later, it must be called
// later; when nothing does, the context, its goroutines and its timer live
// until the parent is done, which for a long-lived parent is never:
//
//	func (h *hub) Subscribe(parent context.Context, topic string) {
//		ctx, cancel := context.WithCancel(parent)
//		h.cancels[topic] = cancel // nothing ever calls it
//		go h.pump(ctx, topic)
//	}
//
//	func (h *hub) Unsubscribe(topic string) {
//		delete(h.cancels, topic) // call h.cancels[topic]() first
//	}
//
// go vet's lostcancel follows a cancel func within one function, where
// storing it counts as a use; storedcancel follows it into a field or
// variable the package owns (an unexported field, any field of an
// unexported type, an unexported variable), across the package. It
// reports only when no value of the location is called, deferred, or
// handed to code the analysis cannot see.
package storedcancel
