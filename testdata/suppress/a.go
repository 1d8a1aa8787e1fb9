package suppress

func hazard() {}

func plain() {
	hazard() // want `hazard here`
}

func trailing() {
	hazard() //nolint
	hazard() //nolint:gohazard
	hazard() //nolint:allocheck
	hazard() //nolint:hazard // explained
	hazard() //nolint:errcheck,hazard
	hazard() //nolint:errcheck // want `hazard here`
	hazard() //nolint: hazard // want `hazard here`
	hazard() // nolint:hazard // want `hazard here`
}

func previousLine() {
	//nolint:hazard
	hazard()
	hazard() // want `hazard here`
}

//nolint:hazard
func wholeDecl() {
	hazard()
	for range 3 {
		hazard()
	}
}

func wholeStmt(ok bool) {
	//lint:ignore hazard the branch only runs in tests
	if ok {
		hazard()
		hazard()
	}
	hazard() // want `hazard here`
}

func lintIgnoreWithoutReason() {
	//lint:ignore hazard
	hazard() // want `hazard here`
}

func unused() {
	x := 1 //nolint:hazard // want `//nolint directive names hazard but hazard reports nothing it covers`
	_ = x
	y := 2 //nolint:gohazard
	_ = y
	//lint:ignore hazard,errcheck nothing here any more // want `//lint:ignore directive names hazard but hazard reports nothing`
	_ = x + y
	//lint:ignore SA4006 staticcheck's business
	_ = x
}
