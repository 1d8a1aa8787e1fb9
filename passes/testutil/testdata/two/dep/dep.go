package dep

func H() {}
