//go:build integration

package tagged

import "os"

// Sizes opens every file before closing any.
func Sizes(names []string) (int64, error) {
	var total int64
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return 0, err
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			return 0, err
		}
		Logf("%s: %d bytes", info.Size(), name)
		total += info.Size()
	}
	return total, nil
}
