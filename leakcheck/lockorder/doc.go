// Package lockorder defines an Analyzer that reports two mutexes locked
// in opposite orders on two paths of a package.
//
// # Analyzer lockorder
//
// lockorder: report mutexes locked in inconsistent order
//
// When one path locks a then b, and another locks b then a, two
// goroutines running them can each take their first lock and wait
// forever for the other's:
//
//	func (s *Store) Move(from, to string) {
//		s.mu.Lock()
//		defer s.mu.Unlock()
//		s.index.mu.Lock() // s.mu, then s.index.mu
//		...
//	}
//
//	func (ix *Index) Rebuild(s *Store) {
//		ix.mu.Lock()
//		defer ix.mu.Unlock()
//		s.mu.Lock() // Index.mu, then Store.mu: deadlock with Move
//		...
//	}
//
// Pick one order for every pair of mutexes and keep it everywhere, or
// release the first lock before taking the second.
//
// Mutexes are told apart by the struct field or package-level variable
// they are: the pairs of the same field on two values (a.mu and b.mu of
// one type, as in hand-over-hand locking) are a different matter and are
// not reported. The second lock may be taken in a call of one of the
// package's functions at any depth, a closure or a method value; a callee
// that releases the first lock before taking the second does not order
// them. Paths the program cannot take (the same condition or type
// assertion tested around the Lock and the Unlock) are left out. Orders
// taken in test files are not counted: tests hold locks on purpose. Read locks count where they can
// block: two read locks of one mutex never wait for each other, so an
// inversion is reported only when, for each of the two mutexes, one of
// the locks involved is a write lock. Two paths that both hold a third
// mutex when they take the first of the pair, one of them for writing,
// cannot run at once and are not reported.
package lockorder
