// Package ignored leaks a goroutine its tests know about.
package ignored

func Start() {
	ch := make(chan struct{})
	go wait(ch)
}

func wait(ch chan struct{}) {
	<-ch
}
