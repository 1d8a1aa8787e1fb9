//lint:file-ignore hazard the whole file is a fixture

package suppress

func fileIgnored() {
	hazard()
	hazard()
}
