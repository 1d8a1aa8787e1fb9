package one

func F() {} // want "one: F" F:"seen by one"
