// Package condsignal defines an Analyzer that reports waits on a
// sync.Cond that nothing ever signals.
//
// # Analyzer condsignal
//
// condsignal: report Cond.Wait on a Cond that nothing calls Signal or Broadcast on
//
// Cond.Wait returns only after a Signal or Broadcast on the same Cond. A
// Cond kept in a struct whose methods wait on it but never signal it
// blocks its waiters forever once the condition they wait for is false:
//
//	func (p *pool) Acquire() {
//		p.mu.Lock()
//		defer p.mu.Unlock()
//		for p.free == 0 {
//			p.cond.Wait() // nothing calls p.cond.Signal
//		}
//		p.free--
//	}
//
//	func (p *pool) Release() {
//		p.mu.Lock()
//		p.free++ // p.cond.Signal() is missing
//		p.mu.Unlock()
//	}
//
// Signal (or Broadcast) where the condition may have become true.
//
// condsignal judges only a Cond kept in a field or variable the package
// owns (an unexported field, any field of an unexported type, an
// unexported variable), made by the package, that reaches no code the
// analysis cannot see: then every Signal and Broadcast is in the package.
package condsignal
