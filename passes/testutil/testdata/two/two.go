package two

import "example.com/two/dep"

func G() { dep.H() } // want "two: G"
