// Package wgdone defines an Analyzer that reports sync.WaitGroup.Wait
// calls that block forever because a goroutine can return without calling
// Done.
//
// # Analyzer wgdone
//
// wgdone: report goroutines that can return without wg.Done, so that wg.Wait never returns
//
// Every Add must be matched by a Done. A goroutine that calls Done at the
// end of its body but returns early on some path leaves the counter above
// zero, and Wait blocks forever:
//
//	for _, job := range jobs {
//		wg.Add(1)
//		go func() {
//			if err := job.Prepare(); err != nil {
//				log.Print(err)
//				return // wg.Done is never called
//			}
//			job.Run()
//			wg.Done()
//		}()
//	}
//	wg.Wait()
//
// Defer the Done as the goroutine's first statement:
//
//	go func() {
//		defer wg.Done()
//		...
//	}()
//
// wgdone reports only goroutines that call Done on the same WaitGroup on
// some path, started by a function that Waits on it. A path that panics,
// that passes a call handed the WaitGroup (which may call Done), or that
// fails the test (t.Error, t.Fatal and their kin: the run reports it), is
// not reported. Calling Add inside the goroutine is go vet's waitgroup check.
//
// A WaitGroup kept in a field or variable the package owns (an unexported
// field, a field of an unexported type, an unexported variable) is judged
// across the package: Wait is reported when the package calls Add on it
// with a positive count but nothing calls Done, and the WaitGroup reaches
// no code the analysis cannot see.
//
// Counts that cannot match are reported too: a constant wg.Add(k)
// followed by a different number of goroutines before Wait; wg.Add(n)
// (or len(xs)) right before a loop that runs n times but may skip its go
// statement (under an if, after a continue) or starts two per iteration;
// and a Wait inside the loop that starts the goroutines while the counter
// was set before the loop, which waits in the first iteration for
// goroutines not started yet:
//
//	wg.Add(len(jobs))
//	for _, job := range jobs {
//		go func() { defer wg.Done(); job() }()
//		wg.Wait() // blocks forever on the first iteration
//	}
//
// Call wg.Add(1) right before each go statement instead, so that the
// counter follows the goroutines actually started, and Wait after the
// loop.
package wgdone
