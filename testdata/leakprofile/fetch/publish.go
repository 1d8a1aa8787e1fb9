package fetch

// Publish hands v to deliver without waiting. Whether that blocks depends
// on deliver, a function value.
func Publish(v int, deliver func(int)) {
	go deliver(v)
}
