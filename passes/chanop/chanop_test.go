package chanop_test

import (
	"slices"
	"testing"

	"github.com/gohazard/gohazard/passes/chanop"
	"github.com/gohazard/gohazard/passes/testutil"
)

func TestChanOps(t *testing.T) {
	pkg := testutil.BuildSSA(t, `package p

func f(in <-chan int, out chan<- int, done chan struct{}) {
	for v := range in {
		out <- v
	}
	select {
	case x := <-in:
		_ = x
	case out <- 1:
	default:
	}
	select {
	case <-done:
	case out <- 2:
	}
	<-done
	defer close(done)
	close(out)
}
`)
	var got []string
	for _, op := range chanop.Ops(pkg.Func("f")) {
		s := op.Kind.String()
		if op.Select != nil {
			s += "/select"
		}
		if op.Blocking() {
			s += "/blocking"
		}
		got = append(got, s)
	}
	want := []string{
		"range/blocking", "send/blocking",
		"receive/select", "send/select",
		"receive/select/blocking", "send/select/blocking",
		"receive/blocking", "close", "close",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("Ops = %q\nwant      %q", got, want)
	}
}
